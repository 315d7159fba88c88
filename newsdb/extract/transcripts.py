"""Transcript turns: paragraphs that open with a speaker's name in capitals and a colon.

Interview and debate transcripts in news print each turn as ``LABEL: words``::

    "WALLACE: Do you really see those two as equivalent?

    "PENCE: Well, look, Mark Cuban has been out there saying ...

    "But the truth is that Donald Trump has a unique way of communicating ...

:func:`find_turns` is pure text work: it finds the paragraphs that open so
(after an optional quotation mark: some sites print a whole transcript as one
long quotation, each paragraph opening with a mark) and where each turn ends.
A turn is its own paragraph; inside such a quoted transcript it runs on over
the paragraphs that follow until the next turn, a stage direction
("(CROSSTALK.)") or the end of the quotation.  Whether a label names a person
is for the statements stage to decide (:mod:`newsdb.extract.statements`):
"WASHINGTON:" and "UPDATE:" open paragraphs the same way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsdb.extract.quotes import Quote

# One to four words in capitals (two letters at least: "Q:" and "A:" are not names), then a colon and text.
_TURN = re.compile(
    r"(?P<lead>[\"“]?[ \t\u00a0]*)"
    r"(?P<label>[A-Z][A-Z'’.-]*[A-Z.](?:[ \t\u00a0]+[A-Z][A-Z'’.-]*[A-Z.]){0,3})"
    r"[ \t\u00a0]*:[ \t\u00a0]+(?=\S)"
)
# Labels that open paragraphs of other kinds: notes, media, headings.
NOT_SPEAKER_WORDS = frozenset(
    {
        "UPDATE", "UPDATED", "VIDEO", "WATCH", "BYLINE", "NOTE", "EDITOR'S", "EDITOR’S", "EDITORS", "CORRECTION",
        "PREVIOUSLY", "PHOTO", "PHOTOS", "AUDIO", "READ", "RELATED", "SOURCE", "SOURCES", "BREAKING", "EXCLUSIVE",
        "TRANSCRIPT", "CLIP", "LISTEN", "SEE", "MORE", "ALSO", "WARNING", "DISCLAIMER", "ADVERTISEMENT", "TAGS",
        "TOPICS", "FILE", "CREDIT", "CREDITS", "PS", "P.S.", "SUBJECT", "DATE", "FROM", "TO", "CC", "RE", "FW",
        "FWD", "SIGN", "TWEET", "QUESTION", "ANSWER", "HEADLINE", "LIVE", "WANTED", "POLL", "POLLS", "SUMMARY",
    }
)  # fmt: skip


# "Q: ..." and "A: ..." paragraphs of a printed interview.
_INTERVIEW = re.compile(r"(?P<lead>[\"“]?[ \t\u00a0]*)(?P<label>[QA])[ \t\u00a0]*:[ \t\u00a0]+(?=\S)")
MIN_INTERVIEW_TURNS = 2  # of each: questions and answers


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn: ``label`` at ``label_start:label_end``, the colon at ``colon``, the words at ``start:end``."""

    label: str
    label_start: int
    label_end: int
    colon: int
    start: int
    end: int
    speaker_label: bool = True  # False for "VIDEO:", "UPDATE:" and the like
    quoted: bool = False  # inside a quotation: a transcript printed as one


def find_turns(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[Turn]:
    """Paragraphs of ``text`` that open with a label, as turns, in order.

    ``paragraphs`` and ``quotes`` as :mod:`newsdb.extract.quotes` finds them.
    A label that is no speaker's ("VIDEO:") ends the turn before it all the same.
    """
    opened: list[tuple[int, re.Match[str]]] = []
    for index, (start, end) in enumerate(paragraphs):
        match = _TURN.match(text, start, end)
        if match is not None:
            opened.append((index, match))
    turns: list[Turn] = []
    turn_paragraphs = {index for index, _ in opened}
    starts = [q.start for q in quotes]  # in order, not nested: the last opening before the label may enclose it
    for index, match in opened:
        start, end = match.end(), paragraphs[index][1]
        last = bisect.bisect_right(starts, match.start("label")) - 1
        enclosing = quotes[last] if last >= 0 and match.start("label") < quotes[last].end else None
        if enclosing is not None:
            end = min(end, enclosing.end)
        if enclosing is not None and match.group("lead").strip():
            following = index + 1
            while following < len(paragraphs) and following not in turn_paragraphs:
                p_start, p_end = paragraphs[following]
                if p_start >= enclosing.end or text[p_start:p_end].lstrip('"“ \t').startswith("("):
                    break
                end = min(p_end, enclosing.end)
                following += 1
        label = match.group("label")
        speaker_label = not set(label.split()) & NOT_SPEAKER_WORDS
        colon = text.index(":", match.end("label"))
        quoted = enclosing is not None
        turns.append(Turn(label, match.start("label"), match.end("label"), colon, start, end, speaker_label, quoted))
    return turns


def find_interview(text: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """The "Q:" and "A:" paragraphs of a printed interview, as turns labelled "Q" and "A".

    Two questions and two answers at least.  A turn runs on over unlabelled
    paragraphs up to the next labelled one (an answer of several
    paragraphs); the last ends with its own paragraph, since what follows
    an interview is the article again.  Neither label names anyone: who
    answers is for the statements stage to decide.
    """
    opened: list[tuple[int, re.Match[str]]] = []
    for index, (start, end) in enumerate(paragraphs):
        match = _INTERVIEW.match(text, start, end)
        if match is not None:
            opened.append((index, match))
    labels = [match.group("label") for _, match in opened]
    if labels.count("Q") < MIN_INTERVIEW_TURNS or labels.count("A") < MIN_INTERVIEW_TURNS:
        return []
    turns: list[Turn] = []
    for n, (index, match) in enumerate(opened):
        last = opened[n + 1][0] - 1 if n + 1 < len(opened) else index
        colon = text.index(":", match.end("label"))
        turns.append(
            Turn(
                match.group("label"),
                match.start("label"),
                match.end("label"),
                colon,
                match.end(),
                paragraphs[last][1],
                speaker_label=False,
            )
        )
    return turns
