"""Writes ``ArticleFacts`` into the database: the one place the archive grows.

Public interface (the load orchestration codes against it):

* :func:`write_articles` writes a batch and returns, per input, a
  :class:`WriteOutcome` (``added`` or ``skipped``) or a :class:`WriteError`.
* :func:`existing_hashes` tells which content hashes are already stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, select

from newsdb.db.models import Article as ArticleRow
from newsdb.extract.facts import ArticleFacts


@dataclass(frozen=True)
class SourceSpec:
    """The publisher to use when an article does not name one (``--source CODE``)."""

    code: str
    name: str | None = None


@dataclass(frozen=True)
class WriteOutcome:
    origin: str
    content_hash: str
    status: Literal["added", "skipped"]
    article_id: int | None


class WriteError(Exception):
    """An article that could not be written; ``str(err)`` is one line, safe to show."""

    def __init__(self, error_class: str, message: str, *, origin: str = "", content_hash: str = "") -> None:
        super().__init__(message)
        self.error_class = error_class
        self.message = message
        self.origin = origin
        self.content_hash = content_hash


def write_articles(
    engine: Engine,
    facts: Sequence[ArticleFacts],
    *,
    run_id: int | None = None,
    default_source: SourceSpec | None = None,
) -> list[WriteOutcome | WriteError]:
    """Write a batch; one result per input, in input order.  Never raises for one bad article."""
    raise NotImplementedError


def existing_hashes(engine: Engine, hashes: Iterable[str]) -> set[str]:
    """The subset of ``hashes`` already stored as ``article.content_hash``."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    with engine.connect() as conn:
        rows = conn.execute(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(wanted)))
        return {r[0] for r in rows}
