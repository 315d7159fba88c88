"""Name and quote normalization: the forms the archive matches on.

The loader stores ``entity_alias.normalized = normalize_name(alias)`` and
``statement.quote_hash = quote_hash(quote)``; reports look names up with the
same functions, so a lookup and a stored row always agree.

``normalize_name``: NFKD, combining marks (accents) dropped, case-folded,
apostrophes dropped ("O'Brien" -> "obrien"), dots dropped ("U.S." -> "us"),
hyphens and other punctuation turned into spaces ("Kim Jong-un" ->
"kim jong un", the same as "Kim Jong Un"), whitespace collapsed, and leading
honorifics ("Mr.", "Mme", "Dr") and a leading "the" stripped.  Titles such as
"President" are *not* stripped: they are part of a descriptor, not a name.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "mm", "messrs", "mme", "mmes", "mlle", "m", "dr", "prof", "sir", "dame"}
)

_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`´]")
_DOTS = re.compile(r"\.")
_NON_WORD = re.compile(r"[^\w]+")
_WS = re.compile(r"\s+")

# Quote marks of every style, mapped away before hashing.
_QUOTE_MARKS = re.compile(r"[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a`´]")
_ELLIPSIS = re.compile(r"\[?\s*(?:\u2026|\.\s*\.\s*\.)\s*\]?")
_EDGE_PUNCT = re.compile(r"^[\s.,;:!?\-\u2013\u2014]+|[\s.,;:!?\-\u2013\u2014]+$")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(name: str) -> list[str]:
    """The normalized tokens of a name, honorifics and a leading "the" removed."""
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=65_536)  # the same few names recur hundreds of times per batch
def _name_tokens(name: str) -> tuple[str, ...]:
    text = strip_accents(name).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _DOTS.sub("", text)
    tokens = _NON_WORD.sub(" ", text).replace("_", " ").split()
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return tuple(tokens)


def normalize_name(name: str) -> str:
    """The matching form of a name: ``"Mr. Sergéi  Lavrov"`` -> ``"sergei lavrov"``.

    Returns ``""`` for a string with no letters or digits.
    """
    return " ".join(name_tokens(name))


def normalize_quote(quote: str) -> str:
    """The matching form of a quote: quote marks of any style removed, every
    ellipsis form ("…", "...", "[…]") made "...", accents kept, case-folded,
    whitespace collapsed, edge punctuation trimmed."""
    text = unicodedata.normalize("NFKC", quote)
    text = _QUOTE_MARKS.sub("", text)
    text = _ELLIPSIS.sub(" ... ", text)
    text = _WS.sub(" ", text).strip().casefold()
    return _EDGE_PUNCT.sub("", text)


def quote_hash(quote: str) -> str:
    """SHA-256 (hex) of :func:`normalize_quote`: the statement identity with speaker and type."""
    return hashlib.sha256(normalize_quote(quote).encode("utf-8")).hexdigest()


def source_code(name: str) -> str:
    """A ``source.code`` for a name: ``"Reuters"`` -> ``"reuters"``, ``"Yonhap News"`` -> ``"yonhap-news"``."""
    tokens = name_tokens(name)
    return "-".join(tokens)
