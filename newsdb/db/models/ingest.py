"""Load runs and the inputs they rejected."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.db.models.base import Base, BigId, CreatedAt

RUN_STATUSES = ("running", "completed", "failed", "interrupted")


class IngestRun(Base):
    """One invocation of `newsdb load`."""

    __tablename__ = "ingest_run"
    __table_args__ = (
        CheckConstraint(f"status IN {RUN_STATUSES!r}", name="status_known"),
        CheckConstraint(
            "read_count >= 0 AND added_count >= 0 AND skipped_count >= 0 AND failed_count >= 0",
            name="counts_not_negative",
        ),
        CheckConstraint("finished_at IS NULL OR finished_at >= started_at", name="finished_after_start"),
        Index("ix_ingest_run_started_at", "started_at"),
        {"comment": "Each load: what it was asked to do, what it read, added, skipped and rejected."},
    )

    id: Mapped[BigId]
    command: Mapped[str] = mapped_column(Text, comment="The command line, without secrets.")
    options: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    status: Mapped[str] = mapped_column(Text, server_default="running")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    read_count: Mapped[int] = mapped_column(Integer, server_default="0")
    added_count: Mapped[int] = mapped_column(Integer, server_default="0")
    skipped_count: Mapped[int] = mapped_column(Integer, server_default="0")
    failed_count: Mapped[int] = mapped_column(Integer, server_default="0")
    host: Mapped[str | None] = mapped_column(Text)
    pid: Mapped[int | None] = mapped_column(Integer)

    errors: Mapped[list[IngestError]] = relationship(back_populates="run", passive_deletes=True)


class IngestError(Base):
    """An input a run rejected, and why."""

    __tablename__ = "ingest_error"
    __table_args__ = (
        CheckConstraint("message ~ '\\S'", name="message_not_blank"),
        CheckConstraint("line_number IS NULL OR line_number > 0", name="line_number_positive"),
        {"comment": "Inputs rejected by a load, with the reason; nothing is dropped silently."},
    )

    id: Mapped[BigId]
    ingest_run_id: Mapped[int] = mapped_column(ForeignKey("ingest_run.id", ondelete="CASCADE"), index=True)
    input: Mapped[str] = mapped_column(Text, comment="Path, URL or <stdin>.")
    line_number: Mapped[int | None] = mapped_column(Integer, comment="Line in a JSON lines file.")
    error_class: Mapped[str] = mapped_column(Text, comment="Short error kind, e.g. empty, binary, bad-json.")
    message: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str | None] = mapped_column(Text, comment="The first bytes of the input, for diagnosis.")
    created_at: Mapped[CreatedAt]

    run: Mapped[IngestRun] = relationship(back_populates="errors")
