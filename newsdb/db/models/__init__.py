"""The normalized schema.  Import this package to register every table on ``Base.metadata``."""

from newsdb.db.models.article import Article, ArticleCredit, Source, SourceKind
from newsdb.db.models.base import Base
from newsdb.db.models.entity import (
    Entity,
    EntityAlias,
    EntityKind,
    EntityRedirect,
    Mention,
    Organization,
    Person,
    PersonRole,
    Place,
)
from newsdb.db.models.event import (
    Event,
    EventContext,
    EventMode,
    EventParticipant,
    EventReport,
    EventType,
    ParticipantRole,
)
from newsdb.db.models.ingest import IngestError, IngestRun
from newsdb.db.models.statement import Statement, StatementReport, StatementType
from newsdb.db.models.stats import Cooccurrence, EntityStats, EventStats, StatementStats, StatsPending

__all__ = [
    "Article",
    "ArticleCredit",
    "Base",
    "Cooccurrence",
    "Entity",
    "EntityAlias",
    "EntityKind",
    "EntityRedirect",
    "EntityStats",
    "Event",
    "EventContext",
    "EventMode",
    "EventParticipant",
    "EventReport",
    "EventStats",
    "EventType",
    "IngestError",
    "IngestRun",
    "Mention",
    "Organization",
    "ParticipantRole",
    "Person",
    "PersonRole",
    "Place",
    "Source",
    "SourceKind",
    "Statement",
    "StatementReport",
    "StatementStats",
    "StatementType",
    "StatsPending",
]
