"""Bad input: extraction finishes in bounded time and stores what it can."""

from __future__ import annotations

import pytest

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


def _check(facts: ArticleFacts) -> None:
    body = facts.article.body
    assert all(body[m.start : m.end] == m.text for m in facts.mentions)
    assert all(body[s.start : s.end] == s.quote for s in facts.statements)
    assert all(body[e.start : e.end] == e.trigger for e in facts.events)
    keys = {e.key for e in facts.entities}
    assert all(m.entity in keys for m in facts.mentions)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n  ",
        "word " * 5000,
        "“ “ “ Lavrov said “ he would ” ” come “ to Moscow " * 200,
        "NORTH KOREAN LEADER KIM JONG-UN MET RUSSIAN FOREIGN MINISTER SERGEI LAVROV IN PYONGYANG ON THURSDAY.",
        "Der russische Außenminister Sergej Lawrow traf am Donnerstag in Pjöngjang ein. "
        "Президент Владимир Путин посетит Северную Корею.",
        "<div class='x'><p>Sergei Lavrov met <b>Kim Jong-un</b> in Pyongyang.</p>&nbsp;&amp;</div>" * 50,
        "Mr. Mr. MM. Dr. Mrs. . . . ,,,, ''' \"\"\" --- ***",
        "Mike Pence spoke.\n\n"
        + "\n\n".join(
            f'"{"PENCE" if i % 2 else "SPEAKER " + chr(65 + i % 26) * 2}: We “will” win {i}.' for i in range(300)
        )
        + '"',
    ],
    ids=[
        "empty",
        "blank",
        "no-sentences",
        "unbalanced-quotes",
        "all-caps",
        "non-english",
        "markup",
        "junk",
        "transcript",
    ],
)
def test_hostile_text_finishes(extractor: Extractor, body: str) -> None:
    # how long these take is measured by benchmarks/hostile_inputs.py, not asserted here
    facts = extractor.extract(Article(body=body, origin="hostile"))
    _check(facts)


@pytest.mark.slow
def test_200k_word_article_finishes_with_correct_offsets(extractor: Extractor) -> None:
    paragraph = (
        "Foreign Minister Sergei Lavrov met North Korean leader Kim Jong-un in Pyongyang on Thursday. "
        "Mr. Lavrov said relations “have reached a new level”, according to KCNA.\n\n"
    )
    body = paragraph * (200_000 // len(paragraph.split()) + 1)
    assert len(body.split()) >= 200_000
    facts = extractor.extract(Article(body=body, origin="long"))
    _check(facts)
    lavrov = [m for m in facts.mentions if m.text == "Mr. Lavrov"]
    assert len(lavrov) == body.count("Mr. Lavrov")
    assert {facts.entity(m.entity).name for m in lavrov} == {"Sergei Lavrov"}
