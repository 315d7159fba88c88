"""`newsdb db ...` against real servers: an embedded one in a temp home, and the test database."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import URL

from newsdb.cli import main
from newsdb.db.connection import make_engine
from newsdb.db.embedded import PORT_RANGE, EmbeddedServer
from newsdb.db.migrate import head_revision
from tests.conftest import Cli


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh NEWSDB_HOME with no server yet; any server started in it is stopped after."""
    path = Path(tempfile.mkdtemp(prefix="newsdb-home-"))
    monkeypatch.setenv("NEWSDB_HOME", str(path))
    monkeypatch.delenv("NEWSDB_DATABASE_URL", raising=False)
    yield path
    server = EmbeddedServer(path)
    if server.status().running:
        server.stop()
    shutil.rmtree(path, ignore_errors=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_status_on_a_fresh_home_starts_nothing(home: Path) -> None:
    code, out = run("db", "status")
    assert code == 0
    assert "running      no" in out
    assert "initialised  no (created on first use)" in out
    assert not (home / "pgdata").exists()


def test_embedded_server_life_cycle(home: Path) -> None:
    code, out = run("db", "start")
    assert code == 0, out
    server = EmbeddedServer(home)
    port = server.port()
    assert out == f"started the embedded server on 127.0.0.1:{port} (data {home / 'pgdata'})\n"
    assert port is not None and port != 5432

    # The password file is private; the URL never shows the password unless asked.
    assert (home / "password").stat().st_mode & 0o777 == 0o600
    password = server.password()
    code, out = run("db", "url")
    assert out == f"postgresql+psycopg://newsdb:***@127.0.0.1:{port}/newsdb\n"
    code, out = run("db", "status")
    assert password not in out
    assert f"url       postgresql+psycopg://newsdb:***@127.0.0.1:{port}/newsdb" in out
    assert "schema    empty: the database has no newsdb schema yet; run `newsdb db upgrade`" in out
    code, out = run("db", "url", "--reveal")
    assert out == f"postgresql+psycopg://newsdb:{password}@127.0.0.1:{port}/newsdb\n"

    # TCP needs the password; with it, it works (what a BI tool does).
    engine = make_engine(URL.create("postgresql+psycopg", "newsdb", password, "127.0.0.1", port, "newsdb"))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT current_setting('TimeZone')")) == "UTC"
    engine.dispose()
    bad = make_engine(URL.create("postgresql+psycopg", "newsdb", "wrong", "127.0.0.1", port, "newsdb"))
    with pytest.raises(Exception, match="password authentication failed"):
        bad.connect()
    bad.dispose()

    code, out = run("db", "start")
    assert code == 1
    assert out == (
        f"Error: the embedded server is already running (port {port}, data {home / 'pgdata'}); "
        "`newsdb db status` shows it\n"
    )

    code, out = run("db", "upgrade")
    assert (code, out) == (0, f"schema at revision {head_revision()}\n")
    code, out = run("db", "current")
    assert out == f"{head_revision()} (head)\n"

    code, out = run("db", "stop")
    assert (code, out) == (0, "stopped the embedded server\n")
    code, out = run("db", "stop")
    assert (code, out) == (1, "Error: the embedded server is not running; nothing to stop\n")


def test_the_port_survives_a_restart_and_moves_only_when_taken(home: Path) -> None:
    assert run("db", "start")[0] == 0
    server = EmbeddedServer(home)
    port = server.port()
    assert port is not None and PORT_RANGE[0] <= port < PORT_RANGE[1]
    # A BI tool still connected when the server stops: the server closes first, leaving the port's
    # connections in TIME_WAIT; the next start must not take that for another program on the port.
    client = socket.create_connection(("127.0.0.1", port))
    client.settimeout(30)
    assert run("db", "stop")[0] == 0
    while client.recv(1024):  # read to the server's close, then close: a clean close leaves TIME_WAIT
        pass
    client.close()
    assert run("db", "start")[0] == 0
    assert server.port() == port
    assert run("db", "stop")[0] == 0

    with socket.socket() as squatter:  # another program listens on it meanwhile
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        result = CliRunner().invoke(main, ["db", "start"], catch_exceptions=False)
        moved = server.port()
        assert moved is not None and moved != port and PORT_RANGE[0] <= moved < PORT_RANGE[1]
        assert result.stderr == (
            f"newsdb: port {port} is taken by another program; the embedded server now listens on {moved}"
            " (update saved connections: `newsdb db bi-info`)\n"
        )


def test_commands_start_the_server_on_demand(home: Path) -> None:
    code, out = run("db", "current")
    assert (code, out) == (0, f"base (empty) (head is {head_revision()})\n")
    assert EmbeddedServer(home).status().running


def test_stale_pid_file_after_a_crash_does_not_wedge_start(home: Path) -> None:
    server = EmbeddedServer(home)
    server.ensure_running()
    pid = server.status().pid
    assert pid is not None
    os.kill(pid, 9)  # a crash: postmaster.pid stays behind
    pidfile = home / "pgdata" / "postmaster.pid"
    for _ in range(100):
        if not EmbeddedServer(home).status().running:
            break
    # Make the stale file name a live process that is not postgres (pid reuse).
    lines = pidfile.read_text().splitlines()
    lines[0] = str(os.getpid())
    pidfile.write_text("\n".join(lines) + "\n")
    assert not server.status().running
    code, out = run("db", "start")
    assert code == 0, out
    assert server.status().running


def test_home_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSDB_HOME", str(blocker / "home"))
    monkeypatch.delenv("NEWSDB_DATABASE_URL", raising=False)
    code, out = run("db", "start")
    assert code == 1
    assert out.startswith(f"Error: cannot use the newsdb home {blocker / 'home'}: ")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/db", "Error: bad database URL: newsdb needs PostgreSQL, not 'mysql'\n"),
        ("   ", "Error: bad database URL: the database URL is empty\n"),
        ("host=127.0.0.1 port=notaport", "Error: bad database URL: port 'notaport' is not a number\n"),
    ],
)
def test_malformed_database_url(url: str, message: str) -> None:
    code, out = run("--database-url", url, "db", "current")
    assert (code, out) == (1, message)


