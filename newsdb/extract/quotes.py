"""Quoted spans in raw text: where quotation marks open and close.

This is pure text work, before any parsing: :func:`find_quotes` scans the body
once, left to right, and returns every top-level quotation it can close.

* Double marks: curly ``“…”`` (and German ``„…“``: a ``“`` after a word or
  its punctuation and before a space or punctuation closes, which also reads
  the typo ``“It's unusual,“ said X``), straight ``"…"``, guillemets
  ``«…»``.  Marks nested inside another quotation (``“He said ‘no’”``,
  ``«… “…” …»``) belong to the outer one and are not reported separately.
* Curly and straight double marks mixed by an editor (``“...," X said.
  "...”``) close each other, when no quotation of the closing mark's own
  kind is open.
* Single marks, curly ``‘…’`` and straight ``'…'`` (British tabloid style:
  ``'We will win,' she said``), are reported only where they cannot be
  apostrophes: the opening mark starts a word and the closing mark ends one,
  never far apart.  A straight mark is not an opening one before an elided
  word (``'em``, ``rock 'n' roll``, ``'90s``) nor a closing one after a digit
  before a number (``6' 2``); a mark after an ``s`` before a lower-case word
  (``the players' union``) closes only when no other closing mark follows.
* Two apostrophes ``''…''`` stand for a double mark in some ASCII archives
  (the New York Times as LexisNexis delivers it): :func:`reading_text` gives
  the same text with those written ``"``, which every stage then reads.
* News convention for long quotations: a paragraph that opens a quotation
  without closing it continues in the next paragraph when that paragraph
  opens with a quotation mark of the same kind; the quotation ends where it is
  finally closed.  A text whose paragraph breaks were lost (``injured.
  "Clearly ..."``: a double mark of the open quotation's kind opening a new
  sentence) is read the same way, unless the open quotation's mark is
  followed by a space.  A quotation that cannot be closed is dropped, never guessed.

Each character is looked at a bounded number of times, so the scan is linear
in the length of the text, however unbalanced the marks are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Family = Literal["curly", "straight", "guillemet", "single"]
Role = Literal["open", "close", "either"]

_MARKS = re.compile("[“”„‟\"«»‘’']")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_OPENERS_BEFORE = frozenset("([{—–-/\u00a0")
_MAX_SINGLE_QUOTE_CHARS = 400
# words written with a leading apostrophe, which then opens no quotation
_ELISIONS = frozenset({"em", "n", "til", "cause", "cos", "tis", "twas", "bout", "round", "s"})
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``text[start:end]`` is its content, marks excluded.

    ``open_at`` and ``close_at`` are the positions of the opening and the
    closing mark; ``paragraphs`` counts the paragraphs it runs over.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    family: Family
    paragraphs: int = 1

    @property
    def outer_start(self) -> int:
        return self.open_at

    @property
    def outer_end(self) -> int:
        return self.close_at + 1


@dataclass(slots=True)
class _Mark:
    pos: int
    family: Family
    role: Role


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blank-line separated, else line separated."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    start = 0
    for match in splitter.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def window_start(paragraph_starts: list[int], position: int, paragraphs: int) -> int:
    """Where the paragraph ``paragraphs`` before the one holding ``position`` starts (0 at the text's start)."""
    starts = [s for s in paragraph_starts if s <= position]
    if not starts:
        return 0
    return starts[max(0, len(starts) - 1 - paragraphs)]


_APOSTROPHES = re.compile("'{2,3}")
_MAX_SPACES_BEFORE_CLOSE = 3


def _closing_spaces(text: str, start: int) -> int:
    """How many spaces set a closing ``''`` off from the end of its clause: 1 in ``coalitions, '' said``, 0 when
    the marks do not close one that way."""
    at = start
    while at > 0 and start - at < _MAX_SPACES_BEFORE_CLOSE and text[at - 1] in " \t\u00a0":
        at -= 1
    return start - at if 0 < at < start and text[at - 1] in ",.?!'" else 0


def reading_text(text: str) -> str:
    """``text`` with ASCII double marks written as ``"``, at the same offsets: what the stages read.

    Only in a text that uses them (one ``''`` opens a word and one closes
    one): an opening ``''Why`` becomes `` "Why``, a closing ``now,''``
    becomes ``now," `` (and ``now, ''``, spaced off after the clause's
    comma, ``now,"   ``); three marks are a single one inside the double (``case,'''`` is
    ``case,'" ``).  Any other text is returned as it is.
    """
    if "''" not in text:
        return text
    edits: list[tuple[int, str]] = []
    opened = closed = False
    for match in _APOSTROPHES.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        single = "'" if end - start == 3 else ""
        if (before.isspace() or before in _OPENERS_BEFORE) and not after.isspace():
            edits.append((start, ' "' + single))
            opened = True
        elif not before.isspace() and not after.isalnum():
            edits.append((start, single + '" '))
            closed = True
        elif spaces := _closing_spaces(text, start) if not after.isalnum() else 0:
            edits.append((start - spaces, single + '"' + " " * (end - start - len(single) - 1 + spaces)))
            closed = True
    if not (opened and closed):
        return text
    parts: list[str] = []
    last = 0
    for start, replacement in edits:
        parts.append(text[last:start])
        parts.append(replacement)
        last = start + len(replacement)
    parts.append(text[last:])
    return "".join(parts)


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quotation in ``text`` that opens and closes, in order."""
    quotes: list[Quote] = []
    carried: _Open | None = None
    paragraphs = paragraph_spans(text)
    for index, (start, end) in enumerate(paragraphs):
        marks = [m for m in (_classify(text, match.start()) for match in _MARKS.finditer(text, start, end)) if m]
        if carried is not None:
            marks, carried = _continue(carried, marks, text, start)
        found, pending = _scan_paragraph(marks, text, carried)
        quotes.extend(found)
        carried = None
        if pending is not None and index + 1 < len(paragraphs):
            nxt = _first_mark(text, paragraphs[index + 1][0], paragraphs[index + 1][1])
            if nxt is not None and nxt.family == pending.family and nxt.role in ("open", "either"):
                carried = _Open(pending.pos, pending.family, pending.paragraphs + 1)
    return quotes


@dataclass(slots=True)
class _Open:
    pos: int
    family: Family
    paragraphs: int = 1


def _continue(carried: _Open, marks: list[_Mark], text: str, start: int) -> tuple[list[_Mark], _Open | None]:
    """Drop the re-opening mark that starts a continued paragraph."""
    if marks and marks[0].family == carried.family:
        return marks[1:], carried
    return marks, None


def _first_mark(text: str, start: int, end: int) -> _Mark | None:
    stripped = start
    while stripped < end and text[stripped].isspace():
        stripped += 1
    if stripped < end and _MARKS.match(text, stripped):
        return _classify(text, stripped)
    return None


def _scan_paragraph(marks: list[_Mark], text: str, carried: _Open | None) -> tuple[list[Quote], _Open | None]:
    """Match marks inside one paragraph; return closed quotes and the open one, if any."""
    found: list[Quote] = []
    stack: list[_Open] = [carried] if carried is not None else []
    for mark in marks:
        if mark.family == "single":
            _single(mark, stack, text, found)
            continue
        top_same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == mark.family), None)
        closes = mark.role == "close" or (mark.role == "either" and top_same is not None)
        if closes and top_same is None and _mixed_close(mark, stack):
            top_same = len(stack) - 1  # “...," Trump said. "...”: curly and straight mixed by an editor
        if closes:
            if top_same is None:
                continue  # a stray closing mark: nothing to close
            opened = stack[top_same]
            del stack[top_same:]
            _closed(opened, mark.pos, stack, found)
        elif mark.role in ("open", "either"):
            at = stack[top_same].pos if top_same is not None and top_same == len(stack) - 1 else None
            if at is not None and not text[at + 1 : at + 2].isspace() and _new_sentence(text, mark.pos):
                continue  # “... injured. “Clearly ...”: a paragraph break lost in the text, the quotation goes on
            if top_same is not None:
                del stack[top_same:]  # the same kind opened twice: the first cannot be closed
            stack.append(_Open(mark.pos, mark.family))
    pending = next((o for o in stack if o.family != "single"), None)
    return found, pending


def _closed(opened: _Open, close_at: int, stack: list[_Open], found: list[Quote]) -> None:
    """Report a quotation just closed, unless a double quotation still open holds it.

    Single marks still open around it may be apostrophes ("Sophie in 't
    Veld said “...”"): the quotation is reported, and replaced by the
    single-quoted one around it if that one closes.
    """
    if any(o.family != "single" for o in stack):
        return
    while found and found[-1].open_at > opened.pos:
        found.pop()  # nested in the quotation closed now
    found.append(_quote(opened, close_at))


def _new_sentence(text: str, pos: int) -> bool:
    """The mark at ``pos`` follows the end of a sentence and a space: ``injured. "Clearly``."""
    return pos >= 2 and text[pos - 1] in " \t" and text[pos - 2] in ".?!" and text[pos + 1 : pos + 2].isalnum()


def _mixed_close(mark: _Mark, stack: list[_Open]) -> bool:
    """A closing double mark of the other family than the innermost open quotation, which it closes.

    Only curly and straight marks mix, only a mark that can only close (a
    space or punctuation after it), and only when no quotation of its own
    family is open: “He said no" closes; “He said "no" to me” nests as before.
    """
    if mark.role != "close" or mark.family not in ("curly", "straight") or not stack:
        return False
    top = stack[-1].family
    return top in ("curly", "straight") and top != mark.family


def _single(mark: _Mark, stack: list[_Open], text: str, found: list[Quote]) -> None:
    """Single curly marks: open at a word start, close at a word end, never far apart."""
    if mark.role == "open":
        stack.append(_Open(mark.pos, "single"))
        return
    idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == "single"), None)
    if idx is None or mark.role != "close":
        return
    opened = stack[idx]
    if mark.pos - opened.pos > _MAX_SINGLE_QUOTE_CHARS:
        del stack[idx:]
        return
    if _possessive(text, mark.pos) and _later_single_close(text, mark.pos, opened.pos):
        return  # "the players’ union": wait for the real closing mark
    del stack[idx:]
    _closed(opened, mark.pos, stack, found)


