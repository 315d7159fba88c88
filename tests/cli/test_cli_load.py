"""`newsdb load`, `newsdb extract` and `newsdb runs` end to end on a real PostgreSQL."""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from tests.conftest import SEED_FILE, SEEDS, Cli

NEWSDB = [sys.executable, "-m", "newsdb"]


def q(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def article(i: int) -> str:
    return f"World | Story number {i}\n\n(Geneva) Delegates met for round {i} of the talks.\n\nPHOTO AFP\n"


def test_seed_loads_with_its_metadata_and_reloads_as_skipped(cli: Cli, engine: Engine) -> None:
    result = cli("load", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("loaded 1, skipped 0, failed 0 in ")
    rows = q(
        engine,
        "SELECT a.section, a.title, a.dateline, s.code, s.kind, a.word_count, a.origin"
        " FROM article a JOIN source s ON s.id = a.source_id",
    )
    assert rows == [
        (
            "North Korea",
            "Kim Jong-un wants to build a “forward-looking” relationship with Russia",
            "Pyongyang",
            "site-59",
            "publisher",
            len(SEED_FILE.read_text().split("\n\n", 1)[1].rsplit("source", 1)[0].split()),
            str(SEED_FILE),
        )
    ]
    credits = q(
        engine,
        "SELECT c.kind, c.name, s.code, s.kind FROM article_credit c LEFT JOIN source s ON s.id = c.source_id"
        " ORDER BY c.kind",
    )
    # The agency that originated the photo is a source of its own; the photo credit is a credit only.
    assert credits == [("agency", "KCNA", "kcna", "agency"), ("photo", "Reuters", None, None)]
    # Extraction ran: the seed's speakers are in the archive.
    speakers = {r[0] for r in q(engine, "SELECT e.name FROM statement s JOIN entity e ON e.id = s.speaker_entity_id")}
    assert {"Kim Jong-un", "Sergei Lavrov", "John Kirby"} <= speakers

    again = cli("load", str(SEEDS))
    assert again.exit_code == 0
    assert again.output.startswith("loaded 0, skipped 1, failed 0 in ")
    assert q(engine, "SELECT count(*) FROM article") == [(1,)]
    runs = q(engine, "SELECT status, read_count, added_count, skipped_count, failed_count FROM ingest_run ORDER BY id")
    assert runs == [("completed", 1, 1, 0, 0), ("completed", 1, 0, 1, 0)]


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; return name -> the expected stderr line's problem."""
    good = "World | Good story\n\nA good article that must load whatever else fails.\n"
    (folder / "good.txt").write_text(good)
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Title\n\nUTF-16 text, “decoded”.".encode("utf-16-le"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Title\n\nCaf\xe9 society.".encode("latin-1"))
    (folder / "title.txt").write_text("Only a title\n")
    (folder / "notext.json").write_text(json.dumps({"title": "No body"}))
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    lines = [json.dumps({"text": f"Line {i} article body."}) for i in (1, 2)]
    lines += ['{"text": "broken', json.dumps({"text": "Line 4 article body."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    with (folder / "huge.txt").open("wb") as fh:  # 50 MB: rejected by --max-bytes without being read
        fh.truncate(50 * 1024 * 1024)
    os.symlink(folder / "deleted-meanwhile.txt", folder / "vanished.txt")
    return {
        "empty.txt": "the input is empty",
        "image.txt": "binary file (a PNG image), not text",
        "latin1.txt": "not valid UTF-8 (byte 0xe9 at offset 10); "
        "if you know the encoding, pass it, e.g. --encoding latin-1",
        "title.txt": "only a title line, no article text",
        "notext.json": "JSON object has no 'text' or 'body'",
        "nav.html": "no article text found in the HTML page",
        "feed.jsonl:3": "malformed JSON at column 10: Unterminated string starting at",
        "huge.txt": "52,428,800 bytes is over the --max-bytes limit of 10,000,000; raise it to load this file",
        "vanished.txt": "the file disappeared before it could be read",
    }


def test_bad_inputs_are_recorded_and_the_rest_loads(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    expected = bad_inputs(tmp_path)
    result = cli("load", str(tmp_path), "--no-extract")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for name, problem in expected.items():
        assert f"error: {tmp_path / name}: {problem}" in lines
    assert len(lines) == len(expected)
    assert result.stdout.startswith("loaded 5, skipped 0, failed 9 in ")
    bodies = sorted(r[0] for r in q(engine, "SELECT body FROM article"))
    assert bodies == [
        "A good article that must load whatever else fails.",
        "Line 1 article body.",
        "Line 2 article body.",
        "Line 4 article body.",
        "UTF-16 text, “decoded”.",
    ]
    errors = q(engine, "SELECT input, line_number, error_class FROM ingest_error ORDER BY input, line_number")
    assert errors == sorted(
        [
            (str(tmp_path / "empty.txt"), None, "empty"),
            (str(tmp_path / "feed.jsonl"), 3, "bad-json"),
            (str(tmp_path / "huge.txt"), None, "too-large"),
            (str(tmp_path / "image.txt"), None, "binary"),
            (str(tmp_path / "latin1.txt"), None, "encoding"),
            (str(tmp_path / "nav.html"), None, "no-text"),
            (str(tmp_path / "notext.json"), None, "no-text"),
            (str(tmp_path / "title.txt"), None, "no-text"),
            (str(tmp_path / "vanished.txt"), None, "unreadable"),
        ],
        key=lambda r: (r[0], r[1] or 0),
    )
    excerpt = q(engine, "SELECT excerpt FROM ingest_error WHERE error_class = 'binary'")[0][0]
    assert isinstance(excerpt, str) and excerpt.startswith("\\x89PNG")
    assert q(engine, "SELECT status, read_count, added_count, failed_count FROM ingest_run") == [
        ("completed", 14, 5, 9)
    ]
    shown = cli("runs", "show", "1", "--format", "csv")
    assert shown.stdout.splitlines()[0] == "input,line,error,message,excerpt"
    assert f"{tmp_path / 'feed.jsonl'},3,bad-json," in shown.stdout
    # With the right encoding the Latin-1 file loads too.
    result = cli("load", str(tmp_path / "latin1.txt"), "--encoding", "latin-1", "--no-extract")
    assert result.exit_code == 0
    assert q(engine, "SELECT body FROM article WHERE body LIKE 'Caf%'") == [("Café society.",)]


def test_on_error_stop(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    for i in range(3):
        (tmp_path / f"b{i}.txt").write_text(article(i))
    result = cli("load", str(tmp_path), "--no-extract", "--on-error", "stop", "--batch-size", "1")
    assert result.exit_code == 1
    assert "stopped at the first error (--on-error stop)" in result.stderr
    assert q(engine, "SELECT count(*) FROM article") == [(0,)]
    assert q(engine, "SELECT status FROM ingest_run") == [("failed",)]


def test_stdin_dry_run_and_defaults(cli: Cli, engine: Engine) -> None:
    data = "Tech | Chips\n\nA chip maker said sales rose.\n"
    dry = cli("load", "-", "--format", "text", "--dry-run", "--no-extract", input=data)
    assert dry.exit_code == 0
    assert dry.stdout.startswith("dry run: would load 1, would skip 0, failed 0 in ")
    assert q(engine, "SELECT count(*) FROM article") == [(0,)]
    assert q(engine, "SELECT count(*) FROM ingest_run") == [(0,)]
    args = ["--source", "Wire-1", "--source-name", "Wire One", "--published", "2023-10-19", "--language", "en"]
    result = cli("load", "-", "--format", "text", "--no-extract", *args, input=data)
    assert result.exit_code == 0, result.output
    assert q(engine, "SELECT a.title, a.origin, a.language, a.published_at::date::text, s.code, s.name"
             " FROM article a JOIN source s ON s.id = a.source_id") == [
        ("Chips", "<stdin>", "en", "2023-10-19", "wire-1", "Wire One")
    ]  # fmt: skip
    dry = cli("load", "-", "--format", "text", "--dry-run", "--no-extract", input=data)
    assert dry.stdout.startswith("dry run: would load 0, would skip 1, failed 0 in ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give at least one file, folder, or - for standard input"),
        (
            ["x", "--published", "someday maybe"],
            "Invalid value for --published: --published 'someday maybe' is not a date",
        ),
        (["x", "--source-name", "N"], "--source-name needs --source CODE"),
        (["x", "--model", "no_such_model"], "spaCy model 'no_such_model' is not installed"),
        (["x", "--workers", "0"], "Invalid value for '--workers': 0 is not in the range 1<=x<=64."),
        (
            ["x", "--source", "The Guardian"],
            "Invalid value for --source: 'the guardian' is not a source code (lower-case letters, digits, '.', "
            "'_', '-', e.g. site-59); give the outlet's name with --source-name",
        ),
        (
            ["x", "--language", "Klingonish"],
            "Invalid value for --language: language 'Klingonish' is not a language code such as en or pt-BR",
        ),
    ],
)
def test_usage_errors(cli: Cli, args: list[str], message: str) -> None:
    result = cli("load", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_ten_thousand_small_files(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(article(i))
    result = cli("load", str(tmp_path), "--no-extract", "--batch-size", "500")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("loaded 10,000, skipped 0, failed 0 in ")
    assert q(engine, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(10_000, 10_000)]


def test_extract_then_load_without_the_model(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    result = cli("extract", str(SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == "extracted 1, failed 0\n"
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (record["format"], record["schema_version"], record["article"]["dateline"]) == (
        "newsdb.facts",
        1,
        "Pyongyang",
    )
    loaded = cli("load", str(out), "--model", "no_such_model_needed")
    # Facts records are not re-extracted, but --model is still checked up front.
    assert loaded.exit_code == 2
    loaded = cli("load", str(out), "--no-extract")
    assert loaded.exit_code == 0, loaded.output
    assert len(record["statements"]) > 10
    assert q(engine, "SELECT count(*) FROM statement_report") == [(len(record["statements"]),)]
    assert q(engine, "SELECT count(*) FROM mention") == [(len(record["mentions"]),)]


def _newsdb(url: URL, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NEWSDB_DATABASE_URL": url.render_as_string(hide_password=False)}
    return subprocess.Popen([*NEWSDB, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_halfway_then_rerun_completes_the_archive(db_url: URL, engine: Engine, tmp_path: Path) -> None:
    n = 3000
    for i in range(n):
        (tmp_path / f"{i:05d}.txt").write_text(article(i))
    proc = _newsdb(db_url, "load", str(tmp_path), "--no-extract", "--batch-size", "50")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and q(engine, "SELECT count(*) FROM article")[0][0] < 300:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = q(engine, "SELECT count(*) FROM article")[0][0]
    assert 300 <= partial < n
    # Every article that landed landed whole: with its credit.
    assert q(engine, "SELECT count(*) FROM article a WHERE NOT EXISTS"
             " (SELECT 1 FROM article_credit c WHERE c.article_id = a.id)") == [(0,)]  # fmt: skip
    rerun = _newsdb(db_url, "load", str(tmp_path), "--no-extract", "--batch-size", "500")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.startswith(f"loaded {n - partial:,}, skipped {partial:,}, failed 0 in ")
    assert q(engine, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(n, n)]
    assert q(engine, "SELECT count(*) FROM article_credit") == [(n,)]
    assert q(engine, "SELECT status FROM ingest_run ORDER BY id") == [("interrupted",), ("completed",)]


def test_two_loads_at_once_make_no_duplicates(db_url: URL, engine: Engine, tmp_path: Path) -> None:
    for i in range(400):
        (tmp_path / f"{i:05d}.txt").write_text(article(i))
    args = ["load", str(tmp_path), "--no-extract", "--batch-size", "20", "--source", "wire"]
    procs = [_newsdb(db_url, *args) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert q(engine, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(400, 400)]
    assert q(engine, "SELECT count(*) FROM source") == [(1,)]
    assert q(engine, "SELECT sum(added_count), sum(skipped_count), min(status), max(status) FROM ingest_run") == [
        (400, 400, "completed", "completed")
    ]


def test_runs_lists_recent_loads(cli: Cli, tmp_path: Path) -> None:
    empty = cli("runs", "--format", "csv")
    assert empty.stdout == "run_id,started_at,finished_at,status,read,added,skipped,failed,command\n"
    assert empty.stderr == "no loads yet; try `newsdb load seeds/`\n"
    (tmp_path / "a.txt").write_text(article(1))
    cli("load", str(tmp_path), "--no-extract")
    cli("load", str(tmp_path), "--no-extract")
    rows = json.loads(cli("runs", "--format", "json").stdout)
    assert [(r["run_id"], r["status"], r["read"], r["added"], r["skipped"]) for r in rows] == [
        (2, "completed", 1, 0, 1),
        (1, "completed", 1, 1, 0),
    ]
    limited = cli("runs", "--limit", "1", "--format", "jsonl")
    assert len(limited.stdout.splitlines()) == 1
    assert limited.stderr == "showing the 1 most recent runs; use --limit to see more\n"
    missing = cli("runs", "show", "99")
    assert (missing.exit_code, missing.output) == (1, "Error: no run 99; `newsdb runs` lists them\n")


def test_run_records_the_command_without_the_database_url(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1))
    result = cli("load", str(tmp_path), "--no-extract", "--source", "wire", "--batch-size", "5")
    assert result.exit_code == 0, result.output
    (command,) = [r[0] for r in q(engine, "SELECT command FROM ingest_run")]
    assert command == f"newsdb load {tmp_path} --source wire --no-extract --batch-size 5"
    assert cli.url.split("@")[0] not in command


def test_json_lines_on_stdin_are_sniffed_line_by_line(cli: Cli, engine: Engine) -> None:
    data = '{"text": "First body."}\n{"text": "Second body."}\n{bad\n{"text": "Fourth body."}\n'
    result = cli("load", "-", "--no-extract", input=data)
    assert result.exit_code == 1
    assert (
        result.stderr
        == "error: <stdin>:3: malformed JSON at column 2: Expecting property name enclosed in double quotes\n"
    )
    assert result.stdout.startswith("loaded 3, skipped 0, failed 1 in ")
    assert q(engine, "SELECT origin FROM article ORDER BY origin") == [("<stdin>:1",), ("<stdin>:2",), ("<stdin>:4",)]
    assert q(engine, "SELECT input, line_number, error_class FROM ingest_error") == [("<stdin>", 3, "bad-json")]


def test_format_facts_accepts_only_extract_output(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    from newsdb.extract.facts import ArticleFacts
    from newsdb.ingest.article import Article

    facts = ArticleFacts(article=Article(body="A stored body.", origin="x", title="Stored"))
    path = tmp_path / "facts.txt"  # the extension does not matter with --format facts
    path.write_text(json.dumps(facts.to_json()) + "\n" + json.dumps({"text": "A plain record."}) + "\n")
    result = cli("load", str(path), "--format", "facts", "--model", "no_such_model_needed")
    assert result.exit_code == 1, result.output
    assert result.stderr == f'error: {path}:2: not a newsdb extract record (no "format": "newsdb.facts")\n'
    assert q(engine, "SELECT title, body FROM article") == [("Stored", "A stored body.")]


def test_json_source_names_and_language_names_become_codes(cli: Cli, engine: Engine) -> None:
    records = [
        {"text": "Guardian body.", "source": "The Guardian", "language": "English"},
        {"text": "Le Monde body.", "source": {"code": "LeMonde", "name": "Le Monde"}, "language": "fr"},
        {"text": "Bad language body.", "language": "Klingonish"},
    ]
    data = "".join(json.dumps(r) + "\n" for r in records)
    result = cli("load", "-", "--format", "jsonl", "--no-extract", input=data)
    assert result.exit_code == 1
    problem = "language 'Klingonish' is not a language code such as en or pt-BR"
    assert result.stderr == f"error: <stdin>:3: {problem}\n"
    rows = q(engine, "SELECT a.body, a.language, s.code, s.name FROM article a JOIN source s ON s.id = a.source_id"
                     " ORDER BY a.id")  # fmt: skip
    assert rows == [
        ("Guardian body.", "en", "the-guardian", "The Guardian"),
        ("Le Monde body.", "fr", "lemonde", "Le Monde"),
    ]


def test_workers_give_the_same_result_as_one_process(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    expected = bad_inputs(tmp_path)
    for i in range(20):
        (tmp_path / f"story{i:02d}.txt").write_text(article(i))
    result = cli("load", str(tmp_path), "--no-extract", "--workers", "2", "--batch-size", "3")
    assert result.exit_code == 1
    # Problems come out in input order (sorted paths), as with one process.
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / name}: {problem}" for name, problem in sorted(expected.items())
    ]
    assert result.stdout.startswith("loaded 25, skipped 0, failed 9 in ")
    assert q(engine, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(25, 25)]
    assert q(engine, "SELECT count(*) FROM article_credit") == [(20,)]
    assert q(engine, "SELECT status, read_count, added_count, failed_count FROM ingest_run") == [
        ("completed", 34, 25, 9)
    ]


def test_extract_to_an_unwritable_place_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(SEED_FILE), "-o", str(tmp_path / "missing" / "f.jsonl"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {tmp_path / 'missing' / 'f.jsonl'}: No such file or directory\n"


def test_a_reload_extracts_only_what_is_new(cli: Cli, engine: Engine, tmp_path: Path, monkeypatch: Any) -> None:
    import newsdb.load.batches as batches

    extracted: list[str] = []
    real_extract = batches._extract

    def counting_extract(articles: list[Any], options: Any) -> Any:
        extracted.extend(Path(a.origin).name for a in articles)
        return real_extract(articles, options)

    monkeypatch.setattr(batches, "_extract", counting_extract)
    for i in range(3):
        (tmp_path / f"story{i}.txt").write_text(article(i))
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "Talks resumed in Geneva.", "url": "https://x.test/a"}))
    assert cli("load", str(tmp_path), "--batch-size", "2").stdout.startswith("loaded 4, skipped 0, failed 0 in ")
    assert sorted(extracted) == ["feed.jsonl:1", "story0.txt", "story1.txt", "story2.txt"]

    extracted.clear()
    (tmp_path / "story3.txt").write_text(article(3))
    # same URL, edited text: the archive holds it already
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "Talks resumed in Geneva today.", "url": "https://x.test/a"})
    )
    for workers in ("1", "2"):
        result = cli("load", str(tmp_path), "--batch-size", "2", "--workers", workers)
        assert result.exit_code == 0, result.output
        extracted_now, extracted[:] = list(extracted), []
        if workers == "1":
            assert result.stdout.startswith("loaded 1, skipped 4, failed 0 in ")
            assert extracted_now == ["story3.txt"]
        else:  # extraction ran in the workers (not counted here); nothing was new
            assert result.stdout.startswith("loaded 0, skipped 5, failed 0 in ")
    assert q(engine, "SELECT count(*) FROM article") == [(5,)]
    runs = q(engine, "SELECT read_count, added_count, skipped_count FROM ingest_run ORDER BY id")
    assert runs == [(4, 4, 0), (5, 1, 4), (5, 0, 5)]


def test_a_dry_run_skips_what_the_load_would_skip_by_url(cli: Cli, engine: Engine) -> None:
    first = json.dumps({"text": "Talks resumed in Geneva.", "url": "https://x.test/a"})
    assert cli("load", "-", "--format", "jsonl", "--no-extract", input=first).exit_code == 0
    edited = json.dumps({"text": "Talks resumed in Geneva today.", "url": "https://x.test/a"})
    dry = cli("load", "-", "--format", "jsonl", "--no-extract", "--dry-run", input=edited)
    assert dry.stdout.startswith("dry run: would load 0, would skip 1, failed 0 in ")
    real = cli("load", "-", "--format", "jsonl", "--no-extract", input=edited)
    assert real.stdout.startswith("loaded 0, skipped 1, failed 0 in ")
