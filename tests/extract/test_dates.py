from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsdb.extract.dates import Prefer, normalize_date

PUBLISHED = datetime(2023, 10, 19, 9, 30, tzinfo=UTC)  # a Thursday


@pytest.mark.parametrize(
    ("text", "prefer", "expected", "precision"),
    [
        ("Thursday", "past", date(2023, 10, 19), "day"),
        ("Tuesday", "past", date(2023, 10, 17), "day"),
        ("Tuesday", "future", date(2023, 10, 24), "day"),
        ("Thursday morning", "past", date(2023, 10, 19), "day"),
        ("in July", "past", date(2023, 7, 1), "month"),
        ("mid-September", "past", date(2023, 9, 1), "month"),
        ("November", "future", date(2023, 11, 1), "month"),
        ("this weekend", "future", date(2023, 10, 21), "week"),
        ("last week", "past", date(2023, 10, 9), "week"),
        ("this week", "past", date(2023, 10, 16), "week"),
        ("this year", "past", date(2023, 1, 1), "year"),
        ("October 12, 2023", "past", date(2023, 10, 12), "day"),
        ("this afternoon", "past", date(2023, 10, 19), "day"),
        ("last night", "past", date(2023, 10, 18), "day"),
        ("today", "past", date(2023, 10, 19), "day"),
        ("yesterday", "past", date(2023, 10, 18), "day"),
        ("Wednesday night", "past", date(2023, 10, 18), "day"),
    ],
)
def test_normalize(text: str, prefer: Prefer, expected: date, precision: str) -> None:
    found = normalize_date(text, PUBLISHED, prefer)
    assert found is not None
    assert (found.date, found.precision) == (expected, precision)


@pytest.mark.parametrize("text", ["recent weeks", "decades", "two-day", "the day before", "blah blah"])
def test_vague_expressions_stay_text(text: str) -> None:
    assert normalize_date(text, PUBLISHED) is None


def test_without_publication_date_nothing_is_normalised() -> None:
    assert normalize_date("Thursday", None) is None


def test_no_date_in_the_text_means_no_date() -> None:
    # the publication day is never used as the date of an event that names none
    assert normalize_date("", PUBLISHED) is None
