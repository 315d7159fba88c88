"""The writer on a real PostgreSQL: identity, idempotence, sources, statements, events, span checks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text

from newsdb.ingest.article import Article, Credit
from newsdb.load.writer import SourceSpec, WriteError, WriteOutcome, stored_articles, write_articles
from tests.load.builders import PYONGYANG, RUSSIA, Facts

TABLES = (
    "article",
    "article_credit",
    "source",
    "entity",
    "person",
    "organization",
    "place",
    "entity_alias",
    "mention",
    "person_role",
    "statement",
    "statement_report",
    "event",
    "event_participant",
    "event_report",
)

LAVROV_BODY = (
    "(Moscow) Russian Foreign Minister Sergei Lavrov met his counterpart Choe Son Hui in Moscow on Friday. "
    "\u201cWe support our friends,\u201d Lavrov said, according to KCNA."
)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def lavrov_article(body: str = LAVROV_BODY, **kw: object) -> Facts:
    f = Facts(body, **kw)  # type: ignore[arg-type]
    f.entity("lavrov", "person", "Sergei Lavrov", "Lavrov")
    f.entity("choe", "person", "Choe Son Hui")
    f.entity("moscow", "place", "Moscow", place=None)
    f.entity("kcna", "organization", "KCNA")
    f.role("lavrov", "Foreign Minister")
    f.statement("We support our friends,", "lavrov", speaker_text="Lavrov", cue="say", cue_text="said", channel="kcna")
    f.event(
        "CONSULT",
        "met",
        ("lavrov", "actor"),
        ("choe", "recipient"),
        mode="meeting",
        place="moscow",
        on=date(2024, 9, 13),
        precision="day",
    )
    return f


def outcome(result: WriteOutcome | WriteError) -> WriteOutcome:
    assert isinstance(result, WriteOutcome), result
    return result


def test_writes_every_fact_once(engine: Engine) -> None:
    [result] = write_articles(engine, [lavrov_article().build()])
    added = outcome(result)
    assert added.status == "added" and added.article_id is not None
    assert counts(engine) == {
        "article": 1,
        "article_credit": 0,
        "source": 1,
        "entity": 4,
        "person": 2,
        "organization": 1,
        "place": 1,
        "entity_alias": 5,  # Sergei Lavrov, Lavrov, Choe Son Hui, Moscow, KCNA
        "mention": 5,
        "person_role": 1,
        "statement": 1,
        "statement_report": 1,
        "event": 1,
        "event_participant": 2,
        "event_report": 1,
    }
    with engine.connect() as conn:
        aliases = conn.execute(
            text(
                "SELECT e.name, a.alias, a.normalized, a.alias_kind, a.is_primary FROM entity_alias a"
                " JOIN entity e ON e.id = a.entity_id WHERE e.kind = 'person' ORDER BY a.id"
            )
        ).all()
        report = conn.execute(
            text(
                "SELECT s.quote, s.statement_type, e.name, r.cue_verb, r.speaker_text, c.name,"
                " substr(a.body, r.start_char + 1, r.end_char - r.start_char)"
                " FROM statement_report r JOIN statement s ON s.id = r.statement_id"
                " JOIN entity e ON e.id = s.speaker_entity_id JOIN entity c ON c.id = r.channel_entity_id"
                " JOIN article a ON a.id = r.article_id"
            )
        ).one()
        source = conn.execute(
            text("SELECT s.code, s.name, s.kind FROM article a JOIN source s ON s.id = a.source_id")
        ).one()
    assert aliases == [
        ("Sergei Lavrov", "Sergei Lavrov", "sergei lavrov", "name", True),
        ("Sergei Lavrov", "Lavrov", "lavrov", "short", False),
        ("Choe Son Hui", "Choe Son Hui", "choe son hui", "name", True),
    ]
    assert tuple(report) == (
        "We support our friends,",
        "direct",
        "Sergei Lavrov",
        "say",
        "Lavrov",
        "KCNA",
        "We support our friends,",
    )
    assert tuple(source) == ("test-site", "test-site", "publisher")


def test_rewriting_the_same_article_is_skipped_and_changes_nothing(engine: Engine) -> None:
    facts = lavrov_article().build()
    [first] = write_articles(engine, [facts])
    before = counts(engine)
    [again, in_batch] = write_articles(engine, [lavrov_article().build(), lavrov_article().build()])
    assert outcome(again).status == "skipped" and outcome(in_batch).status == "skipped"
    assert outcome(again).article_id == outcome(first).article_id
    assert counts(engine) == before
    other = Article(body="A story the archive does not hold.", origin="other")
    assert stored_articles(engine, [facts.article, other]) == [True, False]


def test_duplicates_inside_one_batch_write_once(engine: Engine) -> None:
    results = write_articles(engine, [lavrov_article().build(), lavrov_article().build()])
    assert [outcome(r).status for r in results] == ["added", "skipped"]
    assert counts(engine)["article"] == 1
    assert counts(engine)["statement_report"] == 1


def test_url_is_an_identity_too(engine: Engine) -> None:
    url = "https://example.org/lavrov"
    [first] = write_articles(engine, [lavrov_article(url=url).build()])
    edited = lavrov_article(LAVROV_BODY + " The talks lasted two hours.", url=url).build()
    [second] = write_articles(engine, [edited])
    assert outcome(second).status == "skipped"
    assert outcome(second).article_id == outcome(first).article_id
    assert counts(engine)["article"] == 1


def test_same_quote_in_two_articles_is_one_statement_with_two_reports(engine: Engine) -> None:
    other = (
        'Sergei Lavrov spoke to reporters. "We support  our friends", he said in Pyongyang, cited by Russian agencies.'
    )
    f2 = Facts(other, title="Another outlet", source_code="other-site")
    f2.entity("lavrov", "person", "Sergei Lavrov")
    f2.statement(
        "We support  our friends",
        "lavrov",
        speaker_text="he",
        cue="say",
        cue_text="said",
        channel_text="Russian agencies",
    )
    results = write_articles(engine, [lavrov_article().build(), f2.build()])
    assert [outcome(r).status for r in results] == ["added", "added"]
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.id, s.quote, a.title, r.speaker_text, r.channel_text FROM statement s"
                " JOIN statement_report r ON r.statement_id = s.id JOIN article a ON a.id = r.article_id ORDER BY r.id"
            )
        ).all()
    assert len({r[0] for r in rows}) == 1
    assert [tuple(r[1:]) for r in rows] == [
        ("We support our friends,", "A title", "Lavrov", None),
        ("We support our friends,", "Another outlet", "he", "Russian agencies"),
    ]


def test_same_words_from_another_speaker_or_type_are_another_statement(engine: Engine) -> None:
    body = "Choe Son Hui said: \u201cWe support our friends,\u201d and KCNA said we support our friends."
    f = Facts(body, title="Choe")
    f.entity("choe", "person", "Choe Son Hui")
    f.entity("kcna", "organization", "KCNA")
    f.statement("We support our friends,", "choe")
    f.statement("we support our friends", "kcna", type="indirect")
    write_articles(engine, [lavrov_article().build(), f.build()])
    assert counts(engine)["statement"] == 3
    assert counts(engine)["statement_report"] == 3


def test_unattributed_quotes_share_one_statement(engine: Engine) -> None:
    def unattributed(title: str) -> Facts:
        f = Facts(f"{title}: \u201cPeace is near.\u201d", title=title)
        f.statement("Peace is near.", None)
        return f

    write_articles(engine, [unattributed("One").build(), unattributed("Two").build()])
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT speaker_entity_id, count(*) FROM statement_report r JOIN statement s"
                " ON s.id = r.statement_id GROUP BY 1"
            )
        ).all()
    assert [tuple(r) for r in rows] == [(None, 2)]


def test_same_event_in_two_articles_is_one_event_with_two_reports(engine: Engine) -> None:
    body2 = "Choe Son Hui held talks with Sergei Lavrov in Moscow on September 13, the ministry said."
    f2 = Facts(body2, title="Second report", source_code="other-site")
    f2.entity("choe", "person", "Choe Son Hui")
    f2.entity("lavrov", "person", "Sergei Lavrov")
    f2.entity("moscow", "place", "Moscow")
    f2.event(
        "CONSULT",
        "talks",
        ("choe", "actor"),
        ("lavrov", "participant"),
        place="moscow",
        on=date(2024, 9, 1),
        precision="month",
    )
    # A meeting of the same people a month later is another event.
    body3 = "Sergei Lavrov met Choe Son Hui again in Moscow."
    f3 = Facts(body3, title="Third", published=None)
    f3.entity("choe", "person", "Choe Son Hui")
    f3.entity("lavrov", "person", "Sergei Lavrov")
    f3.event("CONSULT", "met", ("lavrov", "actor"), ("choe", "recipient"), on=date(2024, 10, 20), precision="day")
    results = write_articles(engine, [lavrov_article().build(), f2.build(), f3.build()])
    assert all(outcome(r).status == "added" for r in results)
    with engine.connect() as conn:
        events = conn.execute(
            text(
                "SELECT e.id, e.mode, e.occurred_on, e.date_precision, array_agg(r.trigger_text ORDER BY r.id)"
                " FROM event e JOIN event_report r ON r.event_id = e.id GROUP BY e.id ORDER BY e.id"
            )
        ).all()
        participants = conn.execute(
            text(
                "SELECT en.name, p.role FROM event_participant p JOIN entity en ON en.id = p.entity_id"
                " WHERE p.event_id = :id ORDER BY en.name, p.role"
            ),
            {"id": events[0][0]},
        ).all()
    assert [tuple(e[1:]) for e in events] == [
        ("meeting", date(2024, 9, 13), "day", ["met", "talks"]),
        (None, date(2024, 10, 20), "day", ["met"]),
    ]
    assert [tuple(p) for p in participants] == [
        ("Choe Son Hui", "actor"),
        ("Choe Son Hui", "recipient"),
        ("Sergei Lavrov", "actor"),
        ("Sergei Lavrov", "participant"),
    ]


def test_planned_and_other_type_events_stay_apart(engine: Engine) -> None:
    body = "Sergei Lavrov will meet Choe Son Hui in Moscow, and Russia denounced the sanctions."
    f = Facts(body, title="Plans")
    f.entity("lavrov", "person", "Sergei Lavrov")
    f.entity("choe", "person", "Choe Son Hui")
    f.entity("russia", "place", "Russia", place=RUSSIA)
    f.event("CONSULT", "meet", ("lavrov", "actor"), ("choe", "recipient"), context="future")
    f.event("ACCUSE", "denounced", ("russia", "actor"))
    write_articles(engine, [lavrov_article().build(), f.build()])
    assert counts(engine)["event"] == 3


def test_undated_events_merge_by_article_date_and_place(engine: Engine) -> None:
    def protest(title: str, day: int) -> Facts:
        from datetime import UTC, datetime

        f = Facts(
            f"Thousands protested in Pyongyang ({title}).", title=title, published=datetime(2024, 9, day, tzinfo=UTC)
        )
        f.entity("pyongyang", "place", "Pyongyang", place=PYONGYANG)
        f.event("PROTEST", "protested", place="pyongyang")
        return f

    write_articles(engine, [protest("a", 10).build(), protest("b", 12).build(), protest("c", 20).build()])
    with engine.connect() as conn:
        per_event = (
            conn.execute(text("SELECT count(*) FROM event_report GROUP BY event_id ORDER BY event_id")).scalars().all()
        )
    assert per_event == [2, 1]


def test_agency_credit_is_a_source_of_kind_agency(engine: Engine) -> None:
    body = LAVROV_BODY + "\n\nPHOTO AGENCY KCNA BY REUTERS"
    credit_line = "PHOTO AGENCY KCNA BY REUTERS"
    start = body.index(credit_line)
    credits = [
        Credit("agency", "KCNA", credit_line, start, start + len(credit_line)),
        Credit("agency", "Reuters", credit_line, start, start + len(credit_line)),
        Credit("author", "Jane Doe", "By Jane Doe"),
    ]
    [r] = write_articles(engine, [lavrov_article(body, credits=credits).build()])
    outcome(r)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.kind, c.name, s.code, s.kind, c.start_char FROM article_credit c"
                " LEFT JOIN source s ON s.id = c.source_id ORDER BY c.id"
            )
        ).all()
    assert [tuple(x) for x in rows] == [
        ("agency", "KCNA", "kcna", "agency", start),
        ("agency", "Reuters", "reuters", "agency", start),
        ("author", "Jane Doe", None, None, None),
    ]


def test_default_source_and_source_name(engine: Engine) -> None:
    no_source = Facts("Plain text one.", title="One", source_code=None)
    named = Facts("Plain text two.", title="Two", source_code=None, source_name="Yonhap News")
    write_articles(engine, [no_source.build(), named.build()], default_source=SourceSpec("my-feed", "My feed"))
    write_articles(engine, [Facts("Plain text three.", title="Three", source_code=None).build()])
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT a.title, s.code, s.name FROM article a LEFT JOIN source s ON s.id = a.source_id ORDER BY a.id")
        ).all()
    assert [tuple(r) for r in rows] == [
        ("One", "my-feed", "My feed"),
        ("Two", "yonhap-news", "Yonhap News"),
        ("Three", None, None),
    ]


def test_run_id_is_recorded(engine: Engine) -> None:
    with engine.begin() as conn:
        run_id = conn.execute(
            text("INSERT INTO ingest_run (command) VALUES ('newsdb load x') RETURNING id")
        ).scalar_one()
    [r] = write_articles(engine, [lavrov_article().build()], run_id=run_id)
    assert outcome(r).status == "added"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT ingest_run_id FROM article")).scalar_one() == run_id


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda f: setattr(f.mentions[0], "end", 10_000), "mention span 34-10000 is outside the body"),
        (lambda f: setattr(f.mentions[0], "text", "Sergey Lavrov"), "mention text 'Sergey Lavrov' does not match"),
        (lambda f: setattr(f.statements[0], "quote", "We support"), "statement text 'We support' does not match"),
        (lambda f: setattr(f.events[0], "start", -1), "event trigger 'met' span -1-"),
        (lambda f: setattr(f.roles[0], "end", f.roles[0].start), "role 'Foreign Minister' span"),
        (
            lambda f: setattr(f.statements[0], "speaker_text", "Lavrov said"),
            "speaker text 'Lavrov said' does not match",
        ),
    ],
)
def test_bad_spans_are_rejected_and_the_batch_goes_on(engine: Engine, spoil: object, message: str) -> None:
    bad = lavrov_article().build()
    spoil(bad)  # type: ignore[operator]
    good = Facts("Nothing to see here.", title="Fine").build()
    results = write_articles(engine, [bad, good])
    assert isinstance(results[0], WriteError)
    assert results[0].error_class == "bad-span"
    assert message in str(results[0])
    assert results[0].origin == "test.txt" and results[0].content_hash == bad.article.content_hash
    assert outcome(results[1]).status == "added"
    assert counts(engine)["article"] == 1


@pytest.mark.parametrize(
    ("spoil", "error_class", "message"),
    [
        (
            lambda f: setattr(f.mentions[0], "entity", "nobody"),
            "bad-fact",
            "a mention refers to unknown entity 'nobody'",
        ),
        (
            lambda f: setattr(f.roles[0], "person", "kcna"),
            "bad-fact",
            "a role refers to 'kcna', a organization, not a person",
        ),
        (lambda f: setattr(f.events[0], "type", "GOSSIP"), "bad-fact", "unknown event type 'GOSSIP'"),
        (lambda f: setattr(f.statements[0], "type", "rumour"), "bad-fact", "unknown statement type 'rumour'"),
        (lambda f: setattr(f.article, "source_code", "Bad Code!"), "bad-source", "source code 'bad code!' must be"),
        (lambda f: setattr(f.article, "language", "english please"), "bad-data", "language 'english please'"),
        (lambda f: setattr(f.article, "body", "  \n "), "empty", "the article has no text"),
    ],
)
def test_inconsistent_facts_are_rejected(engine: Engine, spoil: object, error_class: str, message: str) -> None:
    bad = lavrov_article().build()
    spoil(bad)  # type: ignore[operator]
    [result] = write_articles(engine, [bad])
    assert isinstance(result, WriteError)
    assert (result.error_class, str(result)[: len(message)]) == (error_class, message)
    assert counts(engine)["article"] == 0
    assert counts(engine)["entity"] == 0


def test_unknown_mode_is_dropped_not_fatal(engine: Engine) -> None:
    f = lavrov_article()
    f.facts.events[0].mode = "negotiation-round"
    [r] = write_articles(engine, [f.build()])
    outcome(r)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT event_type, mode FROM event")).one() == ("CONSULT", None)


def test_too_large_for_the_search_vector(engine: Engine) -> None:
    # 150,000 distinct long words in the title: the tsvector passes PostgreSQL's 1 MB limit.
    title = " ".join(f"w{i:06d}abcdefgh" for i in range(150_000))
    big = Facts("A short body.", title=title).build()
    [result, ok] = write_articles(engine, [big, Facts("Another body.", title="Small").build()])
    assert isinstance(result, WriteError)
    assert result.error_class == "too-large"
    assert "too long for tsvector" in str(result)
    assert outcome(ok).status == "added"


def test_body_over_the_writer_limit(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdb.load.writer.MAX_BODY_CHARS", 100)
    [result] = write_articles(engine, [Facts("x" * 101, title="Big").build()])
    assert isinstance(result, WriteError)
    assert (result.error_class, str(result)) == (
        "too-large",
        "the body has 101 characters; the writer stores at most 100",
    )


def test_nul_characters_are_bad_data(engine: Engine) -> None:
    [result] = write_articles(engine, [Facts("Text with a \x00 inside.", title="NUL").build()])
    assert isinstance(result, WriteError)
    assert (result.error_class, str(result)) == (
        "bad-data",
        "the body contains NUL characters, which PostgreSQL text cannot hold",
    )


def test_an_unindexable_url_is_too_large(engine: Engine) -> None:
    import secrets

    url = "https://example.org/" + secrets.token_hex(4000)  # incompressible, past the btree row limit
    [result] = write_articles(engine, [Facts("A body.", title="Long URL", url=url).build()])
    assert isinstance(result, WriteError)
    assert result.error_class == "too-large"
    assert "index row" in str(result) and "uq_article_url" in str(result)
