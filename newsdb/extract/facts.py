"""What extraction finds in one article: the contract between extract and load.

Every fact carries the character span (``start``, ``end``; end exclusive) of
the text it came from, as offsets into ``Article.body``.  Entities here are
*in-document* entities: one per real-world thing in this article, after
in-document alias resolution ("Kim Jong-un", "Kim", "MM. Kim" -> one).  The
loader resolves them against the archive.  Facts refer to entities by their
``key`` (unique inside one ``ArticleFacts``).

``newsdb extract`` writes ``ArticleFacts.to_json()`` as one JSON line per
article; ``newsdb load`` reads it back with ``ArticleFacts.from_json()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from newsdb.ingest.article import Article, Credit

SCHEMA_VERSION = 1
FORMAT_NAME = "newsdb.facts"

EntityKind = Literal["person", "organization", "place"]
StatementType = Literal["direct", "partial", "indirect"]
EventContext = Literal["occurred", "future", "hypothetical", "historical"]
DatePrecision = Literal["day", "week", "month", "year"]
ParticipantRole = Literal["actor", "recipient", "participant"]


@dataclass(slots=True)
class PlaceInfo:
    """Gazetteer data for a place entity."""

    place_type: Literal["country", "city", "region", "other"] = "other"
    country_code: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Entity:
    key: str
    kind: EntityKind
    name: str  # canonical (longest full) name, honorifics stripped
    aliases: list[str] = field(default_factory=list)  # every other surface form seen
    place: PlaceInfo | None = None  # only for kind == "place"


@dataclass(slots=True)
class Mention:
    entity: str  # Entity.key
    start: int
    end: int
    text: str  # == body[start:end]


@dataclass(slots=True)
class Role:
    person: str  # Entity.key of a person
    title: str  # "Foreign Minister", "spokesman"
    start: int
    end: int
    organization: str | None = None  # Entity.key of an organization or place (country)


@dataclass(slots=True)
class Statement:
    type: StatementType
    quote: str  # == body[start:end], without the enclosing quote marks
    start: int
    end: int
    speaker: str | None = None  # Entity.key; None when not attributable
    speaker_text: str | None = None  # surface form of the cue's subject ("he", "the Russian minister")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # lemma of the cue verb ("say", "declare", "according to")
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None  # Entity.key of the channel ("according to KCNA")
    channel_text: str | None = None  # "Russian agencies" when not an entity


@dataclass(slots=True)
class Participant:
    entity: str  # Entity.key
    role: ParticipantRole


@dataclass(slots=True)
class Event:
    type: str  # PLOVER code: "CONSULT", "MOBILIZE", ...
    trigger: str  # == body[start:end]
    start: int
    end: int
    context: EventContext = "occurred"
    mode: str | None = None  # "visit", "summit", "meeting", "military-exercise", "weapons-test", ...
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None  # Entity.key of a place
    date: date | None = None
    date_precision: DatePrecision | None = None  # set iff date is set
    date_text: str | None = None  # the expression as written ("mid-September")
    summary: str | None = None  # the sentence that reports it


@dataclass(slots=True)
class ArticleFacts:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extractor: str | None = None  # e.g. "newsdb 0.1.0 / en_core_web_sm 3.8.0"

    def entity(self, key: str) -> Entity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)

    # -- serialisation (the `newsdb extract` JSON lines format) -------------

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out = _encode(out)
        return {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, **out}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> ArticleFacts:
        if obj.get("format") != FORMAT_NAME:
            raise ValueError(f"not a {FORMAT_NAME} record")
        version = obj.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"facts schema_version {version!r} is not supported (this newsdb reads {SCHEMA_VERSION})")
        a = dict(obj["article"])
        a["credits"] = [Credit(**c) for c in a.get("credits", [])]
        if a.get("published_at"):
            a["published_at"] = datetime.fromisoformat(a["published_at"])
        article = Article(**a)
        entities = []
        for e in obj.get("entities", []):
            e = dict(e)
            if e.get("place") is not None:
                e["place"] = PlaceInfo(**e["place"])
            entities.append(Entity(**e))
        events = []
        for ev in obj.get("events", []):
            ev = dict(ev)
            ev["participants"] = [Participant(**p) for p in ev.get("participants", [])]
            if ev.get("date"):
                ev["date"] = date.fromisoformat(ev["date"])
            events.append(Event(**ev))
        return cls(
            article=article,
            entities=entities,
            mentions=[Mention(**m) for m in obj.get("mentions", [])],
            roles=[Role(**r) for r in obj.get("roles", [])],
            statements=[Statement(**s) for s in obj.get("statements", [])],
            events=events,
            extractor=obj.get("extractor"),
        )


def is_facts_record(obj: object) -> bool:
    return isinstance(obj, dict) and obj.get("format") == FORMAT_NAME


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