def _possessive(text: str, pos: int) -> bool:
    """``’`` after an ``s`` and before a lower-case word looks like a plural possessive."""
    after = text[pos + 1 : pos + 3]
    return text[pos - 1 : pos] in ("s", "S") and len(after) == 2 and after[0] == " " and after[1].islower()


def _later_single_close(text: str, pos: int, opened_at: int) -> bool:
    limit = min(len(text), opened_at + _MAX_SINGLE_QUOTE_CHARS)
    char = text[pos]
    nxt = text.find(char, pos + 1, limit)
    while nxt != -1:
        mark = _classify(text, nxt)
        if mark is not None and mark.role == "close":
            between = text[pos:nxt]
            return "\n" not in between and not any(m.role == "open" for m in _singles(text, pos + 1, nxt))
        nxt = text.find(char, nxt + 1, limit)
    return False


def _singles(text: str, start: int, end: int) -> list[_Mark]:
    marks = (_classify(text, i) for i in range(start, end) if text[i] in "‘'")
    return [m for m in marks if m is not None and m.family == "single"]


def _quote(opened: _Open, close_at: int) -> Quote:
    return Quote(
        start=opened.pos + 1,
        end=close_at,
        open_at=opened.pos,
        close_at=close_at,
        family=opened.family,
        paragraphs=opened.paragraphs,
    )


