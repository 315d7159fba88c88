"""Reading inputs and parsing them into :class:`Article` objects."""

from newsdb.ingest.article import Article, Credit, RawDocument

__all__ = ["Article", "Credit", "RawDocument"]
