"""Cross-article event merging: one ``event`` row per real-world event.

A new article's event (participants and place already resolved to stored
entity ids) joins a stored event when all of these hold:

* same PLOVER type and same context (a planned summit and its occurrence
  stay apart: they are different facts);
* modes equal, or either one unknown;
* participants overlap: at least one shared participant entity (any role),
  or neither has participants and both have the same place;
* dates agree: each date stands for a period (day: that day, week: 7 days,
  month: the calendar month, year: the year); the periods overlap or, when
  either is a day or a week, lie at most ``DATE_SLACK_DAYS`` apart (reports
  of one event differ by a few days); a year-precision date agrees only with
  a year- or month-precision one.  An undated event stands for its
  article's publication day.  If neither side has a date or a publication
  day, they do not merge;
* places agree: the same place, either unknown, or one is a country and the
  other lies in it (``place.country_code``).

Among several matching stored events the one sharing most participants wins,
then the closest date, then the oldest.  A merge adds the new participants
and fills a missing date or place; it never overwrites what is known.
Two events that could merge share a type and a participant (or, without
participants, a place).  Callers therefore take an advisory lock per
(type, participant) and (type, place) (``lock_keys``, after entity
resolution, in sorted order) before ``find_or_create``: two writers never
create the same event twice, and articles about different actors do not wait
for each other.  An event with neither participants nor place never merges
and needs no lock.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Connection, text

from newsdb.db.connection import BinaryArray
from newsdb.load.bulk import Bulk

DATE_SLACK_DAYS = 3

_PARTICIPANTS = Bulk(
    "event_participant",
    (("event_id", "bigint"), ("entity_id", "bigint"), ("role", "text")),
    "ON CONFLICT DO NOTHING",
)
_NEW_EVENT = text(
    "WITH added AS (INSERT INTO event (event_type, mode, context, occurred_on, date_precision, date_text,"
    " place_entity_id, summary) VALUES (:type, :mode, :context, :on, :prec, :dtext, :place, :summary)"
    " RETURNING id),"
    " participants AS (INSERT INTO event_participant (event_id, entity_id, role)"
    " SELECT added.id, p.entity_id, p.role FROM added,"
    " unnest(CAST(:entities AS bigint[]), CAST(:roles AS text[])) AS p(entity_id, role))"
    " SELECT id FROM added"
)


@dataclass(slots=True)
class EventSpec:
    """One event of a new article, with stored entity ids."""

    type: str
    context: str
    mode: str | None
    participants: set[tuple[int, str]]  # (entity id, role)
    place_id: int | None
    occurred_on: date | None
    precision: str | None
    date_text: str | None
    summary: str | None
    published_on: date | None
    place_type: str | None = None  # of place_id, from the place table
    place_country: str | None = None

    @property
    def participant_ids(self) -> set[int]:
        return {eid for eid, _ in self.participants}


@dataclass(slots=True)
class _StoredEvent:
    id: int
    mode: str | None
    place_id: int | None
    occurred_on: date | None
    precision: str | None
    first_reported: date | None
    participant_ids: set[int] = field(default_factory=set)
    place_type: str | None = None
    place_country: str | None = None


def lock_keys(specs: Iterable[EventSpec]) -> set[str]:
    keys: set[str] = set()
    for spec in specs:
        if spec.participants:
            keys.update(f"event:{spec.type}:entity:{eid}" for eid in spec.participant_ids)
        elif spec.place_id is not None:
            keys.add(f"event:{spec.type}:place:{spec.place_id}")
    return keys


def period(d: date, precision: str | None) -> tuple[date, date]:
    if precision == "week":
        return d, d + timedelta(days=6)
    if precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "year":
        return d.replace(month=1, day=1), d.replace(month=12, day=31)
    return d, d


def dates_agree(a: date, a_prec: str | None, b: date, b_prec: str | None) -> bool:
    precs = {a_prec or "day", b_prec or "day"}
    if "year" in precs and not precs <= {"year", "month"}:
        return False
    a0, a1 = period(a, a_prec)
    b0, b1 = period(b, b_prec)
    gap = max((b0 - a1).days, (a0 - b1).days)  # <= 0 when the periods overlap
    allowed = DATE_SLACK_DAYS if precs & {"day", "week"} else 0
    return gap <= allowed


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def find_or_create(conn: Connection, spec: EventSpec) -> tuple[int, bool]:
    """The id of the stored event ``spec`` reports (merged or new) and whether it was created."""
    match = _best_match(conn, spec)
    participants = sorted(spec.participants)
    if match is None:
        # the event and its participants in one round trip
        event_id = conn.execute(
            _NEW_EVENT,
            {
                "entities": BinaryArray(eid for eid, _ in participants),
                "roles": BinaryArray(role for _, role in participants),
                "type": spec.type,
                "mode": spec.mode,
                "context": spec.context,
                "on": spec.occurred_on,
                "prec": spec.precision if spec.occurred_on else None,
                "dtext": spec.date_text,
                "place": spec.place_id,
                "summary": spec.summary,
            },
        ).scalar_one()
        created = True
    else:
        event_id = match.id
        created = False
        fill: dict[str, object] = {}
        if match.occurred_on is None and spec.occurred_on is not None:
            fill.update(occurred_on=spec.occurred_on, date_precision=spec.precision, date_text=spec.date_text)
        if match.place_id is None and spec.place_id is not None:
            fill["place_entity_id"] = spec.place_id
        if match.mode is None and spec.mode is not None:
            fill["mode"] = spec.mode
        if fill:
            columns = ", ".join(f"{column} = :{column}" for column in fill)  # names from the code above
            conn.execute(text(f"UPDATE event SET {columns} WHERE id = :event_id"), {**fill, "event_id": event_id})
        _PARTICIPANTS.run(conn, [(event_id, eid, role) for eid, role in participants])
    return event_id, created


def _best_match(conn: Connection, spec: EventSpec) -> _StoredEvent | None:
    ids = sorted(spec.participant_ids)
    if not ids and spec.place_id is None:
        return None
    effective = _effective(spec.occurred_on, spec.precision, spec.published_on)
    if effective is None:
        return None  # no date and no publication day: nothing to compare with
    first, last = period(*effective)
    slack = timedelta(days=DATE_SLACK_DAYS)
    # SQL pre-filter on the date window (a stored period starts on occurred_on and lasts at most a year);
    # the exact test is dates_agree below.
    window = {
        "dated_from": first - slack - timedelta(days=366),
        "dated_to": last + slack,
        "reported_from": datetime.combine(first - slack, time(0), tzinfo=UTC),
        "reported_to": datetime.combine(last + slack + timedelta(days=1), time(0), tzinfo=UTC),
    }
    rows = conn.execute(
        text(
            "SELECT e.id, e.mode, e.place_entity_id, e.occurred_on, e.date_precision,"
            " (SELECT min(a.published_at) FROM event_report r JOIN article a ON a.id = r.article_id"
            "   WHERE r.event_id = e.id) AS first_reported,"
            " ARRAY(SELECT DISTINCT p.entity_id FROM event_participant p WHERE p.event_id = e.id) AS participants,"
            " pl.place_type, pl.country_code"
            " FROM event e LEFT JOIN place pl ON pl.entity_id = e.place_entity_id"
            " WHERE e.event_type = :type AND e.context = :context"
            " AND (e.mode IS NULL OR CAST(:mode AS text) IS NULL OR e.mode = :mode)"
            " AND (e.id IN (SELECT p.event_id FROM event_participant p WHERE p.entity_id = ANY(:ids))"
            "      OR (cardinality(CAST(:ids AS bigint[])) = 0 AND e.place_entity_id = :place"
            "          AND NOT EXISTS (SELECT 1 FROM event_participant p WHERE p.event_id = e.id)))"
            " AND (e.occurred_on BETWEEN :dated_from AND :dated_to"
            "      OR (e.occurred_on IS NULL AND EXISTS (SELECT 1 FROM event_report r JOIN article a"
            "          ON a.id = r.article_id WHERE r.event_id = e.id"
            "          AND a.published_at >= :reported_from AND a.published_at < :reported_to)))"
            " ORDER BY e.id"
        ),
        {
            "type": spec.type,
            "context": spec.context,
            "mode": spec.mode,
            "ids": ids,
            "place": spec.place_id,
            **window,
        },
    ).all()
    if not rows:
        return None
    candidates = [_StoredEvent(r[0], r[1], r[2], r[3], r[4], _day(r[5]), set(r[6] or ()), r[7], r[8]) for r in rows]

    best: tuple[tuple[int, int, int], _StoredEvent] | None = None
    for c in candidates:
        if not _dates_match(spec, c) or not _places_match(spec, c):
            continue
        shared = len(spec.participant_ids & c.participant_ids)
        distance = _date_distance(spec, c)
        key = (-shared, distance, c.id)
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best else None


def _effective(on: date | None, prec: str | None, published: date | None) -> tuple[date, str] | None:
    if on is not None:
        return on, prec or "day"
    if published is not None:
        return published, "day"
    return None


def _dates_match(spec: EventSpec, c: _StoredEvent) -> bool:
    a = _effective(spec.occurred_on, spec.precision, spec.published_on)
    b = _effective(c.occurred_on, c.precision, c.first_reported)
    if a is None or b is None:
        return False
    return dates_agree(a[0], a[1], b[0], b[1])


def _date_distance(spec: EventSpec, c: _StoredEvent) -> int:
    a = _effective(spec.occurred_on, spec.precision, spec.published_on)
    b = _effective(c.occurred_on, c.precision, c.first_reported)
    if a is None or b is None:
        return 1 << 30
    return abs((a[0] - b[0]).days)


def places_of(conn: Connection, ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
    """``place_type`` and ``country_code`` of the place entities among ``ids``."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(
        text("SELECT entity_id, place_type, country_code FROM place WHERE entity_id = ANY(:ids)"), {"ids": wanted}
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def _places_match(spec: EventSpec, c: _StoredEvent) -> bool:
    if spec.place_id is None or c.place_id is None or spec.place_id == c.place_id:
        return True
    if spec.place_type == "country" and spec.place_country is not None and c.place_country == spec.place_country:
        return True
    return c.place_type == "country" and c.place_country is not None and spec.place_country == c.place_country
