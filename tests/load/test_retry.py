"""Retries and error classes: transient conflicts are retried, a lost server is not one bad article."""

from __future__ import annotations

from typing import Any

import psycopg.errors
import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from newsdb.load import writer
from newsdb.load.writer import WriteError, WriteOutcome, write_articles
from tests.load.builders import Facts


def _failing_first(monkeypatch: pytest.MonkeyPatch, error: Exception, times: int) -> list[int]:
    real = writer._write
    calls: list[int] = []

    def flaky(conn: Connection, plan: Any, run_id: int | None) -> WriteOutcome:
        calls.append(1)
        if len(calls) <= times:
            conn.execute(text("SELECT 1"))
            raise OperationalError("INSERT ...", {}, error)
        return real(conn, plan, run_id)

    monkeypatch.setattr(writer, "_write", flaky)
    monkeypatch.setattr(writer.time, "sleep", lambda _s: None)
    return calls


@pytest.mark.parametrize("error", [psycopg.errors.DeadlockDetected(), psycopg.errors.SerializationFailure()])
def test_transient_conflicts_are_retried(engine: Engine, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    calls = _failing_first(monkeypatch, error, times=2)
    [r] = write_articles(engine, [Facts("Retried text.", title="Retry").build()])
    assert isinstance(r, WriteOutcome) and r.status == "added"
    assert len(calls) == 3
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 1


def test_retries_are_bounded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _failing_first(monkeypatch, psycopg.errors.DeadlockDetected(), times=100)
    [r] = write_articles(engine, [Facts("Never written.", title="Stuck").build()])
    assert isinstance(r, WriteError)
    assert r.error_class == "conflict"
    assert str(r).startswith(f"gave up after {writer.MAX_ATTEMPTS} attempts")
    assert len(calls) == writer.MAX_ATTEMPTS


def test_a_lost_server_propagates(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_first(monkeypatch, psycopg.errors.AdminShutdown(), times=1)
    with pytest.raises(OperationalError):
        write_articles(engine, [Facts("Server gone.", title="Gone").build()])
