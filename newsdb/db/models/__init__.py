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

__all__ = [
    "Article",
    "ArticleCredit",
    "Base",
    "Entity",
    "EntityAlias",
    "EntityKind",
    "EntityRedirect",
    "Event",
    "EventContext",
    "EventMode",
    "EventParticipant",
    "EventReport",
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
    "StatementType",
]
