"""Statements: who said what, stored once and linked to every report of it."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.db.models.base import Base, BigId, Code, CreatedAt


class StatementType(Base):
    """Reference table: direct, partial, indirect."""

    __tablename__ = "statement_type"
    __table_args__ = {"comment": "Kinds of statement: direct quote, partial quote, indirect speech."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text)


class Statement(Base):
    """One thing one speaker said, however many articles carry it."""

    __tablename__ = "statement"
    __table_args__ = (
        CheckConstraint("quote ~ '\\S'", name="quote_not_blank"),
        CheckConstraint("quote_hash ~ '^[0-9a-f]{64}$'", name="quote_hash_format"),
        # `report statements --contains`: ILIKE '%text%' through trigrams, not a scan of every quote.
        Index("ix_statement_quote_trgm", "quote", postgresql_using="gin", postgresql_ops={"quote": "gin_trgm_ops"}),
        UniqueConstraint(
            "speaker_entity_id",
            "statement_type",
            "quote_hash",
            name="uq_statement_speaker_type_quote",
            postgresql_nulls_not_distinct=True,
        ),
        {"comment": "Quotes and reported speech, one row per speaker, type and normalized quote."},
    )

    id: Mapped[BigId]
    speaker_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entity.id", ondelete="RESTRICT"),
        index=True,
        comment="Who said it; null when the article does not attribute it.",
    )
    statement_type: Mapped[str] = mapped_column(ForeignKey("statement_type.code", ondelete="RESTRICT"), index=True)
    quote: Mapped[str] = mapped_column(Text, comment="What was said, as first reported.")
    quote_hash: Mapped[str] = mapped_column(Text, comment="SHA-256 of the normalized quote.")
    created_at: Mapped[CreatedAt]

    reports: Mapped[list[StatementReport]] = relationship(back_populates="statement")


class StatementReport(Base):
    """Where an article reports a statement: the span, cue and channel."""

    __tablename__ = "statement_report"
    __table_args__ = (
        CheckConstraint("start_char >= 0 AND end_char > start_char", name="span_valid"),
        CheckConstraint(
            "(cue_start IS NULL) = (cue_end IS NULL) AND (cue_start IS NULL OR cue_end > cue_start)",
            name="cue_span_valid",
        ),
        CheckConstraint(
            "(speaker_start IS NULL) = (speaker_end IS NULL)"
            " AND (speaker_start IS NULL OR speaker_end > speaker_start)",
            name="speaker_span_valid",
        ),
        UniqueConstraint("article_id", "start_char", "end_char", name="uq_statement_report_article_id_span"),
        Index("ix_statement_report_cue_verb", "cue_verb"),
        {"comment": "Each report of a statement in an article, with its character spans."},
    )

    id: Mapped[BigId]
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    cue_verb: Mapped[str | None] = mapped_column(Text, comment="Lemma of the speech cue: say, declare, according to.")
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker_text: Mapped[str | None] = mapped_column(Text, comment="How the article names the speaker here.")
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    channel_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entity.id", ondelete="SET NULL"),
        index=True,
        comment="Through whom it was reported ('according to KCNA').",
    )
    channel_text: Mapped[str | None] = mapped_column(Text, comment="The channel as written ('Russian agencies').")
    created_at: Mapped[CreatedAt]

    statement: Mapped[Statement] = relationship(back_populates="reports")
