"""The table format: a table that fits the screen, else one block per row; never a word broken to fit."""

from __future__ import annotations

import pytest

from newsdb.cli.output import RowSet, emit

PEOPLE = RowSet(
    ["entity_id", "name", "mentions", "titles"],
    [[18, "Sergei Lavrov", 10, ["Foreign Minister"]], [23, "John Kirby", 1, ["spokesman"]]],
    title="People",
)
QUOTE = "We are terribly concerned by the intensification of military activities in the region, and by the policies"
STATEMENTS = RowSet(
    [
        "speaker",
        "quote",
        "statement_type",
        "cue_verb",
        "published_at",
        "source_code",
        "article_id",
        "articles_carrying",
    ],
    [["Sergei Lavrov", QUOTE, "direct", "declare", "2023-10-19", "site-59", 1, 1]],
)


def render(rowset: RowSet, width: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    emit(rowset, "table")
    return capsys.readouterr().out


def test_a_table_that_fits_keeps_names_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = render(PEOPLE, 80, capsys, monkeypatch)
    lines = out.splitlines()
    assert lines[0].strip() == "People"
    header = next(line for line in lines if "name" in line)
    assert [cell.strip() for cell in header.strip("┃").split("┃")] == ["entity id", "name", "mentions", "titles"]
    rows = [[c.strip() for c in line.strip("│").split("│")] for line in lines if line.startswith("│")]
    assert rows == [["18", "Sergei Lavrov", "10", "Foreign Minister"], ["23", "John Kirby", "1", "spokesman"]]
    assert all(len(line) <= 80 for line in lines)


def test_a_wide_table_on_a_wide_screen(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = render(STATEMENTS, 200, capsys, monkeypatch)
    rows = [[c.strip() for c in line.strip("│").split("│")] for line in out.splitlines() if line.startswith("│")]
    assert rows[0][0] == "Sergei Lavrov" and rows[0][2:] == ["direct", "declare", "2023-10-19", "site-59", "1", "1"]
    assert " ".join(r[1] for r in rows).split() == QUOTE.split()  # the quote, wrapped at words
    assert all(len(line) <= 200 for line in out.splitlines())


def test_too_many_columns_become_blocks_per_row(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = render(STATEMENTS, 60, capsys, monkeypatch)
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0].startswith("1 ─")
    fields = {line[:19].strip(): line[19:] for line in lines[1:] if line[:19].strip()}
    assert list(fields) == [
        "speaker", "quote", "statement type", "cue verb", "published at", "source code", "article id",
        "articles carrying",
    ]  # fmt: skip
    assert fields["speaker"] == "Sergei Lavrov" and fields["articles carrying"] == "1"
    quote_lines = [line[19:] for line in lines[1:] if line[19:] and (not line[:19].strip() or line.startswith("quote"))]
    assert " ".join(quote_lines).split() == QUOTE.split()
    assert all(len(line) <= 60 for line in lines)
