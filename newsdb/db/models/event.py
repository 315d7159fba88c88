"""Events coded with PLOVER: stored once, linked to every article that reports them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.db.models.base import Base, BigId, Code, CreatedAt

DATE_PRECISIONS = ("day", "week", "month", "year")


class EventType(Base):
    """PLOVER event types (openeventdata/PLOVER), seeded by the migration."""

    __tablename__ = "event_type"
    __table_args__ = {"comment": "PLOVER event types: code, readable label, description."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    former_code: Mapped[str | None] = mapped_column(Text, comment="Earlier PLOVER name, e.g. DEMAND for REQUEST.")


class EventMode(Base):
    """PLOVER modes: a finer kind within an event type (visit, summit, weapons test)."""

    __tablename__ = "event_mode"
    __table_args__ = {"comment": "Modes within PLOVER event types."}

    code: Mapped[Code]
    event_type: Mapped[str] = mapped_column(ForeignKey("event_type.code", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(Text)


class EventContext(Base):
    """Whether an event happened, is planned, is hypothetical, or is history."""

    __tablename__ = "event_context"
    __table_args__ = {"comment": "PLOVER context kept apart from the type: occurred, future, hypothetical, historical."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text)


class ParticipantRole(Base):
    __tablename__ = "participant_role"
    __table_args__ = {"comment": "Roles of event participants: actor, recipient, participant."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text)


class Event(Base):
    """Something that happened (or is planned), stored once."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("(occurred_on IS NULL) = (date_precision IS NULL)", name="date_has_precision"),
        CheckConstraint(
            f"date_precision IS NULL OR date_precision IN {DATE_PRECISIONS!r}", name="date_precision_known"
        ),
        Index("ix_event_type_occurred_on", "event_type", "occurred_on"),
        Index("ix_event_occurred_on", "occurred_on"),
        {"comment": "Events typed with PLOVER, with place, date and context; reports link them to articles."},
    )

    id: Mapped[BigId]
    event_type: Mapped[str] = mapped_column(ForeignKey("event_type.code", ondelete="RESTRICT"))
    mode: Mapped[str | None] = mapped_column(ForeignKey("event_mode.code", ondelete="RESTRICT"), index=True)
    context: Mapped[str] = mapped_column(
        ForeignKey("event_context.code", ondelete="RESTRICT"), index=True, server_default="occurred"
    )
    occurred_on: Mapped[date | None] = mapped_column(Date, comment="First day of the period the date names.")
    date_precision: Mapped[str | None] = mapped_column(Text, comment="day, week, month or year.")
    date_text: Mapped[str | None] = mapped_column(Text, comment="The date as written, e.g. mid-September.")
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id", ondelete="SET NULL"), index=True)
    summary: Mapped[str | None] = mapped_column(Text, comment="The sentence that first reported it.")
    created_at: Mapped[CreatedAt]

    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventParticipant(Base):
    __tablename__ = "event_participant"
    __table_args__ = ({"comment": "Who took part in an event, in which role."},)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(
        ForeignKey("participant_role.code", ondelete="RESTRICT"), primary_key=True, index=True
    )

    event: Mapped[Event] = relationship(back_populates="participants")


class EventReport(Base):
    """An article's report of an event: the trigger and its span."""

    __tablename__ = "event_report"
    __table_args__ = (
        CheckConstraint("start_char >= 0 AND end_char > start_char", name="span_valid"),
        UniqueConstraint("article_id", "start_char", "end_char", name="uq_event_report_article_id_span"),
        {"comment": "Each report of an event in an article, with the trigger's span."},
    )

    id: Mapped[BigId]
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    trigger_text: Mapped[str] = mapped_column(Text, comment="The word(s) that report the event.")
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[CreatedAt]
