"""One output decorator for every command that prints rows.

``@output_options`` adds ``--format table|csv|json|jsonl``; the command builds
a :class:`RowSet` and calls :func:`emit`.  The default is a table on a
terminal and CSV when piped.  Machine formats are stable: CSV has a header
row with the column names; JSON is one array of objects; JSON lines is one
object per line; dates and times are ISO 8601 (UTC), lists stay lists in JSON
and are joined with ``; `` in CSV.  Notes (a ``--limit`` that cut rows, an
empty result) go to stderr in machine formats so pipes get only data.
"""

from __future__ import annotations

import csv
import decimal
import functools
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

import click

FORMATS = ("table", "csv", "json", "jsonl")

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class RowSet:
    """Rows to print, with the column names and what to say about them."""

    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]
    title: str | None = None
    empty_message: str = "no rows"
    notes: list[str] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def output_options(fn: F) -> F:
    """Add ``--format`` to a command; the value arrives as ``output_format``."""

    @click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format: table (default on a terminal), csv (default when piped), json or jsonl.",
    )
    @functools.wraps(fn)
    def wrapper(*args: Any, output_format: str | None, **kwargs: Any) -> Any:
        return fn(*args, output_format=output_format or default_format(), **kwargs)

    return wrapper  # type: ignore[return-value]


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "csv"


def emit(rowset: RowSet, output_format: str) -> None:
    """Print ``rowset`` in ``output_format``."""
    if not rowset.rows:
        if output_format == "json":
            click.echo("[]")
        elif output_format == "csv":
            _write_csv(rowset)
        click.echo(rowset.empty_message, err=output_format != "table")
        return
    if output_format == "table":
        _print_table(rowset)
    elif output_format == "csv":
        _write_csv(rowset)
    elif output_format == "json":
        click.echo(json.dumps([_jsonable_row(r) for r in rowset.as_dicts()], ensure_ascii=False, indent=2))
    elif output_format == "jsonl":
        for row in rowset.as_dicts():
            click.echo(json.dumps(_jsonable_row(row), ensure_ascii=False))
    else:  # pragma: no cover - click validates the choice
        raise click.UsageError(f"unknown format {output_format!r}")
    for note in rowset.notes:
        click.echo(note, err=output_format != "table")


def _write_csv(rowset: RowSet) -> None:
    out = sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rowset.columns)
    for row in rowset.rows:
        writer.writerow([_csv_value(v) for v in row])
    out.flush()


def _print_table(rowset: RowSet) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=rowset.title, show_lines=False, header_style="bold")
    for name in rowset.columns:
        table.add_column(name, overflow="fold")
    for row in rowset.rows:
        table.add_row(*(_text_value(v) for v in row))
    Console(file=sys.stdout, soft_wrap=False).print(table)


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text_value(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_csv_value(v)) for v in value)
    return _json_value(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def _jsonable_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in row.items()}
