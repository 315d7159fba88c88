"""Persons, organizations and places: one supertype, three subtypes, aliases, mentions, roles."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.db.models.base import Base, BigId, Code, CreatedAt

ENTITY_KINDS = ("person", "organization", "place")
ALIAS_KINDS = ("name", "short", "descriptor", "demonym", "abbreviation")
PLACE_TYPES = ("country", "region", "city", "other")


class EntityKind(Base):
    """Reference table of entity kinds."""

    __tablename__ = "entity_kind"
    __table_args__ = {"comment": "Kinds of entity: person, organization, place."}

    code: Mapped[Code]
    label: Mapped[str] = mapped_column(Text)


class Entity(Base):
    """A real-world person, organization or place, stored once."""

    __tablename__ = "entity"
    __table_args__ = (
        CheckConstraint("name ~ '\\S'", name="name_not_blank"),
        UniqueConstraint("id", "kind", name="uq_entity_id_kind"),
        Index("ix_entity_kind_name", "kind", "name"),
        {"comment": "Persons, organizations and places; subtype tables hold what only one kind has."},
    )

    id: Mapped[BigId]
    kind: Mapped[str] = mapped_column(ForeignKey("entity_kind.code", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(Text, comment="Canonical display name.")
    disambiguation: Mapped[str | None] = mapped_column(
        Text, comment="Keeps two entities with one name apart, e.g. 'North Korean leader'."
    )
    created_at: Mapped[CreatedAt]

    aliases: Mapped[list[EntityAlias]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", passive_deletes=True
    )


def _subtype_args(kind: str, comment: str) -> tuple[object, ...]:
    return (
        CheckConstraint(f"kind = '{kind}'", name="kind_matches"),
        ForeignKeyConstraint(
            ["entity_id", "kind"],
            ["entity.id", "entity.kind"],
            ondelete="CASCADE",
            name=f"fk_{kind}_entity_id_kind_entity",
        ),
        {"comment": comment},
    )


class Person(Base):
    __tablename__ = "person"
    __table_args__ = _subtype_args("person", "Person-only attributes of an entity.")

    entity_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(Text, server_default="person")
    given_name: Mapped[str | None] = mapped_column(Text)
    family_name: Mapped[str | None] = mapped_column(Text)


class Organization(Base):
    __tablename__ = "organization"
    __table_args__ = _subtype_args("organization", "Organization-only attributes of an entity.")

    entity_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(Text, server_default="organization")
    country_code: Mapped[str | None] = mapped_column(Text)


class Place(Base):
    __tablename__ = "place"
    __table_args__ = (
        *_subtype_args("place", "Place-only attributes of an entity, from gazetteers.")[:-1],
        CheckConstraint(f"place_type IN {PLACE_TYPES!r}", name="place_type_known"),
        CheckConstraint("country_code IS NULL OR country_code ~ '^[A-Z]{2}$'", name="country_code_format"),
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude_range"),
        Index("ix_place_country_code", "country_code"),
        {"comment": "Place-only attributes of an entity, from gazetteers."},
    )

    entity_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(Text, server_default="place")
    place_type: Mapped[str] = mapped_column(Text, server_default="other", comment="country, region, city, other.")
    country_code: Mapped[str | None] = mapped_column(Text, comment="ISO 3166-1 alpha-2.")
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)
    geonames_id: Mapped[int | None] = mapped_column(Integer, unique=True)


class EntityAlias(Base):
    """Every name form an entity was seen under; lookups go through here."""

    __tablename__ = "entity_alias"
    __table_args__ = (
        CheckConstraint("alias ~ '\\S'", name="alias_not_blank"),
        CheckConstraint(f"alias_kind IN {ALIAS_KINDS!r}", name="alias_kind_known"),
        UniqueConstraint("entity_id", "normalized", name="uq_entity_alias_entity_id_normalized"),
        Index(
            "uq_entity_alias_one_primary",
            "entity_id",
            unique=True,
            postgresql_where=text("is_primary"),
        ),
        Index("ix_entity_alias_normalized", "normalized"),
        Index(
            "ix_entity_alias_normalized_trgm",
            "normalized",
            postgresql_using="gin",
            postgresql_ops={"normalized": "gin_trgm_ops"},
        ),
        {"comment": "Names and name forms of entities ('Sergei Lavrov', 'Lavrov', 'Mr. Lavrov')."},
    )

    id: Mapped[BigId]
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text, comment="The name as written.")
    normalized: Mapped[str] = mapped_column(
        Text, comment="Lower-case, accent-free, whitespace-collapsed form used for matching."
    )
    alias_kind: Mapped[str] = mapped_column(Text, server_default="name")
    is_primary: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    created_at: Mapped[CreatedAt]

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class EntityRedirect(Base):
    """Merged entities keep their old ids resolvable."""

    __tablename__ = "entity_redirect"
    __table_args__ = (
        CheckConstraint("old_entity_id <> entity_id", name="not_self"),
        {"comment": "Ids of entities merged into another; links from outside keep working."},
    )

    old_entity_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[CreatedAt]


class Mention(Base):
    """One place in one article where an entity is named or referred to."""

    __tablename__ = "mention"
    __table_args__ = (
        CheckConstraint("start_char >= 0 AND end_char > start_char", name="span_valid"),
        UniqueConstraint("article_id", "start_char", "end_char", name="uq_mention_article_id_span"),
        Index("ix_mention_entity_id_article_id", "entity_id", "article_id"),
        {"comment": "Entity mentions with their character span in the article body."},
    )

    id: Mapped[BigId]
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    surface_text: Mapped[str] = mapped_column(Text, comment="The text at the span, as written.")


class PersonRole(Base):
    """A title a person holds according to an article ('Foreign Minister' of Russia)."""

    __tablename__ = "person_role"
    __table_args__ = (
        CheckConstraint("title ~ '\\S'", name="title_not_blank"),
        CheckConstraint("start_char >= 0 AND end_char > start_char", name="span_valid"),
        UniqueConstraint("article_id", "person_id", "start_char", "end_char", name="uq_person_role_evidence"),
        Index("ix_person_role_title", "title"),
        {"comment": "Titles held by persons, with the organization or country and the evidence."},
    )

    id: Mapped[BigId]
    person_id: Mapped[int] = mapped_column(ForeignKey("person.entity_id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text, comment="e.g. Foreign Minister, spokesman.")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("entity.id", ondelete="SET NULL"),
        index=True,
        comment="Organization or country the title belongs to.",
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
