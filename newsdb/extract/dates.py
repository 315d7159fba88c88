"""Dates of events, normalised against the article's publication date.

``normalize_date("mid-September", published, prefer="past")`` returns the
date at the *start* of the span the expression names and its precision:
a day, the Monday of a week (Saturday for "this weekend"), the first of a
month, or January 1 of a year.  Without a publication date, or for vague
expressions ("recent weeks", "decades"), it returns None and the caller keeps
the text only.  Weekdays and week expressions are computed here (dateparser
reads "Thursday" as the previous week's even on a Thursday); months, years
and explicit dates go through dateparser with the publication date as
``RELATIVE_BASE``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateparser.date import DateDataParser

from newsdb.extract.facts import DatePrecision

Prefer = Literal["past", "future"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_QUALIFIERS = ("mid-", "mid ", "early ", "early-", "late ", "late-", "end of ", "the end of ")
_LEADING = ("in ", "on ", "from ", "since ", "until ", "by ", "for ")
_VAGUE = {"recent weeks", "recent days", "recent months", "decades", "years", "the day", "the day before"}
# Words that tie a time of day to a day ("this afternoon", "Wednesday night", "tonight").
DAY_WORDS = frozenset({"today", "tonight", "yesterday", "tomorrow", "this", "last", *WEEKDAYS})
# Expressions spaCy tags DATE that name no time at all ("in the days before the election").
NOT_DATES = frozenset({"the days", "days", "the time", "the past", "the future", "the years", "the weeks"})


@dataclass(frozen=True, slots=True)
class NormalizedDate:
    date: date
    precision: DatePrecision


def normalize_date(text: str, published: datetime | date | None, prefer: Prefer = "past") -> NormalizedDate | None:
    """The date ``text`` names, relative to ``published``; None when unknown or vague."""
    if published is None:
        return None
    base = published.date() if isinstance(published, datetime) else published
    expr = clean_expression(text)
    if not expr or expr in _VAGUE or expr.endswith("-day"):
        return None
    return _weekday(expr, base, prefer) or _week(expr, base) or _day(expr, base) or _parsed(expr, base, prefer)


def clean_expression(text: str) -> str:
    """ "in mid-September" -> "september": lower-cased, prepositions and qualifiers dropped."""
    expr = " ".join(text.split()).lower().strip(" ,.")
    for prefix in _LEADING:
        if expr.startswith(prefix):
            expr = expr[len(prefix) :]
    for qualifier in _MONTH_QUALIFIERS:
        if expr.startswith(qualifier):
            expr = expr[len(qualifier) :]
    for suffix in (" morning", " afternoon", " evening", " night"):
        expr = expr.removesuffix(suffix)
    return expr


def _weekday(expr: str, base: date, prefer: Prefer) -> NormalizedDate | None:
    words = expr.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    if len(words) == 2 and words[0] not in ("last", "next", "this"):
        return None
    target = WEEKDAYS.index(words[-1])
    direction = {"last": "past", "next": "future"}.get(words[0], prefer) if len(words) == 2 else prefer
    if direction == "past":
        return NormalizedDate(base - timedelta(days=(base.weekday() - target) % 7), "day")
    return NormalizedDate(base + timedelta(days=(target - base.weekday()) % 7), "day")


def _day(expr: str, base: date) -> NormalizedDate | None:
    """ "today", "tonight", "this" (what is left of "this afternoon"), "yesterday", "last" (night)."""
    offsets = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
    offset = offsets.get(expr)
    return NormalizedDate(base + timedelta(days=offset), "day") if offset is not None else None


def _week(expr: str, base: date) -> NormalizedDate | None:
    monday = base - timedelta(days=base.weekday())
    weeks = {
        "this week": monday,
        "last week": monday - timedelta(days=7),
        "next week": monday + timedelta(days=7),
        "this weekend": monday + timedelta(days=5),
        "last weekend": monday - timedelta(days=2),
        "next weekend": monday + timedelta(days=12),
    }
    start = weeks.get(expr)
    return NormalizedDate(start, "week") if start is not None else None


@functools.cache
def _parser(base: date, prefer: Prefer) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _parsed(expr: str, base: date, prefer: Prefer) -> NormalizedDate | None:
    try:
        data = _parser(base, prefer).get_date_data(expr)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return NormalizedDate(date(found.year, 1, 1), "year")
    if period == "month":
        return NormalizedDate(date(found.year, found.month, 1), "month")
    if period == "week":
        return NormalizedDate(found - timedelta(days=found.weekday()), "week")
    return NormalizedDate(found, "day")
