"""``newsdb load``, ``newsdb extract`` and ``newsdb runs``: how the archive grows."""

from __future__ import annotations

import json
import re
import shlex
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from newsdb.cli import main
from newsdb.cli.context import AppContext, pass_app
from newsdb.cli.output import RowSet, emit, output_options
from newsdb.extract.facts import ArticleFacts
from newsdb.extract.model import DEFAULT_MODEL, missing_model_message
from newsdb.ingest.dates import parse_datetime
from newsdb.ingest.errors import InputError
from newsdb.ingest.jsonfmt import language_code
from newsdb.ingest.readers import DEFAULT_MAX_BYTES, FORMATS, ReadOptions
from newsdb.load.batches import Counts, LoadOptions, Stored, processed_batches

# The database layer (newsdb.load.run, the models, SQLAlchemy) is imported by the commands that use it,
# so that `newsdb extract` starts without it.
if TYPE_CHECKING:
    from newsdb.load.run import Problem
    from newsdb.load.writer import SourceSpec


class ConsoleReporter:
    """Problems as one line each on stderr; progress as a bar on a terminal, log lines otherwise."""

    def __init__(self, *, interval: float = 5.0) -> None:
        self.started = time.perf_counter()
        self.last = self.started
        self.interval = interval
        self.tty = sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None
        if self.tty:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("reading…", total=None)

    def problem(self, problem: Problem) -> None:
        where = problem.origin or "?"
        line = getattr(problem, "line_number", None)
        if line and f":{line}" not in where:
            where = f"{where}:{line}"
        message = f"error: {where}: {problem.message}"
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def progress(self, counts: Counts) -> None:
        now = time.perf_counter()
        rate = counts.read / (now - self.started) if now > self.started else 0.0
        text = (
            f"read {counts.read:,}  loaded {counts.added:,}  skipped {counts.skipped:,}  "
            f"failed {counts.failed:,}  ({rate:.1f} articles/s)"
        )
        if self._progress is not None:
            self._progress.update(self._task, description=text)
        elif now - self.last >= self.interval:
            self.last = now
            click.echo(f"… {text}", err=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_datetime(value, field="--published")
    except InputError as exc:
        raise click.BadParameter(exc.message, param_hint="--published") from exc


def _language(value: str | None) -> str | None:
    try:
        return language_code(value)
    except InputError as exc:
        raise click.BadParameter(exc.message, param_hint="--language") from exc


def _source(code: str | None, name: str | None) -> SourceSpec | None:
    from newsdb.load.writer import SourceSpec

    if not code:
        return None
    code = code.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", code):
        raise click.BadParameter(
            f"{code!r} is not a source code (lower-case letters, digits, '.', '_', '-', e.g. site-59); "
            "give the outlet's name with --source-name",
            param_hint="--source",
        )
    return SourceSpec(code, name)


def _read_options(fmt: str, glob: str | None, max_bytes: int, encoding: str | None) -> ReadOptions:
    if max_bytes < 1:
        raise click.BadParameter("must be at least 1", param_hint="--max-bytes")
    return ReadOptions(format=fmt, glob=glob, max_bytes=max_bytes, encoding=encoding)


def _check_paths(paths: tuple[str, ...], fmt: str) -> None:
    if not paths:
        raise click.UsageError("give at least one file, folder, or - for standard input")
    if "-" in paths and fmt == "auto" and sys.stdin.isatty():
        raise click.UsageError("reading standard input from a terminal; pipe a file in, or pass --format")


_read_opts = [
    click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        help=(
            "Input format. auto: by extension (.txt text, .json, .jsonl/.ndjson, .html/.htm), sniffed for stdin; "
            "facts: JSON lines from `newsdb extract` only (any other record is an error)."
        ),
    ),
    click.option(
        "--glob",
        metavar="PATTERN",
        help="In folders, load only files matching PATTERN (e.g. '*.txt'). Default: every known extension.",
    ),
    click.option(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Reject files (and JSON lines) bigger than this, without reading them.",
    ),
    click.option(
        "--encoding",
        metavar="NAME",
        help="Encoding of inputs that are not UTF-8 (e.g. latin-1). UTF-8 and BOM-marked UTF-16/32 need none.",
    ),
    click.option("--published", metavar="DATE", help="Publication date for inputs that have none (e.g. 2023-10-19)."),
    click.option("--language", metavar="CODE", help="Language code for inputs that name none (e.g. en)."),
    click.option(
        "--model",
        default=DEFAULT_MODEL,
        show_default=True,
        help="spaCy pipeline used for extraction (any installed one, e.g. en_core_web_trf).",
    ),
    click.option(
        "--workers",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Worker processes for extraction, the slow stage (e.g. 2 on a 2-core machine).",
    ),
    click.option(
        "--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True, help="Articles per batch."
    ),
]


