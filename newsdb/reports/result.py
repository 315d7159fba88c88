"""A report's answer: columns, rows, and whether --limit cut it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    cut: bool = False  # more rows exist than --limit allowed

    def note(self, limit: int) -> list[str]:
        rows = "row" if limit == 1 else f"{limit:,} rows"
        return [f"showing the first {rows}; use --limit to see more"] if self.cut else []


def limited(conn: Connection, query: Any, limit: int, columns: Sequence[str] | None = None) -> Result:
    """Run ``query`` with ``limit`` (+1 to know whether rows were cut)."""
    rows = [tuple(r) for r in conn.execute(query.limit(limit + 1))]
    names = list(columns) if columns is not None else list(query.selected_columns.keys())
    return Result(names, rows[:limit], cut=len(rows) > limit)
