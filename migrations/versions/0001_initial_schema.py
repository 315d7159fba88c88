"""Initial schema: sources, articles, entities, statements, events, runs.

Reviewed by hand after autogenerate: adds the pg_trgm extension (fuzzy alias
lookup) and seeds the reference tables (PLOVER event types and modes, event
contexts, participant roles, entity kinds, statement types, source kinds).

Revision ID: 0001
Revises:
Create Date: 2026-11-28 17:49:00.752513
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "entity_kind",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_entity_kind")),
        comment="Kinds of entity: person, organization, place.",
    )
    op.create_table(
        "event_context",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_event_context")),
        comment="PLOVER context kept apart from the type: occurred, future, hypothetical, historical.",
    )
    op.create_table(
        "event_type",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("former_code", sa.Text(), nullable=True, comment="Earlier PLOVER name, e.g. DEMAND for REQUEST."),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_event_type")),
        comment="PLOVER event types: code, readable label, description.",
    )
    op.create_table(
        "ingest_run",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("command", sa.Text(), nullable=False, comment="The command line, without secrets."),
        sa.Column(
            "options",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("status", sa.Text(), server_default="running", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("added_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("skipped_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("host", sa.Text(), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('running', 'completed', 'failed', 'interrupted')",
            name=op.f("ck_ingest_run_status_known"),
        ),
        sa.CheckConstraint(
            "finished_at IS NULL OR finished_at >= started_at",
            name=op.f("ck_ingest_run_finished_after_start"),
        ),
        sa.CheckConstraint(
            "read_count >= 0 AND added_count >= 0 AND skipped_count >= 0 AND failed_count >= 0",
            name=op.f("ck_ingest_run_counts_not_negative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_run")),
        comment="Each load: what it was asked to do, what it read, added, skipped and rejected.",
    )
    op.create_index("ix_ingest_run_started_at", "ingest_run", ["started_at"], unique=False)
    op.create_table(
        "participant_role",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_participant_role")),
        comment="Roles of event participants: actor, recipient, participant.",
    )
    op.create_table(
        "source_kind",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_source_kind")),
        comment="Kinds of news source: publisher, wire agency, broadcaster.",
    )
    op.create_table(
        "statement_type",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_statement_type")),
        comment="Kinds of statement: direct quote, partial quote, indirect speech.",
    )
    op.create_table(
        "entity",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False, comment="Canonical display name."),
        sa.Column(
            "disambiguation",
            sa.Text(),
            nullable=True,
            comment="Keeps two entities with one name apart, e.g. 'North Korean leader'.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("name ~ '\\S'", name=op.f("ck_entity_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["kind"], ["entity_kind.code"], name=op.f("fk_entity_kind_entity_kind"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
        sa.UniqueConstraint("id", "kind", name="uq_entity_id_kind"),
        comment="Persons, organizations and places; subtype tables hold what only one kind has.",
    )
    op.create_index(op.f("ix_entity_kind"), "entity", ["kind"], unique=False)
    op.create_index("ix_entity_kind_name", "entity", ["kind", "name"], unique=False)
    op.create_table(
        "event_mode",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_type"],
            ["event_type.code"],
            name=op.f("fk_event_mode_event_type_event_type"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_event_mode")),
        comment="Modes within PLOVER event types.",
    )
    op.create_index(op.f("ix_event_mode_event_type"), "event_mode", ["event_type"], unique=False)
    op.create_table(
        "ingest_error",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("ingest_run_id", sa.BigInteger(), nullable=False),
        sa.Column("input", sa.Text(), nullable=False, comment="Path, URL or <stdin>."),
        sa.Column("line_number", sa.Integer(), nullable=True, comment="Line in a JSON lines file."),
        sa.Column(
            "error_class",
            sa.Text(),
            nullable=False,
            comment="Short error kind, e.g. empty, binary, bad-json.",
        ),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=True, comment="The first bytes of the input, for diagnosis."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("message ~ '\\S'", name=op.f("ck_ingest_error_message_not_blank")),
        sa.CheckConstraint("line_number IS NULL OR line_number > 0", name=op.f("ck_ingest_error_line_number_positive")),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_run.id"],
            name=op.f("fk_ingest_error_ingest_run_id_ingest_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_error")),
        comment="Inputs rejected by a load, with the reason; nothing is dropped silently.",
    )
    op.create_index(op.f("ix_ingest_error_ingest_run_id"), "ingest_error", ["ingest_run_id"], unique=False)
    op.create_table(
        "source",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("code", sa.Text(), nullable=False, comment="Stable lower-case handle, e.g. site-59."),
        sa.Column("name", sa.Text(), nullable=False, comment="Display name."),
        sa.Column(
            "kind",
            sa.Text(),
            server_default="publisher",
            nullable=False,
            comment="publisher, agency, broadcaster, other.",
        ),
        sa.Column("url", sa.Text(), nullable=True, comment="Home page, when known."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("name ~ '\\S'", name=op.f("ck_source_name_not_blank")),
        sa.CheckConstraint("code ~ '^[a-z0-9][a-z0-9._-]*$'", name=op.f("ck_source_code_format")),
        sa.ForeignKeyConstraint(
            ["kind"], ["source_kind.code"], name=op.f("fk_source_kind_source_kind"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("code", name=op.f("uq_source_code")),
        comment="News outlets and agencies; `code` is the stable handle used on the command line.",
    )
    op.create_index(op.f("ix_source_kind"), "source", ["kind"], unique=False)
    op.create_table(
        "article",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=True, comment="Who published it (null when unknown)."),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("section", sa.Text(), nullable=True, comment="Section or rubric, e.g. North Korea."),
        sa.Column("dateline", sa.Text(), nullable=True, comment="Place in the dateline, e.g. Pyongyang."),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True, comment="Publication time, UTC."),
        sa.Column("language", sa.Text(), nullable=True, comment="BCP 47 language code, e.g. en."),
        sa.Column("url", sa.Text(), nullable=True, comment="Canonical URL, when known."),
        sa.Column(
            "body",
            sa.Text(),
            nullable=False,
            comment="Exact article text; every span offset indexes into it.",
        ),
        sa.Column(
            "content_hash",
            sa.Text(),
            nullable=False,
            comment="SHA-256 of the normalized title and body: identity for idempotent loads.",
        ),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=True, comment="Where it was read from (path, path:line)."),
        sa.Column(
            "metadata",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
            comment="Input fields newsdb has no column for, kept as given.",
        ),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, left(body, 500000)), 'B')",
                persisted=True,
            ),
            nullable=False,
            comment="Full-text search vector of title (weight A) and body (weight B).",
        ),
        sa.Column("ingest_run_id", sa.BigInteger(), nullable=True, comment="The load that added it."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("body ~ '\\S'", name=op.f("ck_article_body_not_blank")),
        sa.CheckConstraint("content_hash ~ '^[0-9a-f]{64}$'", name=op.f("ck_article_content_hash_format")),
        sa.CheckConstraint(
            "language IS NULL OR language ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$'",
            name=op.f("ck_article_language_format"),
        ),
        sa.CheckConstraint("title IS NULL OR title ~ '\\S'", name=op.f("ck_article_title_not_blank")),
        sa.CheckConstraint("word_count >= 0", name=op.f("ck_article_word_count_not_negative")),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_run.id"],
            name=op.f("fk_article_ingest_run_id_ingest_run"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_article_source_id_source"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_article_content_hash")),
        sa.UniqueConstraint("url", name=op.f("uq_article_url")),
        comment="News articles; one row per distinct text (content_hash) and URL.",
    )
    op.create_index(op.f("ix_article_ingest_run_id"), "article", ["ingest_run_id"], unique=False)
    op.create_index("ix_article_published_at_id", "article", ["published_at", "id"], unique=False)
    op.create_index("ix_article_search", "article", ["search"], unique=False, postgresql_using="gin")
    op.create_index(op.f("ix_article_section"), "article", ["section"], unique=False)
    op.create_index(op.f("ix_article_source_id"), "article", ["source_id"], unique=False)
    op.create_table(
        "entity_alias",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False, comment="The name as written."),
        sa.Column(
            "normalized",
            sa.Text(),
            nullable=False,
            comment="Lower-case, accent-free, whitespace-collapsed form used for matching.",
        ),
        sa.Column("alias_kind", sa.Text(), server_default="name", nullable=False),
        sa.Column("is_primary", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint(
            "alias_kind IN ('name', 'short', 'descriptor', 'demonym', 'abbreviation')",
            name=op.f("ck_entity_alias_alias_kind_known"),
        ),
        sa.CheckConstraint("alias ~ '\\S'", name=op.f("ck_entity_alias_alias_not_blank")),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name=op.f("fk_entity_alias_entity_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_alias")),
        sa.UniqueConstraint("entity_id", "normalized", name="uq_entity_alias_entity_id_normalized"),
        comment="Names and name forms of entities ('Sergei Lavrov', 'Lavrov', 'Mr. Lavrov').",
    )
    op.create_index(op.f("ix_entity_alias_entity_id"), "entity_alias", ["entity_id"], unique=False)
    op.create_index("ix_entity_alias_normalized", "entity_alias", ["normalized"], unique=False)
    op.create_index(
        "ix_entity_alias_normalized_trgm",
        "entity_alias",
        ["normalized"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"normalized": "gin_trgm_ops"},
    )
    op.create_index(
        "uq_entity_alias_one_primary",
        "entity_alias",
        ["entity_id"],
        unique=True,
        postgresql_where=sa.text("is_primary"),
    )
    op.create_table(
        "entity_redirect",
        sa.Column("old_entity_id", sa.BigInteger(), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("old_entity_id <> entity_id", name=op.f("ck_entity_redirect_not_self")),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name=op.f("fk_entity_redirect_entity_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("old_entity_id", name=op.f("pk_entity_redirect")),
        comment="Ids of entities merged into another; links from outside keep working.",
    )
    op.create_index(op.f("ix_entity_redirect_entity_id"), "entity_redirect", ["entity_id"], unique=False)
    op.create_table(
        "event",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("context", sa.Text(), server_default="occurred", nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True, comment="First day of the period the date names."),
        sa.Column("date_precision", sa.Text(), nullable=True, comment="day, week, month or year."),
        sa.Column("date_text", sa.Text(), nullable=True, comment="The date as written, e.g. mid-September."),
        sa.Column("place_entity_id", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True, comment="The sentence that first reported it."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')",
            name=op.f("ck_event_date_precision_known"),
        ),
        sa.CheckConstraint(
            "(occurred_on IS NULL) = (date_precision IS NULL)", name=op.f("ck_event_date_has_precision")
        ),
        sa.ForeignKeyConstraint(
            ["context"],
            ["event_context.code"],
            name=op.f("fk_event_context_event_context"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_type"],
            ["event_type.code"],
            name=op.f("fk_event_event_type_event_type"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["mode"], ["event_mode.code"], name=op.f("fk_event_mode_event_mode"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["place_entity_id"],
            ["entity.id"],
            name=op.f("fk_event_place_entity_id_entity"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        comment="Events typed with PLOVER, with place, date and context; reports link them to articles.",
    )
    op.create_index(op.f("ix_event_context"), "event", ["context"], unique=False)
    op.create_index(op.f("ix_event_mode"), "event", ["mode"], unique=False)
    op.create_index("ix_event_occurred_on", "event", ["occurred_on"], unique=False)
    op.create_index(op.f("ix_event_place_entity_id"), "event", ["place_entity_id"], unique=False)
    op.create_index("ix_event_type_occurred_on", "event", ["event_type", "occurred_on"], unique=False)
    op.create_table(
        "organization",
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), server_default="organization", nullable=False),
        sa.Column("country_code", sa.Text(), nullable=True),
        sa.CheckConstraint("kind = 'organization'", name=op.f("ck_organization_kind_matches")),
        sa.ForeignKeyConstraint(
            ["entity_id", "kind"],
            ["entity.id", "entity.kind"],
            name="fk_organization_entity_id_kind_entity",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_organization")),
        comment="Organization-only attributes of an entity.",
    )
    op.create_table(
        "person",
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), server_default="person", nullable=False),
        sa.Column("given_name", sa.Text(), nullable=True),
        sa.Column("family_name", sa.Text(), nullable=True),
        sa.CheckConstraint("kind = 'person'", name=op.f("ck_person_kind_matches")),
        sa.ForeignKeyConstraint(
            ["entity_id", "kind"],
            ["entity.id", "entity.kind"],
            name="fk_person_entity_id_kind_entity",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_person")),
        comment="Person-only attributes of an entity.",
    )
    op.create_table(
        "place",
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), server_default="place", nullable=False),
        sa.Column(
            "place_type",
            sa.Text(),
            server_default="other",
            nullable=False,
            comment="country, region, city, other.",
        ),
        sa.Column("country_code", sa.Text(), nullable=True, comment="ISO 3166-1 alpha-2."),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "country_code IS NULL OR country_code ~ '^[A-Z]{2}$'", name=op.f("ck_place_country_code_format")
        ),
        sa.CheckConstraint("kind = 'place'", name=op.f("ck_place_kind_matches")),
        sa.CheckConstraint(
            "place_type IN ('country', 'region', 'city', 'other')", name=op.f("ck_place_place_type_known")
        ),
        sa.CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name=op.f("ck_place_latitude_range")),
        sa.CheckConstraint(
            "longitude IS NULL OR longitude BETWEEN -180 AND 180", name=op.f("ck_place_longitude_range")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id", "kind"],
            ["entity.id", "entity.kind"],
            name="fk_place_entity_id_kind_entity",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_place")),
        sa.UniqueConstraint("geonames_id", name=op.f("uq_place_geonames_id")),
        comment="Place-only attributes of an entity, from gazetteers.",
    )
    op.create_index("ix_place_country_code", "place", ["country_code"], unique=False)
    op.create_table(
        "statement",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column(
            "speaker_entity_id",
            sa.BigInteger(),
            nullable=True,
            comment="Who said it; null when the article does not attribute it.",
        ),
        sa.Column("statement_type", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False, comment="What was said, as first reported."),
        sa.Column("quote_hash", sa.Text(), nullable=False, comment="SHA-256 of the normalized quote."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("quote ~ '\\S'", name=op.f("ck_statement_quote_not_blank")),
        sa.CheckConstraint("quote_hash ~ '^[0-9a-f]{64}$'", name=op.f("ck_statement_quote_hash_format")),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"],
            ["entity.id"],
            name=op.f("fk_statement_speaker_entity_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_type"],
            ["statement_type.code"],
            name=op.f("fk_statement_statement_type_statement_type"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
        sa.UniqueConstraint(
            "speaker_entity_id",
            "statement_type",
            "quote_hash",
            name="uq_statement_speaker_type_quote",
            postgresql_nulls_not_distinct=True,
        ),
        comment="Quotes and reported speech, one row per speaker, type and normalized quote.",
    )
    op.create_index(op.f("ix_statement_speaker_entity_id"), "statement", ["speaker_entity_id"], unique=False)
    op.create_index(op.f("ix_statement_statement_type"), "statement", ["statement_type"], unique=False)
    op.create_table(
        "article_credit",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False, comment="agency, photo, author or other."),
        sa.Column("name", sa.Text(), nullable=False, comment="Who is credited, e.g. KCNA, Reuters."),
        sa.Column("source_id", sa.BigInteger(), nullable=True, comment="The credited agency as a source."),
        sa.Column("credit_text", sa.Text(), nullable=True, comment="The credit line as printed."),
        sa.Column("start_char", sa.BigInteger(), nullable=True),
        sa.Column("end_char", sa.BigInteger(), nullable=True),
        sa.CheckConstraint("name ~ '\\S'", name=op.f("ck_article_credit_name_not_blank")),
        sa.CheckConstraint("kind IN ('agency', 'photo', 'author', 'other')", name=op.f("ck_article_credit_kind_known")),
        sa.CheckConstraint(
            "(start_char IS NULL) = (end_char IS NULL) AND (start_char IS NULL OR (start_char >= 0 AND end_char > start_char))",
            name=op.f("ck_article_credit_span_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_credit_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_article_credit_source_id_source"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_credit")),
        comment="Credits (agency, photo, author) of an article; distinct from its publisher.",
    )
    op.create_index(op.f("ix_article_credit_article_id"), "article_credit", ["article_id"], unique=False)
    op.create_index(op.f("ix_article_credit_source_id"), "article_credit", ["source_id"], unique=False)
    op.create_table(
        "event_participant",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_event_participant_entity_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_participant_event_id_event"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["role"],
            ["participant_role.code"],
            name=op.f("fk_event_participant_role_participant_role"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", "entity_id", "role", name=op.f("pk_event_participant")),
        comment="Who took part in an event, in which role.",
    )
    op.create_index(op.f("ix_event_participant_entity_id"), "event_participant", ["entity_id"], unique=False)
    op.create_index(op.f("ix_event_participant_role"), "event_participant", ["role"], unique=False)
    op.create_table(
        "event_report",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False, comment="The word(s) that report the event."),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint("start_char >= 0 AND end_char > start_char", name=op.f("ck_event_report_span_valid")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_event_report_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_report_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_report")),
        sa.UniqueConstraint("article_id", "start_char", "end_char", name="uq_event_report_article_id_span"),
        comment="Each report of an event in an article, with the trigger's span.",
    )
    op.create_index(op.f("ix_event_report_article_id"), "event_report", ["article_id"], unique=False)
    op.create_index(op.f("ix_event_report_event_id"), "event_report", ["event_id"], unique=False)
    op.create_table(
        "mention",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("surface_text", sa.Text(), nullable=False, comment="The text at the span, as written."),
        sa.CheckConstraint("start_char >= 0 AND end_char > start_char", name=op.f("ck_mention_span_valid")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_mention_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name=op.f("fk_mention_entity_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
        sa.UniqueConstraint("article_id", "start_char", "end_char", name="uq_mention_article_id_span"),
        comment="Entity mentions with their character span in the article body.",
    )
    op.create_index(op.f("ix_mention_article_id"), "mention", ["article_id"], unique=False)
    op.create_index(op.f("ix_mention_entity_id"), "mention", ["entity_id"], unique=False)
    op.create_index("ix_mention_entity_id_article_id", "mention", ["entity_id", "article_id"], unique=False)
    op.create_table(
        "person_role",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False, comment="e.g. Foreign Minister, spokesman."),
        sa.Column(
            "organization_id",
            sa.BigInteger(),
            nullable=True,
            comment="Organization or country the title belongs to.",
        ),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.CheckConstraint("title ~ '\\S'", name=op.f("ck_person_role_title_not_blank")),
        sa.CheckConstraint("start_char >= 0 AND end_char > start_char", name=op.f("ck_person_role_span_valid")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_person_role_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["entity.id"],
            name=op.f("fk_person_role_organization_id_entity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.entity_id"],
            name=op.f("fk_person_role_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_role")),
        sa.UniqueConstraint("article_id", "person_id", "start_char", "end_char", name="uq_person_role_evidence"),
        comment="Titles held by persons, with the organization or country and the evidence.",
    )
    op.create_index(op.f("ix_person_role_article_id"), "person_role", ["article_id"], unique=False)
    op.create_index(op.f("ix_person_role_organization_id"), "person_role", ["organization_id"], unique=False)
    op.create_index(op.f("ix_person_role_person_id"), "person_role", ["person_id"], unique=False)
    op.create_index("ix_person_role_title", "person_role", ["title"], unique=False)
    op.create_table(
        "statement_report",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("statement_id", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column(
            "cue_verb",
            sa.Text(),
            nullable=True,
            comment="Lemma of the speech cue: say, declare, according to.",
        ),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True, comment="How the article names the speaker here."),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column(
            "channel_entity_id",
            sa.BigInteger(),
            nullable=True,
            comment="Through whom it was reported ('according to KCNA').",
        ),
        sa.Column("channel_text", sa.Text(), nullable=True, comment="The channel as written ('Russian agencies')."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When newsdb stored this row (UTC).",
        ),
        sa.CheckConstraint(
            "(cue_start IS NULL) = (cue_end IS NULL) AND (cue_start IS NULL OR cue_end > cue_start)",
            name=op.f("ck_statement_report_cue_span_valid"),
        ),
        sa.CheckConstraint(
            "(speaker_start IS NULL) = (speaker_end IS NULL) AND (speaker_start IS NULL OR speaker_end > speaker_start)",
            name=op.f("ck_statement_report_speaker_span_valid"),
        ),
        sa.CheckConstraint("start_char >= 0 AND end_char > start_char", name=op.f("ck_statement_report_span_valid")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_statement_report_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["channel_entity_id"],
            ["entity.id"],
            name=op.f("fk_statement_report_channel_entity_id_entity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_statement_report_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_report")),
        sa.UniqueConstraint("article_id", "start_char", "end_char", name="uq_statement_report_article_id_span"),
        comment="Each report of a statement in an article, with its character spans.",
    )
    op.create_index(op.f("ix_statement_report_article_id"), "statement_report", ["article_id"], unique=False)
    op.create_index(
        op.f("ix_statement_report_channel_entity_id"), "statement_report", ["channel_entity_id"], unique=False
    )
    op.create_index("ix_statement_report_cue_verb", "statement_report", ["cue_verb"], unique=False)
    op.create_index(op.f("ix_statement_report_statement_id"), "statement_report", ["statement_id"], unique=False)
    _seed_reference_tables()


def downgrade() -> None:
    op.drop_index(op.f("ix_statement_report_statement_id"), table_name="statement_report")
    op.drop_index("ix_statement_report_cue_verb", table_name="statement_report")
    op.drop_index(op.f("ix_statement_report_channel_entity_id"), table_name="statement_report")
    op.drop_index(op.f("ix_statement_report_article_id"), table_name="statement_report")
    op.drop_table("statement_report")
    op.drop_index("ix_person_role_title", table_name="person_role")
    op.drop_index(op.f("ix_person_role_person_id"), table_name="person_role")
    op.drop_index(op.f("ix_person_role_organization_id"), table_name="person_role")
    op.drop_index(op.f("ix_person_role_article_id"), table_name="person_role")
    op.drop_table("person_role")
    op.drop_index("ix_mention_entity_id_article_id", table_name="mention")
    op.drop_index(op.f("ix_mention_entity_id"), table_name="mention")
    op.drop_index(op.f("ix_mention_article_id"), table_name="mention")
    op.drop_table("mention")
    op.drop_index(op.f("ix_event_report_event_id"), table_name="event_report")
    op.drop_index(op.f("ix_event_report_article_id"), table_name="event_report")
    op.drop_table("event_report")
    op.drop_index(op.f("ix_event_participant_role"), table_name="event_participant")
    op.drop_index(op.f("ix_event_participant_entity_id"), table_name="event_participant")
    op.drop_table("event_participant")
    op.drop_index(op.f("ix_article_credit_source_id"), table_name="article_credit")
    op.drop_index(op.f("ix_article_credit_article_id"), table_name="article_credit")
    op.drop_table("article_credit")
    op.drop_index(op.f("ix_statement_statement_type"), table_name="statement")
    op.drop_index(op.f("ix_statement_speaker_entity_id"), table_name="statement")
    op.drop_table("statement")
    op.drop_index("ix_place_country_code", table_name="place")
    op.drop_table("place")
    op.drop_table("person")
    op.drop_table("organization")
    op.drop_index("ix_event_type_occurred_on", table_name="event")
    op.drop_index(op.f("ix_event_place_entity_id"), table_name="event")
    op.drop_index("ix_event_occurred_on", table_name="event")
    op.drop_index(op.f("ix_event_mode"), table_name="event")
    op.drop_index(op.f("ix_event_context"), table_name="event")
    op.drop_table("event")
    op.drop_index(op.f("ix_entity_redirect_entity_id"), table_name="entity_redirect")
    op.drop_table("entity_redirect")
    op.drop_index("uq_entity_alias_one_primary", table_name="entity_alias", postgresql_where=sa.text("is_primary"))
    op.drop_index(
        "ix_entity_alias_normalized_trgm",
        table_name="entity_alias",
        postgresql_using="gin",
        postgresql_ops={"normalized": "gin_trgm_ops"},
    )
    op.drop_index("ix_entity_alias_normalized", table_name="entity_alias")
    op.drop_index(op.f("ix_entity_alias_entity_id"), table_name="entity_alias")
    op.drop_table("entity_alias")
    op.drop_index(op.f("ix_article_source_id"), table_name="article")
    op.drop_index(op.f("ix_article_section"), table_name="article")
    op.drop_index("ix_article_search", table_name="article", postgresql_using="gin")
    op.drop_index("ix_article_published_at_id", table_name="article")
    op.drop_index(op.f("ix_article_ingest_run_id"), table_name="article")
    op.drop_table("article")
    op.drop_index(op.f("ix_source_kind"), table_name="source")
    op.drop_table("source")
    op.drop_index(op.f("ix_ingest_error_ingest_run_id"), table_name="ingest_error")
    op.drop_table("ingest_error")
    op.drop_index(op.f("ix_event_mode_event_type"), table_name="event_mode")
    op.drop_table("event_mode")
    op.drop_index("ix_entity_kind_name", table_name="entity")
    op.drop_index(op.f("ix_entity_kind"), table_name="entity")
    op.drop_table("entity")
    op.drop_table("statement_type")
    op.drop_table("source_kind")
    op.drop_table("participant_role")
    op.drop_index("ix_ingest_run_started_at", table_name="ingest_run")
    op.drop_table("ingest_run")
    op.drop_table("event_type")
    op.drop_table("event_context")
    op.drop_table("entity_kind")


# -- reference data --------------------------------------------------------

ENTITY_KINDS = [("person", "Person"), ("organization", "Organization"), ("place", "Place")]

SOURCE_KINDS = [
    ("publisher", "Publisher (site, newspaper)"),
    ("agency", "News agency (wire service)"),
    ("broadcaster", "Broadcaster"),
    ("other", "Other"),
]

STATEMENT_TYPES = [
    ("direct", "Direct quote"),
    ("partial", "Partial quote inside reported speech"),
    ("indirect", "Indirect (reported) speech"),
]

EVENT_CONTEXTS = [
    ("occurred", "Occurred"),
    ("future", "Planned or scheduled"),
    ("hypothetical", "Hypothetical or possible"),
    ("historical", "Historical (reported as background)"),
]

PARTICIPANT_ROLES = [
    ("actor", "Actor (who does it)"),
    ("recipient", "Recipient (to whom it is done)"),
    ("participant", "Participant (takes part, no direction)"),
]

# PLOVER (openeventdata/PLOVER): code, label, description, former name.
EVENT_TYPES = [
    ("AGREE", "Agree", "Agree to, offer, promise or otherwise indicate willingness to cooperate.", None),
    ("CONSULT", "Consult", "Meetings, visits, summits, phone calls and negotiations.", None),
    ("SUPPORT", "Support", "Express support, praise or endorsement; diplomatic cooperation.", None),
    ("CONCEDE", "Concede", "Yield, ease restrictions, release, return or apologise.", None),
    ("COOPERATE", "Cooperate", "Material cooperation: economic, military, judicial, intelligence.", None),
    ("AID", "Aid", "Provide economic, military, humanitarian or other aid.", None),
    ("RETREAT", "Retreat", "Withdraw, demobilise, de-escalate.", None),
    ("INVESTIGATE", "Investigate", "Investigate, inquire, inspect.", None),
    ("REQUEST", "Request", "Demand, ask for or appeal for something.", "DEMAND"),
    ("ACCUSE", "Accuse", "Criticise, denounce, accuse, condemn.", "DISAPPROVE"),
    ("REJECT", "Reject", "Reject a proposal, demand or accusation; refuse.", None),
    ("THREATEN", "Threaten", "Threaten force, sanctions or other action.", None),
    ("PROTEST", "Protest", "Demonstrations, strikes, boycotts.", None),
    ("CRIME", "Crime", "Criminal acts: corruption, theft, illegal trade.", None),
    ("SANCTION", "Sanction", "Impose sanctions, embargoes, break relations, expel.", None),
    ("MOBILIZE", "Mobilize", "Military exercises, weapons tests, troop build-ups, alerts.", None),
    ("COERCE", "Coerce", "Arrests, seizures, restrictions, repression.", None),
    ("ASSAULT", "Assault", "Use of force: attacks, bombings, armed clashes.", None),
]

EVENT_MODES = [
    ("meeting", "CONSULT", "Meeting"),
    ("visit", "CONSULT", "Visit"),
    ("trip", "CONSULT", "Trip"),
    ("summit", "CONSULT", "Summit"),
    ("talks", "CONSULT", "Talks"),
    ("negotiation", "CONSULT", "Negotiation"),
    ("call", "CONSULT", "Phone or video call"),
    ("agreement", "AGREE", "Agreement or treaty"),
    ("military-exercise", "MOBILIZE", "Military exercise"),
    ("weapons-test", "MOBILIZE", "Weapons test"),
    ("deployment", "MOBILIZE", "Deployment of forces"),
    ("military-aid", "AID", "Military aid and arms deliveries"),
    ("economic-aid", "AID", "Economic aid"),
    ("humanitarian-aid", "AID", "Humanitarian aid"),
    ("military-cooperation", "COOPERATE", "Military cooperation"),
    ("economic-cooperation", "COOPERATE", "Economic cooperation"),
    ("demonstration", "PROTEST", "Demonstration"),
    ("airstrike", "ASSAULT", "Air strike"),
]


def _seed_reference_tables() -> None:
    def table(name: str, *columns: str) -> sa.TableClause:
        return sa.table(name, *(sa.column(c) for c in columns))

    op.bulk_insert(table("entity_kind", "code", "label"), [{"code": c, "label": lb} for c, lb in ENTITY_KINDS])
    op.bulk_insert(table("source_kind", "code", "label"), [{"code": c, "label": lb} for c, lb in SOURCE_KINDS])
    op.bulk_insert(table("statement_type", "code", "label"), [{"code": c, "label": lb} for c, lb in STATEMENT_TYPES])
    op.bulk_insert(table("event_context", "code", "label"), [{"code": c, "label": lb} for c, lb in EVENT_CONTEXTS])
    op.bulk_insert(
        table("participant_role", "code", "label"), [{"code": c, "label": lb} for c, lb in PARTICIPANT_ROLES]
    )
    op.bulk_insert(
        table("event_type", "code", "label", "description", "former_code"),
        [{"code": c, "label": lb, "description": d, "former_code": f} for c, lb, d, f in EVENT_TYPES],
    )
    op.bulk_insert(
        table("event_mode", "code", "event_type", "label"),
        [{"code": c, "event_type": t, "label": lb} for c, t, lb in EVENT_MODES],
    )