def read_options(fn: Any) -> Any:
    """The options `load` and `extract` share."""
    for option in reversed(_read_opts):
        fn = option(fn)
    return fn


@main.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--source", "source_code", metavar="CODE", help="Source (outlet) code for inputs that name none.")
@click.option("--source-name", metavar="NAME", help="Display name of --source (default: the code).")
@click.option("--dry-run", is_flag=True, help="Read, parse and extract; write nothing; report what would change.")
@click.option(
    "--on-error",
    type=click.Choice(["continue", "stop"]),
    default="continue",
    show_default=True,
    help="On a bad input: record it and go on, or stop the load after its batch.",
)
@click.option("--no-extract", is_flag=True, help="Store articles only, without entities, statements and events.")
@read_options
@click.pass_context
def load(ctx: click.Context, paths: tuple[str, ...], **kw: Any) -> None:
    """Load articles from files, folders or standard input (-).

    Reads plain text (the seed format), JSON, JSON lines, HTML pages and
    `newsdb extract` output; extracts entities, statements and events; and
    writes each article in one transaction. An article already in the archive
    (same text, or same URL) is skipped, so loading twice changes nothing.
    A bad input is reported on stderr and in `newsdb runs show`, and the
    others still load. Exit status: 0 when everything loaded or was skipped,
    1 when some inputs failed, 2 for usage errors.

    \b
    Example:
        newsdb load seeds/
        newsdb load crawl.jsonl --source reuters --source-name Reuters --workers 2
        curl -s https://example.com/story | newsdb load - --format html
        newsdb load facts.jsonl          # output of `newsdb extract`, no re-extraction
    """
    from newsdb.load.run import run_load

    app: AppContext = ctx.obj
    _check_paths(paths, kw["fmt"])
    options = LoadOptions(
        read=_read_options(kw["fmt"], kw["glob"], kw["max_bytes"], kw["encoding"]),
        source=_source(kw["source_code"], kw["source_name"]),
        published=_published(kw["published"]),
        language=_language(kw["language"]),
        extract=not kw["no_extract"],
        model=kw["model"],
        batch_size=kw["batch_size"],
        workers=kw["workers"],
        dry_run=kw["dry_run"],
        on_error=kw["on_error"],
    )
    if kw["source_name"] and not kw["source_code"]:
        raise click.UsageError("--source-name needs --source CODE")
    if options.extract and options.read.format != "facts":  # facts records are never re-extracted
        _check_model(options.model)
    engine = app.engine()
    reporter = ConsoleReporter()
    command = _command_line(ctx)
    try:
        result = run_load(engine, paths, options, reporter, command=command)
    except KeyboardInterrupt:
        reporter.close()
        raise click.ClickException(
            "interrupted; what was written so far is complete, run the same load again"
        ) from None
    finally:
        reporter.close()
    click.echo(result.summary(dry_run=options.dry_run))
    if result.stopped_early:
        click.echo("stopped at the first error (--on-error stop)", err=True)
    if result.counts.failed:
        ctx.exit(1)


def _command_line(ctx: click.Context) -> str:
    """The command as typed, rebuilt from its parameters: only this command's, so never --database-url."""
    words = ["newsdb", ctx.info_name or "load"]
    for param in ctx.command.params:
        if param.name is None or ctx.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
            continue
        value = ctx.params[param.name]
        if isinstance(param, click.Argument):
            words.extend(str(v) for v in value)
        elif isinstance(param, click.Option) and param.is_flag:
            words.append(param.opts[0])
        else:
            words.extend([param.opts[-1] if param.opts[-1].startswith("--") else param.opts[0], str(value)])
    return shlex.join(words)


def _check_model(model: str) -> None:
    message = missing_model_message(model)  # without importing spaCy: a load of facts never needs it
    if message is not None:
        raise click.BadParameter(message, param_hint="--model")


