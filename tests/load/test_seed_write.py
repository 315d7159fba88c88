"""The seed article, extracted by the real pipeline, written and written again."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.pipeline import Extractor
from newsdb.load.normalize import quote_hash
from newsdb.load.writer import WriteOutcome, write_articles
from tests.extract.conftest import SEED, seed_from_text


@pytest.fixture(scope="module")
def seed_facts() -> ArticleFacts:
    article = seed_from_text(SEED.read_text(encoding="utf-8"), str(SEED))
    return Extractor().extract(article)


def _table_counts(engine: Engine) -> dict[str, int]:
    tables = ("article", "entity", "entity_alias", "mention", "person_role", "statement", "statement_report")
    with engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
        counts["event_report"] = conn.execute(text("SELECT count(*) FROM event_report")).scalar_one()
    return counts


def test_seed_facts_land_exactly(engine: Engine, seed_facts: ArticleFacts) -> None:
    [result] = write_articles(engine, [seed_facts])
    assert isinstance(result, WriteOutcome) and result.status == "added", result
    f = seed_facts
    names = {n for e in f.entities for n in (e.name, *e.aliases)}
    counts = _table_counts(engine)
    # On an empty archive every in-document entity is a new entity (none share a gazetteer id or full name).
    assert counts["entity"] == len(f.entities)
    with engine.connect() as conn:
        name_aliases = conn.execute(
            text("SELECT count(*) FROM entity_alias WHERE alias_kind IN ('name', 'short', 'abbreviation')")
        ).scalar_one()
        other_aliases = conn.execute(
            text(
                "SELECT e.name, a.alias_kind, array_agg(a.alias ORDER BY a.normalized) FROM entity_alias a"
                " JOIN entity e ON e.id = a.entity_id WHERE a.alias_kind IN ('demonym', 'descriptor')"
                " GROUP BY e.name, a.alias_kind ORDER BY e.name"
            )
        ).all()
    assert name_aliases == len(names)
    assert [tuple(r) for r in other_aliases] == [
        ("North Korea", "demonym", ["North Korean"]),
        ("Russia", "demonym", ["Russian"]),
        ("Sergei Lavrov", "descriptor", ["The head of Russian diplomacy", "The official", "the Russian minister"]),
        ("South Korea", "demonym", ["South Korean"]),
        ("United States", "demonym", ["American", "Americans"]),
        ("Vladimir Putin", "descriptor", ["the Russian president"]),
    ]
    assert counts["mention"] == len({(m.start, m.end) for m in f.mentions})
    assert counts["person_role"] == len({(r.person, r.start, r.end) for r in f.roles})
    assert counts["statement"] == len({(s.speaker, s.type, quote_hash(s.quote)) for s in f.statements})
    assert counts["statement_report"] == len({(s.start, s.end) for s in f.statements})
    assert counts["event_report"] == len({(e.start, e.end) for e in f.events})
    with engine.connect() as conn:
        lavrov = conn.execute(
            text(
                "SELECT e.kind, array_agg(a.alias ORDER BY a.id) FROM entity e"
                " JOIN entity_alias a ON a.entity_id = e.id WHERE e.name = 'Sergei Lavrov'"
                " AND a.alias_kind IN ('name', 'short') GROUP BY e.id"
            )
        ).one()
        source = conn.execute(text("SELECT s.code FROM article a JOIN source s ON s.id = a.source_id")).scalar_one()
        # every stored span is the text it claims
        mismatches = conn.execute(
            text(
                "SELECT count(*) FROM mention m JOIN article a ON a.id = m.article_id"
                " WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface_text"
            )
        ).scalar_one()
    assert tuple(lavrov) == ("person", ["Sergei Lavrov", "Lavrov"])
    assert source == "site-59"
    assert mismatches == 0


def test_seed_written_twice_and_through_json_is_skipped(engine: Engine, seed_facts: ArticleFacts) -> None:
    write_articles(engine, [seed_facts])
    before = _table_counts(engine)
    round_trip = ArticleFacts.from_json(json.loads(json.dumps(seed_facts.to_json())))
    results = write_articles(engine, [seed_facts, round_trip])
    assert [r.status for r in results if isinstance(r, WriteOutcome)] == ["skipped", "skipped"]
    assert _table_counts(engine) == before


def test_seed_from_another_outlet_shares_entities_statements_and_events(
    engine: Engine, seed_facts: ArticleFacts
) -> None:
    write_articles(engine, [seed_facts])
    before = _table_counts(engine)
    # The same text republished elsewhere with a different title and a date: a new article, no new entities.
    copy = ArticleFacts.from_json(json.loads(json.dumps(seed_facts.to_json())))
    copy.article.title = "Lavrov in Pyongyang (republished)"
    copy.article.source_code = "other-outlet"
    copy.article.published_at = datetime(2024, 6, 14, tzinfo=UTC)
    [r] = write_articles(engine, [copy])
    assert isinstance(r, WriteOutcome) and r.status == "added", r
    after = _table_counts(engine)
    assert after["article"] == 2
    assert after["entity"] == before["entity"]
    assert after["entity_alias"] == before["entity_alias"]
    assert after["statement"] == before["statement"]
    assert after["statement_report"] == 2 * before["statement_report"]
    assert after["mention"] == 2 * before["mention"]
