"""Multi-row inserts in one round trip: ``INSERT ... SELECT * FROM unnest(arrays)``.

psycopg's ``executemany`` pipelines one INSERT per row; building a VALUES list
with SQLAlchemy compiles a new statement per row count.  Sending one array per
column keeps the SQL text constant (prepared once per connection by psycopg)
and the rows travel in a single statement, whatever their number; each array
goes in PostgreSQL's binary format (:class:`BinaryArray`), the cheapest to
encode.

Table and column names come from :class:`Bulk` instances declared in code,
never from input; values are always bound parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, TextClause, text

from newsdb.db.connection import BinaryArray


@dataclass(frozen=True)
class Bulk:
    """A reusable multi-row INSERT for ``table`` with ``columns`` as ``(name, sql_type)``."""

    table: str
    columns: tuple[tuple[str, str], ...]
    suffix: str = ""  # "ON CONFLICT ... DO NOTHING", "RETURNING id"
    _sql: TextClause = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sql", text(self.sql()))

    def sql(self, prefix: str = "") -> str:
        """The INSERT, its array parameters named ``{prefix}c0``, ``{prefix}c1``, ..."""
        names = ", ".join(name for name, _ in self.columns)
        arrays = ", ".join(f"CAST(:{prefix}c{i} AS {sql_type}[])" for i, (_, sql_type) in enumerate(self.columns))
        return f"INSERT INTO {self.table} ({names}) SELECT * FROM unnest({arrays}) {self.suffix}"  # names from code

    def params(self, rows: Sequence[Sequence[Any]], prefix: str = "") -> dict[str, list[Any]]:
        return {f"{prefix}c{i}": BinaryArray(row[i] for row in rows) for i in range(len(self.columns))}

    def run(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            conn.execute(self._sql, self.params(rows))

    def returning(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> list[Any]:
        """Run with a ``RETURNING`` suffix.  Callers match rows by the key columns they return, not by order."""
        if not rows:
            return []
        return list(conn.execute(self._sql, self.params(rows)).all())


@dataclass(frozen=True)
class BulkGroup:
    """Several :class:`Bulk` inserts in one statement, as data-modifying CTEs: one round trip for all.

    Each part sees the database as it was when the statement started, so no part may need
    another's rows (a foreign key to a row another part inserts, a conflict with it).  Every part
    is always in the statement, empty or not, so its SQL text is constant (prepared once).
    """

    parts: tuple[Bulk, ...]
    _sql: TextClause = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ctes = ", ".join(f"b{j} AS ({part.sql(f'b{j}_')})" for j, part in enumerate(self.parts))
        object.__setattr__(self, "_sql", text(f"WITH {ctes} SELECT 1"))

    def run(self, conn: Connection, *rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows[j]`` with ``parts[j]``; nothing is sent when every part is empty."""
        if not any(rows):
            return
        params: dict[str, list[Any]] = {}
        for j, (part, part_rows) in enumerate(zip(self.parts, rows, strict=True)):
            params.update(part.params(part_rows, f"b{j}_"))
        conn.execute(self._sql, params)
