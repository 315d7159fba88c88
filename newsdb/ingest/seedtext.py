"""The plain-text article format of ``seeds/``.

::

    Section | Title                     <- first line; "Section | " is optional
                                        <- one blank line
    (Pyongyang) First paragraph ...     <- a dateline in parentheses may open the body
                                        <- paragraphs separated by blank lines
    PHOTO AGENCY KCNA BY REUTERS        <- optional caption / credit lines
    ...
    source site-59                      <- optional last line: the outlet's code

The body is everything after the title line and the blank line, up to the
``source`` line, with trailing whitespace removed; nothing inside it is
rewritten (quotes, ellipses, odd spacing stay), because facts cite spans of
it.  Credit lines stay in the body too; the credits point at them.

A text without the title-line header (its first line is not followed by a
blank line, or is too long to be a title) is all body.
"""

from __future__ import annotations

import re

from newsdb.ingest.article import Article, Credit
from newsdb.ingest.errors import InputError

MAX_TITLE_CHARS = 300

_SOURCE_LINE = re.compile(r"\n[ \t]*source[ \t]+([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*\s*\Z")
# "(Pyongyang) ..." or "PYONGYANG (Reuters) - ..." at the start of the body.
_DATELINE_PAREN = re.compile(r"\A\(([^()\n]{2,60})\)[ \t]")
_DATELINE_WIRE = re.compile(
    r"\A([A-Z][A-Z.' -]{1,40}[A-Z])(?:,[^()\n]{1,40})?[ \t]+\(([A-Za-z][\w .&-]{1,30})\)[ \t]*[-–—]"
)
# "PHOTO AGENCY KCNA BY REUTERS", "PHOTO REUTERS", "PHOTO: AFP"
_PHOTO_CREDIT = re.compile(
    r"\APHOTO:?[ \t]+(?:AGENCY[ \t]+)?([A-Z][A-Z0-9&.' -]*?)(?:[ \t]+BY[ \t]+([A-Z][A-Z0-9&.' -]*))?\Z"
)
_BYLINE = re.compile(r"\ABy[ \t]+([A-Z][\w.'-]+(?:[ \t]+[A-Z][\w.'-]+){0,3})\Z")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def parse_seed_text(text: str, origin: str) -> Article:
    """Parse one article in the seed text format; raise :class:`InputError` if it has no body."""
    source_code = None
    match = _SOURCE_LINE.search(text)
    if match:
        source_code = match.group(1).lower()
        text = text[: match.start()]

    section = title = None
    body = text
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith("\n") and 0 < len(first.strip()) <= MAX_TITLE_CHARS:
        section, title = _split_title(first.strip())
        body = rest[1:]
    elif not rest.strip() and len(first.strip()) <= MAX_TITLE_CHARS:
        raise InputError("no-text", "only a title line, no article text")
    body = body.rstrip()
    if not body.strip():
        raise InputError("no-text", "only a title line, no article text" if title else "no article text")

    return Article(
        body=body,
        origin=origin,
        title=title,
        section=section,
        dateline=_dateline(body),
        source_code=source_code,
        credits=_credits(body),
    )


def _split_title(line: str) -> tuple[str | None, str]:
    section, bar, title = line.partition(" | ")
    if bar and section.strip() and title.strip():
        return section.strip(), title.strip()
    return None, line


def _dateline(body: str) -> str | None:
    """The dateline opening the first paragraph that is not a credit line."""
    for para in list(_PARAGRAPH.finditer(body))[:3]:
        lead = para.group(0).lstrip()
        if _PHOTO_CREDIT.match(lead.strip()) or _BYLINE.match(lead.strip()):
            continue
        match = _DATELINE_PAREN.match(lead) or _DATELINE_WIRE.match(lead)
        if not match:
            return None
        place = match.group(1).strip()
        return place.title() if place.isupper() else place
    return None


def _credits(body: str) -> list[Credit]:
    credits: list[Credit] = []
    for para in _PARAGRAPH.finditer(body):
        line = para.group(0).strip()
        start = para.start() + para.group(0).index(line) if line else para.start()
        end = start + len(line)
        photo = _PHOTO_CREDIT.match(line)
        if photo:
            origin_agency, distributor = photo.group(1).strip(), (photo.group(2) or "").strip()
            if distributor:
                credits.append(Credit("agency", _agency_name(origin_agency), line, start, end))
                credits.append(Credit("photo", _agency_name(distributor), line, start, end))
            else:
                credits.append(Credit("photo", _agency_name(origin_agency), line, start, end))
            continue
        byline = _BYLINE.match(line)
        if byline:
            credits.append(Credit("author", byline.group(1), line, start, end))
    return credits


def _agency_name(raw: str) -> str:
    """KCNA stays KCNA; REUTERS becomes Reuters."""
    words = raw.split()
    return " ".join(w if len(w) <= 4 else w.capitalize() for w in words)
