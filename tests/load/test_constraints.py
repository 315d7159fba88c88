"""Every named CHECK and UNIQUE constraint (and unique index) of the schema, violated once.

Each case is one direct INSERT against a database seeded with one valid row
per table; the test asserts PostgreSQL names the expected constraint.  A meta
test reads the constraints from the catalog, so a new constraint without a
case here fails the suite.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import IntegrityError

H1 = "a" * 64
H2 = "b" * 64

SEED = [
    "INSERT INTO ingest_run (command) VALUES ('newsdb load seeds/')",
    "INSERT INTO source (code, name) VALUES ('site-59', 'Site 59')",
    f"INSERT INTO article (source_id, body, content_hash, word_count, url)"
    f" SELECT id, 'Lavrov said yes.', '{H1}', 3, 'https://example.org/1' FROM source",
    "INSERT INTO entity (kind, name) VALUES ('person', 'Sergei Lavrov'), ('organization', 'KCNA'), ('place', 'Moscow')",
    "INSERT INTO person (entity_id) SELECT id FROM entity WHERE kind = 'person'",
    "INSERT INTO organization (entity_id) SELECT id FROM entity WHERE kind = 'organization'",
    "INSERT INTO place (entity_id, geonames_id) SELECT id, 524901 FROM entity WHERE kind = 'place'",
    "INSERT INTO entity_alias (entity_id, alias, normalized, is_primary)"
    " SELECT id, name, lower(name), true FROM entity",
    f"INSERT INTO statement (speaker_entity_id, statement_type, quote, quote_hash)"
    f" SELECT id, 'indirect', 'yes', '{H1}' FROM entity WHERE kind = 'person'",
    f"INSERT INTO statement (speaker_entity_id, statement_type, quote, quote_hash)"
    f" VALUES (NULL, 'direct', 'no', '{H2}')",
    "INSERT INTO event (event_type) VALUES ('CONSULT')",
    "INSERT INTO mention (article_id, entity_id, start_char, end_char, surface_text)"
    " SELECT a.id, e.id, 0, 6, 'Lavrov' FROM article a, entity e WHERE e.kind = 'person'",
    "INSERT INTO person_role (person_id, title, article_id, start_char, end_char)"
    " SELECT e.id, 'minister', a.id, 0, 6 FROM article a, entity e WHERE e.kind = 'person'",
    "INSERT INTO statement_report (statement_id, article_id, start_char, end_char)"
    " SELECT s.id, a.id, 12, 15 FROM article a, statement s WHERE s.speaker_entity_id IS NOT NULL",
    "INSERT INTO event_report (event_id, article_id, trigger_text, start_char, end_char)"
    " SELECT e.id, a.id, 'said', 7, 11 FROM article a, event e",
]

# constraint name -> an INSERT that violates it (and nothing before it).  Parameters:
# :run, :source, :article, :person, :org, :place, :statement, :event
CASES: dict[str, str] = {
    # ingest_run / ingest_error
    "ck_ingest_run_counts_not_negative": "INSERT INTO ingest_run (command, failed_count) VALUES ('x', -1)",
    "ck_ingest_run_finished_after_start": "INSERT INTO ingest_run (command, started_at, finished_at)"
    " VALUES ('x', now(), now() - interval '1 second')",
    "ck_ingest_run_status_known": "INSERT INTO ingest_run (command, status) VALUES ('x', 'paused')",
    "ck_ingest_error_line_number_positive": "INSERT INTO ingest_error (ingest_run_id, input, error_class, message,"
    " line_number) VALUES (:run, 'a.jsonl', 'bad-json', 'bad', 0)",
    "ck_ingest_error_message_not_blank": "INSERT INTO ingest_error (ingest_run_id, input, error_class, message)"
    " VALUES (:run, 'a.txt', 'empty', '  ')",
    # source
    "ck_source_code_format": "INSERT INTO source (code, name) VALUES ('Site 59', 'x')",
    "ck_source_name_not_blank": "INSERT INTO source (code, name) VALUES ('site-60', ' ')",
    "uq_source_code": "INSERT INTO source (code, name) VALUES ('site-59', 'Again')",
    # article
    "ck_article_body_not_blank": f"INSERT INTO article (body, content_hash, word_count) VALUES ('   ', '{H2}', 0)",
    "ck_article_content_hash_format": "INSERT INTO article (body, content_hash, word_count) VALUES ('b', 'ABC', 1)",
    "ck_article_language_format": f"INSERT INTO article (body, content_hash, word_count, language)"
    f" VALUES ('b', '{H2}', 1, 'English')",
    "ck_article_title_not_blank": f"INSERT INTO article (body, content_hash, word_count, title)"
    f" VALUES ('b', '{H2}', 1, '')",
    "ck_article_word_count_not_negative": f"INSERT INTO article (body, content_hash, word_count)"
    f" VALUES ('b', '{H2}', -1)",
    "uq_article_content_hash": f"INSERT INTO article (body, content_hash, word_count) VALUES ('b', '{H1}', 1)",
    "uq_article_url": f"INSERT INTO article (body, content_hash, word_count, url)"
    f" VALUES ('b', '{H2}', 1, 'https://example.org/1')",
    "ck_article_credit_kind_known": "INSERT INTO article_credit (article_id, kind, name)"
    " VALUES (:article, 'editor', 'x')",
    "ck_article_credit_name_not_blank": "INSERT INTO article_credit (article_id, kind, name)"
    " VALUES (:article, 'agency', '')",
    "ck_article_credit_span_valid": "INSERT INTO article_credit (article_id, kind, name, start_char, end_char)"
    " VALUES (:article, 'agency', 'KCNA', 3, 2)",
    # entities
    "ck_entity_name_not_blank": "INSERT INTO entity (kind, name) VALUES ('person', '   ')",
    # the (id, kind) key is the subtypes' foreign-key target; only a row reusing an existing id breaks it, and
    # the primary key is checked first, so PostgreSQL names pk_entity (see IMPLIED)
    "uq_entity_id_kind": "INSERT INTO entity (id, kind, name) OVERRIDING SYSTEM VALUE VALUES (:person, 'place', 'x')",
    "ck_person_kind_matches": "INSERT INTO person (entity_id, kind) VALUES (:org, 'organization')",
    "ck_organization_kind_matches": "INSERT INTO organization (entity_id, kind) VALUES (:person, 'person')",
    "ck_place_kind_matches": "INSERT INTO place (entity_id, kind) VALUES (:person, 'person')",
    "fk_person_entity_id_kind_entity": "INSERT INTO person (entity_id) VALUES (:org)",
    "fk_organization_entity_id_kind_entity": "INSERT INTO organization (entity_id) VALUES (:place)",
    "fk_place_entity_id_kind_entity": "INSERT INTO place (entity_id) VALUES (:org)",
    "ck_place_country_code_format": "UPDATE place SET country_code = 'ru'",
    "ck_place_latitude_range": "UPDATE place SET latitude = 90.5",
    "ck_place_longitude_range": "UPDATE place SET longitude = -180.5",
    "ck_place_place_type_known": "UPDATE place SET place_type = 'village'",
    "uq_place_geonames_id": "INSERT INTO entity (kind, name) VALUES ('place', 'Moskva');"
    " INSERT INTO place (entity_id, geonames_id) SELECT max(id), 524901 FROM entity",
    "ck_entity_alias_alias_kind_known": "INSERT INTO entity_alias (entity_id, alias, normalized, alias_kind)"
    " VALUES (:person, 'Serge', 'serge', 'nickname')",
    "ck_entity_alias_alias_not_blank": "INSERT INTO entity_alias (entity_id, alias, normalized)"
    " VALUES (:person, ' ', '')",
    "uq_entity_alias_entity_id_normalized": "INSERT INTO entity_alias (entity_id, alias, normalized)"
    " VALUES (:person, 'SERGEI LAVROV', 'sergei lavrov')",
    "uq_entity_alias_one_primary": "INSERT INTO entity_alias (entity_id, alias, normalized, is_primary)"
    " VALUES (:person, 'Lavrov', 'lavrov', true)",
    "ck_entity_redirect_not_self": "INSERT INTO entity_redirect (old_entity_id, entity_id) VALUES (:person, :person)",
    "ck_mention_span_valid": "INSERT INTO mention (article_id, entity_id, start_char, end_char, surface_text)"
    " VALUES (:article, :person, 6, 6, '')",
    "uq_mention_article_id_span": "INSERT INTO mention (article_id, entity_id, start_char, end_char, surface_text)"
    " VALUES (:article, :org, 0, 6, 'Lavrov')",
    "ck_person_role_span_valid": "INSERT INTO person_role (person_id, title, article_id, start_char, end_char)"
    " VALUES (:person, 'envoy', :article, -1, 3)",
    "ck_person_role_title_not_blank": "INSERT INTO person_role (person_id, title, article_id, start_char, end_char)"
    " VALUES (:person, '', :article, 1, 3)",
    "uq_person_role_evidence": "INSERT INTO person_role (person_id, title, article_id, start_char, end_char)"
    " VALUES (:person, 'envoy', :article, 0, 6)",
    # statements
    "ck_statement_quote_hash_format": "INSERT INTO statement (statement_type, quote, quote_hash)"
    " VALUES ('direct', 'q', 'not-a-hash')",
    "ck_statement_quote_not_blank": f"INSERT INTO statement (statement_type, quote, quote_hash)"
    f" VALUES ('direct', '', '{H1}')",
    # NULLS NOT DISTINCT: a second unattributed statement with the same words is a duplicate
    "uq_statement_speaker_type_quote": f"INSERT INTO statement (speaker_entity_id, statement_type, quote, quote_hash)"
    f" VALUES (NULL, 'direct', 'No.', '{H2}')",
    "ck_statement_report_span_valid": "INSERT INTO statement_report (statement_id, article_id, start_char, end_char)"
    " VALUES (:statement, :article, 5, 2)",
    "ck_statement_report_cue_span_valid": "INSERT INTO statement_report (statement_id, article_id, start_char,"
    " end_char, cue_start) VALUES (:statement, :article, 1, 2, 7)",
    "ck_statement_report_speaker_span_valid": "INSERT INTO statement_report (statement_id, article_id, start_char,"
    " end_char, speaker_start, speaker_end) VALUES (:statement, :article, 1, 2, 6, 0)",
    "uq_statement_report_article_id_span": "INSERT INTO statement_report (statement_id, article_id, start_char,"
    " end_char) VALUES (:statement, :article, 12, 15)",
    # events
    "ck_event_date_has_precision": "INSERT INTO event (event_type, occurred_on) VALUES ('CONSULT', '2024-09-13')",
    "ck_event_date_precision_known": "INSERT INTO event (event_type, occurred_on, date_precision)"
    " VALUES ('CONSULT', '2024-09-13', 'decade')",
    "ck_event_report_span_valid": "INSERT INTO event_report (event_id, article_id, trigger_text, start_char, end_char)"
    " VALUES (:event, :article, 'x', 3, 1)",
    "uq_event_report_article_id_span": "INSERT INTO event_report (event_id, article_id, trigger_text, start_char,"
    " end_char) VALUES (:event, :article, 'said', 7, 11)",
}

# Constraints no row can break alone: PostgreSQL reports the one it checks first.
IMPLIED = {"uq_entity_id_kind": "pk_entity"}

# Foreign keys tested here besides CHECK/UNIQUE: the subtype rule "a person row belongs to a person entity".
EXTRA = {"fk_person_entity_id_kind_entity", "fk_organization_entity_id_kind_entity", "fk_place_entity_id_kind_entity"}


def seed(conn: Connection) -> dict[str, int]:
    for sql in SEED:
        conn.execute(text(sql))

    def one(sql: str) -> int:
        value: int = conn.execute(text(sql)).scalar_one()
        return value

    return {
        "run": one("SELECT id FROM ingest_run"),
        "source": one("SELECT id FROM source"),
        "article": one("SELECT id FROM article"),
        "person": one("SELECT id FROM entity WHERE kind = 'person'"),
        "org": one("SELECT id FROM entity WHERE kind = 'organization'"),
        "place": one("SELECT id FROM entity WHERE kind = 'place'"),
        "statement": one("SELECT id FROM statement WHERE speaker_entity_id IS NOT NULL"),
        "event": one("SELECT id FROM event"),
    }


@pytest.mark.parametrize("constraint", sorted(CASES))
def test_constraint_is_enforced(engine: Engine, constraint: str) -> None:
    with engine.begin() as conn:
        ids = seed(conn)
    statements = CASES[constraint].split("; ")
    with engine.connect() as conn:
        for sql in statements[:-1]:
            conn.execute(text(sql), ids)
        with pytest.raises(IntegrityError) as caught:
            conn.execute(text(statements[-1]), {k: v for k, v in ids.items() if f":{k}" in statements[-1]})
        conn.rollback()
    assert caught.value.orig is not None
    expected = IMPLIED.get(constraint, constraint)
    assert caught.value.orig.diag.constraint_name == expected  # type: ignore[attr-defined]


def test_the_seed_rows_are_valid(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = seed(conn)
    assert len(set(ids.values())) >= 3


def test_every_named_constraint_has_a_case(engine: Engine) -> None:
    with engine.connect() as conn:
        constraints = set(
            conn.execute(
                text(
                    "SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                    " AND contype IN ('c', 'u', 'x')"
                )
            ).scalars()
        )
        unique_indexes = set(
            conn.execute(
                text(
                    "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    " JOIN pg_class t ON t.oid = x.indrelid"
                    " WHERE t.relnamespace = 'public'::regnamespace AND x.indisunique AND NOT x.indisprimary"
                    " AND t.relname <> 'alembic_version'"
                    " AND t.relkind = 'r'"  # materialized views' unique indexes are refresh keys, not rules
                )
            ).scalars()
        )
    assert constraints | unique_indexes == set(CASES) - EXTRA
