"""Roles from pre-modifiers and appositions, on the real model."""

from __future__ import annotations

import pytest

from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        (
            "Sergei Lavrov, Russia's foreign minister, arrived in Pyongyang.",
            [("Sergei Lavrov", "foreign minister", "Russia")],
        ),
        (
            "John Kirby, the spokesman for the National Security Council, said the talks failed.",
            [("John Kirby", "spokesman", "National Security Council")],
        ),
        (
            "Antony Blinken, the US Secretary of State, met Wang Yi.",
            [("Antony Blinken", "Secretary of State", "United States")],
        ),
        (
            "German Chancellor Olaf Scholz met French President Emmanuel Macron.",
            [("Olaf Scholz", "Chancellor", "Germany"), ("Emmanuel Macron", "President", "France")],
        ),
        ("Kim Jong-un met his sister Kim Yo-jong.", []),
        (
            "President-elect Donald Trump met President Barack Obama.",
            [("Donald Trump", "President-elect", None), ("Barack Obama", "President", None)],
        ),
    ],
)
def test_roles(extractor: Extractor, body: str, roles: list[tuple[str, str, str | None]]) -> None:
    facts = extractor.extract(Article(body=body, origin="test"))
    found = [
        (facts.entity(r.person).name, r.title, facts.entity(r.organization).name if r.organization else None)
        for r in facts.roles
    ]
    assert found == roles
    assert not any(e.name == "State" for e in facts.entities)