def test_unreachable_database_url_names_it_without_the_password() -> None:
    code, out = run("--database-url", "postgresql://someone:s3cret@127.0.0.1:1/db", "db", "current")
    assert code == 1
    assert "s3cret" not in out
    assert out.startswith("Error: cannot connect to postgresql+psycopg://someone:***@127.0.0.1:1/db: ")
    assert out.rstrip().endswith("check --database-url / NEWSDB_DATABASE_URL")


def test_start_refuses_an_external_database(cli: Cli) -> None:
    result = cli("db", "start")
    assert result.exit_code == 1
    assert result.output.startswith("Error: `newsdb db start` manages the embedded server, but the database is set by")


def test_schema_commands_on_a_test_database(cli: Cli) -> None:
    assert cli("db", "current").output == f"{head_revision()} (head)\n"
    assert cli("db", "downgrade", "base").output == "schema at revision base (empty)\n"
    assert cli("db", "current").output == f"base (empty) (head is {head_revision()})\n"
    result = cli("db", "upgrade")
    assert (result.exit_code, result.output) == (0, f"schema at revision {head_revision()}\n")


def test_reset_requires_yes_and_then_empties_the_archive(cli: Cli, db_url: URL) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO source (code, name) VALUES ('site-1', 'Site One')"))
    result = cli("db", "reset")
    assert result.exit_code == 2
    assert "reset deletes the whole archive; pass --yes to confirm" in result.output
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM source")) == 1
    result = cli("db", "reset", "--yes")
    assert (result.exit_code, result.output) == (0, f"reset: empty schema at revision {head_revision()}\n")
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM source")) == 0
        assert conn.scalar(text("SELECT count(*) FROM event_type")) == 18
    engine.dispose()


def test_unknown_revision_is_reported_not_crashed(cli: Cli, db_url: URL) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    engine.dispose()
    result = cli("db", "status")
    assert result.exit_code == 0
    assert result.output.endswith(
        "schema  ffff9999: the database is at revision ffff9999, which this newsdb does not know "
        "(made by a newer newsdb?); upgrade newsdb, or use another database\n"
    )
    from newsdb.cli.context import AppContext

    app = AppContext(database_url=cli.url)
    with pytest.raises(Exception, match="revision ffff9999, which this newsdb does not know"):
        app.engine()
    app.close()
