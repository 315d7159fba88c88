from __future__ import annotations

import pytest

from newsdb.extract.doc import DocEntities, slugify
from newsdb.extract.facts import PlaceInfo

BODY = "Foreign Minister Sergei Lavrov met Kim Jong-un. Mr. Lavrov said Kim was happy. Russia agreed."


def _ents() -> DocEntities:
    ents = DocEntities(body=BODY)
    lavrov = ents.new_entity("person", "Sergei Lavrov")
    kim = ents.new_entity("person", "Kim Jong-un")
    russia = ents.new_entity("place", "Russia", place=PlaceInfo(place_type="country", country_code="RU"))
    ents.add_mention(lavrov, 17, 30)
    ents.add_mention(kim, 35, 46)
    ents.add_mention(lavrov, 48, 58)
    ents.add_mention(kim, 64, 67)
    ents.add_mention(russia, 79, 85)
    return ents


def test_keys_are_readable_and_unique() -> None:
    ents = DocEntities(body="x")
    assert ents.new_entity("person", "Kim Jong-un") == "person:kim-jong-un"
    assert ents.new_entity("person", "Kim Jong-un") == "person:kim-jong-un-2"
    assert ents.new_entity("organization", "Workers’ Party") == "organization:workers-party"
    assert slugify("Choe Son Hui") == "choe-son-hui"
    assert slugify("Ågård") == "agard"


def test_mention_text_is_the_body_span_and_duplicates_are_ignored() -> None:
    ents = _ents()
    assert [m.text for m in ents.mentions] == ["Sergei Lavrov", "Kim Jong-un", "Mr. Lavrov", "Kim", "Russia"]
    assert ents.add_mention("person:kim-jong-un", 64, 67) is None
    assert len(ents.mentions) == 5
    with pytest.raises(ValueError):
        ents.add_mention("person:kim-jong-un", 90, 200)
    with pytest.raises(KeyError):
        ents.add_mention("person:nobody", 0, 3)


def test_entity_at_prefers_exact_then_covering_then_longest() -> None:
    ents = _ents()
    ents.add_mention("person:sergei-lavrov", 0, 30)  # "Foreign Minister Sergei Lavrov"
    assert ents.entity_at(24, 30) == "person:sergei-lavrov"
    assert ents.entity_at(35, 38) == "person:kim-jong-un"
    assert ents.entity_at(79, 85) == "place:russia"
    assert ents.entity_at(46, 47) is None
    assert ents.mention_at(17, 30) is not None
    assert ents.mention_at(17, 30).text == "Sergei Lavrov"  # type: ignore[union-attr]


def test_persons_before_orders_by_last_mention() -> None:
    ents = _ents()
    assert ents.persons_before(0) == []
    assert ents.persons_before(47) == ["person:kim-jong-un", "person:sergei-lavrov"]
    assert ents.persons_before(60) == ["person:sergei-lavrov", "person:kim-jong-un"]
    assert ents.persons_before(66) == ["person:sergei-lavrov", "person:kim-jong-un"]  # "Kim" not ended yet
    assert ents.persons_before(len(BODY), limit=1) == ["person:kim-jong-un"]


def test_alias_and_rename() -> None:
    ents = _ents()
    ents.alias("person:sergei-lavrov", "Lavrov")
    ents.alias("person:sergei-lavrov", "Lavrov")
    ents.alias("person:sergei-lavrov", "Sergei  Lavrov")
    assert ents.get("person:sergei-lavrov").aliases == ["Lavrov"]
    ents.rename("person:sergei-lavrov", "Sergei Viktorovich Lavrov")
    assert ents.get("person:sergei-lavrov").name == "Sergei Viktorovich Lavrov"
    assert ents.get("person:sergei-lavrov").aliases == ["Lavrov", "Sergei Lavrov"]