def _classify(text: str, pos: int) -> _Mark | None:
    """What the mark at ``pos`` can do, from the characters around it."""
    char = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    space_before = before.isspace() or before in _OPENERS_BEFORE
    space_after = after.isspace()
    if char == "“" and not space_before and not after.isalnum() and pos > 0:
        # „Wir schaffen das“, sagte sie / “It's unusual,“ said X: after a word or its punctuation, before a space
        # or punctuation, the German closing mark or a typo for the English one closes what is open
        return _Mark(pos, "curly", "either")
    if char in "“„‟":
        return _Mark(pos, "curly", "open")
    if char == "”":
        role: Role = "open" if space_before and after.isalnum() and pos > 0 else "close"
        return _Mark(pos, "curly", role)
    if char == "«":
        return _Mark(pos, "guillemet", "open")
    if char == "»":
        return _Mark(pos, "guillemet", "close")
    if char == '"':
        if before == " " and text[pos - 2 : pos - 1] in ("'", "’") and pos >= 2 and not after.isalnum():
            return _Mark(pos, "straight", "close")  # "... is important,' " he said: set apart from the single mark
        return _straight(pos, before, space_before, space_after)
    if char == "‘":
        if space_before and (after.isalnum() or after in '“"') and not _decade(text, pos):
            return _Mark(pos, "single", "open")
        return None
    if char == "'" and (space_before or before in '“"'):
        word = _WORD.match(text, pos + 1)
        elided = word is not None and word.group() in _ELISIONS  # lower-case: "'Tis" may open a quotation
        if (after.isalnum() or after in '“"') and not elided and not _decade(text, pos):
            return _Mark(pos, "single", "open")
        return None
    # "’" or "'": a closing single mark only where it ends a word
    if not before.isspace() and not after.isalnum():
        if char == "'" and before.isdigit() and text[pos + 1 : pos + 3].strip()[:1].isdigit():
            return None  # feet: 6' 2"
        return _Mark(pos, "single", "close")
    return None


def _straight(pos: int, before: str, space_before: bool, space_after: bool) -> _Mark | None:
    if space_before and space_after:
        return None  # a lone mark between spaces opens nothing
    if space_before:
        return _Mark(pos, "straight", "open")
    if before.isdigit() and space_after:
        return None  # inches: 12" pipe
    if space_after:
        return _Mark(pos, "straight", "close")
    return _Mark(pos, "straight", "either")


def _decade(text: str, pos: int) -> bool:
    """``‘90s``: an elided century, not a quotation."""
    return text[pos + 1 : pos + 3].isdigit() and text[pos + 3 : pos + 4] in ("s", " ", "")
