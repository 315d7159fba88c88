"""A small fixture archive, written through the real writer from hand-built facts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine

from newsdb.db.reporting import refresh_reporting
from newsdb.extract.facts import PlaceInfo
from newsdb.load.writer import WriteOutcome, write_articles
from tests.load.builders import Facts

A1 = (
    "Foreign Minister Sergei Lavrov met Kim Jong-un in Pyongyang on Friday. "
    "“We oppose this unconstructive line,” Lavrov said. Kim said ties were never stronger."
)
A2 = (
    "Kim Il-sung founded the state in 1948. In Moscow, Sergei Lavrov repeated: "
    "“We oppose this unconstructive line,” to reporters."
)
A3 = (
    "North Korea accused the United States of provocation after a nuclear submarine docked. "
    "A placard read '; drop table article; -- and stayed up for days."
)


def build_archive(engine: Engine) -> list[int]:
    """Write the three fixture articles; return their ids in order."""
    pyongyang = PlaceInfo("city", "KP", 39.03, 125.75, 1871859)
    moscow = PlaceInfo("city", "RU", 55.75, 37.62, 524901)
    a1 = (
        Facts(A1, title="Lavrov meets Kim", source_code="site-a", source_name="Site A",
              published=datetime(2024, 3, 1, 9, 0, tzinfo=UTC), origin="a1.txt")
        .entity("lavrov", "person", "Sergei Lavrov", "Lavrov", mention=False)
        .mention("lavrov", "Sergei Lavrov")
        .mention("lavrov", "Lavrov", nth=1)
        .entity("kim", "person", "Kim Jong-un", "Kim", mention=False)
        .mention("kim", "Kim Jong-un")
        .mention("kim", "Kim", nth=1)
        .entity("pyongyang", "place", "Pyongyang", place=pyongyang)
        .role("lavrov", "Foreign Minister")
        .statement("We oppose this unconstructive line", "lavrov", speaker_text="Lavrov", cue="say", cue_text="said")
        .statement("ties were never stronger", "kim", type="indirect", speaker_text="Kim", cue="say")
        .event("CONSULT", "met", ("lavrov", "actor"), ("kim", "participant"), mode="meeting", place="pyongyang",
               on=date(2024, 3, 1), precision="day")
    )  # fmt: skip
    a2 = (
        Facts(A2, title="Lavrov repeats", source_code="site-b", source_name="Site B",
              published=datetime(2024, 3, 15, 9, 0, tzinfo=UTC), origin="a2.txt")
        .entity("kim1", "person", "Kim Il-sung")
        .entity("lavrov", "person", "Sergei Lavrov")
        .entity("moscow", "place", "Moscow", place=moscow)
        .statement("We oppose this unconstructive line", "lavrov", speaker_text="Sergei Lavrov", cue="repeat")
    )  # fmt: skip
    a3 = (
        Facts(A3, title="Accusation over submarine", source_code="site-a", source_name="Site A",
              published=datetime(2024, 4, 2, 9, 0, tzinfo=UTC), origin="a3.txt")
        .entity("nk", "place", "North Korea", place=PlaceInfo("country", "KP"))
        .entity("us", "place", "United States", place=PlaceInfo("country", "US"))
        .event("ACCUSE", "accused", ("nk", "actor"), ("us", "recipient"), on=date(2024, 4, 2), precision="day")
    )  # fmt: skip
    outcomes = write_articles(engine, [a1.build(), a2.build(), a3.build()])
    ids = []
    for o in outcomes:
        assert isinstance(o, WriteOutcome) and o.article_id is not None, o
        ids.append(o.article_id)
    # "Kim" also names Kim Il-sung from here on: two people answer to it.
    more = Facts("Kim Il-sung, known as Kim, was the first leader.", title="History", source_code="site-b",
                 published=datetime(2024, 4, 10, tzinfo=UTC), origin="a4.txt")  # fmt: skip
    more.entity("kim1", "person", "Kim Il-sung", "Kim", mention=False).mention("kim1", "Kim Il-sung")
    (o4,) = write_articles(engine, [more.build()])
    assert isinstance(o4, WriteOutcome) and o4.article_id is not None
    ids.append(o4.article_id)
    refresh_reporting(engine)
    return ids
