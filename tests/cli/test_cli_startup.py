"""Start-up: each command imports only what it uses (the database layer, Alembic and the reports cost ~0.9 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from tests.conftest import REPO, SEED_FILE

# Runs `newsdb ARGS...` in a fresh interpreter and prints which of the watched packages it imported.
PROBE = """
import json, sys
from newsdb.cli import main
try:
    main(sys.argv[1:], prog_name="newsdb")
except SystemExit as exc:
    if exc.code:
        raise
watched = ("sqlalchemy", "sqlalchemy.orm", "psycopg", "alembic", "newsdb.db.models", "newsdb.reports")
print(json.dumps(sorted(name for name in watched if name in sys.modules)), file=sys.stderr)
"""


def imported(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return modules


@pytest.mark.parametrize("command", ["load", "extract", "runs"])
def test_help_of_the_load_commands_imports_no_database_layer(command: str) -> None:
    assert imported(command, "--help") == []


@pytest.mark.slow
def test_extract_imports_no_database_layer(tmp_path: Path) -> None:
    assert imported("extract", str(SEED_FILE), "-o", str(tmp_path / "facts.jsonl")) == []
    assert (tmp_path / "facts.jsonl").read_text().count("\n") == 1


def test_a_database_command_skips_alembic_and_the_reports_when_the_schema_is_current(db_url: URL) -> None:
    url = db_url.render_as_string(hide_password=False)
    assert imported("--database-url", url, "runs") == ["newsdb.db.models", "psycopg", "sqlalchemy", "sqlalchemy.orm"]


def test_load_writes_without_the_orm(db_url: URL) -> None:
    url = db_url.render_as_string(hide_password=False)
    assert imported("--database-url", url, "load", str(SEED_FILE), "--no-extract") == ["psycopg", "sqlalchemy"]


@pytest.mark.slow
def test_loading_extract_output_never_loads_the_language_model(db_url: URL, tmp_path: Path) -> None:
    facts = tmp_path / "facts.jsonl"
    assert imported("extract", str(SEED_FILE), "-o", str(facts)) == []
    url = db_url.render_as_string(hide_password=False)
    probe = PROBE.replace('"newsdb.reports")', '"newsdb.reports", "spacy")')
    result = subprocess.run(
        [sys.executable, "-c", probe, "--database-url", url, "load", str(facts)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    # the file is sniffed as `newsdb extract` output (format auto): its facts are written as they are
    assert json.loads(result.stderr.strip().splitlines()[-1]) == ["psycopg", "sqlalchemy"]
