"""The language stage: article text in, :class:`ArticleFacts` out."""

from newsdb.extract.facts import ArticleFacts

__all__ = ["ArticleFacts"]