@main.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE",
    help="Where to write the JSON lines (- for standard output).",
)
@read_options
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: str, **kw: Any) -> None:
    """Extract facts from articles without a database, as JSON lines.

    Runs read → parse → extract and writes one JSON object per article
    (the article's fields and its entities, mentions, roles, statements and
    events; "format": "newsdb.facts" with a schema_version). `newsdb load`
    reads the file back without re-extracting: run extract on many machines,
    load the results into one database. Rejected inputs are reported on
    stderr; exit status 1 if any.

    \b
    Example:
        newsdb extract seeds/ -o facts.jsonl
        newsdb load facts.jsonl
    """
    _check_paths(paths, kw["fmt"])
    options = LoadOptions(
        read=_read_options(kw["fmt"], kw["glob"], kw["max_bytes"], kw["encoding"]),
        published=_published(kw["published"]),
        language=_language(kw["language"]),
        model=kw["model"],
        batch_size=kw["batch_size"],
        workers=kw["workers"],
    )
    _check_model(options.model)
    reporter = ConsoleReporter()
    counts = Counts()
    out: IO[str]
    try:
        out = sys.stdout if output == "-" else Path(output).open("w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    try:
        for results in processed_batches(paths, options):
            for item in results:
                counts.read += 1
                if isinstance(item, ArticleFacts):
                    out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
                    counts.added += 1
                elif not isinstance(item, Stored):  # never: extract checks no archive
                    counts.failed += 1
                    reporter.problem(item)
            reporter.progress(counts)
    finally:
        reporter.close()
        if out is not sys.stdout:
            out.close()
    click.echo(f"extracted {counts.added:,}, failed {counts.failed:,}", err=True)
    if counts.failed:
        ctx.exit(1)


@main.group(invoke_without_command=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many runs to list.")
@output_options
@pass_app
@click.pass_context
def runs(ctx: click.Context, app: AppContext, limit: int, output_format: str) -> None:
    """List recent loads: what each read, added, skipped and rejected.

    A load that was killed shows as interrupted.

    \b
    Example:
        newsdb runs
        newsdb runs show 3
    """
    from sqlalchemy import select

    from newsdb.db.models import IngestRun
    from newsdb.load.run import mark_interrupted_runs

    if ctx.invoked_subcommand is not None:
        return
    engine = app.engine()
    mark_interrupted_runs(engine)
    with engine.connect() as conn:
        total = conn.execute(select(IngestRun.id).order_by(IngestRun.id.desc()).limit(limit + 1)).all()
        rows = conn.execute(
            select(
                IngestRun.id,
                IngestRun.started_at,
                IngestRun.finished_at,
                IngestRun.status,
                IngestRun.read_count,
                IngestRun.added_count,
                IngestRun.skipped_count,
                IngestRun.failed_count,
                IngestRun.command,
            )
            .order_by(IngestRun.id.desc())
            .limit(limit)
        ).all()
    rowset = RowSet(
        ["run_id", "started_at", "finished_at", "status", "read", "added", "skipped", "failed", "command"],
        [tuple(r) for r in rows],
        title="Recent loads",
        empty_message="no loads yet; try `newsdb load seeds/`",
    )
    if len(total) > limit:
        rowset.notes.append(f"showing the {limit} most recent runs; use --limit to see more")
    emit(rowset, output_format)


@runs.command()
@click.argument("run_id", type=int, metavar="ID")
@output_options
@pass_app
def show(app: AppContext, run_id: int, output_format: str) -> None:
    """Show one load and every input it rejected, with the reason.

    \b
    Example:
        newsdb runs show 3
        newsdb runs show 3 --format csv > rejected.csv
    """
    from sqlalchemy import select

    from newsdb.db.models import IngestError, IngestRun

    engine = app.engine()
    with engine.connect() as conn:
        run = conn.execute(select(IngestRun.__table__).where(IngestRun.id == run_id)).one_or_none()
        if run is None:
            raise click.ClickException(f"no run {run_id}; `newsdb runs` lists them")
        errors = conn.execute(
            select(
                IngestError.input,
                IngestError.line_number,
                IngestError.error_class,
                IngestError.message,
                IngestError.excerpt,
            )
            .where(IngestError.ingest_run_id == run_id)
            .order_by(IngestError.id)
        ).all()
    click.echo(
        f"run {run.id} ({run.status}): read {run.read_count:,}, added {run.added_count:,}, "
        f"skipped {run.skipped_count:,}, failed {run.failed_count:,}; {run.command}",
        err=output_format != "table",
    )
    emit(
        RowSet(
            ["input", "line", "error", "message", "excerpt"],
            [tuple(e) for e in errors],
            title=f"Inputs rejected by run {run_id}",
            empty_message=f"run {run_id} rejected no input",
        ),
        output_format,
    )
