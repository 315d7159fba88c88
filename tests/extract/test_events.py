"""Event rules on small texts, on the real model."""

from __future__ import annotations

from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


def _events(extractor: Extractor, body: str) -> list[tuple[object, ...]]:
    facts = extractor.extract(Article(body=body, origin="test"))

    def name(key: str | None) -> str | None:
        return None if key is None else facts.entity(key).name

    return [
        (ev.type, ev.trigger, ev.context, sorted((str(name(p.entity)), p.role) for p in ev.participants))
        for ev in facts.events
    ]


def test_negated_event_is_dropped(extractor: Extractor) -> None:
    assert _events(extractor, "Russia did not denounce the United States.") == []


def test_could_is_hypothetical(extractor: Extractor) -> None:
    assert _events(extractor, "Officials fear that Iran could supply Russia with drones.") == [
        ("AID", "supply", "hypothetical", [("Iran", "actor"), ("Russia", "recipient")])
    ]


def test_will_is_future(extractor: Extractor) -> None:
    assert _events(extractor, "Emmanuel Macron will visit Germany next month.") == [
        ("CONSULT", "visit", "future", [("Emmanuel Macron", "actor"), ("Germany", "recipient")])
    ]


def test_meet_needs_someone_met(extractor: Extractor) -> None:
    assert _events(extractor, "Moscow wants to help Cuba meet its energy needs.") == []


def test_subject_is_actor_and_object_recipient(extractor: Extractor) -> None:
    assert _events(extractor, "China condemned Japan on Monday.") == [
        ("ACCUSE", "condemned", "occurred", [("China", "actor"), ("Japan", "recipient")])
    ]


def test_headline_question_without_participants_is_not_an_event(extractor: Extractor) -> None:
    assert _events(extractor, "Deliveries in progress?") == []


def test_delivered_goods_are_not_recipients(extractor: Extractor) -> None:
    assert _events(extractor, "Barack Obama delivered speeches in Chicago.") == []
    assert _events(extractor, "Germany delivered tanks to Ukraine.") == [
        ("AID", "delivered", "occurred", [("Germany", "actor"), ("Ukraine", "recipient")])
    ]


def test_date_in_the_trigger_clause_only(extractor: Extractor) -> None:
    facts = extractor.extract(
        Article(body="Officials said on Monday that Mike Pence met Joe Biden on Thursday.", origin="test")
    )
    assert [(ev.trigger, ev.date_text) for ev in facts.events] == [("met", "Thursday")]


def test_place_of_a_physical_act_comes_from_its_object(extractor: Extractor) -> None:
    facts = extractor.extract(
        Article(
            body="The Taliban attacked a German consulate in Kabul. "
            "Clinton blamed her defeat in the US election on James Comey.",
            origin="t",
        )
    )
    places = [(ev.trigger, facts.entity(ev.place).name if ev.place else None) for ev in facts.events]
    assert places == [("attacked", "Kabul"), ("blamed", None)]
