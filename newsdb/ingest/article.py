"""The two in-memory shapes an input takes before extraction.

``RawDocument`` is what a reader hands over: bytes plus whatever the container
told us (path, line number, format hints).  ``Article`` is the parsed article:
metadata plus ``body``, the exact text every character offset in newsdb points
into.  ``body`` is never rewritten after parsing: curly quotes, odd spacing and
bracketed ellipses stay as they were, because facts cite spans of it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

CreditKind = Literal["agency", "photo", "author", "other"]

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes read from one input, before any parsing."""

    origin: str  # path, "path:line" for JSON lines, or "<stdin>"
    data: bytes
    format_hint: str | None = None  # "text", "json", "jsonl", "html", "facts"
    line_number: int | None = None


@dataclass(frozen=True, slots=True)
class Credit:
    """A by-line, agency or photo credit found in the article.

    ``start``/``end`` locate the credit line in ``Article.body`` when it sits
    inside the body (seed format), else both are None (e.g. JSON ``authors``).
    """

    kind: CreditKind
    name: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Article:
    """One parsed article.  All fact offsets index into ``body``."""

    body: str
    origin: str
    title: str | None = None
    section: str | None = None
    dateline: str | None = None
    published_at: datetime | None = None  # timezone-aware (UTC) when known
    language: str | None = None
    url: str | None = None
    source_code: str | None = None
    source_name: str | None = None
    credits: list[Credit] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def normalized_text(self) -> str:
        """Title and body, NFC-normalised, case-folded, whitespace collapsed."""
        text = f"{self.title or ''}\n{self.body}"
        return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()

    @property
    def content_hash(self) -> str:
        """SHA-256 of ``normalized_text``: the identity used for idempotent loads."""
        return hashlib.sha256(self.normalized_text.encode("utf-8")).hexdigest()

    @property
    def word_count(self) -> int:
        return len(self.body.split())
