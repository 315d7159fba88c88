"""The reporting contract and the read-only role, proven on a real server."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from newsdb.db.connection import make_engine
from newsdb.db.embedded import _bin_dir
from tests.conftest import REPO, SEEDS, Cli

CONTRACT = {  # DESIGN.md, "The SQL contract": at least these columns
    "articles": "article_id source_code source_name title section dateline published_at language word_count url",
    "entities": "entity_id kind name aliases mention_count article_count",
    "mentions": "article_id entity_id kind name surface_text start_char end_char",
    "person_roles": "entity_id name role_title organization_name article_id",
    "statements": "statement_id article_id speaker_entity_id speaker_name speaker_kind quote statement_type cue_verb "
    "start_char end_char published_at source_name",
    "events": "event_id event_type event_label mode context occurred_on date_precision place_name article_count "
    "first_reported_at summary",
    "event_participants": "event_id entity_id name kind role",
    "event_reports": "event_id article_id trigger_text start_char end_char",
}
PASSWORD = "correct horse battery staple"


def migration_views() -> list[tuple[str, str, str, dict[str, str]]]:
    path = REPO / "migrations" / "versions" / "0002_reporting_views.py"
    spec = importlib.util.spec_from_file_location("m0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.VIEWS)


def test_views_have_the_contract_columns_and_a_comment_on_each(engine: Engine) -> None:
    with engine.connect() as conn:
        columns = conn.execute(
            text(
                "SELECT c.table_name, c.column_name, col_description(v.oid, c.ordinal_position::int)"
                " FROM information_schema.columns c"
                " JOIN pg_class v ON v.relname = c.table_name"
                " JOIN pg_namespace n ON n.oid = v.relnamespace AND n.nspname = 'reporting'"
                " WHERE c.table_schema = 'reporting' ORDER BY c.table_name, c.ordinal_position"
            )
        ).all()
        view_comments = dict(
            conn.execute(
                text(
                    "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'reporting'"
                )
            ).all()
        )
    by_view: dict[str, dict[str, str | None]] = {}
    for view, column, comment in columns:
        by_view.setdefault(view, {})[column] = comment
    for view, wanted in CONTRACT.items():
        assert set(wanted.split()) <= set(by_view[view]), view
    # The comments in the database are exactly those the migration declares (and docs/bi.md shows).
    declared = {name: (comment, cols) for name, comment, _sql, cols in migration_views()}
    assert set(by_view) == set(declared)
    for view, cols in by_view.items():
        assert view_comments[view] == declared[view][0]
        assert cols == declared[view][1]


def test_count_columns_are_bigint_and_times_timestamptz(engine: Engine) -> None:
    with engine.connect() as conn:
        types = dict(
            conn.execute(
                text(
                    "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
                    " WHERE table_schema = 'reporting'"
                )
            ).all()
        )
    assert types["entities.mention_count"] == "bigint"
    assert types["events.article_count"] == "bigint"
    assert types["statements.published_at"] == "timestamp with time zone"
    assert types["events.occurred_on"] == "date"
    assert types["entities.aliases"] == "ARRAY"


@pytest.fixture
def reader(cli: Cli, db_url: URL, engine: Engine) -> Iterator[tuple[str, URL]]:
    name = f"reader_{uuid.uuid4().hex[:10]}"
    result = cli("db", "grant-reader", name, "--password-stdin", input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"created reader {name}: SELECT on reporting.* only"
    yield name, db_url.set(username=name, password=PASSWORD)
    with engine.connect() as conn:
        exists = conn.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": name})
    if exists:
        assert cli("db", "revoke-reader", name).exit_code == 0


def _params(url: URL) -> dict[str, str]:
    params = {"host": str(url.host or url.query.get("host")), "port": str(url.port or url.query.get("port") or 5432)}
    params.update(user=str(url.username), password=str(url.password), dbname=str(url.database))
    return params


def _connect(url: URL) -> psycopg.Connection:
    return psycopg.connect(**_params(url), autocommit=True)


def test_reader_reads_reporting_and_nothing_else(cli: Cli, reader: tuple[str, URL]) -> None:
    assert cli("load", str(SEEDS)).exit_code == 0
    _name, url = reader
    with _connect(url) as conn:
        assert conn.execute("SHOW statement_timeout").fetchone() == ("30s",)
        assert conn.execute("SHOW search_path").fetchone() == ("reporting",)
        for view in [*CONTRACT, "cooccurrences"]:
            conn.execute(f"SELECT * FROM reporting.{view} LIMIT 1")
        speakers = {r[0] for r in conn.execute("SELECT speaker_name FROM statements WHERE speaker_name IS NOT NULL")}
        assert {"Kim Jong-un", "Sergei Lavrov", "John Kirby"} <= speakers
        refused = [
            "SELECT * FROM public.article",
            "SELECT * FROM public.entity_stats",
            "INSERT INTO reporting.articles (title) VALUES ('x')",
            "DELETE FROM reporting.statements",
            "CREATE TABLE reporting.x (i int)",
            "CREATE TABLE public.x (i int)",
            "CREATE SCHEMA mine",
            "UPDATE public.article SET title = 'x'",
        ]
        with pytest.raises(psycopg.Error) as info:
            conn.execute(refused[4])
        assert info.value.sqlstate == "25006"  # sessions are read-only by default...
        conn.execute("SET default_transaction_read_only = off")  # ...but privileges hold even when not
        for statement in refused:
            with pytest.raises(psycopg.Error) as info:
                conn.execute(statement)
            assert info.value.sqlstate in {"42501", "55000"}, statement  # permission denied, view not updatable
        writable = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables t"
            " WHERE has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name),"
            " 'INSERT,UPDATE,DELETE,TRUNCATE') AND table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        assert writable == []


def test_reader_sees_views_added_later_without_regranting(cli: Cli, engine: Engine, reader: tuple[str, URL]) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE VIEW reporting.later AS SELECT 1 AS one"))
    with _connect(reader[1]) as conn:
        assert conn.execute("SELECT one FROM reporting.later").fetchone() == (1,)


def test_grant_again_updates_and_revoke_removes(cli: Cli, engine: Engine, reader: tuple[str, URL]) -> None:
    name, url = reader
    result = cli("db", "grant-reader", name, "--password-stdin", "--statement-timeout", "5s", input="new password\n")
    assert result.output.splitlines()[0] == f"updated reader {name}: SELECT on reporting.* only"
    with _connect(url.set(password="new password")) as conn:
        assert conn.execute("SHOW statement_timeout").fetchone() == ("5s",)
    assert cli("db", "revoke-reader", name).output == f"removed reader {name}\n"
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": name}) == 0


@pytest.mark.parametrize(
    ("name", "stdin", "message"),
    [
        ("Bad-Name", "pw\n", "'Bad-Name' is not a valid role name: use lower-case letters, digits and _, "
         "starting with a letter or _, at most 63 characters"),
        ('x"; DROP TABLE article; --', "pw\n", "is not a valid role name"),
        ("pg_reader", "pw\n", "'pg_reader' is reserved: role names starting with pg_ belong to PostgreSQL"),
        ("reader_ok", "\n", "the password is empty; give a non-empty password"),
    ],
)  # fmt: skip
def test_grant_reader_refuses_bad_input(cli: Cli, engine: Engine, name: str, stdin: str, message: str) -> None:
    result = cli("db", "grant-reader", name, "--password-stdin", input=stdin)
    assert result.exit_code == 1
    assert message in result.output
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": name}) == 0
        assert conn.scalar(text("SELECT count(*) FROM article")) == 0


def test_roles_not_made_by_newsdb_are_left_alone(cli: Cli, engine: Engine) -> None:
    name = f"app_{uuid.uuid4().hex[:10]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))  # a test-made constant name
    try:
        result = cli("db", "grant-reader", name, "--password-stdin", input="pw\n")
        assert (result.exit_code, result.output) == (
            1,
            f"Error: role '{name}' exists and is not a newsdb reader; choose another name\n",
        )
        result = cli("db", "revoke-reader", name)
        assert result.output == f"Error: role '{name}' is not a newsdb reader; newsdb leaves it alone\n"
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": name}) is True
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP ROLE "{name}"'))


def test_grant_reader_as_a_user_without_createrole(cli: Cli, db_url: URL, engine: Engine) -> None:
    plain = f"plain_{uuid.uuid4().hex[:10]}"
    with engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE \"{plain}\" LOGIN PASSWORD 'plain-pw'"))
        conn.execute(text(f'GRANT SELECT ON alembic_version TO "{plain}"'))
    try:
        as_plain = Cli(db_url.set(username=plain, password="plain-pw"))
        result = as_plain("db", "grant-reader", "would_be_reader", "--password-stdin", input="pw\n")
        assert result.exit_code == 1
        assert result.output.startswith("Error: the database user may not manage roles (permission denied")
        assert result.output.rstrip().endswith("as the database owner with the CREATEROLE privilege")
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{plain}"'))
            conn.execute(text(f'DROP ROLE "{plain}"'))


def test_a_real_client_lists_the_views_and_their_comments(reader: tuple[str, URL]) -> None:
    """psql (the server's own client) and SQLAlchemy's inspector, as Superset uses it."""
    _name, url = reader
    params = _params(url)
    env = {**os.environ, "PGPASSWORD": params.pop("password")}
    conninfo = " ".join(f"{k}={v}" for k, v in params.items())
    psql = Path(_bin_dir()) / "psql"
    out = subprocess.run(
        [str(psql), conninfo, "-X", "-A", "-t", "-c",
         "SELECT table_name FROM information_schema.views WHERE table_schema = 'reporting' ORDER BY 1"],
        capture_output=True, text=True, check=True, env=env,
    ).stdout.split()  # fmt: skip
    assert out == sorted([*CONTRACT, "cooccurrences"])
    engine = make_engine(url)
    try:
        insp = inspect(engine)
        assert sorted(insp.get_view_names(schema="reporting")) == out
        comments = {c["name"]: c.get("comment") for c in insp.get_columns("statements", schema="reporting")}
        assert comments["speaker_name"] == "Canonical name of the speaker."
    finally:
        engine.dispose()


def test_bi_info_and_role_url(cli: Cli, db_url: URL, reader: tuple[str, URL]) -> None:
    name = reader[0]
    host = db_url.host or db_url.query.get("host")
    port = db_url.port or 5432
    out = cli("db", "bi-info", "--role", name).output.splitlines()
    assert f"user            {name}" in out
    assert f"jdbc url        jdbc:postgresql://{host}:{port}/{db_url.database}" in out
    assert f"sqlalchemy uri  postgresql://{name}:***@{host}:{port}/{db_url.database}" in out
    assert cli("db", "url", "--role", name).output == f"postgresql://{name}:***@{host}:{port}/{db_url.database}\n"
    refused = cli("db", "url", "--role", name, "--reveal")
    assert refused.exit_code == 2
    assert "newsdb does not store reader passwords" in refused.output


@pytest.mark.parametrize("command", [("db", "bi-info"), ("db", "url")])
def test_connection_details_for_a_role_that_is_no_reader_are_refused(cli: Cli, command: tuple[str, ...]) -> None:
    for role in ("nosuchreader", "postgres"):  # absent; present but not made by newsdb
        result = cli(*command, "--role", role)
        assert result.exit_code == 1
        assert result.output == (
            f"Error: there is no newsdb reader named {role!r}; create it with `newsdb db grant-reader {role}`\n"
        )


def test_the_documented_example_queries_run_as_a_reader(cli: Cli, reader: tuple[str, URL]) -> None:
    assert cli("load", str(SEEDS)).exit_code == 0
    doc = (REPO / "docs" / "bi.md").read_text()
    section = doc.split("## 5. Five questions in SQL", 1)[1].split("## 6.", 1)[0]
    queries = [block.split("```", 1)[0] for block in section.split("```sql")[1:]]
    assert len(queries) == 5
    with _connect(reader[1]) as conn:
        results = [conn.execute(q).fetchall() for q in queries]  # type: ignore[call-overload]
    assert all(results), "every example returns rows on the seed"
    assert results[4][0][0] is not None  # statements about Kim Jong-un have speakers
