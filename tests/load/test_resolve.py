"""Entity resolution across the archive: link only when unambiguous."""

from __future__ import annotations

from sqlalchemy import Engine, text

from newsdb.extract.facts import PlaceInfo
from newsdb.load.normalize import normalize_name, normalize_quote, quote_hash, source_code
from newsdb.load.writer import WriteOutcome, write_articles
from tests.load.builders import NORTH_KOREA, PYONGYANG, RUSSIA, Facts


def write(engine: Engine, *facts: Facts) -> None:
    results = write_articles(engine, [f.build() for f in facts])
    assert all(isinstance(r, WriteOutcome) and r.status == "added" for r in results), results


def entity_of(engine: Engine, title: str, surface: str) -> int:
    """The entity id a mention with this surface text in the article with this title points to."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT m.entity_id FROM mention m JOIN article a ON a.id = m.article_id"
                " WHERE a.title = :t AND m.surface_text = :s"
            ),
            {"t": title, "s": surface},
        ).scalar_one()


def names(engine: Engine, kind: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT name FROM entity WHERE kind = :k ORDER BY id"), {"k": kind}).scalars())


def aliases(engine: Engine, entity_id: int) -> list[tuple[str, str, bool]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT alias, alias_kind, is_primary FROM entity_alias WHERE entity_id = :e ORDER BY id"),
            {"e": entity_id},
        )
        return [tuple(r) for r in rows]


def kims() -> tuple[Facts, Facts]:
    a = Facts("Kim Jong-un inspected a factory. Kim praised the workers.", title="Kim Jong-un")
    a.entity("kju", "person", "Kim Jong-un", "Kim")
    a.mention("kju", "Kim", 1)
    b = Facts("Kim Il-sung founded the state.", title="Kim Il-sung")
    b.entity("kis", "person", "Kim Il-sung")
    return a, b


def test_a_bare_surname_shared_by_two_people_links_to_neither(engine: Engine) -> None:
    a, b = kims()
    c = Facts("Kim said the harvest was good.", title="Bare Kim")
    c.entity("kim", "person", "Kim")
    write(engine, a, b, c)
    bare = entity_of(engine, "Bare Kim", "Kim")
    assert bare not in {
        entity_of(engine, "Kim Jong-un", "Kim Jong-un"),
        entity_of(engine, "Kim Il-sung", "Kim Il-sung"),
    }
    assert names(engine, "person") == ["Kim Jong-un", "Kim Il-sung", "Kim"]
    assert aliases(engine, bare) == [("Kim", "short", True)]


def test_two_bare_surnames_never_link_to_each_other(engine: Engine) -> None:
    one = Facts("Kim spoke first.", title="One")
    one.entity("kim", "person", "Kim")
    two = Facts("Kim spoke again.", title="Two")
    two.entity("kim", "person", "Kim")
    write(engine, one, two)
    assert entity_of(engine, "One", "Kim") != entity_of(engine, "Two", "Kim")


def test_a_full_name_links_to_the_stored_person(engine: Engine) -> None:
    first = Facts("Russian Foreign Minister Sergei Lavrov arrived. Lavrov smiled.", title="First")
    first.entity("l", "person", "Sergei Lavrov", "Lavrov")
    second = Facts("Sergéi Lavrov met Mr. Lavrov's hosts. Mr. Lavrov left.", title="Second")
    second.entity("l", "person", "Sergéi Lavrov", "Mr. Lavrov")
    write(engine, first, second)
    lavrov = entity_of(engine, "First", "Sergei Lavrov")
    assert entity_of(engine, "Second", "Sergéi Lavrov") == lavrov
    assert names(engine, "person") == ["Sergei Lavrov"]
    # every name form seen is an alias; "Mr. Lavrov" normalizes like "Lavrov", so it adds nothing new
    assert aliases(engine, lavrov) == [("Sergei Lavrov", "name", True), ("Lavrov", "short", False)]


def test_a_bare_surname_of_exactly_one_known_person_links_to_that_person(engine: Engine) -> None:
    first = Facts("Sergei Lavrov arrived.", title="First")
    first.entity("l", "person", "Sergei Lavrov")
    second = Facts("Lavrov said nothing.", title="Second")
    second.entity("l", "person", "Lavrov")
    write(engine, first, second)
    assert entity_of(engine, "Second", "Lavrov") == entity_of(engine, "First", "Sergei Lavrov")
    assert aliases(engine, entity_of(engine, "First", "Sergei Lavrov")) == [
        ("Sergei Lavrov", "name", True),
        ("Lavrov", "short", False),
    ]


def test_a_bare_name_does_not_link_to_another_bare_name(engine: Engine) -> None:
    first = Facts("Lavrov arrived.", title="First")
    first.entity("l", "person", "Lavrov")
    second = Facts("Lavrov left.", title="Second")
    second.entity("l", "person", "Lavrov")
    write(engine, first, second)
    assert entity_of(engine, "First", "Lavrov") != entity_of(engine, "Second", "Lavrov")


def test_people_who_share_a_surname_are_never_merged(engine: Engine) -> None:
    a, b = kims()
    c = Facts("Kim Yo-jong issued a statement.", title="Kim Yo-jong")
    c.entity("kyj", "person", "Kim Yo-jong")
    write(engine, a, b, c)
    assert names(engine, "person") == ["Kim Jong-un", "Kim Il-sung", "Kim Yo-jong"]


def test_hyphen_and_spacing_variants_of_a_full_name_link(engine: Engine) -> None:
    a, _ = kims()
    d = Facts("Kim Jong Un watched the launch.", title="Variant")
    d.entity("kju", "person", "Kim Jong Un")
    write(engine, a, d)
    assert entity_of(engine, "Variant", "Kim Jong Un") == entity_of(engine, "Kim Jong-un", "Kim Jong-un")


def test_another_full_name_of_a_linked_person_becomes_its_alias(engine: Engine) -> None:
    one = Facts("John Smith, the banker, spoke.", title="One")
    one.entity("js", "person", "John Smith")
    two = Facts("John Smith, the footballer, scored.", title="Two")
    two.entity("js", "person", "John Smith", "Johnny Smith")
    three = Facts("Johnny Smith scored again.", title="Three")
    three.entity("js", "person", "Johnny Smith")
    # Two and One share "John Smith", so Two links to One; "Johnny Smith" becomes an alias of it.
    write(engine, one, two, three)
    assert entity_of(engine, "Two", "John Smith") == entity_of(engine, "One", "John Smith")
    assert entity_of(engine, "Three", "Johnny Smith") == entity_of(engine, "One", "John Smith")


def test_a_full_name_held_by_two_stored_people_is_ambiguous(engine: Engine) -> None:
    # Two John Smiths told apart by hand (disambiguation): a third bare "John Smith" cannot choose.
    stored = []
    with engine.begin() as conn:
        for what in ("the banker", "the footballer"):
            eid = conn.execute(
                text(
                    "INSERT INTO entity (kind, name, disambiguation) VALUES ('person', 'John Smith', :d) RETURNING id"
                ),
                {"d": what},
            ).scalar_one()
            stored.append(eid)
            conn.execute(text("INSERT INTO person (entity_id) VALUES (:e)"), {"e": eid})
            conn.execute(
                text(
                    "INSERT INTO entity_alias (entity_id, alias, normalized, is_primary)"
                    " VALUES (:e, 'John Smith', 'john smith', true)"
                ),
                {"e": eid},
            )
    f = Facts("John Smith spoke.", title="Third")
    f.entity("js", "person", "John Smith")
    write(engine, f)
    assert entity_of(engine, "Third", "John Smith") not in stored
    assert names(engine, "person") == ["John Smith"] * 3


def test_inconsistent_full_names_do_not_link(engine: Engine) -> None:
    a, b = kims()
    # An extraction that glued two people together: its other full name belongs to someone else.
    c = Facts("Kim Jong-un, also Kim Il-sung, spoke.", title="Glued")
    c.entity("x", "person", "Kim Jong-un", "Kim Il-sung")
    write(engine, a, b, c)
    glued = entity_of(engine, "Glued", "Kim Jong-un")
    assert glued not in {
        entity_of(engine, "Kim Jong-un", "Kim Jong-un"),
        entity_of(engine, "Kim Il-sung", "Kim Il-sung"),
    }


def test_kinds_never_link_across(engine: Engine) -> None:
    org = Facts("Lavrov Ltd sold shares.", title="Org")
    org.entity("o", "organization", "Lavrov Ltd")
    person = Facts("Lavrov Ltd is also a person's name in this test.", title="Person")
    person.entity("p", "person", "Lavrov Ltd")
    write(engine, org, person)
    assert entity_of(engine, "Org", "Lavrov Ltd") != entity_of(engine, "Person", "Lavrov Ltd")


def test_places_link_by_gazetteer_id_and_country_code(engine: Engine) -> None:
    first = Facts("Russia and North Korea met in Pyongyang.", title="First")
    first.entity("ru", "place", "Russia", place=RUSSIA)
    first.entity("kp", "place", "North Korea", place=NORTH_KOREA)
    first.entity("pyo", "place", "Pyongyang", place=PYONGYANG)
    second = Facts("The Russian Federation, the DPRK and P'yongyang.", title="Second")
    second.entity("ru", "place", "Russian Federation", place=PlaceInfo("country", "ru"))  # code only
    second.entity("kp", "place", "DPRK", place=NORTH_KOREA)
    second.entity("pyo", "place", "P'yongyang", place=PlaceInfo("city", "KP", geonames_id=1871859))
    write(engine, first, second)
    for a, b in [("Russia", "Russian Federation"), ("North Korea", "DPRK"), ("Pyongyang", "P'yongyang")]:
        assert entity_of(engine, "First", a) == entity_of(engine, "Second", b)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT e.name, p.place_type, p.country_code, p.geonames_id FROM place p JOIN entity e"
                " ON e.id = p.entity_id ORDER BY e.id"
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("Russia", "country", "RU", 2017370),
        ("North Korea", "country", "KP", 1873107),
        ("Pyongyang", "city", "KP", 1871859),
    ]
    assert aliases(engine, entity_of(engine, "First", "Russia")) == [
        ("Russia", "name", True),
        ("Russian Federation", "name", False),
    ]


def test_same_name_places_in_different_countries_stay_apart(engine: Engine) -> None:
    us = Facts("Moscow, Idaho, is a college town.", title="Idaho")
    us.entity("m", "place", "Moscow", place=PlaceInfo("city", "US", geonames_id=5601538))
    ru = Facts("Moscow is the Russian capital.", title="Russia")
    ru.entity("m", "place", "Moscow", place=PlaceInfo("city", "RU", geonames_id=524901))
    plain = Facts("Moscow said no.", title="Plain")
    plain.entity("m", "place", "Moscow")  # no gazetteer data: two candidates, so no link
    write(engine, us, ru, plain)
    ids = {entity_of(engine, t, "Moscow") for t in ("Idaho", "Russia", "Plain")}
    assert len(ids) == 3


def test_organizations_link_by_name_and_record_abbreviations(engine: Engine) -> None:
    one = Facts("The Korean Central News Agency (KCNA) reported.", title="One")
    one.entity("k", "organization", "Korean Central News Agency", "KCNA")
    two = Facts("KCNA reported again.", title="Two")
    two.entity("k", "organization", "KCNA")
    write(engine, one, two)
    kcna = entity_of(engine, "One", "Korean Central News Agency")
    assert entity_of(engine, "Two", "KCNA") == kcna
    assert aliases(engine, kcna) == [("Korean Central News Agency", "name", True), ("KCNA", "abbreviation", False)]


def test_normalization() -> None:
    assert normalize_name("  Mr.  Sergéi   LAVROV ") == "sergei lavrov"
    assert normalize_name("Kim Jong-un") == normalize_name("Kim Jong Un") == "kim jong un"
    assert normalize_name("the Kremlin") == "kremlin"
    assert normalize_name("U.S.") == "us"
    assert normalize_name("O\u2019Brien") == "obrien"
    assert normalize_name("Dr") == "dr"  # a lone honorific is kept: there is nothing else
    assert normalize_name("—") == ""
    assert normalize_quote("\u201cWe support  our friends,\u201d") == "we support our friends"
    assert normalize_quote("\u00abWe [\u2026] win\u00bb") == normalize_quote('"We ... win"') == "we ... win"
    assert quote_hash("Peace is near.") == quote_hash("\u201cpeace is near\u201d")
    assert source_code("Yonhap News") == "yonhap-news"


def test_descriptors_and_demonyms_are_recorded_but_never_link(engine: Engine) -> None:
    first = Facts("Sergei Lavrov, the minister, spoke of Russian goals.", title="First")
    first.entity("l", "person", "Sergei Lavrov")
    first.mention("l", "the minister")
    first.entity("ru", "place", "Russia", place=RUSSIA, mention=False)
    first.mention("ru", "Russian")
    second = Facts("Minister said hello.", title="Second")
    second.entity("m", "person", "Minister")  # an extraction mistake: a bare title as a name
    write(engine, first, second)
    lavrov = entity_of(engine, "First", "Sergei Lavrov")
    assert aliases(engine, lavrov) == [("Sergei Lavrov", "name", True), ("the minister", "descriptor", False)]
    assert aliases(engine, entity_of(engine, "First", "Russian")) == [
        ("Russia", "name", True),
        ("Russian", "demonym", False),
    ]
    assert entity_of(engine, "Second", "Minister") != lavrov


def test_a_linked_place_gains_the_gazetteer_id_it_lacked(engine: Engine) -> None:
    plain = Facts("Pyongyang said nothing.", title="Plain")
    plain.entity("p", "place", "Pyongyang")  # no gazetteer data
    gazetteer = Facts("Pyongyang said more.", title="Gazetteer")
    gazetteer.entity("p", "place", "Pyongyang", place=PYONGYANG)
    by_id = Facts("P'yongyang, again.", title="By id")
    by_id.entity("p", "place", "P'yongyang", place=PlaceInfo("city", None, geonames_id=PYONGYANG.geonames_id))
    write(engine, plain, gazetteer, by_id)
    pyongyang = entity_of(engine, "Plain", "Pyongyang")
    assert entity_of(engine, "Gazetteer", "Pyongyang") == pyongyang
    assert entity_of(engine, "By id", "P'yongyang") == pyongyang
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT place_type, country_code, geonames_id FROM place WHERE entity_id = :e"), {"e": pyongyang}
        ).one()
    assert tuple(row) == ("other", "KP", PYONGYANG.geonames_id)


def test_a_person_named_by_a_surname_with_a_full_alias_is_looked_up_by_the_full_name(engine: Engine) -> None:
    a, b = kims()
    odd = Facts("Kim, that is Kim Il-sung, was remembered.", title="Odd")
    odd.entity("k", "person", "Kim", "Kim Il-sung")  # canonical name should be the full one; cope anyway
    write(engine, a, b, odd)
    assert entity_of(engine, "Odd", "Kim") == entity_of(engine, "Kim Il-sung", "Kim Il-sung")
