"""Page furniture that scraped news text carries inside its sentences.

Text copied from a news page with its layout flattened keeps the photo
credits, captions, gallery counters and sign-up boxes on the line of the
story, with no full stop between them:

    ...preparing to evacuate staff. Image copyright Reuters Image caption Doctors
    said they expect the number of casualties to increase Ajmal Jan, a local
    shopkeeper, said the force of the blast had blown his windows out.

The parser then reads "Doctors ... Ajmal Jan, a local shopkeeper," as one
sentence and the next "he told Reuters" finds no Ajmal Jan to be.  Each piece
of furniture found here starts a sentence of its own and the story restarts
after it, so quotations, their speakers and the subjects that pronouns refer
back to stay in the story.  Nothing is removed: offsets and text stay the body's.

The pieces are the layouts seen in real scraped news (BBC, Mirror,
Independent, Guardian, USA Today pages):

* ``Image copyright <credit> Image caption <caption>``; a caption has no
  full stop, so it is taken to end before the first capitalised word that
  follows a noun or verb ("... to increase | Ajmal Jan, ...");
* ``(Photo: Getty Images)``;
* gallery credits with a counter: ``... on Wednesday | Getty Images 22 | Rail
  workers ...``, ``Carl Court/Getty Images 3/8``;
* sign-up and link boxes: ``... try again later Invalid Email | ...``,
  ``| Read more | ...``, ``Share this video Watch Next | ...``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Token

_MARKER = re.compile(r"\bImage (?:copyright|caption)\b")
_CAPTION = "Image caption"
# A credit in parentheses: "(Photo: Getty Images)", "(AFP/Getty Images)".
_PAREN_CREDIT = re.compile(r"\((?:(?:Photo|Picture|Image)s?: [^()\n]{1,60}|[A-Z][\w ]{0,30}/Getty Images)\)")
# A gallery credit and its counter, before the next picture's caption: "Getty Images 22 Rail workers".
_GALLERY = re.compile(
    r"\b(?:Getty Images|Getty|AFP|AP|EPA|PA|Reuters|Rex Features|Shutterstock)"
    r" \d{1,3}(?:/\d{1,3})? (?=[A-Z\"“])"
)
# Sign-up and link boxes: the story goes on after them.
_BOX = re.compile(
    r"\b(?:Invalid Email|Read more|Share this video Watch Next|Media playback is unsupported on your device)\b"
)
# A caption ends before a capitalised word following one of these: "in conversation | White House spokesman".
_CAPTION_END_TAGS = frozenset({"NN", "NNS", "VB", "VBD", "VBN", "VBG", "VBP", "VBZ", "RB"})
MAX_CAPTION_TOKENS = 40
MAX_CREDIT_CHARS = 60  # "Image copyright Getty Images/AFP Image caption"


class Piece(NamedTuple):
    """A credit or box: characters ``start:end`` of the text, and whether the story goes on at ``end``."""

    start: int
    end: int
    closed: bool = True


def credits(text: str) -> list[Piece]:
    """The photo credits, gallery counters and sign-up boxes of ``text``: no part of the story, no entity.

    A BBC credit ("Image copyright Reuters") ends at the caption after it; with none after it, where it
    ends is unknown and only its two words are a piece (not ``closed``).
    """
    pieces: list[Piece] = []
    for match in _MARKER.finditer(text):
        if match.group() == _CAPTION:
            continue
        caption = _MARKER.search(text, match.end(), match.end() + MAX_CREDIT_CHARS)
        if caption and caption.group() == _CAPTION and "\n" not in text[match.end() : caption.start()]:
            pieces.append(Piece(match.start(), caption.start()))
        else:
            pieces.append(Piece(match.start(), match.end(), closed=False))
    for pattern in (_PAREN_CREDIT, _GALLERY, _BOX):
        pieces.extend(Piece(*match.span()) for match in pattern.finditer(text))
    return pieces


class Covered:
    """Whether a span of the text overlaps any of its credits, in logarithmic time per span."""

    def __init__(self, pieces: list[Piece]) -> None:
        ordered = sorted(pieces)
        self._starts = [p.start for p in ordered]
        self._reach: list[int] = []  # the furthest end of the pieces up to each one
        for piece in ordered:
            self._reach.append(max(piece.end, self._reach[-1] if self._reach else 0))

    def __call__(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._reach[index] > start


def furniture(doc: Doc) -> Iterator[tuple[int | None, int | None]]:
    """Each piece of page furniture in ``doc``: its first token and the token after it.

    Either is None where it is not a token of its own (a credit inside "Carl Court/Getty Images 3/8")
    or unknown (where a BBC photo credit ends when no caption follows it, where a caption ends).
    """
    text = doc.text
    pieces = credits(text)
    captions = [match for match in _MARKER.finditer(text) if match.group() == _CAPTION]
    if not (pieces or captions):
        return
    starts = [token.idx for token in doc]
    for piece in pieces:
        after = _token_at(starts, _skip_space(text, piece.end)) if piece.closed else None
        yield _token_at(starts, piece.start), after
    for match in captions:
        first = _token_at(starts, match.start())
        if first is not None:
            yield first, _caption_end(doc, _token_index(starts, match.end()))


def mark_furniture(doc: Doc) -> None:
    """Start a sentence at each piece of furniture and after it; keep each piece one sentence."""
    for first, after in furniture(doc):
        if first is not None:
            doc[first].is_sent_start = True
        if after is not None:
            if first is not None:
                for token in doc[first + 1 : after]:
                    token.is_sent_start = False
            doc[after].is_sent_start = True


def _caption_end(doc: Doc, first: int) -> int | None:
    """The token after a BBC caption that starts at token ``first``: a capitalised word after a noun or verb."""
    for token in doc[first + 1 : first + MAX_CAPTION_TOKENS]:
        previous = doc[token.i - 1]
        if _MARKER.match(doc.text, token.idx) or "\n" in previous.whitespace_:
            return None
        if _starts_anew(token, previous):
            return token.i
    return None


def _starts_anew(token: Token, previous: Token) -> bool:
    return (
        token.text[:1].isupper()
        and previous.tag_ in _CAPTION_END_TAGS
        and previous.is_alpha
        and previous.is_lower
        and len(previous.text) > 1
        and previous.whitespace_ != ""
    )


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _token_index(starts: list[int], char: int) -> int:
    return max(0, min(bisect_left(starts, char), len(starts) - 1))


def _token_at(starts: list[int], char: int) -> int | None:
    """The token starting exactly at ``char``, if one does."""
    index = bisect_left(starts, char)
    if index < len(starts) and starts[index] == char:
        return index
    return None
