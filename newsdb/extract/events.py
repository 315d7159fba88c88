"""Events: PLOVER-typed events from trigger words and the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdb.extract.doc import DocEntities
from newsdb.extract.facts import Event
from newsdb.ingest.article import Article


def find_events(doc: Doc, article: Article, ents: DocEntities) -> list[Event]:
    """PLOVER events reported in one article."""
    return []
