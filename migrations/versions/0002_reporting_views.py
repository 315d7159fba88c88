"""The `reporting` schema: the documented views SQL users and BI tools read.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

The views are the stable contract (DESIGN.md, "The SQL contract"); the base
tables may change under them. Every view and column carries a COMMENT, which
BI tools show as descriptions. Counts over the whole archive (mentions per
entity, articles per event, entity pairs) come from materialized views in
`public` (not readable by reader roles), refreshed CONCURRENTLY after each
load by `newsdb.db.reporting.refresh_reporting`, so a dashboard never blocks a
load and a load never blocks a dashboard.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MATERIALIZED = [
    (
        "entity_stats_mv",
        """
        SELECT m.entity_id,
               count(*)::bigint AS mention_count,
               count(DISTINCT m.article_id)::bigint AS article_count,
               min(a.published_at) AS first_seen_at,
               max(a.published_at) AS last_seen_at
        FROM mention m JOIN article a ON a.id = m.article_id
        GROUP BY m.entity_id
        """,
        ["entity_id"],
        "Per entity: mentions, articles, first and last publication (refreshed after each load).",
    ),
    (
        "event_stats_mv",
        """
        SELECT r.event_id,
               count(DISTINCT r.article_id)::bigint AS article_count,
               min(coalesce(a.published_at, a.created_at)) AS first_reported_at
        FROM event_report r JOIN article a ON a.id = r.article_id
        GROUP BY r.event_id
        """,
        ["event_id"],
        "Per event: reporting articles and first report (refreshed after each load).",
    ),
    (
        "statement_stats_mv",
        """
        SELECT r.statement_id, count(DISTINCT r.article_id)::bigint AS article_count
        FROM statement_report r
        GROUP BY r.statement_id
        """,
        ["statement_id"],
        "Per statement: how many articles carry it (refreshed after each load).",
    ),
    (
        "cooccurrence_mv",
        """
        WITH pairs AS (
            SELECT DISTINCT article_id, entity_id FROM mention
        )
        SELECT a.entity_id AS entity_a_id, b.entity_id AS entity_b_id,
               count(*)::bigint AS article_count
        FROM pairs a JOIN pairs b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
        GROUP BY a.entity_id, b.entity_id
        """,
        ["entity_a_id", "entity_b_id"],
        "Entity pairs named in the same articles, with the number of such articles (refreshed after each load).",
    ),
]

# (view, comment, SQL, {column: comment}) — columns in the order of the SELECT.
VIEWS: list[tuple[str, str, str, dict[str, str]]] = [
    (
        "articles",
        "One row per article: where and when it was published, and its size.",
        """
        SELECT a.id AS article_id, s.code AS source_code, s.name AS source_name, a.title, a.section,
               a.dateline, a.published_at, a.language, a.word_count::bigint AS word_count, a.url,
               (SELECT string_agg(c.name, ', ' ORDER BY c.id) FROM article_credit c
                 WHERE c.article_id = a.id AND c.kind = 'agency') AS agency_credits,
               a.created_at AS loaded_at
        FROM article a LEFT JOIN source s ON s.id = a.source_id
        """,
        {
            "article_id": "Article identifier (stable).",
            "source_code": "Code of the publishing outlet, e.g. site-59.",
            "source_name": "Name of the publishing outlet.",
            "title": "Headline.",
            "section": "Section or rubric, e.g. North Korea.",
            "dateline": "Place named in the dateline, e.g. Pyongyang.",
            "published_at": "Publication time (UTC); null when unknown.",
            "language": "Language code, e.g. en.",
            "word_count": "Number of words in the body.",
            "url": "Canonical URL, when known.",
            "agency_credits": "News agencies credited in the article (e.g. KCNA), comma-separated.",
            "loaded_at": "When newsdb stored the article (UTC).",
        },
    ),
    (
        "entities",
        "One row per person, organization or place, with how often the archive mentions it.",
        """
        SELECT e.id AS entity_id, e.kind, e.name, e.disambiguation,
               coalesce((SELECT array_agg(al.alias ORDER BY al.is_primary DESC, al.alias)
                           FROM entity_alias al WHERE al.entity_id = e.id), ARRAY[]::text[]) AS aliases,
               coalesce(st.mention_count, 0)::bigint AS mention_count,
               coalesce(st.article_count, 0)::bigint AS article_count,
               st.first_seen_at, st.last_seen_at,
               pl.place_type, coalesce(pl.country_code, o.country_code) AS country_code,
               pl.latitude, pl.longitude
        FROM entity e
        LEFT JOIN entity_stats_mv st ON st.entity_id = e.id
        LEFT JOIN place pl ON pl.entity_id = e.id
        LEFT JOIN organization o ON o.entity_id = e.id
        """,
        {
            "entity_id": "Entity identifier (stable).",
            "kind": "person, organization or place.",
            "name": "Canonical name.",
            "disambiguation": "What keeps two entities of one name apart, when set.",
            "aliases": "Every name form seen, the primary name first.",
            "mention_count": "Mentions in the whole archive (as of the last load).",
            "article_count": "Articles that mention it (as of the last load).",
            "first_seen_at": "Publication time of the first article mentioning it.",
            "last_seen_at": "Publication time of the latest article mentioning it.",
            "place_type": "For places: country, region, city or other.",
            "country_code": "ISO 3166-1 alpha-2 country of a place or organization.",
            "latitude": "For places: latitude (WGS 84).",
            "longitude": "For places: longitude (WGS 84).",
        },
    ),
    (
        "mentions",
        "One row per mention: an entity named at a character span of an article.",
        """
        SELECT m.id AS mention_id, m.article_id, m.entity_id, e.kind, e.name, m.surface_text,
               m.start_char, m.end_char, a.published_at
        FROM mention m JOIN entity e ON e.id = m.entity_id JOIN article a ON a.id = m.article_id
        """,
        {
            "mention_id": "Mention identifier.",
            "article_id": "The article (reporting.articles).",
            "entity_id": "The entity (reporting.entities).",
            "kind": "person, organization or place.",
            "name": "Canonical name of the entity.",
            "surface_text": "The text as written at the span, e.g. Mr. Lavrov.",
            "start_char": "Start offset of the span in the article body (0-based).",
            "end_char": "End offset of the span (exclusive).",
            "published_at": "Publication time of the article (UTC).",
        },
    ),
    (
        "person_roles",
        "One row per title a person holds according to an article.",
        """
        SELECT r.person_id AS entity_id, p.name, r.title AS role_title, o.name AS organization_name,
               r.organization_id AS organization_entity_id, r.article_id, a.published_at,
               r.start_char, r.end_char
        FROM person_role r
        JOIN entity p ON p.id = r.person_id
        LEFT JOIN entity o ON o.id = r.organization_id
        JOIN article a ON a.id = r.article_id
        """,
        {
            "entity_id": "The person (reporting.entities).",
            "name": "The person's canonical name.",
            "role_title": "The title, e.g. Foreign Minister, spokesman.",
            "organization_name": "Organization or country the title belongs to, when stated.",
            "organization_entity_id": "That organization or country (reporting.entities).",
            "article_id": "The article that states it.",
            "published_at": "Publication time of that article (UTC).",
            "start_char": "Start offset of the title in the article body.",
            "end_char": "End offset of the title (exclusive).",
        },
    ),
    (
        "statements",
        "One row per statement as reported in an article: who said what, where and when.",
        """
        SELECT s.id AS statement_id, r.id AS statement_report_id, r.article_id,
               s.speaker_entity_id, sp.name AS speaker_name, sp.kind AS speaker_kind, r.speaker_text,
               s.quote, s.statement_type, r.cue_verb, r.start_char, r.end_char,
               coalesce(ch.name, r.channel_text) AS channel,
               a.published_at, src.code AS source_code, src.name AS source_name, a.title AS article_title,
               coalesce(ss.article_count, 1)::bigint AS article_count
        FROM statement_report r
        JOIN statement s ON s.id = r.statement_id
        JOIN article a ON a.id = r.article_id
        LEFT JOIN entity sp ON sp.id = s.speaker_entity_id
        LEFT JOIN entity ch ON ch.id = r.channel_entity_id
        LEFT JOIN source src ON src.id = a.source_id
        LEFT JOIN statement_stats_mv ss ON ss.statement_id = s.id
        """,
        {
            "statement_id": "Statement identifier: one per speaker, type and quote, however many articles carry it.",
            "statement_report_id": "This report of the statement in this article.",
            "article_id": "The article that reports it.",
            "speaker_entity_id": "Who said it (reporting.entities); null when the article does not attribute it.",
            "speaker_name": "Canonical name of the speaker.",
            "speaker_kind": "person, organization or place (a capital standing for its government).",
            "speaker_text": "How the article names the speaker here, e.g. the Russian minister.",
            "quote": "What was said.",
            "statement_type": "direct (full quote), partial (quoted fragment) or indirect (reported speech).",
            "cue_verb": "The speech verb or phrase, e.g. say, declare, according to.",
            "start_char": "Start offset of the quote in the article body.",
            "end_char": "End offset of the quote (exclusive).",
            "channel": "Through whom it was reported, e.g. KCNA, Russian agencies.",
            "published_at": "Publication time of the article (UTC).",
            "source_code": "Code of the publishing outlet.",
            "source_name": "Name of the publishing outlet.",
            "article_title": "Headline of the article.",
            "article_count": "How many articles carry this same statement (as of the last load).",
        },
    ),
    (
        "events",
        "One row per event (stored once however many articles report it), typed with PLOVER.",
        """
        SELECT ev.id AS event_id, ev.event_type, t.label AS event_label, ev.mode, ev.context,
               ev.occurred_on, ev.date_precision, ev.date_text, ev.place_entity_id, pl.name AS place_name,
               coalesce(es.article_count, 0)::bigint AS article_count, es.first_reported_at, ev.summary,
               (SELECT string_agg(e.name || ' (' || p.role || ')', '; ' ORDER BY p.role, e.name)
                  FROM event_participant p JOIN entity e ON e.id = p.entity_id
                 WHERE p.event_id = ev.id) AS participants
        FROM event ev
        JOIN event_type t ON t.code = ev.event_type
        LEFT JOIN entity pl ON pl.id = ev.place_entity_id
        LEFT JOIN event_stats_mv es ON es.event_id = ev.id
        """,
        {
            "event_id": "Event identifier (stable).",
            "event_type": "PLOVER code, e.g. CONSULT, MOBILIZE, ACCUSE.",
            "event_label": "Readable PLOVER label.",
            "mode": "Finer kind within the type, e.g. visit, summit, weapons-test.",
            "context": "occurred, future (planned), hypothetical or historical.",
            "occurred_on": "Date of the event (first day of the period when less precise).",
            "date_precision": "day, week, month or year; null when undated.",
            "date_text": "The date as written, e.g. mid-September.",
            "place_entity_id": "Where it happened (reporting.entities).",
            "place_name": "Name of that place.",
            "article_count": "How many articles report it (as of the last load).",
            "first_reported_at": "Publication time of the first article reporting it.",
            "summary": "The sentence that first reported it.",
            "participants": "Participants with their roles, e.g. Kim Jong-un (actor); Sergei Lavrov (participant).",
        },
    ),
    (
        "event_participants",
        "One row per participant of an event and their role.",
        """
        SELECT p.event_id, p.entity_id, e.name, e.kind, p.role
        FROM event_participant p JOIN entity e ON e.id = p.entity_id
        """,
        {
            "event_id": "The event (reporting.events).",
            "entity_id": "The participant (reporting.entities).",
            "name": "Canonical name of the participant.",
            "kind": "person, organization or place.",
            "role": "actor (does it), recipient (to whom) or participant (no direction).",
        },
    ),
    (
        "event_reports",
        "One row per article reporting an event, with the words that report it.",
        """
        SELECT r.event_id, r.article_id, r.trigger_text, r.start_char, r.end_char,
               a.published_at, src.name AS source_name
        FROM event_report r JOIN article a ON a.id = r.article_id LEFT JOIN source src ON src.id = a.source_id
        """,
        {
            "event_id": "The event (reporting.events).",
            "article_id": "The reporting article (reporting.articles).",
            "trigger_text": "The word(s) that report the event, e.g. meeting, visit.",
            "start_char": "Start offset of the trigger in the article body.",
            "end_char": "End offset of the trigger (exclusive).",
            "published_at": "Publication time of the article (UTC).",
            "source_name": "Name of the publishing outlet.",
        },
    ),
    (
        "cooccurrences",
        "One row per pair of entities named in the same articles, with how many.",
        """
        SELECT c.entity_a_id, a.name AS entity_a_name, a.kind AS entity_a_kind,
               c.entity_b_id, b.name AS entity_b_name, b.kind AS entity_b_kind, c.article_count
        FROM cooccurrence_mv c JOIN entity a ON a.id = c.entity_a_id JOIN entity b ON b.id = c.entity_b_id
        """,
        {
            "entity_a_id": "One entity of the pair (the smaller id).",
            "entity_a_name": "Its canonical name.",
            "entity_a_kind": "Its kind.",
            "entity_b_id": "The other entity of the pair.",
            "entity_b_name": "Its canonical name.",
            "entity_b_kind": "Its kind.",
            "article_count": "Articles that name both (as of the last load).",
        },
    ),
]


def _literal(text: str) -> str:
    """A SQL string literal for a comment written in this file (never user input)."""
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    op.execute("CREATE SCHEMA reporting")
    op.execute(_literal_comment("SCHEMA reporting", "newsdb's documented views for SQL users and BI tools."))
    for name, sql, keys, comment in MATERIALIZED:
        op.execute(f"CREATE MATERIALIZED VIEW public.{name} AS {sql} WITH DATA")
        op.execute(f"CREATE UNIQUE INDEX uq_{name} ON public.{name} ({', '.join(keys)})")
        op.execute(_literal_comment(f"MATERIALIZED VIEW public.{name}", comment))
    op.execute("CREATE INDEX ix_cooccurrence_mv_entity_b_id ON public.cooccurrence_mv (entity_b_id)")
    # Reports list the top pairs and the most mentioned entities first.
    op.execute("CREATE INDEX ix_cooccurrence_mv_article_count ON public.cooccurrence_mv (article_count DESC)")
    op.execute("CREATE INDEX ix_entity_stats_mv_mention_count ON public.entity_stats_mv (mention_count DESC)")
    for name, comment, sql, columns in VIEWS:
        op.execute(f"CREATE VIEW reporting.{name} AS {sql}")
        op.execute(_literal_comment(f"VIEW reporting.{name}", comment))
        for column, column_comment in columns.items():
            op.execute(_literal_comment(f"COLUMN reporting.{name}.{column}", column_comment))


def _literal_comment(target: str, text: str) -> str:
    return f"COMMENT ON {target} IS {_literal(text)}"


def downgrade() -> None:
    op.execute("DROP SCHEMA reporting CASCADE")
    for name, _sql, _keys, _comment in reversed(MATERIALIZED):
        op.execute(f"DROP MATERIALIZED VIEW public.{name}")
