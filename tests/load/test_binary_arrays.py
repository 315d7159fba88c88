"""BinaryArray: the writer's array parameters arrive exactly as plain lists would (only cheaper to encode)."""

from __future__ import annotations

from typing import Any

import pytest
from psycopg.adapt import PyFormat
from psycopg.types.array import ListBinaryDumper, ListDumper
from sqlalchemy import Engine, text

from newsdb.db.connection import BinaryArray

CASES = [
    ("text", ["a", None, 'q"uo\\te {x,y} NULL ’ é 日本', "", "NULL"]),
    ("bigint", [1, None, 2**40, -(2**63), 2**63 - 1]),
    ("int", [1, None, -5]),
    ("boolean", [True, False, None]),
    ("double precision", [1.5, -0.1, 37.566, 126.9784, None]),
]


@pytest.mark.parametrize(("sql_type", "values"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("shape", ["as given", "empty", "all null"])
def test_binary_arrays_arrive_as_plain_lists_do(engine: Engine, sql_type: str, values: list[Any], shape: str) -> None:
    values = {"as given": values, "empty": [], "all null": [None, None]}[shape]
    query = text(f"SELECT CAST(:v AS {sql_type}[]), (SELECT count(*) FROM unnest(CAST(:v AS {sql_type}[])))")
    with engine.connect() as conn:
        plain = conn.execute(query, {"v": list(values)}).one()
        binary = conn.execute(query, {"v": BinaryArray(values)}).one()
    assert tuple(binary) == tuple(plain) == (values, len(values))


def test_newsdb_connections_send_them_in_binary(engine: Engine) -> None:
    with engine.connect() as conn:
        adapters = conn.connection.driver_connection.adapters  # type: ignore[union-attr]
        assert adapters.get_dumper(BinaryArray, PyFormat.AUTO) is ListBinaryDumper
        assert adapters.get_dumper(list, PyFormat.AUTO) is ListDumper  # plain lists elsewhere are unchanged
