"""`report events`: what happened, with date, place, participants and reporting articles."""

from __future__ import annotations

from sqlalchemy import Connection, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from newsdb.db.models import Article, Entity, Event, EventParticipant, EventReport, EventType
from newsdb.reports.common import EntityRef, Filters, ReportError
from newsdb.reports.result import Result, limited


def event_type_code(conn: Connection, value: str) -> str:
    """A PLOVER code from a code or a label, case-insensitive (DISAPPROVE and DEMAND still work)."""
    wanted = value.strip().lower()
    row = conn.execute(
        select(EventType.code).where(
            or_(
                func.lower(EventType.code) == wanted,
                func.lower(EventType.label) == wanted,
                func.lower(EventType.former_code) == wanted,
            )
        )
    ).first()
    if row is None:
        codes = ", ".join(conn.scalars(select(EventType.code).order_by(EventType.code)))
        raise ReportError(f"unknown event type {value!r}; PLOVER types are {codes}")
    return str(row[0])


def events(
    conn: Connection,
    filters: Filters,
    *,
    event_type: str | None = None,
    participants: list[EntityRef] | None = None,
    places: list[EntityRef] | None = None,
    context: str | None = None,
) -> Result:
    place = aliased(Entity)
    in_scope = select(EventReport.event_id).join(Article, Article.id == EventReport.article_id)
    in_scope = in_scope.where(filters.article_clause())
    who = (
        select(func.string_agg(Entity.name + literal(" (") + EventParticipant.role + literal(")"), "; "))
        .select_from(EventParticipant)
        .join(Entity, Entity.id == EventParticipant.entity_id)
        .where(EventParticipant.event_id == Event.id)
        .correlate(Event)
        .scalar_subquery()
    )
    reports = (
        select(func.count(func.distinct(EventReport.article_id)))
        .where(EventReport.event_id == Event.id)
        .correlate(Event)
        .scalar_subquery()
    )
    query = (
        select(
            Event.id.label("event_id"),
            Event.event_type.label("type"),
            Event.mode.label("mode"),
            Event.context.label("context"),
            Event.occurred_on.label("date"),
            Event.date_precision.label("precision"),
            place.name.label("place"),
            who.label("participants"),
            reports.label("articles"),
        )
        .outerjoin(place, place.id == Event.place_entity_id)
        .where(Event.id.in_(in_scope))
        .order_by(Event.occurred_on.desc().nulls_last(), Event.id)
    )
    if event_type is not None:
        query = query.where(Event.event_type == event_type_code(conn, event_type))
    if context is not None:
        query = query.where(Event.context == context)
    if participants is not None:
        query = query.where(
            exists().where(
                EventParticipant.event_id == Event.id,
                EventParticipant.entity_id.in_([e.id for e in participants]),
            )
        )
    if places is not None:
        query = query.where(Event.place_entity_id.in_([e.id for e in places]))
    return limited(conn, query, filters.limit)
