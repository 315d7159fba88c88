"""Deterministic synthetic articles with shared people, places, quotes and events.

Used by the concurrency test and by ``benchmarks/write_throughput.py``.  Article
``i`` is built from ``i`` alone, so two processes build identical facts.

Per article: 9 mentions of 2 people (full name, then surname), 1 country, 1 organization
(the people and places recur across articles), 3 statements, 2 events.
Across ``n >= 50`` articles the archive holds exactly: ``PEOPLE`` persons,
``COUNTRIES`` countries, ``ORGS`` organizations; ``len(PEOPLE)`` distinct
statements of type direct (speaker ``i % 10`` always says quote ``i % 5``)
plus per-article indirect and partial statements; ``len(PEOPLE)`` meeting
events (pair and date both cycle with ``i % 10``) and ``len(COUNTRIES)``
exercise events.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from newsdb.extract.facts import ArticleFacts, PlaceInfo
from tests.load.builders import Facts

PEOPLE = [
    ("Sergei Lavrov", "Lavrov"),
    ("Choe Son Hui", "Choe"),
    ("Kim Jong-un", "Kim"),
    ("Vladimir Putin", "Putin"),
    ("Antony Blinken", "Blinken"),
    ("Wang Yi", "Wang"),
    ("Yoon Suk-yeol", "Yoon"),
    ("Fumio Kishida", "Kishida"),
    ("Dmitry Peskov", "Peskov"),
    ("Maria Zakharova", "Zakharova"),
]
COUNTRIES = [
    ("Russia", PlaceInfo("country", "RU", 60.0, 100.0, 2017370)),
    ("North Korea", PlaceInfo("country", "KP", 40.0, 127.0, 1873107)),
    ("China", PlaceInfo("country", "CN", 35.0, 105.0, 1814991)),
    ("Japan", PlaceInfo("country", "JP", 35.69, 139.75, 1861060)),
    ("South Korea", PlaceInfo("country", "KR", 36.5, 127.75, 1835841)),
]
ORGS = ["KCNA", "Yonhap", "TASS"]
FILLER = (
    "Officials in the region followed the talks closely, and analysts said the outcome would shape "
    "relations for years to come. "
)


def article(i: int, *, repeat: int = 0, filler_paragraphs: int = 0) -> ArticleFacts:
    """Article ``i``; ``repeat`` adds sentences of 4 more mentions each, ``filler_paragraphs`` plain text."""
    full1, short1 = PEOPLE[i % 10]
    full2, short2 = PEOPLE[(i + 1) % 10]
    country, info = COUNTRIES[i % 5]
    org = ORGS[i % 3]
    quote = f"We will keep our promise number {i % 5}."
    meeting_day = date(2024, 1, 1) + timedelta(days=30 * (i % 10))
    drill_day = date(2024, 6, 1) + timedelta(days=20 * (i % 5))
    body = (
        f"{full1} met {full2} in {country}, {org} reported in dispatch {i}. "
        f"\u201c{quote}\u201d {short1} said. "
        f"{short2} said the talks in {country} were useful for item {i}. "
        f"{country} held military exercises, {org} added, calling them \u201cpurely defensive in case {i}\u201d. "
    )
    extra: list[tuple[str, int, str]] = []
    for _ in range(repeat):
        at = len(body)
        body += f"{short1} and {short2} spoke of {country} with {org}. "
        for key, surface in (("p1", short1), ("p2", short2), ("c", country), ("o", org)):
            at = body.index(surface, at)
            extra.append((key, at, surface))
            at += len(surface)
    body += FILLER * filler_paragraphs
    f = Facts(
        body,
        title=f"Report {i}: {full1} and {full2}",
        published=datetime(2024, 1, 1, 9, tzinfo=UTC) + timedelta(days=i),
        source_code=f"site-{i % 4}",
        origin=f"synthetic/{i}.txt",
    )
    f.entity("p1", "person", full1, short1, mention=False)
    f.entity("p2", "person", full2, short2, mention=False)
    f.entity("c", "place", country, place=info, mention=False)
    f.entity("o", "organization", org, mention=False)
    for key, surface, nth in [("p1", full1, 0), ("p1", short1, 1), ("p2", full2, 0), ("p2", short2, 1)]:
        f.mention(key, surface, nth)
    for nth in range(3):
        f.mention("c", country, nth)
    for nth in range(2):
        f.mention("o", org, nth)
    for key, start, surface in extra:
        f.mention_at(key, start, surface)
    f.statement(quote, "p1", type="direct", speaker_text=short1, cue="say", cue_text=f"{short1} said")
    f.statement(f"the talks in {country} were useful for item {i}", "p2", type="indirect", cue="say")
    f.statement(f"purely defensive in case {i}", "o", type="partial", cue="add", cue_text="added")
    f.event(
        "CONSULT",
        "met",
        ("p1", "actor"),
        ("p2", "recipient"),
        mode="meeting",
        place="c",
        on=meeting_day,
        precision="day",
    )
    f.event("MOBILIZE", "military exercises", ("c", "actor"), mode="military-exercise", on=drill_day, precision="day")
    return f.build()


def expected_counts(n: int) -> dict[str, int]:
    """Exact table counts after writing articles ``0 .. n-1`` (n >= 50), in any order, by any number of writers."""
    assert n >= 50
    return {
        "article": n,
        "source": 4,
        "entity": len(PEOPLE) + len(COUNTRIES) + len(ORGS),
        "entity_alias": 2 * len(PEOPLE) + len(COUNTRIES) + len(ORGS),
        "mention": 9 * n,
        "statement": len(PEOPLE) + 2 * n,
        "statement_report": 3 * n,
        "event": len(PEOPLE) + len(COUNTRIES),
        "event_participant": 2 * len(PEOPLE) + len(COUNTRIES),
        "event_report": 2 * n,
    }
