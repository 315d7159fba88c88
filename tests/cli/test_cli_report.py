"""Every report on a small fixture archive, with exact rows; bad input gets one line, never a traceback."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.conftest import Cli
from tests.factories import build_archive


@pytest.fixture
def archive(cli: Cli, engine: Engine) -> Cli:
    build_archive(engine)
    return cli


def rows(cli: Cli, *args: str) -> list[dict[str, Any]]:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_overview(archive: Cli) -> None:
    got = {r["measure"]: r["value"] for r in rows(archive, "report", "overview")}
    assert got == {
        "articles": 4,
        "sources": 2,
        "first published": "2024-03-01T09:00:00+00:00",
        "last published": "2024-04-10T00:00:00+00:00",
        "persons": 3,
        "organizations": 0,
        "places": 4,
        "statements": 2,
        "events": 2,
        "last load": "none yet",
    }
    march = {r["measure"]: r["value"] for r in rows(archive, "report", "overview", "--until", "2024-03-31")}
    assert (march["articles"], march["statements"], march["events"]) == (2, 2, 1)


def test_sources(archive: Cli) -> None:
    got = [tuple(r.values()) for r in rows(archive, "report", "sources")]
    assert got == [
        ("site-a", "Site A", 2, "2024-03-01T09:00:00+00:00", "2024-04-02T09:00:00+00:00", 50),
        ("site-b", "Site B", 2, "2024-03-15T09:00:00+00:00", "2024-04-10T00:00:00+00:00", 50),
    ]


def test_people_and_places(archive: Cli) -> None:
    people = rows(archive, "report", "people")
    assert [(p["name"], p["mentions"], p["articles"], p["titles"]) for p in people] == [
        ("Sergei Lavrov", 3, 2, "Foreign Minister"),
        ("Kim Il-sung", 2, 2, None),
        ("Kim Jong-un", 2, 1, None),
    ]
    assert [p["name"] for p in rows(archive, "report", "people", "--min-mentions", "3")] == ["Sergei Lavrov"]
    places = rows(archive, "report", "places", "--source", "site-a")
    assert [(p["name"], p["mentions"]) for p in places] == [
        ("North Korea", 1),
        ("Pyongyang", 1),
        ("United States", 1),
    ]


def test_statements_by_speaker_with_carry_count(archive: Cli) -> None:
    got = rows(archive, "report", "statements", "--speaker", "lavrov")
    assert [
        (r["speaker"], r["quote"], r["type"], r["source"], r["article_id"], r["articles_carrying"]) for r in got
    ] == [
        ("Sergei Lavrov", "We oppose this unconstructive line", "direct", "site-b", 2, 2),
        ("Sergei Lavrov", "We oppose this unconstructive line", "direct", "site-a", 1, 2),
    ]
    assert [r["speaker"] for r in rows(archive, "report", "statements", "--type", "indirect")] == ["Kim Jong-un"]
    assert [r["article_id"] for r in rows(archive, "report", "statements", "--contains", "UNCONSTRUCTIVE")] == [2, 1]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_statements_formats(archive: Cli, fmt: str) -> None:
    out = archive("report", "statements", "--since", "2024-03-10", "--format", fmt).stdout
    if fmt == "csv":
        parsed = list(csv.DictReader(io.StringIO(out)))
        assert [(r["speaker"], r["published_at"], r["article_id"]) for r in parsed] == [
            ("Sergei Lavrov", "2024-03-15T09:00:00+00:00", "2")
        ]
    else:
        (line,) = out.splitlines()
        assert json.loads(line)["quote"] == "We oppose this unconstructive line"


def test_empty_result_says_what_was_asked(archive: Cli) -> None:
    result = archive("report", "statements", "--speaker", "Lavrov", "--since", "2025-01-01", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == "speaker,quote,type,cue,published_at,source,article_id,articles_carrying\n"
    assert result.stderr == "no statements match --speaker Lavrov since 2025-01-01\n"


def test_limit_says_when_it_cut(archive: Cli) -> None:
    result = archive("report", "people", "--limit", "1", "--format", "csv")
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == "showing the first row; use --limit to see more\n"


def test_entity_profile(archive: Cli) -> None:
    result = archive("report", "entity", "Sergei Lavrov", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["name"], data["kind"], data["mentions"], data["articles_count"]) == ("Sergei Lavrov", "person", 3, 2)
    assert data["aliases"] == ["Sergei Lavrov", "Lavrov"]
    assert [(r["title"], r["articles"]) for r in data["sections"]["roles"]] == [("Foreign Minister", 1)]
    assert [r["article_id"] for r in data["sections"]["articles"]] == [2, 1]
    assert [(r["type"], r["role"]) for r in data["sections"]["events"]] == [("CONSULT", "actor")]
    assert [(r["entity"], r["articles"]) for r in data["sections"]["co-mentioned"]] == [
        ("Kim Il-sung", 1), ("Kim Jong-un", 1), ("Moscow", 1), ("Pyongyang", 1),
    ]  # fmt: skip
    table = archive("report", "entity", "Sergei Lavrov", "--format", "table").stdout.splitlines()
    assert table[0] == f"Sergei Lavrov (#{data['entity_id']}, person): 3 mentions in 2 articles"
    one = archive("report", "entity", "Sergei Lavrov", "--until", "2024-03-10", "--format", "table").stdout
    assert (
        one.splitlines()[0] == f"Sergei Lavrov (#{data['entity_id']}, person): 2 mentions in 1 article until 2024-03-10"
    )


def test_entity_profile_filtered_agrees_with_the_precomputed_counts(archive: Cli) -> None:
    whole = json.loads(archive("report", "entity", "Sergei Lavrov", "--format", "json").stdout)
    since = json.loads(archive("report", "entity", "Sergei Lavrov", "--since", "2024-01-01", "--format", "json").stdout)
    assert since["sections"]["co-mentioned"] == whole["sections"]["co-mentioned"]
    march = json.loads(archive("report", "entity", "Sergei Lavrov", "--until", "2024-03-10", "--format", "json").stdout)
    assert [(r["entity"], r["articles"]) for r in march["sections"]["co-mentioned"]] == [
        ("Kim Jong-un", 1),
        ("Pyongyang", 1),
    ]


def test_entity_lookup_is_case_and_accent_insensitive(archive: Cli) -> None:
    data = json.loads(archive("report", "entity", "  sérgei   LAVROV ", "--format", "json").stdout)
    assert data["name"] == "Sergei Lavrov"


def test_ambiguous_and_unknown_entities(archive: Cli) -> None:
    result = archive("report", "entity", "Kim")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 'Kim' is ambiguous: Kim Jong-un (#2, person); Kim Il-sung (#4, person). "
        "Pick one with NAME#ID, e.g. 'Kim Jong-un#2'\n"
    )
    picked = json.loads(archive("report", "entity", "Kim#4", "--format", "json").stdout)
    assert picked["name"] == "Kim Il-sung"
    result = archive("report", "entity", "Lavrow")
    assert (result.exit_code, result.output) == (
        1,
        "Error: no entity named 'Lavrow'; did you mean: Sergei Lavrov?\n",
    )


def test_events(archive: Cli) -> None:
    got = rows(archive, "report", "events")
    assert [(e["type"], e["date"], e["place"], e["participants"], e["articles"]) for e in got] == [
        ("ACCUSE", "2024-04-02", None, "North Korea (actor); United States (recipient)", 1),
        ("CONSULT", "2024-03-01", "Pyongyang", "Sergei Lavrov (actor); Kim Jong-un (participant)", 1),
    ]
    assert [e["type"] for e in rows(archive, "report", "events", "--type", "disapprove")] == ["ACCUSE"]
    assert [e["type"] for e in rows(archive, "report", "events", "--participant", "Kim Jong-un")] == ["CONSULT"]
    assert [e["type"] for e in rows(archive, "report", "events", "--place", "Pyongyang")] == ["CONSULT"]
    assert rows(archive, "report", "events", "--context", "future") == []
    bad = archive("report", "events", "--type", "PARTY")
    assert bad.exit_code == 1
    assert bad.output.startswith("Error: unknown event type 'PARTY'; PLOVER types are ACCUSE, AGREE, AID,")


def test_timeline_and_plot(archive: Cli, tmp_path: Path) -> None:
    plot = tmp_path / "t.png"
    result = archive("report", "timeline", "Sergei Lavrov", "Kim Il-sung", "--plot", str(plot), "--format", "json")
    assert json.loads(result.stdout) == [
        {"period": "2024-03-01", "entity": "Kim Il-sung", "mentions": 1},
        {"period": "2024-03-01", "entity": "Sergei Lavrov", "mentions": 3},
        {"period": "2024-04-01", "entity": "Kim Il-sung", "mentions": 1},
    ]
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    weekly = rows(archive, "report", "timeline", "Lavrov", "--by", "statements", "--interval", "week")
    assert weekly == [
        {"period": "2024-02-26", "entity": "Sergei Lavrov", "statements": 1},
        {"period": "2024-03-11", "entity": "Sergei Lavrov", "statements": 1},
    ]


def test_cooccurrence_and_network_plot(archive: Cli, tmp_path: Path) -> None:
    got = rows(archive, "report", "cooccurrence", "--entity", "Pyongyang")
    assert [(r["entity_a"], r["entity_b"], r["articles"]) for r in got] == [
        ("Kim Jong-un", "Pyongyang", 1),
        ("Sergei Lavrov", "Pyongyang", 1),
    ]
    plot = tmp_path / "n.svg"
    assert archive("report", "cooccurrence", "--plot", str(plot), "--format", "csv").exit_code == 0
    assert plot.read_text().lstrip().startswith("<?xml")


def test_search_highlights_and_ranks(archive: Cli) -> None:
    got = rows(archive, "search", "nuclear submarine")
    assert [(r["article_id"], r["title"]) for r in got] == [(3, "Accusation over submarine")]
    assert "«nuclear» «submarine»" in got[0]["snippet"]


@pytest.mark.parametrize("hostile", ["'; drop table article; --", "!!!", "&|", "nuclear & (", "«»", "💥"])
def test_hostile_strings_are_text(archive: Cli, engine: Engine, hostile: str) -> None:
    for args in (["search", hostile], ["report", "statements", "--contains", hostile]):
        result = archive(*args, "--format", "json")
        assert result.exit_code == 0, (args, result.output)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM article")) == 4
    found = rows(archive, "search", "drop table article")
    assert [r["article_id"] for r in found] == [3]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "people", "--limit", "0"], "Invalid value for --limit: 0 is not a positive number of rows"),
        (["report", "people", "--limit", "-5"], "Invalid value for --limit: -5 is not a positive number of rows"),
        (["report", "people", "--since", "2024-13-01"], "Invalid value for '--since': '2024-13-01' does not match"),
        (["report", "people", "--since", "2024-05-01", "--until", "2024-04-01"],
         "--since 2024-05-01 is after --until 2024-04-01: swap them"),
        (["report", "timeline", "Lavrov", "--plot", "out.gif"], "the plot file must end in .png or .svg"),
        (["search", "   "], "the search query is empty"),
    ],
)  # fmt: skip
def test_usage_errors(archive: Cli, args: list[str], message: str) -> None:
    result = archive(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_names_in_filters(archive: Cli) -> None:
    result = archive("report", "statements", "--speaker", "Nobody Atall")
    assert (result.exit_code, result.output) == (1, "Error: no entity named 'Nobody Atall' for --speaker\n")
    result = archive("report", "events", "--place", "Lavrov")
    assert result.output.startswith("Error: no place named 'Lavrov' for --place")


def test_show_article(archive: Cli) -> None:
    data = json.loads(archive("show", "article", "1", "--format", "json").stdout)
    assert (data["title"], data["source_code"]) == ("Lavrov meets Kim", "site-a")
    assert [(m["text"], m["name"]) for m in data["mentions"]] == [
        ("Sergei Lavrov", "Sergei Lavrov"), ("Kim Jong-un", "Kim Jong-un"), ("Pyongyang", "Pyongyang"),
        ("Lavrov", "Sergei Lavrov"), ("Kim", "Kim Jong-un"),
    ]  # fmt: skip
    assert [(s["speaker"], s["type"]) for s in data["statements"]] == [
        ("Sergei Lavrov", "direct"),
        ("Kim Jong-un", "indirect"),
    ]
    assert [(e["type"], e["trigger"]) for e in data["events"]] == [("CONSULT", "met")]
    table = archive("show", "article", "1", "--format", "table")
    assert "Lavrov meets Kim" in table.stdout and "[direct] Sergei Lavrov: We oppose" in table.stdout
    missing = archive("show", "article", "999")
    assert (missing.exit_code, missing.output) == (
        1,
        "Error: no article 999; `newsdb search` or `newsdb report sources` help find one\n",
    )


def test_the_seed_answers_the_questions_people_ask(cli: Cli) -> None:
    from tests.conftest import SEEDS

    assert cli("load", str(SEEDS)).exit_code == 0
    lavrov = rows(cli, "report", "statements", "--speaker", "Lavrov", "--limit", "100")
    quotes = {r["quote"] for r in lavrov}
    assert "We oppose this unconstructive and dangerous line" in quotes
    assert "After this historic summit […] we can say with confidence that relations" in quotes
    assert {r["speaker"] for r in lavrov} == {"Sergei Lavrov"}
    kim = json.loads(cli("report", "entity", "Kim Jong-un", "--format", "json").stdout)
    assert (kim["name"], kim["kind"]) == ("Kim Jong-un", "person")
    assert [(r["title"], r["of"]) for r in kim["sections"]["roles"]] == [("leader", "North Korea")]
    assert "forward-looking" in {r["quote"] for r in kim["sections"]["statements"]}
    found = rows(cli, "search", "nuclear submarine")
    assert [r["article_id"] for r in found] == [1]
    assert "«nuclear» «submarine»" in found[0]["snippet"]
