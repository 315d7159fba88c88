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
SHORT_CELL = 24  # table cells up to this long keep to one line
MIN_TEXT_WIDTH = 24  # the least room a column of longer cells needs in a table
MIN_NAME_WIDTH = 12  # and a column of names or titles, wrapped

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
    """A table when it fits the screen; else one block per row (like psql's expanded mode)."""
    from rich.console import Console
    from rich.rule import Rule
    from rich.table import Table

    console = Console(file=sys.stdout, soft_wrap=False)
    cells = [[_text_value(v) for v in row] for row in rowset.rows]
    headers = [name.replace("_", " ") for name in rowset.columns]  # wrap between words, not inside them
    widths = _column_widths(headers, cells, console.width - 3 * len(headers) - 1)
    if widths is not None:
        table = Table(title=rowset.title, show_lines=False, header_style="bold")
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, overflow="fold", width=width)
        for row in cells:
            table.add_row(*row)
        console.print(table)
        return
    if rowset.title:
        console.print(rowset.title, style="bold")
    for number, row in enumerate(cells, 1):
        console.print(Rule(f"{number}", align="left", characters="─"))
        record = Table.grid(padding=(0, 2))
        record.add_column(style="bold", no_wrap=True)
        record.add_column(overflow="fold")
        for header, value in zip(headers, row, strict=True):
            record.add_row(header, value)
        console.print(record)


def _column_widths(headers: Sequence[str], cells: Sequence[Sequence[str]], room: int) -> list[int] | None:
    """Column widths that fit ``room`` characters, or None when no table would be readable.

    Short cells (ids, counts, dates, codes) are never broken; names and titles
    may wrap at spaces when that is what makes the table fit; long cells
    (quotes, lists) take what is left, at least ``MIN_TEXT_WIDTH``.
    """
    words = [max(len(w) for w in h.split()) for h in headers]
    natural = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    longest = [max(words[i], *(len(row[i]) for row in cells)) for i in range(len(headers))]
    least = [n if n <= SHORT_CELL else MIN_TEXT_WIDTH for n in longest]
    for i in sorted(range(len(headers)), key=lambda i: -longest[i]):
        if sum(least) <= room or longest[i] <= MIN_NAME_WIDTH:
            break
        if longest[i] <= SHORT_CELL:
            least[i] = max(MIN_NAME_WIDTH, words[i])
    if sum(least) > room:
        return None
    widths = list(least)
    spare = room - sum(widths)
    # first the short columns up to their natural width (a header on one line), then the rest
    for i in sorted(range(len(headers)), key=lambda i: natural[i]):
        grow = min(spare, natural[i] - widths[i]) if natural[i] <= SHORT_CELL else 0
        widths[i] += max(grow, 0)
        spare -= max(grow, 0)
    wanting = [i for i in range(len(headers)) if natural[i] > widths[i]]
    total = sum(natural[i] - widths[i] for i in wanting)
    for i in wanting:
        grow = min(natural[i] - widths[i], spare * (natural[i] - widths[i]) // total)
        widths[i] += grow
    return widths


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
