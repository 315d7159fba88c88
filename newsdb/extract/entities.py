"""Entities: persons, organizations and places from NER, cleaned and resolved in-document."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdb.extract.doc import DocEntities
from newsdb.ingest.article import Article


def find_entities(doc: Doc, article: Article) -> DocEntities:
    """Entities, mentions and roles of one article."""
    return DocEntities(body=article.body)
