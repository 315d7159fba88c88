"""Shared fixtures for the extraction tests: one loaded model per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_cd0150b82fde485e.txt"


def seed_from_text(text: str, origin: str) -> Article:
    """The seed article: title line, blank line, body, trailing ``source <code>`` line.

    Uses the loader's parser when it exists; this fallback builds the same body
    (everything after the title and blank line, before the source line, rstripped).
    """
    try:
        from newsdb.ingest.seedtext import parse_seed_text
    except ImportError:
        lines = text.split("\n")
        title = lines[0].strip()
        rest = "\n".join(lines[2:])
        body, _, source = rest.rpartition("\nsource ")
        return Article(body=body.rstrip(), origin=origin, title=title, source_code=source.strip() or None)
    article: Article = parse_seed_text(text, origin)
    return article


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return seed_from_text(SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.fixture(scope="session")
def seed_facts(extractor: Extractor, seed_article: Article) -> ArticleFacts:
    return extractor.extract(seed_article)
