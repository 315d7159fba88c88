from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from newsdb.cli import main
from newsdb.db.connection import make_engine
from tests.pg import TestServer

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_cd0150b82fde485e.txt"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TestServer]:
    with TestServer.start() as server:
        yield server


@pytest.fixture(scope="session")
def template_db(pg_server: TestServer) -> Iterator[str]:
    name = pg_server.create_migrated_template()
    yield name
    pg_server.drop(name)


@pytest.fixture
def db_url(pg_server: TestServer, template_db: str) -> Iterator[URL]:
    """A fresh database at the head revision, dropped after the test."""
    name = pg_server.create(template=template_db)
    yield pg_server.url(name)
    pg_server.drop(name)


@pytest.fixture
def empty_db_url(pg_server: TestServer) -> Iterator[URL]:
    """A fresh database with no schema at all."""
    name = pg_server.create()
    yield pg_server.url(name)
    pg_server.drop(name)


@pytest.fixture
def engine(db_url: URL) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


class Cli:
    """Runs `newsdb` in-process against one database."""

    def __init__(self, url: URL) -> None:
        self.url = url.render_as_string(hide_password=False)
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return self.runner.invoke(main, ["--database-url", self.url, *args], input=input, catch_exceptions=False)


@pytest.fixture
def cli(db_url: URL) -> Cli:
    return Cli(db_url)
