"""Sources, articles and their credits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.db.models.base import Base, BigId, Code, CreatedAt

SOURCE_KINDS = ("publisher", "agency", "broadcaster", "other")
CREDIT_KINDS = ("agency", "photo", "author", "other")


class SourceKind(Base):
    """Reference table: what kind of source a source is."""

    __tablename__ = "source_kind"
    __table_args__ = {"comment": "Kinds of news source: publisher, wire agency, broadcaster."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text, nullable=False)


class Source(Base):
    """An outlet that publishes or originates articles (a site, a paper, a wire agency)."""

    __tablename__ = "source"
    __table_args__ = (
        CheckConstraint("code ~ '^[a-z0-9][a-z0-9._-]*$'", name="code_format"),
        CheckConstraint("name ~ '\\S'", name="name_not_blank"),
        {"comment": "News outlets and agencies; `code` is the stable handle used on the command line."},
    )

    id: Mapped[BigId]
    code: Mapped[str] = mapped_column(Text, unique=True, comment="Stable lower-case handle, e.g. site-59.")
    name: Mapped[str] = mapped_column(Text, comment="Display name.")
    kind: Mapped[str] = mapped_column(
        ForeignKey("source_kind.code", ondelete="RESTRICT"),
        index=True,
        server_default="publisher",
        comment="publisher, agency, broadcaster, other.",
    )
    url: Mapped[str | None] = mapped_column(Text, comment="Home page, when known.")
    created_at: Mapped[CreatedAt]

    articles: Mapped[list[Article]] = relationship(back_populates="source")


class Article(Base):
    """One news article as published; `body` is the text every span points into."""

    __tablename__ = "article"
    __table_args__ = (
        CheckConstraint("body ~ '\\S'", name="body_not_blank"),
        CheckConstraint("title IS NULL OR title ~ '\\S'", name="title_not_blank"),
        CheckConstraint("word_count >= 0", name="word_count_not_negative"),
        CheckConstraint("content_hash ~ '^[0-9a-f]{64}$'", name="content_hash_format"),
        CheckConstraint("language IS NULL OR language ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$'", name="language_format"),
        Index("ix_article_search", "search", postgresql_using="gin"),
        Index("ix_article_published_at_id", "published_at", "id"),
        {"comment": "News articles; one row per distinct text (content_hash) and URL."},
    )

    id: Mapped[BigId]
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"),
        index=True,
        comment="Who published it (null when unknown).",
    )
    title: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text, index=True, comment="Section or rubric, e.g. North Korea.")
    dateline: Mapped[str | None] = mapped_column(Text, comment="Place in the dateline, e.g. Pyongyang.")
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), comment="Publication time, UTC.")
    language: Mapped[str | None] = mapped_column(Text, comment="BCP 47 language code, e.g. en.")
    url: Mapped[str | None] = mapped_column(Text, unique=True, comment="Canonical URL, when known.")
    body: Mapped[str] = mapped_column(Text, comment="Exact article text; every span offset indexes into it.")
    content_hash: Mapped[str] = mapped_column(
        Text, unique=True, comment="SHA-256 of the normalized title and body: identity for idempotent loads."
    )
    word_count: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str | None] = mapped_column(Text, comment="Where it was read from (path, path:line).")
    metadata_: Mapped[dict[str, Any]] = mapped_column(
        "metadata",
        JSONB,
        server_default=text("'{}'::jsonb"),
        comment="Input fields newsdb has no column for, kept as given.",
    )
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english'::regconfig, left(body, 500000)), 'B')",
            persisted=True,
        ),
        comment="Full-text search vector of title (weight A) and body (weight B).",
    )
    ingest_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_run.id", ondelete="SET NULL"), index=True, comment="The load that added it."
    )
    created_at: Mapped[CreatedAt]

    source: Mapped[Source | None] = relationship(back_populates="articles")
    credits: Mapped[list[ArticleCredit]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class ArticleCredit(Base):
    """A by-line, agency or photo credit of an article."""

    __tablename__ = "article_credit"
    __table_args__ = (
        CheckConstraint(f"kind IN {CREDIT_KINDS!r}", name="kind_known"),
        CheckConstraint("name ~ '\\S'", name="name_not_blank"),
        CheckConstraint(
            "(start_char IS NULL) = (end_char IS NULL)"
            " AND (start_char IS NULL OR (start_char >= 0 AND end_char > start_char))",
            name="span_valid",
        ),
        {"comment": "Credits (agency, photo, author) of an article; distinct from its publisher."},
    )

    id: Mapped[BigId]
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(Text, comment="agency, photo, author or other.")
    name: Mapped[str] = mapped_column(Text, comment="Who is credited, e.g. KCNA, Reuters.")
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL"), index=True, comment="The credited agency as a source."
    )
    credit_text: Mapped[str | None] = mapped_column(Text, comment="The credit line as printed.")
    start_char: Mapped[int | None] = mapped_column(BigInteger)
    end_char: Mapped[int | None] = mapped_column(BigInteger)

    article: Mapped[Article] = relationship(back_populates="credits")
