"""Migrations on a real server: up, down, up again, and no drift from the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from newsdb.db import models
from newsdb.db.connection import make_engine
from newsdb.db.migrate import (
    SchemaError,
    _linear_head,
    check_current,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_upgrade_downgrade_upgrade(empty_db_url: URL) -> None:
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(models.Base.metadata.tables) <= tables

        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}

        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            codes = set(conn.scalars(text("SELECT code FROM event_type")))
        assert codes == PLOVER
    finally:
        engine.dispose()


def test_models_and_migrations_do_not_drift(db_url: URL) -> None:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            diff = compare_metadata(ctx, models.Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_reference_tables_are_seeded(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT code, former_code FROM event_type WHERE former_code IS NOT NULL")).all())
        kinds = list(conn.scalars(text("SELECT code FROM entity_kind ORDER BY code")))
        contexts = list(conn.scalars(text("SELECT code FROM event_context ORDER BY code")))
    assert rows == {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
    assert kinds == ["organization", "person", "place"]
    assert contexts == ["future", "historical", "hypothetical", "occurred"]


def test_every_foreign_key_is_indexed(engine) -> None:  # type: ignore[no-untyped-def]
    insp = inspect(engine)
    missing = []
    for table in insp.get_table_names():
        indexed = [tuple(ix["column_names"]) for ix in insp.get_indexes(table)]
        indexed += [tuple(uq["column_names"]) for uq in insp.get_unique_constraints(table)]
        indexed.append(tuple(insp.get_pk_constraint(table)["constrained_columns"]))
        for fk in insp.get_foreign_keys(table):
            cols = tuple(fk["constrained_columns"])
            # An index led by the FK's columns, or by its first column when that alone is
            # unique (the subtype tables' (entity_id, kind) keys), serves the lookups.
            if not any(ix[: len(cols)] == cols or ix == cols[:1] for ix in indexed):
                missing.append(f"{table}.{','.join(cols)}")
    assert missing == []


def test_blank_text_and_half_spans_are_refused(engine) -> None:  # type: ignore[no-untyped-def]
    import pytest
    from sqlalchemy.exc import IntegrityError

    h = "a" * 64
    cases = {
        "ck_article_body_not_blank": "INSERT INTO article (body, content_hash, word_count)"
        f" VALUES (E'\\n\\t\\n', '{h}', 0)",
        "ck_article_credit_span_valid": "INSERT INTO article_credit (article_id, kind, name, start_char) "
        f"SELECT id, 'photo', 'AFP', 3 FROM article WHERE content_hash = '{'b' * 64}'",
    }
    with engine.begin() as conn:
        conn.execute(text(f"INSERT INTO article (body, content_hash, word_count) VALUES ('Body.', '{'b' * 64}', 1)"))
    for name, sql in cases.items():
        with pytest.raises(IntegrityError, match=name), engine.begin() as conn:
            conn.execute(text(sql))


def test_head_read_from_the_files_is_alembics() -> None:
    assert _linear_head() == head_revision()


def test_check_current_on_an_old_empty_and_current_schema(empty_db_url: URL) -> None:
    engine = make_engine(empty_db_url)
    try:
        with pytest.raises(SchemaError, match=r"^the database has no newsdb schema yet; run `newsdb db upgrade`$"):
            check_current(engine)
        upgrade(engine, "0002")
        old = rf"^the database schema is at revision 0002, newsdb needs {head_revision()}; run `newsdb db upgrade`$"
        with pytest.raises(SchemaError, match=old):
            check_current(engine)
        upgrade(engine)
        check_current(engine)
    finally:
        engine.dispose()
