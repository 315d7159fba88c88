"""The seed article on the real model: the done-when of the extraction issue, asserted exactly."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


def _name(facts: ArticleFacts, key: str | None) -> str | None:
    return None if key is None else facts.entity(key).name


def _mentions(facts: ArticleFacts, name: str) -> list[str]:
    key = next(e.key for e in facts.entities if e.name == name)
    return [m.text for m in facts.mentions if m.entity == key]


def test_persons(seed_facts: ArticleFacts) -> None:
    persons = {e.name: e.aliases for e in seed_facts.entities if e.kind == "person"}
    assert persons == {
        "Kim Jong-un": ["Kim"],
        "Sergei Lavrov": ["Lavrov"],
        "Vladimir Putin": ["Putin"],
        "Kim Il-sung": [],
        "Kim Jong-il": [],
        "Choe Son Hui": [],
        "John Kirby": [],
    }


def test_short_forms_and_descriptors_resolve_to_one_person(seed_facts: ArticleFacts) -> None:
    assert _mentions(seed_facts, "Kim Jong-un") == ["Kim Jong-un", "Kim", "MM. Kim"]
    assert _mentions(seed_facts, "Sergei Lavrov") == [
        "Sergei Lavrov",
        "Mr. Lavrov",
        "The head of Russian diplomacy",
        "the Russian minister",
        "him",  # "according to him": a pronoun speaker is a mention of whom it was resolved to
        "Mr. Lavrov",
        "Lavrov",
        "the Russian minister",
        "he",  # "he told Russian media"
        "The official",
        "he",
        "Mr. Lavrov",
        "Sergei Lavrov",
    ]
    assert _mentions(seed_facts, "Vladimir Putin") == ["Vladimir Putin", "Putin", "the Russian president"]
    assert _mentions(seed_facts, "Kim Il-sung") == ["Kim Il-sung"]
    assert _mentions(seed_facts, "Kim Jong-il") == ["Kim Jong-il"]


def test_every_mention_is_its_body_span(seed_facts: ArticleFacts) -> None:
    body = seed_facts.article.body
    assert all(body[m.start : m.end] == m.text for m in seed_facts.mentions)
    assert all(body[e.start : e.end] == e.trigger for e in seed_facts.events)
    assert all(body[r.start : r.end] in (r.title, r.title + "s") for r in seed_facts.roles)


def test_organizations(seed_facts: ArticleFacts) -> None:
    orgs = {e.name: _mentions(seed_facts, e.name) for e in seed_facts.entities if e.kind == "organization"}
    assert orgs == {
        "KCNA": ["KCNA", "KCNA", "KCNA"],
        "Workers' Party": ["Workers’ Party"],
        "US National Security Council": ["US National Security Council"],
        "Reuters": ["REUTERS"],
    }


def test_places_are_normalised(seed_facts: ArticleFacts) -> None:
    places = {
        e.name: (e.place.place_type, e.place.country_code, e.place.geonames_id)
        for e in seed_facts.entities
        if e.kind == "place" and e.place is not None
    }
    assert places == {
        "Russia": ("country", "RU", 2017370),
        "North Korea": ("country", "KP", 1873107),
        "Pyongyang": ("city", "KP", 1871859),
        "Moscow": ("city", "RU", 524901),
        "Seoul": ("city", "KR", 1835848),
        "Washington": ("city", "US", 4140963),
        "Japan": ("country", "JP", 1861060),
        "South Korea": ("country", "KR", 1835841),
        "Ukraine": ("country", "UA", 690791),
        "Beijing": ("city", "CN", 1816670),
        "United States": ("country", "US", 6252001),
        "Russian Far East": ("region", "RU", None),
    }
    assert len([e for e in seed_facts.entities if e.kind == "place"]) == 12


def test_mm_is_not_a_place_and_demonyms_are_country_mentions(seed_facts: ArticleFacts) -> None:
    assert not any(m.text == "MM" for m in seed_facts.mentions)
    assert _mentions(seed_facts, "North Korea") == [
        "North Korean",
        "North Korean",
        "DPRK",
        "North Korea",
        "North Korean",
        "North Korean",
        "North Korea",
        "North Korea",
        "North Korean",
        "North Korea",
        "North Korea",
    ]
    assert _mentions(seed_facts, "United States") == [
        "United States",
        "United States",
        "Americans",
        "United States",
        "US",
        "American",
        "United States",
    ]
    pyongyang = next(e for e in seed_facts.entities if e.name == "Pyongyang")
    assert pyongyang.place is not None
    assert (pyongyang.place.latitude, pyongyang.place.longitude) == (39.03385, 125.75432)


def test_roles(seed_facts: ArticleFacts) -> None:
    roles = [(_name(seed_facts, r.person), r.title, _name(seed_facts, r.organization)) for r in seed_facts.roles]
    assert roles == [
        ("Kim Jong-un", "leader", "North Korea"),
        ("Sergei Lavrov", "Foreign Minister", None),
        ("Vladimir Putin", "President", None),
        ("Choe Son Hui", "counterpart", "North Korea"),
        ("Kim Il-sung", "leader", "North Korea"),
        ("Kim Jong-il", "leader", "North Korea"),
        ("Sergei Lavrov", "Foreign Minister", "Russia"),
        ("John Kirby", "spokesman", "US National Security Council"),
    ]


def _event_rows(facts: ArticleFacts) -> list[tuple[object, ...]]:
    return [
        (
            ev.type,
            ev.trigger,
            ev.mode,
            ev.context,
            sorted((str(_name(facts, p.entity)), p.role) for p in ev.participants),
            _name(facts, ev.place),
            ev.date_text,
        )
        for ev in facts.events
    ]


def test_events(seed_facts: ArticleFacts) -> None:
    kim, lavrov, putin = "Kim Jong-un", "Sergei Lavrov", "Vladimir Putin"
    assert _event_rows(seed_facts) == [
        ("CONSULT", "meeting", "meeting", "occurred", [(kim, "actor"), (lavrov, "participant")], None, None),
        ("CONSULT", "visit", "visit", "occurred", [(lavrov, "actor")], "North Korea", None),
        ("CONSULT", "trip", "trip", "future", [(putin, "actor")], None, None),
        ("ASSAULT", "war", None, "occurred", [("Russia", "actor"), ("Ukraine", "recipient")], "Ukraine", None),
        (
            "ACCUSE",
            "denounced",
            None,
            "occurred",
            [(lavrov, "actor"), ("United States", "recipient")],
            None,
            "Thursday",
        ),
        ("MOBILIZE", "tests", "weapons-test", "occurred", [("Pyongyang", "actor")], None, "this year"),
        (
            "COOPERATE",
            "strengthen",
            None,
            "occurred",
            [("Seoul", "actor"), ("United States", "participant")],
            None,
            None,
        ),
        ("AGREE", "agreement", "agreement", "occurred", [("Seoul", "actor")], None, None),
        (
            "MOBILIZE",
            "exercises",
            "military-exercise",
            "occurred",
            [("Seoul", "actor"), ("Washington", "actor")],
            None,
            None,
        ),
        ("MOBILIZE", "called", "deployment", "occurred", [("United States", "actor")], "South Korea", "July"),
        ("MOBILIZE", "stationed", "deployment", "occurred", [("United States", "actor")], "Seoul", None),
        ("MOBILIZE", "exercises", "military-exercise", "future", [], None, "this weekend"),
        (
            "CONSULT",
            "meeting",
            "summit",
            "occurred",
            [(kim, "participant"), (putin, "participant")],
            "Russian Far East",
            "mid-September",
        ),
        ("AID", "help", None, "future", [("Moscow", "actor"), ("North Korea", "recipient")], None, None),
        ("CONSULT", "meeting", "meeting", "future", [], None, "November"),
        ("CONSULT", "trip", "trip", "occurred", [], "Beijing", None),
        ("SUPPORT", "support", None, "occurred", [("Pyongyang", "actor"), ("Russia", "recipient")], None, None),
        (
            "AID",
            "supply",
            "military-aid",
            "hypothetical",
            [("Moscow", "recipient"), ("Pyongyang", "actor")],
            None,
            None,
        ),
        (
            "AID",
            "delivered",
            "military-aid",
            "occurred",
            [("North Korea", "actor"), ("Russia", "recipient")],
            None,
            "recent weeks",
        ),
        ("ACCUSE", "denounced", None, "occurred", [("Moscow", "actor")], None, "this week"),
    ]


def test_event_summary_is_the_sentence(seed_facts: ArticleFacts) -> None:
    summit = next(ev for ev in seed_facts.events if ev.mode == "summit")
    assert summit.summary == (
        "A meeting in mid-September in the Russian Far East between MM. Kim and Putin "
        "helped strengthen relations between Moscow and Pyongyang, Lavrov noted."
    )


def test_without_publication_date_dates_stay_text(seed_facts: ArticleFacts) -> None:
    if seed_facts.article.published_at is not None:
        pytest.skip("the seed parser now knows the publication date")
    assert all(ev.date is None and ev.date_precision is None for ev in seed_facts.events)


def test_dates_normalised_against_publication_day(extractor: Extractor, seed_article: Article) -> None:
    # Lavrov's visit to Pyongyang ended on Thursday 19 October 2023.
    published = datetime(2023, 10, 19, 9, 30, tzinfo=UTC)
    facts = extractor.extract(dataclasses.replace(seed_article, published_at=published))
    dated = [(ev.trigger, ev.date_text, ev.date, ev.date_precision) for ev in facts.events if ev.date_text]
    assert dated == [
        ("denounced", "Thursday", date(2023, 10, 19), "day"),
        ("tests", "this year", date(2023, 1, 1), "year"),
        ("called", "July", date(2023, 7, 1), "month"),
        ("exercises", "this weekend", date(2023, 10, 21), "week"),
        ("meeting", "mid-September", date(2023, 9, 1), "month"),
        ("meeting", "November", date(2023, 11, 1), "month"),
        ("delivered", "recent weeks", None, None),
        ("denounced", "this week", date(2023, 10, 16), "week"),
    ]


def test_facts_round_trip_through_json(seed_facts: ArticleFacts) -> None:
    again = ArticleFacts.from_json(seed_facts.to_json())
    assert again.entities == seed_facts.entities
    assert again.mentions == seed_facts.mentions
    assert again.roles == seed_facts.roles
    assert again.events == seed_facts.events
