"""Cross-article event merging: the date, mode and place rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, text

from newsdb.extract.facts import DatePrecision
from newsdb.load.events import dates_agree, period
from newsdb.load.writer import WriteOutcome, write_articles
from tests.load.builders import NORTH_KOREA, PYONGYANG, RUSSIA, Facts


def test_periods() -> None:
    assert period(date(2024, 9, 13), "day") == (date(2024, 9, 13), date(2024, 9, 13))
    assert period(date(2024, 9, 9), "week") == (date(2024, 9, 9), date(2024, 9, 15))
    assert period(date(2024, 2, 1), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period(date(2024, 1, 1), "year") == (date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("a", "a_prec", "b", "b_prec", "agree"),
    [
        (date(2024, 9, 13), "day", date(2024, 9, 16), "day", True),  # 3 days apart
        (date(2024, 9, 13), "day", date(2024, 9, 17), "day", False),  # 4 days apart
        (date(2024, 9, 1), "month", date(2024, 9, 30), "day", True),  # inside the month
        (date(2024, 9, 1), "month", date(2024, 10, 3), "day", True),  # within the slack after it
        (date(2024, 9, 1), "month", date(2024, 10, 5), "day", False),
        (date(2024, 9, 9), "week", date(2024, 9, 15), "day", True),
        (date(2024, 1, 1), "year", date(2024, 9, 1), "month", True),
        (date(2024, 1, 1), "year", date(2024, 9, 13), "day", False),  # a year is too vague for a day
        (date(2024, 1, 1), "year", date(2025, 1, 1), "year", False),
    ],
)
def test_dates_agree(a: date, a_prec: str, b: date, b_prec: str, agree: bool) -> None:
    assert dates_agree(a, a_prec, b, b_prec) is agree
    assert dates_agree(b, b_prec, a, a_prec) is agree


def _visit(title: str, *, mode: str | None, on: date | None, precision: DatePrecision | None, place: str) -> Facts:
    f = Facts(f"Sergei Lavrov visited {place} ({title}).", title=title, published=datetime(2024, 6, 20, tzinfo=UTC))
    f.entity("l", "person", "Sergei Lavrov")
    info = {"Pyongyang": PYONGYANG, "North Korea": NORTH_KOREA, "Russia": RUSSIA}[place]
    f.entity("p", "place", place, place=info)
    f.event("CONSULT", "visited", ("l", "actor"), mode=mode, place="p", on=on, precision=precision)
    return f


def _event_of(engine: Engine, title: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT r.event_id FROM event_report r JOIN article a ON a.id = r.article_id WHERE a.title = :t"),
            {"t": title},
        ).scalar_one()


def _write(engine: Engine, *facts: Facts) -> None:
    results = write_articles(engine, [f.build() for f in facts])
    assert all(isinstance(r, WriteOutcome) and r.status == "added" for r in results), results


def test_modes_must_agree_unless_one_is_unknown(engine: Engine) -> None:
    d = date(2024, 6, 19)
    _write(
        engine,
        _visit("visit", mode="visit", on=d, precision="day", place="Pyongyang"),
        _visit("unknown mode", mode=None, on=d, precision="day", place="Pyongyang"),
        _visit("summit", mode="summit", on=d, precision="day", place="Pyongyang"),
    )
    assert _event_of(engine, "unknown mode") == _event_of(engine, "visit")
    assert _event_of(engine, "summit") != _event_of(engine, "visit")


def test_a_city_is_compatible_with_its_country_not_with_another(engine: Engine) -> None:
    d = date(2024, 6, 19)
    _write(
        engine,
        _visit("city", mode="visit", on=d, precision="day", place="Pyongyang"),
        _visit("country", mode="visit", on=d, precision="day", place="North Korea"),
        _visit("elsewhere", mode="visit", on=d, precision="day", place="Russia"),
    )
    assert _event_of(engine, "country") == _event_of(engine, "city")
    assert _event_of(engine, "elsewhere") != _event_of(engine, "city")


def test_a_month_date_meets_a_day_date_and_the_merge_keeps_the_first_date(engine: Engine) -> None:
    _write(
        engine,
        _visit("june", mode="visit", on=date(2024, 6, 1), precision="month", place="Pyongyang"),
        _visit("june 19", mode="visit", on=date(2024, 6, 19), precision="day", place="Pyongyang"),
        _visit("undated", mode="visit", on=None, precision=None, place="Pyongyang"),  # published June 20
    )
    event = _event_of(engine, "june")
    assert _event_of(engine, "june 19") == event
    assert _event_of(engine, "undated") == event
    with engine.connect() as conn:
        row = conn.execute(text("SELECT occurred_on, date_precision FROM event WHERE id = :e"), {"e": event}).one()
    assert tuple(row) == (date(2024, 6, 1), "month")


def test_an_undated_event_fills_in_a_date_later(engine: Engine) -> None:
    _write(
        engine,
        _visit("undated", mode="visit", on=None, precision=None, place="Pyongyang"),
        _visit("dated", mode="visit", on=date(2024, 6, 19), precision="day", place="Pyongyang"),
    )
    event = _event_of(engine, "undated")
    assert _event_of(engine, "dated") == event
    with engine.connect() as conn:
        row = conn.execute(text("SELECT occurred_on, date_precision FROM event WHERE id = :e"), {"e": event}).one()
    assert tuple(row) == (date(2024, 6, 19), "day")


def test_without_any_date_nothing_merges(engine: Engine) -> None:
    def undated(title: str) -> Facts:
        f = Facts(f"Sergei Lavrov visited Pyongyang ({title}).", title=title, published=None)
        f.entity("l", "person", "Sergei Lavrov")
        f.event("CONSULT", "visited", ("l", "actor"), mode="visit")
        return f

    _write(engine, undated("one"), undated("two"))
    assert _event_of(engine, "one") != _event_of(engine, "two")
