"""Statements: the seed article's quotations exactly, quotation marks, and hostile text."""

from __future__ import annotations

import pytest

from newsdb.extract.entities import find_entities
from newsdb.extract.facts import ArticleFacts, Statement
from newsdb.extract.pipeline import Extractor
from newsdb.extract.quotes import find_quotes, reading_text
from newsdb.extract.speakers import SpeakerResolver
from newsdb.extract.statements import _unlink_crossed
from newsdb.ingest.article import Article

Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None]

KIM = "person:kim-jong-un"
LAVROV = "person:sergei-lavrov"
KIRBY = "person:john-kirby"
AGENCIES = "Russian agencies"

# (type, quote, speaker, speaker_text, cue, channel, channel_text), in text order
SEED_STATEMENTS: list[Row] = [
    (
        "indirect",
        "he wants to build a “forward-looking” relationship with Russia during his meeting with"
        " Foreign Minister Sergei Lavrov",
        KIM, "North Korean leader Kim Jong-un", "say", "place:pyongyang", "Pyongyang",
    ),
    ("partial", "forward-looking", KIM, "North Korean leader Kim Jong-un", "say", "place:pyongyang", "Pyongyang"),
    (
        "indirect",
        "the goal of the ruling Workers’ Party and government is “to develop a stable, forward-looking and"
        " far-reaching plan for DPRK relations.”",
        KIM, "Kim", "say", "organization:kcna", "KCNA",
    ),
    (
        "partial",
        "to develop a stable, forward-looking and far-reaching plan for DPRK relations.",
        KIM, "Kim", "say", "organization:kcna", "KCNA",
    ),
    ("partial", "dangerous", LAVROV, "The head of Russian diplomacy", "denounce", None, None),
    (
        "direct",
        "Like our North Korean friends, we are terribly concerned by the intensification of military activities"
        " of the United States, Japan and South Korea in the region, and by the policies of Washington",
        LAVROV, "the Russian minister", "declare", None, AGENCIES,
    ),
    (
        "indirect",
        "the Americans are setting up “strategic infrastructures, including nuclear elements”",
        LAVROV, "him", "according to", None, None,
    ),
    ("partial", "strategic infrastructures, including nuclear elements", LAVROV, "him", "according to", None, None),
    ("direct", "We oppose this unconstructive and dangerous line", LAVROV, "Mr. Lavrov", "add", None, None),
    (
        "indirect",
        "An American B-52 bomber capable of carrying a nuclear warhead is currently stationed about 100 kilometers"
        " south of Seoul in preparation for trilateral exercises planned for this weekend",
        None, "South Korean media", "according to", None, None,
    ),
    (
        "indirect",
        "A meeting in mid-September in the Russian Far East between MM. Kim and Putin helped strengthen relations"
        " between Moscow and Pyongyang",
        LAVROV, "Lavrov", "note", None, None,
    ),
    (
        "direct",
        "After this historic summit […] we can say with confidence that relations",
        LAVROV, "the Russian minister", "welcome", None, AGENCIES,
    ),
    (
        "partial",
        "have reached a qualitatively new and strategic level",
        LAVROV, "the Russian minister", "welcome", None, AGENCIES,
    ),
    ("indirect", "Moscow also wants to help North Korea meet its energy needs", LAVROV, "he", "tell", None, None),
    ("partial", "geological exploration", LAVROV, "The official", "speak", None, None),
    ("partial", "for the supply of energy resources and other goods", LAVROV, "The official", "speak", None, None),
    (
        "indirect",
        "These two energy issues will be discussed at a joint meeting scheduled for November",
        LAVROV, "he", "add", None, None,
    ),
    (
        "indirect",
        "deliveries were already underway, with more than 1,000 containers of military equipment and munitions"
        " delivered to Russia from North Korea in recent weeks",
        "place:united-states", "the United States", "say", None, None,
    ),
    (
        "indirect",
        "In exchange, Pyongyang seeks to obtain Russian military equipment and “sophisticated technologies,”",
        KIRBY, "US National Security Council spokesman John Kirby", "tell", None, None,
    ),
    (
        "partial",
        "sophisticated technologies",
        KIRBY, "US National Security Council spokesman John Kirby", "tell", None, None,
    ),
    ("indirect", "Washington had no proof", "place:moscow", "Moscow", "insist", None, None),
]  # fmt: skip


def _row(s: Statement) -> Row:
    return (s.type, s.quote, s.speaker, s.speaker_text, s.cue, s.channel, s.channel_text)


@pytest.fixture(scope="module")
def seed_statements(extractor: Extractor, seed_article: Article) -> list[Statement]:
    facts: ArticleFacts = extractor.extract(seed_article)
    return facts.statements


def _extract(extractor: Extractor, body: str) -> list[Statement]:
    return extractor.extract(Article(body=body, origin="test")).statements


# -- the seed article -------------------------------------------------------------


@pytest.mark.slow
def test_seed_statements_exactly(seed_statements: list[Statement]) -> None:
    assert [_row(s) for s in seed_statements] == SEED_STATEMENTS


@pytest.mark.slow
def test_seed_spans_index_the_body(seed_statements: list[Statement], seed_article: Article) -> None:
    body = seed_article.body
    for s in seed_statements:
        assert body[s.start : s.end] == s.quote
        if s.speaker_start is not None and s.speaker_end is not None:
            assert body[s.speaker_start : s.speaker_end] == s.speaker_text
    cues = [body[s.cue_start or 0 : s.cue_end or 0] for s in seed_statements]
    assert cues == [
        "said", "said", "said", "said", "denounced", "declared", "According to", "According to", "added",
        "according to", "noted", "welcomed", "welcomed", "told", "spoke", "spoke", "added", "said", "told",
        "told", "insisting",
    ]  # fmt: skip


@pytest.mark.slow
def test_seed_cue_spans(seed_statements: list[Statement], seed_article: Article) -> None:
    body = seed_article.body
    by_quote = {s.quote: s for s in seed_statements}
    added = by_quote["We oppose this unconstructive and dangerous line"]
    assert (added.start, added.end) == (1190, 1238)
    assert (added.cue_start, added.cue_end) == (1241, 1246)
    assert body[added.speaker_start or 0 : added.speaker_end or 0] == "Mr. Lavrov"
    kirby = by_quote["sophisticated technologies"]
    assert (kirby.start, kirby.end, kirby.cue_start, kirby.cue_end) == (3483, 3509, 3562, 3566)


# -- behaviour on small texts --------------------------------------------------------


@pytest.mark.slow
def test_a_title_in_quotation_marks_is_not_a_statement(extractor: Extractor) -> None:
    assert _extract(extractor, "The film “The Interview” was released in 2014.") == []


@pytest.mark.slow
def test_an_ambiguous_pronoun_is_not_resolved(extractor: Extractor) -> None:
    # "Robin" and "Jordan" are given to boys and girls alike (first names that tell: see below)
    [statement] = _extract(extractor, "Robin Smith met Jordan Jones on Monday. “We will win this election,” he said.")
    assert (statement.type, statement.quote, statement.speaker, statement.speaker_text, statement.cue) == (
        "direct",
        "We will win this election",
        None,
        "he",
        "say",
    )


@pytest.mark.slow
def test_quotations_continue_with_their_speaker(extractor: Extractor) -> None:
    body = (
        "“We will fight on,” said Senator John Smith. “Nobody will stop us.”\n\n"
        "“Our campaign is strong and growing every day.”"
    )
    rows = [(s.type, s.quote, s.speaker, s.cue) for s in _extract(extractor, body)]
    assert rows == [
        ("direct", "We will fight on", "person:john-smith", "say"),
        ("direct", "Nobody will stop us.", "person:john-smith", "say"),
        ("direct", "Our campaign is strong and growing every day.", "person:john-smith", "say"),
    ]


@pytest.mark.slow
def test_a_quotation_that_never_closes_is_not_attributed(extractor: Extractor) -> None:
    assert _extract(extractor, "“This quote never closes, said Smith.") == []


@pytest.mark.slow
def test_hostile_text_is_linear(extractor: Extractor) -> None:
    body = ("“Unbalanced ” marks “ everywhere, said Smith. " * 400).strip()
    statements = _extract(extractor, body)  # timed by benchmarks/hostile_inputs.py
    for s in statements:
        assert body[s.start : s.end] == s.quote


# -- quotation marks (no model) --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('He said "no way" and left.', ["no way"]),
        ("“First paragraph.\n\n“Second paragraph,” he said.", ["First paragraph.\n\n“Second paragraph,"]),
        ("“Never closed.\n\nA new paragraph. “Closed”", ["Closed"]),
        ("the players’ union said ‘we will strike’ today", ["we will strike"]),
        ("It’s ‘in their heads.’ ok", ["in their heads."]),
        ("the ‘90s were ‘fun’", ["fun"]),
        ("«Il a dit “oui” hier»", ["Il a dit “oui” hier"]),
        ("5'10\" tall and \"quoted\"", ["quoted"]),
        ("“After this summit […] we say” then “have reached”", ["After this summit […] we say", "have reached"]),
        ("“to develop relations.” ) and Russia,” according to KCNA.", ["to develop relations."]),
        ("” stray “ marks ” “", [" marks "]),
        # curly and straight marks mixed by an editor close each other; nesting stays nesting
        ('“We will win," Trump said. "You will be happy.”', ["We will win,", "You will be happy."]),
        ('“He said "no" to me,” she said.', ['He said "no" to me,']),
        # a closing straight mark set apart by a space from a closing single mark still closes
        ("\"They say, 'Oh, this matters,' \" Magel said. \"Not now.\"", ["They say, 'Oh, this matters,' ", "Not now."]),
        # straight single marks (British tabloid style), never apostrophes, elisions or feet
        ("'We will win,' she said. 'You will be happy.'", ["We will win,", "You will be happy."]),
        ("the players' union said 'we will strike' today", ["we will strike"]),
        ("rock 'n' roll, 'em and the '90s: 'Fine words here' ok", ["Fine words here"]),
        ("He is 6' 2\" tall and said 'I am tall'", ["I am tall"]),
        ("'He said 'no' to me,' she said", ["He said 'no' to me,"]),
        # paragraph breaks lost from the text: a mark opening a new sentence inside a quotation continues it
        ('X said: "I am sad. "Clearly it went wrong." Then', ['I am sad. "Clearly it went wrong.']),
        # ... but not after a mark set after a word and before a space: a typo for a closing one, which closes
        ("“It's unusual,“ said Larry Noble. “It's a hard thing.”", ["It's unusual,", "It's a hard thing."]),
        # German marks: „ opens, “ closes
        ("Merkel sagte: „Wir schaffen das.“ Dann ging sie. „Nein“, sagte er.", ["Wir schaffen das.", "Nein"]),
        # a single mark never closed (a Dutch name) does not swallow the quotation after it
        ("said Sophie in 't Veld. \"It's a risk.\" Then ‘x", ["It's a risk."]),
    ],
)  # fmt: skip
def test_find_quotes(text: str, quotes: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == quotes


def test_reading_text_writes_ascii_double_marks_as_double_quotes() -> None:
    # the New York Times as LexisNexis delivers it: two apostrophes for a double mark
    body = "''We will win,'' he said. ''We are told, 'Kosovo is special,''' Mr. Putin said."
    reading = reading_text(body)
    assert reading == ' "We will win,"  he said.  "We are told, \'Kosovo is special,\'"  Mr. Putin said.'
    assert [reading[q.start : q.end] for q in find_quotes(reading)] == [
        "We will win,",
        "We are told, 'Kosovo is special,'",
    ]
    # two closing single marks in a text that never opens with two ("over there?''") are two single marks
    tabloid = "'He says 'there's my black over there?'' Jones said."
    assert reading_text(tabloid) is tabloid
    # a closing pair set off by a space after the clause's comma still closes
    spaced = "''I hate the term 'Manhattan poor,' '' she said. ''It is coalitions, '' said Mr. Gunnels."
    reading = reading_text(spaced)
    assert [reading[q.start : q.end] for q in find_quotes(reading)] == [
        "I hate the term 'Manhattan poor,'",
        "It is coalitions,",
    ]


def test_a_cue_does_not_reach_over_a_quotation_of_someone_else() -> None:
    def quoted(start: int, speaker: str, cue: int) -> Statement:
        return Statement(type="direct", quote="q", start=start, end=start + 1, speaker=speaker, cue_start=cue)

    statements = [
        quoted(10, "person:x", 5),
        quoted(20, "person:y", 30),
        quoted(40, "person:x", 5),
        quoted(50, "person:y", 30),
    ]
    _unlink_crossed(statements)
    # x's cue at 5 reaches 40 only over y's quotation at 20: unlinked; y's cue at 30 reaches 50 over nobody's
    assert [s.speaker for s in statements] == ["person:x", "person:y", None, "person:y"]


def test_find_quotes_on_unbalanced_marks() -> None:
    # timed at growing sizes by benchmarks/hostile_inputs.py (linear, not quadratic)
    text = "“ " * 100_000 + "” " * 50_000 + '"a' * 50_000 + "‘x " * 50_000
    quotes = find_quotes(text)
    # the last opening curly mark pairs with the first closing one; straight marks pair up two by two
    assert [(text[q.start : q.end], q.family) for q in quotes] == [(" ", "curly")] + [("a", "straight")] * 25_000


@pytest.mark.slow
def test_ascii_double_marks_give_direct_statements_over_the_original_text(extractor: Extractor) -> None:
    body = "Senator Mary Jones spoke on Monday.\n\n''We will not give up on this bill,'' Ms. Jones said."
    statements = _extract(extractor, body)
    assert [(s.type, s.quote, s.speaker) for s in statements] == [
        ("direct", "We will not give up on this bill", "person:mary-jones")
    ]
    assert all(body[s.start : s.end] == s.quote for s in statements)


@pytest.mark.slow
def test_a_paragraph_quoted_in_single_marks_is_a_heading_not_more_words(extractor: Extractor) -> None:
    body = (
        '"We will win this state," said Mary Jones, the candidate.\n\n'
        "'A fight from start to finish.'\n\n"
        "The merger was not her idea."
    )
    rows = [(s.type, s.quote, s.speaker) for s in _extract(extractor, body)]
    assert rows == [
        ("direct", "We will win this state", "person:mary-jones"),
        ("direct", "A fight from start to finish.", None),
    ]


@pytest.mark.slow
def test_a_framed_quotation_the_model_tags_no_verb_in_is_direct(extractor: Extractor) -> None:
    # the small model reads "underestimate" as an adjective
    rows = [(s.type, s.quote, s.speaker) for s in _extract(extractor, "“Never underestimate Trump,” Mary Jones said.")]
    assert rows == [("direct", "Never underestimate Trump", "person:mary-jones")]


@pytest.mark.slow
def test_according_to_after_a_two_sentence_quotation(extractor: Extractor) -> None:
    rows = [
        (s.type, s.quote, s.speaker, s.cue)
        for s in _extract(extractor, "“We are ready. We will fight,” according to Senator John Smith.")
    ]
    assert rows == [("direct", "We are ready. We will fight", "person:john-smith", "according to")]


@pytest.mark.slow
def test_a_paragraph_of_quotation_after_reported_speech_is_its_speakers(extractor: Extractor) -> None:
    reported = "Senate leader Harry Reid said the party should brace for a long fight."
    rows = [
        (s.type, s.quote, s.speaker) for s in _extract(extractor, f"{reported}\n\n“Never, ever underestimate Trump.”")
    ]
    assert rows == [
        ("indirect", "the party should brace for a long fight", "person:harry-reid"),
        ("direct", "Never, ever underestimate Trump.", "person:harry-reid"),
    ]
    # nobody before it: no speaker; a frame of its own wins over the paragraph before
    unframed = _extract(extractor, "The Senate met on Tuesday.\n\n“Never, ever underestimate Trump.”")
    assert [(s.type, s.speaker) for s in unframed] == [("direct", None)]
    framed = _extract(extractor, f"{reported}\n\n“Never underestimate Trump,” Mary Jones said.")
    assert [(s.type, s.speaker) for s in framed][1:] == [("direct", "person:mary-jones")]


def _speakers(extractor: Extractor, body: str) -> list[tuple[str, str, str | None, str | None]]:
    facts = extractor.extract(Article(body=body, origin="test"))
    names = {e.key: e.name for e in facts.entities}
    return [(s.type, s.quote, names.get(s.speaker or ""), s.cue) for s in facts.statements]


def test_a_sentence_that_is_only_speaker_and_verb_attributes_the_quotation_before(extractor: Extractor) -> None:
    body = (
        "Donald Trump spoke in Florida on Wednesday.\n\n"
        "“Russia, if you’re listening, I hope you’re able to find the emails that are missing.” Trump said."
    )
    assert _speakers(extractor, body) == [
        ("direct", "Russia, if you’re listening, I hope you’re able to find the emails that are missing.",
         "Donald Trump", "say"),
    ]  # fmt: skip


def test_a_sentence_saying_more_after_a_quotation_does_not_attribute_it(extractor: Extractor) -> None:
    body = (
        "Donald Trump spoke in Florida on Wednesday.\n\n"
        "“We will find the emails that are missing.” Trump told reporters the election was rigged."
    )
    quotes = [row for row in _speakers(extractor, body) if row[0] == "direct"]
    assert quotes == [("direct", "We will find the emails that are missing.", None, None)]


def test_a_manner_verb_the_tagger_takes_for_a_participle_frames_the_quotation(extractor: Extractor) -> None:
    body = (
        "Donald Trump clashed with the anchor Jorge Ramos.\n\n"
        "“Go back to Univision,” Trump barked and a security guard escorted Ramos out."
    )
    assert _speakers(extractor, body) == [("direct", "Go back to Univision", "Donald Trump", "bark")]


def test_quotations_with_mixed_marks_get_their_speaker(extractor: Extractor) -> None:
    body = (
        "Donald Trump won the New Hampshire primary on Tuesday.\n\n"
        '“We are going to start winning again," Trump said at his victory party. "You are going to be so happy.”'
    )
    assert _speakers(extractor, body) == [
        ("direct", "We are going to start winning again", "Donald Trump", "say"),
        ("direct", "You are going to be so happy.", "Donald Trump", "say"),
    ]


def test_a_quotation_ending_in_a_single_mark_keeps_its_frame_and_continuation(extractor: Extractor) -> None:
    body = (
        "Donna Magel came to the rally on Monday.\n\n"
        "\"They search for something he said 30 years ago and treat it like, 'Oh, this is important,' \""
        ' Magel said at the rally. "But you have Hillary lying right now and no big deal."'
    )
    assert [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body)] == [
        ("direct", "Donna Magel", "say"),
        ("direct", "Donna Magel", "say"),
    ]


def test_a_quotation_paragraph_signed_with_a_dash_line_is_the_signers(extractor: Extractor) -> None:
    body = (
        "We checked what the candidates said in the debate.\n\n"
        "“Almost all new income and wealth is going to the top 1 percent.”\n\n"
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated statistic."
    )
    assert _speakers(extractor, body) == [
        ("direct", "Almost all new income and wealth is going to the top 1 percent.", "Bernie Sanders", "-"),
    ]


def test_a_signature_whose_hyphen_touches_the_name_is_the_signers(extractor: Extractor) -> None:
    # the model's tokenizer reads "-Michelle" as one word, which left the signature without a name
    body = (
        "Delegates spoke to us on the convention floor.\n\n"
        "\"The whole idea of a 'Crooked Hillary' is something that we hear about all the time.\"\n\n"
        "-Michelle Marks, Philadelphia.\n\n"
        '"It was a great night for the party."\n\n'
        "-President Obama, tweeting after the speech."
    )
    assert [(speaker, cue) for _, _, speaker, cue in _speakers(extractor, body)] == [
        ("Michelle Marks", "-"),
        ("Obama", "-"),
    ]


def test_a_dash_line_that_is_not_a_signature_attributes_nothing(extractor: Extractor) -> None:
    body = (
        "We checked what the candidates said in the debate.\n\n"
        "“Almost all new income and wealth is going to the top 1 percent.”\n\n"
        "- Read more about income in our archive."
    )
    assert _speakers(extractor, body) == [
        ("direct", "Almost all new income and wealth is going to the top 1 percent.", None, None),
    ]


def test_a_quotation_continues_after_one_that_ran_over_paragraphs(extractor: Extractor) -> None:
    # the first quotation opens in one paragraph and ends in the next; its frame covers the one after it
    body = (
        "Alan Grayson spoke in Orlando.\n\n"
        "Grayson said the plan is “really an amorphous position to have.\n\n"
        "“We legislate. We introduce bills. That’s what we do,” Grayson said. “We don’t debate notions.”"
    )
    rows = _speakers(extractor, body)
    assert rows[-1] == ("direct", "We don’t debate notions.", "Alan Grayson", "say")


def test_a_quotation_after_a_sentence_about_one_person_is_theirs(extractor: Extractor) -> None:
    body = (
        "The race in Iowa is close.\n\n"
        "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are running out of time to find"
        " an alternative to Trump or Cruz.”"
    )
    assert _speakers(extractor, body) == [
        ("direct", "Mainstream Republicans are running out of time to find an alternative to Trump or Cruz.",
         "Dianne Bystrom", None),
    ]  # fmt: skip


def test_a_quotation_paragraph_after_a_paragraph_about_one_person_is_theirs(extractor: Extractor) -> None:
    body = (
        "Richard Viguerie is upbeat about the senator's chances in November.\n\n"
        "“Not only can he win in November, he is the one with the best chance of winning.”"
    )
    assert _speakers(extractor, body) == [
        ("direct", "Not only can he win in November, he is the one with the best chance of winning.",
         "Richard Viguerie", None),
    ]  # fmt: skip


def test_a_quotation_after_a_sentence_about_two_people_has_no_speaker(extractor: Extractor) -> None:
    body = (
        "The race in Iowa is close.\n\n"
        "Dianne Bystrom agreed, but Phil Musser disagreed. “Mainstream Republicans are running out of time to find"
        " an alternative to Trump or Cruz.”"
    )
    quotes = [row for row in _speakers(extractor, body) if row[0] == "direct"]
    assert quotes == [
        ("direct", "Mainstream Republicans are running out of time to find an alternative to Trump or Cruz.",
         None, None),
    ]  # fmt: skip


def test_an_all_capitals_quotation_after_a_sentence_is_a_heading_not_a_statement_of_its_subject(
    extractor: Extractor,
) -> None:
    body = (
        "Barack Obama also announced the Peace Corps would begin operating in Vietnam.\n"
        "“EVENTUALLY VOTERS MAKE GOOD DECISIONS”\n"
        "The president spoke at length about the election."
    )
    quotes = [row for row in _speakers(extractor, body) if row[0] == "direct"]
    assert quotes == [("direct", "EVENTUALLY VOTERS MAKE GOOD DECISIONS", None, None)]


def test_a_colon_after_a_clause_with_a_named_subject_introduces_their_quotation(extractor: Extractor) -> None:
    body = (
        "Trump spoke in Ohio on Friday.\n\n"
        "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: \"It's time to quit"
        " attacking various people that you competed with or various minority groups in the country and get on"
        ' message."'
    )
    quotes = [row for row in _speakers(extractor, body) if row[0] == "direct"]
    assert quotes == [
        ("direct", "It's time to quit attacking various people that you competed with or various minority groups"
         " in the country and get on message.", "Mitch McConnell", "deliver"),
    ]  # fmt: skip


def test_quotation_lines_signed_with_a_dash_are_their_signers(extractor: Extractor) -> None:
    body = (
        "Readers Share Their Thoughts On The Debate.\n\n"
        "“He has empowered white racists to be open with their prejudice.” ― Sonya Herridge\n"
        "“During the debate he said Hispanics live in hell.”― Pamela Padilla \n"
        "“He must stop portraying Latinos as dangerous gangsters.”― Carla Sanchez.\n"
        "“It was a long night for everyone.”"
    )
    assert _speakers(extractor, body) == [
        ("direct", "He has empowered white racists to be open with their prejudice.", "Sonya Herridge", "―"),
        ("direct", "During the debate he said Hispanics live in hell.", "Pamela Padilla", "―"),
        ("direct", "He must stop portraying Latinos as dangerous gangsters.", "Carla Sanchez", "―"),
        ("direct", "It was a long night for everyone.", None, None),  # a signature closes what it signs
    ]


def test_a_dash_after_a_quotation_followed_by_more_than_a_name_signs_nothing(extractor: Extractor) -> None:
    body = "The debate ended late.\n\n“I like him.” - said nobody in this town today."
    assert _speakers(extractor, body) == [("direct", "I like him.", None, None)]


def test_a_person_in_a_clause_of_the_cue_does_not_take_over_the_next_quotation(extractor: Extractor) -> None:
    body = (
        "Stephanie Hooton came to hear Marco Rubio in Las Vegas.\n\n"
        "“I'm satisfied with his response regarding getting rid of the criminals,” Hooton said after Rubio spoke."
        " “My biggest concern is getting rid of the criminals.”"
    )
    assert [row[1:3] for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("I'm satisfied with his response regarding getting rid of the criminals", "Stephanie Hooton"),
        ("My biggest concern is getting rid of the criminals.", "Stephanie Hooton"),
    ]


def test_a_person_in_a_sentence_of_their_own_takes_over_the_next_quotation(extractor: Extractor) -> None:
    body = (
        "Stephanie Hooton came to hear Marco Rubio in Las Vegas.\n\n"
        "“I'm satisfied with his response,” Hooton said. Rubio nodded. “My biggest concern is the criminals.”"
    )
    assert [row[1:3] for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("I'm satisfied with his response", "Stephanie Hooton"),
        ("My biggest concern is the criminals.", "Marco Rubio"),  # the sentence before it is his
    ]


def test_a_speaker_the_model_did_not_tag_is_named_by_the_run_of_names_ending_the_phrase(
    extractor: Extractor,
) -> None:
    body = (
        "The union leaders met in Washington on Friday.\n\n"
        "“We have never seen a deal this bad,” said United Auto Workers Secretary-Treasurer Gary Casteel."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    (statement,) = [s for s in facts.statements if s.type == "direct"]
    assert statement.speaker is not None
    assert (facts.entity(statement.speaker).name, statement.speaker_text) == (
        "Gary Casteel",
        "United Auto Workers Secretary-Treasurer Gary Casteel",
    )


def test_a_quotation_in_someone_elses_adverbial_clause_is_not_the_speakers(extractor: Extractor) -> None:
    body = (
        "Melanie Jones waited near the stage in Ohio.\n\n"
        "As Trump went on about “how the system is rigged” for hours, Melanie said yes, yes, yes, over and over again."
    )
    # what Trump went on about is his, and no speech verb says so: no statement, rather than one of Melanie's
    assert _speakers(extractor, body) == []


def test_a_title_in_quotation_marks_after_the_cue_is_not_its_subject(extractor: Extractor) -> None:
    body = (
        "Retired Lt. Gen. Michael Flynn said Donald Trump was right.\n\n"
        "“He's absolutely right. There's a severe disconnect between this White House and our military,” Flynn,"
        " a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”"
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    (direct,) = [s for s in facts.statements if s.type == "direct"]
    # the parser makes the quoted title "Fox" the subject of "said": not the speaker, and no subject of the
    # verb's own either, so the name opening the words between quotation and verb is
    assert (direct.speaker, direct.speaker_text, direct.cue) == ("person:michael-flynn", "Flynn", "say")


def test_a_subject_pronoun_refers_to_the_person_whose_clause_embeds_it(extractor: Extractor) -> None:
    body = (
        "Loretta Lynch and Bernie Sanders spoke in New York on Friday.\n\n"
        "Lynch rejected what she called “a political stunt.”"
        " Secretary General Ban Ki-moon condemned what he called a “brazen breach” of the resolutions.\n\n"
        "Sanders met Clinton, and he said “the fight goes on.”"
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    names = {e.key: e.name for e in facts.entities}
    quoted = [s for s in facts.statements if s.type != "indirect"]
    assert [(s.quote, names.get(s.speaker or ""), s.speaker_text) for s in quoted] == [
        ("a political stunt.", "Loretta Lynch", "she"),
        ("brazen breach", "Ban Ki-moon", "he"),
        # a pronoun in a conjoined clause is not bound by the first clause's subject: "he" may be Clinton
        ("the fight goes on.", None, "he"),
    ]


def test_a_pronoun_speaker_takes_the_gender_the_article_gives_its_candidates(extractor: Extractor) -> None:
    said = "“We will win this state,” she said."
    shown = (
        "Hillary Clinton and Bernie Sanders met voters in Iowa on Monday. Sanders said his plan would pass."
        f" Clinton smiled at her supporters.\n\n{said}"
    )  # the last to speak is Sanders, but "she" can only be Clinton
    unknown = f"Hillary Clinton and Bernie Sanders met voters in Iowa on Monday.\n\n{said}"
    assert [row[2] for row in _speakers(extractor, shown) if row[0] == "direct"] == ["Hillary Clinton"]
    assert [row[2] for row in _speakers(extractor, unknown) if row[0] == "direct"] == [None]


def test_colon_introductions_name_their_speaker_and_never_the_addressee(extractor: Extractor) -> None:
    body = (
        "Donald Trump and Hillary Clinton spoke on Thursday night.\n\n"
        "Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”\n\n"
        "Here’s Clinton in December 1992: “Our new direction must rest on the new realities of global"
        " competition.”\n\n"
        "Here is the letter Trump sent to Clinton: “You are fired from the race, sorry.”"
    )
    assert [(row[2], row[3]) for row in _speakers(extractor, body)] == [
        ("Donald Trump", "boom"),
        ("Hillary Clinton", ":"),
        (None, None),
    ]


def test_a_military_title_before_the_speakers_name_does_not_end_the_sentence(extractor: Extractor) -> None:
    body = (
        "“We’re already at war with ISIL,” said Pentagon spokesman Navy Capt. Jeff Davis, who spoke on Monday.\n\n"
        "“I really don’t understand it,” said Air Force 1st Lt. Tyler Livingston."
    )
    # the tokenizer keeps "Capt." and "Lt." whole: before, "Navy Capt" and "Air Force 1st" were the speakers
    assert [(row[2], row[3]) for row in _speakers(extractor, body)] == [
        ("Jeff Davis", "say"),
        ("Tyler Livingston", "say"),
    ]


def test_a_gerund_after_before_or_by_is_spoken_by_the_clauses_subject(extractor: Extractor) -> None:
    body = (
        "Mary J. Blige sang to Hillary Clinton before asking her, “Where do we go from here?”\n\n"
        "Clinton mocked Trump for calling himself the “king of debt,” noting that his tax cuts would cause the"
        " debt to skyrocket."
    )
    assert _speakers(extractor, body) == [
        ("direct", "Where do we go from here?", "Mary J. Blige", "ask"),
        # "for calling": Trump called himself so, not Clinton; no statement rather than one of hers
        ("indirect", "his tax cuts would cause the debt to skyrocket", "Hillary Clinton", "note"),
    ]


def test_an_inverted_said_before_a_colon_names_its_speaker(extractor: Extractor) -> None:
    body = (
        "Ryan Ellis, a tax lobbyist, doubts Clinton's plans.\n\n"
        "Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”"
    )
    # the small model makes "Said" a compound of "Ellis"
    assert _speakers(extractor, body) == [
        ("direct", "I don’t get the sense she’s the least bit interested in tax reform.", "Ryan Ellis", "say")
    ]


def test_a_quotation_after_a_sentence_ending_in_its_speakers_attribution_is_theirs(extractor: Extractor) -> None:
    body = (
        "Rep. Adam Schiff urged the administration to act.\n\n"
        "The administration may be reluctant to act while Secretary of State John Kerry negotiates with Russia,"
        " Schiff said. “The other factor is whether it would give the appearance of tipping the scales.”"
    )
    # John Kerry is a subject inside what Schiff says, not a second speaker
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("indirect", "Adam Schiff"),
        ("direct", "Adam Schiff"),
    ]


def test_a_title_in_quotation_marks_does_not_stop_the_sentence_giving_the_next_quotation_its_speaker(
    extractor: Extractor,
) -> None:
    body = (
        'On "Face the Nation," Sen. Bernie Sanders identified young voters\' exhaustion with bigotry as a reason'
        ' to vote.\n\n"The younger people are sick and tired of discrimination and racism."\n\n'
        'Trump called the plan "a complete and total disaster for the whole country." "We will win."'
    )
    assert [(row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("The younger people are sick and tired of discrimination and racism.", "Bernie Sanders"),
        ("a complete and total disaster for the whole country.", "Trump"),
        ("We will win.", "Trump"),  # continues the quotation before
    ]


def test_a_dateline_is_neither_the_speaker_nor_part_of_the_speakers_name(extractor: Extractor) -> None:
    body = (
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that “bombastic"
        " comments” do more harm than good.\n\n"
        "LONDON (Reuters) - Donald Trump said he was “very happy” with the vote.\n\n"
        "ROME - Bernie Sanders met Pope Francis on Saturday. Sanders said the trip was “absolutely” worthwhile."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    names = {e.key: e.name for e in facts.entities}
    assert [(s.type, s.quote, names.get(s.speaker or ""), s.speaker_text) for s in facts.statements] == [
        # the reported clause keeps the quotation mark that opens it
        ("indirect", "“bombastic comments” do more harm than good", "Hillary Clinton", "Democrat Hillary Clinton"),
        ("partial", "bombastic comments", "Hillary Clinton", "Democrat Hillary Clinton"),
        ("indirect", "he was “very happy” with the vote", "Donald Trump", "Donald Trump"),
        ("partial", "very happy", "Donald Trump", "Donald Trump"),
        ("indirect", "the trip was “absolutely” worthwhile", "Bernie Sanders", "Sanders"),
        ("partial", "absolutely", "Bernie Sanders", "Sanders"),
    ]


def test_a_speaker_named_before_an_apposition_that_lost_its_closing_comma(extractor: Extractor) -> None:
    body = (
        "“Clinton needs a strategy for targeting [Libertarian candidate Gary] Johnson & [Green Party hopeful Jill]"
        " Stein voters,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted on Wednesday."
    )
    assert [(row[2], row[3]) for row in _speakers(extractor, body)] == [("Nate Silver", "tweet")]


def test_a_programme_or_book_title_after_on_or_in_is_not_what_was_said(extractor: Extractor) -> None:
    body = (
        "“She's a flawed candidate,” Trump said Wednesday on ABC's “Good Morning America.”\n\n"
        "Blumenthal said he had “no idea” on Wednesday’s broadcast of CNN’s “New Day.”\n\n"
        "Sanders warned of “dire consequences” on Sunday."
    )
    # before, "Good Morning America." and "New Day." were partial quotations of Trump and Blumenthal
    assert [(row[0], row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "She's a flawed candidate", "Trump"),
        ("indirect", "he had “no idea” on Wednesday’s broadcast of CNN’s “New Day.”", "Blumenthal"),
        ("partial", "no idea", "Blumenthal"),
        ("partial", "dire consequences", "Sanders"),  # lower-case words after "of": what he said
    ]


def test_a_colon_gives_the_subject_of_the_clause_it_ends_not_of_the_first_speech_verb(extractor: Extractor) -> None:
    body = (
        "Marco Rubio and Donald Trump debated Cuba.\n\n"
        "When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired back forcefully:"
        " “If they sue us in a court in Miami, they’re going to lose.”\n\n"
        "Thomas Frank quotes former Carter adviser Alfred Kahn: “I’d love the Teamsters to be worse off.”"
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Marco Rubio", "fire"),
        ("direct", "Alfred Kahn", ":"),  # "quotes": the one quoted speaks
    ]


def test_a_passive_participle_with_its_agent_is_the_agents_speech(extractor: Extractor) -> None:
    body = (
        "Glenn Thrush interviewed Al Sharpton.\n\n"
        "Asked by Thrush if Clinton “gets” race, Sharpton avoided a declarative answer."
    )
    # before, Sharpton, who was asked, not asking
    assert [(row[1], row[2], row[3]) for row in _speakers(extractor, body)] == [("gets", "Glenn Thrush", "ask")]


def test_quoted_fragments_in_a_row_share_their_frame(extractor: Extractor) -> None:
    body = (
        "Melanie Jones waited near the stage in Ohio.\n\n"
        "As Trump went on about “how the system is rigged,” and “wounded American families” and “our own"
        " struggling citizens,” Melanie said yes, yes, yes, over and over again.\n\n"
        "When Donald Trump announced his presidential candidacy with a speech that included comparing Mexican"
        " immigrants to “criminals” and “rapists”, actress America Ferrera wrote a viral blog against the mogul."
    )
    # the parser hangs the later fragments on "Melanie said" and "Ferrera wrote": they are Trump's, like the first
    assert [(row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("criminals", "Donald Trump"),
        ("rapists", "Donald Trump"),
    ]


def test_a_bare_surname_is_the_person_the_article_calls_so_not_a_namesake_named_since(extractor: Extractor) -> None:
    body = (
        "President-elect Donald Trump met President Obama at the White House. Trump told reporters the meeting"
        " went well. President Obama called it excellent.\n\n"
        "Melania Trump met Michelle Obama in the residence.\n\n"
        "“It could have lasted a lot longer,” Trump said. “We want them to feel welcome,” Obama said."
    )
    said = [(row[1], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"]
    # before, the spouses named in full just before took the bare surnames
    assert said == [("It could have lasted a lot longer", "Donald Trump"), ("We want them to feel welcome", "Obama")]


def test_an_honorific_of_the_other_gender_is_not_a_mention_of_the_same_person(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton spoke in Iowa on Monday. Mrs. Clinton said she would win the state.\n\n"
        "Her husband, former President Bill Clinton, campaigned in Ohio.\n\n"
        "The foundation's donors met in New York on Tuesday.\n\n"
        "The dinner was held at the home of a Ukrainian steel magnate.\n\n"
        "Mr. Clinton said the foundation would stop taking foreign donations."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    hillary = [m.text for m in facts.mentions if m.entity == "person:hillary-clinton"]
    assert hillary == ["Hillary Clinton", "Mrs. Clinton"]
    # before, "Mr. Clinton" was the surname's owner, Hillary Clinton; the honorific's sex picks Bill Clinton
    assert [(s.speaker, s.speaker_text) for s in facts.statements] == [
        ("person:hillary-clinton", "Mrs. Clinton"),
        ("person:bill-clinton", "Mr. Clinton"),
    ]


def test_a_question_quoted_on_its_own_does_not_take_the_frame_of_the_next_quotation(extractor: Extractor) -> None:
    body = (
        "“I'm insulted the FBI has finished so quickly,” said Nicole Calisti, in her 40s. “What does that say"
        " about America?” “Hillary should be in prison,” declared 42-year-old Amy Rodgers."
    )
    # before, the question was Amy Rodgers's: the frame after the next quotation was taken for a split one's
    assert [(row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("I'm insulted the FBI has finished so quickly", "Nicole Calisti"),
        ("What does that say about America?", "Nicole Calisti"),
        ("Hillary should be in prison", "Amy Rodgers"),
    ]


def test_a_title_alone_as_the_speaker_is_not_registered_as_a_person_named_so(extractor: Extractor) -> None:
    body = (
        "Barack Obama and Donald Trump met on Thursday.\n\n"
        "The President, who congratulated his successor in a phone call, said the talks were excellent."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    # before, a person named "President" was made up for the speaker
    assert "President" not in [e.name for e in facts.entities]


@pytest.mark.parametrize(
    "body",
    [
        # a plural descriptor is a group, not the one person with a fitting title
        "President Barack Obama spoke in Hanoi.\n\nWhite House officials said the arms sale was a natural step.",
        "Senate Majority Leader Mitch McConnell met reporters.\n\nLocal GOP leaders said the party was united.",
        # "the official" is not whichever official the article named: only the one who spoke last
        "Secretary of State Hillary Clinton used a private server.\n\n"
        "The FBI is investigating, the official said on condition of anonymity.",
    ],
)
def test_a_group_or_an_unnamed_official_is_nobody_named(extractor: Extractor, body: str) -> None:
    assert [(s.type, s.speaker) for s in _extract(extractor, body)] == [("indirect", None)]


def test_a_hyphenated_title_as_the_speaker_is_the_person_who_holds_it(extractor: Extractor) -> None:
    body = (
        "President-elect Donald Trump met President Barack Obama at the White House on Thursday.\n\n"
        '"We discussed a lot of different situations," the president-elect said.'
    )
    assert [(s.speaker, s.speaker_text) for s in _extract(extractor, body)] == [
        ("person:donald-trump", "the president-elect")
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Mondelez International raised the price of the bar in July."
            ' "We carry these costs for as long as possible," it said.',
            "organization:mondelez-international",
        ),
        # another organization named between: "it" may be either
        (
            "Mondelez International raised the price of the bar after Kraft Foods complained."
            ' "We carry these costs for as long as possible," it said.',
            None,
        ),
    ],
)
def test_it_said_is_the_organization_the_sentence_before_is_about(
    extractor: Extractor, body: str, speaker: str | None
) -> None:
    assert [(s.type, s.speaker) for s in _extract(extractor, body)] == [("direct", speaker)]


def test_less_common_speech_verbs_frame_quotations(extractor: Extractor) -> None:
    body = (
        'Mayor Filippo Nogarin reasoned, "because the users pay a fee, this kind of activity is commercial."'
        "\n\nPresident Obama decried “spin masters and negative-ad peddlers who embrace the politics of anything.”"
    )
    assert [(s.type, s.quote, s.speaker, s.cue) for s in _extract(extractor, body)] == [
        (
            "direct",
            "because the users pay a fee, this kind of activity is commercial.",
            "person:filippo-nogarin",
            "reason",
        ),
        (
            "direct",
            "spin masters and negative-ad peddlers who embrace the politics of anything.",
            "person:obama",
            "decry",
        ),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Donald Trump posted on Saturday.\n\n"
            '"If people want safer streets, they should vote for me," Trump\'s tweet said.',
            "person:donald-trump",
        ),
        (
            "The veterans complained twice.\n\nA letter from the American Legion warns that"
            " “any further communication about it will be through our trademark attorney.”",
            "organization:american-legion",
        ),
        # a possessive pronoun is left to no one
        ('Hillary Clinton met Nancy Pelosi.\n\n"I did not send any classified material," her statement said.', None),
        # "the statement": the one the article mentioned last, by its named issuer
        (
            "In Washington, President Obama released a statement on Thursday night.\n\n"
            '"We stand in solidarity with France, our oldest ally," the statement said.',
            "person:obama",
        ),
        # ... unless it names two
        (
            "Donald Trump and Paul Ryan issued a statement on Thursday.\n\n"
            '"We are committed to working together," the statement said.',
            None,
        ),
    ],
)
def test_a_document_speaks_for_its_named_author(extractor: Extractor, body: str, speaker: str | None) -> None:
    assert [s.speaker for s in _extract(extractor, body) if s.type == "direct"] == [speaker]


def test_an_institution_of_a_place_is_not_registered_as_a_person(extractor: Extractor) -> None:
    body = 'The Municipality of Livorno reasoned, "because the users pay a fee, this kind of activity is commercial."'
    facts = extractor.extract(Article(body=body, origin="test"))
    # was a person "Municipality"; the institution speaks, as an organization named in full
    assert [(s.speaker, s.speaker_text) for s in facts.statements] == [
        ("organization:municipality-of-livorno", "The Municipality")
    ]
    assert [e.name for e in facts.entities if e.kind == "person"] == []


def test_a_speaker_the_model_missed_keeps_a_double_surname_whole(extractor: Extractor) -> None:
    body = '"It was a game of ups and downs," Indians fan Alayna Fodor-Gopal said. "And I am from Cleveland."'
    facts = extractor.extract(Article(body=body, origin="test"))
    speakers = [facts.entity(s.speaker).name for s in facts.statements if s.speaker is not None]
    assert speakers == ["Alayna Fodor-Gopal", "Alayna Fodor-Gopal"]  # was "Gopal"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # first names decide between two persons the article gives no gender for
        ("Donald Trump met Angela Merkel in Berlin.\n\n“We agreed on trade,” she said.", "person:angela-merkel"),
        # ... only when every candidate has one: "Kim" is a man's name too
        ("Kim Darroch met Angela Merkel in Berlin.\n\n“We agreed on trade,” she said.", None),
        # ... and a first name of the other sex rules out the one candidate
        ("Ben Jacobs wrote about the rally on Monday.\n\n“It just came out of my mouth,” she said.", None),
    ],
)
def test_first_names_break_pronoun_ties_only_when_every_candidate_has_one(
    extractor: Extractor, body: str, speaker: str | None
) -> None:
    assert [(s.type, s.speaker) for s in _extract(extractor, body) if s.type == "direct"] == [("direct", speaker)]


@pytest.mark.slow
def test_a_pronoun_with_several_candidates_is_the_person_the_sentence_before_is_about(extractor: Extractor) -> None:
    body = (
        "Steve Maddon watched Jon Lester warm up on Monday.\n\n"
        "Asked about the bullpen, Maddon was clear. “I don't think it would be appropriate,” he said."
    )
    assert [(s.type, s.speaker) for s in _extract(extractor, body)] == [("direct", "person:steve-maddon")]
    # a subject of no known gender, beside another candidate who fits: nobody
    unknown = body.replace("Steve Maddon", "Robin Maddon")
    assert [(s.type, s.speaker) for s in _extract(extractor, unknown)] == [("direct", None)]


@pytest.mark.slow
def test_a_news_agency_reporting_someone_s_words_is_their_channel_not_their_speaker(extractor: Extractor) -> None:
    body = (
        "Taliban spokesman Zabihullah Mujahid said the fighters had been sent "
        "“with a mission to destroy the consulate,” Reuters reported."
    )
    rows = [(s.type, s.speaker, s.channel) for s in _extract(extractor, body) if s.type != "indirect"]
    assert rows == [("partial", "person:zabihullah-mujahid", "organization:reuters")]


@pytest.mark.slow
def test_a_title_subject_before_the_quotation_speaks_through_the_name_beside_it(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton met Donald Trump on Monday.\n\n"
        "The campaign's communications director Jennifer Palmieri welcomed the move. "
        "She told reporters: “We are glad that this matter is resolved.”"
    )
    assert [(s.type, s.speaker) for s in _extract(extractor, body)] == [("direct", "person:jennifer-palmieri")]


@pytest.mark.slow
def test_a_quotation_introduced_with_a_colon_keeps_its_speaker_over_the_sentence_after(extractor: Extractor) -> None:
    body = (
        "Jeremy Bronson wrote: “So how does this work? Do we use our current passports?” "
        "Katy Perry addressed the audience at the rally."
    )
    rows = [(s.type, s.speaker) for s in _extract(extractor, body) if s.type == "direct"]
    assert rows == [("direct", "person:jeremy-bronson")]


def test_an_organization_that_spoke_goes_on_speaking_as_it(extractor: Extractor) -> None:
    body = (
        "In a blog post on Friday, Twitter said violent threats had long been against its terms of service."
        " It added that it has worked with groups that counter extremist recruitment."
        " It said it decided to intensify its push against extremist posts."
    )
    assert [(s.speaker, s.speaker_text) for s in _extract(extractor, body)] == [
        ("organization:twitter", "Twitter"),
        ("organization:twitter", "It"),
        ("organization:twitter", "It"),  # the sentence before is about "it": the organization that spoke there
    ]


def test_a_name_after_the_quotation_speaks_when_the_parser_makes_a_quoted_word_the_verbs_subject(
    extractor: Extractor,
) -> None:
    body = (
        "Donald J. Trump said he was looking ahead to a general election.\n\n"
        " \"Our popularity is strong enough to put states in play in November that Republicans don't usually win"
        ' anymore: Michigan, Pennsylvania, Virginia, Florida, Ohio,"  Mr. Trump said.\n\n'
        "7\n“Broad City” Star Asked Actors To Act Whiter To Make A Point."
    )
    # the parser hangs "Mr. Trump" from the quotation and gives "said" a quoted word for subject; a headline's
    # capitals ("Star Asked") name no one, and the show's title opening its line is no quotation
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [
        ("indirect", "Donald J. Trump", "say"),
        ("direct", "Donald J. Trump", "say"),
    ]


def test_he_is_not_the_person_he_speaks_to(extractor: Extractor) -> None:
    body = (
        "During an interview with Sean Hannity, Donald Trump discussed the wall.\n\n"
        "Hannity asked Trump how high the wall would be.\n\n"
        "“I think the height could be 35 to 45 feet. That’s a good height,” he told Hannity."
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Donald Trump")]


def test_a_name_right_after_said_speaks_when_the_parser_hangs_it_from_a_later_verb(extractor: Extractor) -> None:
    body = (
        "Others appeared ready to abandon him.\n\n"
        ' "I cannot and will not support my party\'s nominee for president,"  said Senator Mark S. Kirk, Republican'
        " of Illinois, becoming the first Republican senator running for re-election to break with Mr. Trump."
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [("direct", "Mark S. Kirk", "say")]


def test_of_two_subjects_the_parser_gives_a_speech_verb_the_person_is_the_speaker(extractor: Extractor) -> None:
    body = (
        "Kasich Wins Ohio.\n\n"
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican presidential"
        " primary, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”"
    )
    # "OH" and "Kasich" are both subjects of "said" in the parse
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "John Kasich")]


def test_an_organization_noun_names_the_organization_in_apposition(extractor: Extractor) -> None:
    body = (
        "Netanyahu rejected Trump's remarks on Thursday.\n\n"
        'The Israeli newspaper Haaretz noted that "as a matter of policy, Israeli officials do not meet with racist'
        ' and radical politicians."'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] != "indirect"] == [("direct", "Haaretz")]


def test_a_described_name_after_said_and_a_name_speaking_on_between_two_parts(extractor: Extractor) -> None:
    body = (
        "She hadn't.\n\n"
        '"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson, asked'
        " about his claims.\n\n"
        "Brad Sherman is a supporter of Mike Huckabee's campaign.\n\n"
        '"These guys know how to use words," said Sherman, speaking of politicians, "and leave themselves a little'
        " wiggle room in what they said. You've really got to hold their feet to the fire.\""
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "Ben Carson"),
        ("direct", "Brad Sherman"),
        ("direct", "Brad Sherman"),
    ]


def test_an_honorific_picks_the_namesake_of_its_sex(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton campaigned in Kentucky on Monday with her husband, former President Bill Clinton.\n\n"
        ' "Jobs, jobs, jobs,"  Mrs. Clinton said.\n\n'
        ' "I will not be on the board,"  Mr. Clinton said.'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "Hillary Clinton"),
        ("direct", "Bill Clinton"),
    ]


def test_a_pronoun_in_a_headline_in_capitals_is_no_evidence_of_sex(extractor: Extractor) -> None:
    body = (
        "HILLARY'S LAST HOPE Hillary Clinton could still end up in the White House in one possible scenario that"
        " could shake America HE'S GONE SOFT!\n\n"
        "“We believe that we lost this election in the last week,” she wrote."
    )
    # before, "HE" made Hillary Clinton a man, and "she" had no candidate
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Hillary Clinton")]


def test_an_honorific_opening_a_mention_tells_the_persons_sex(extractor: Extractor) -> None:
    body = (
        "Lee Epstein, a law professor at Washington University, spoke on Monday. Mr Tribe disagreed with her.\n\n"
        "“Wow, what a great idea,” she said."
    )
    # "Mr Tribe" is one mention that starts at its honorific: Tribe is a man, so "she" is Lee Epstein
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Lee Epstein")]


def test_a_name_that_only_modifies_a_noun_does_not_compete_for_a_pronoun(extractor: Extractor) -> None:
    body = (
        '"[Cubs fans] might have more money than us," Indians Manager Terry Francona conceded. Among the reveling'
        " Cubs fans was Kevin O'Brien, a Chicago lawyer wearing a vintage Bruce Sutter jersey. \"If you count from"
        " birth, which I do, I've been a Cubs fan for 55 years,\" he said."
    )
    # "Bruce Sutter" names the jersey, not someone who could be "he"
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "Terry Francona"),
        ("direct", "Kevin O'Brien"),
    ]


def test_a_person_named_only_as_a_modifier_is_no_candidate_for_a_pronoun(extractor: Extractor) -> None:
    body = (
        "In the news conference, Paul Manafort accused the media and the Clinton campaign of distorting her message."
        " \"It's just another example as far as we're concerned that when Hillary Clinton is threatened by a"
        ' female, the first thing she does is try to destroy the person," Manafort said.\n\n'
        "There is no evidence that the plagiarism allegations originated with the Clinton campaign.\n\n"
        "Clinton spokeswoman Jennifer Palmieri criticized Manafort for accusing the Democratic campaign."
        ' "Nice try, not true," she said in a tweet.'
    )
    # "the Clinton campaign" and "Clinton spokeswoman" name no one "she" can be
    assert [(row[0], row[2]) for row in _speakers(extractor, body)][-1] == ("direct", "Jennifer Palmieri")


def test_a_pronoun_frame_repeats_the_named_frame_its_sentence_opened_with(extractor: Extractor) -> None:
    body = (
        "Sullivan has been Clinton’s top policy aide for years. Senator Dianne Feinstein spoke to Bloomberg.\n\n"
        'Asked Tuesday about Sullivan, Feinstein said "I don\'t know anything about Jake Sullivan and the emails,"'
        " she said.\n\n"
        "Clinton spokesman Brian Fallon expressed his general support for his boss online. David Axelrod mocked"
        " him.\n\n"
        "Fallon fired back: “As a guardian of the @POTUS legacy,” he wrote, “we know you are rooting for"
        " @HillaryClinton, too.”"
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Brian Fallon"),
        ("direct", "Brian Fallon"),
    ]
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "partial"] == [
        ("partial", "Dianne Feinstein")
    ]


def test_a_dash_after_a_clause_with_a_named_subject_introduces_the_quotation_ending_the_sentence(
    extractor: Extractor,
) -> None:
    body = (
        '"We have incompetent people," Donald Trump said on ABC\'s This Week.\n\n'
        'Trump also embraced enhanced interrogation techniques -- "I think waterboarding is peanuts compared to'
        " what they'd do to us.\"\n\n"
        "Clinton's campaign slogan -- “Stronger Together” -- is everywhere."
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [
        ("direct", "Donald Trump", "say"),
        ("direct", "Donald Trump", "embrace"),
        ("partial", "Clinton", None),  # her slogan's words, as PolNeAR has them; no dash introduces them
    ]


def test_an_epithet_by_party_or_home_state_names_the_person_who_spoke_last(extractor: Extractor) -> None:
    body = (
        "Former Texas Gov. Rick Perry endorsed Ted Cruz on Monday. The former governor, who dropped his own bid"
        " last September, said the electorate is not looking for a traditional candidate.\n\n"
        "“Those are very skilled, very successful, very experienced governors,” the Texan said. “But the"
        " electorate doesn’t want that.”\n\n"
        "“It would be a disaster,” the Texas senator said."
    )
    # "the Texan" is Perry, who spoke last; "the Texas senator" is not: Perry's title is governor, and a
    # title description never names a last speaker who holds another title, so the quotation stays open
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Rick Perry"),
        ("direct", "Rick Perry"),
        ("direct", None),
    ]
    capitalised = body.replace("the Texas senator", "the Texas Senator")  # the title as a proper noun
    assert [row[2] for row in _speakers(extractor, capitalised) if row[0] == "direct"][-1] is None


def test_a_title_coordinated_with_the_title_before_a_name_is_that_persons(extractor: Extractor) -> None:
    body = (
        "The materials echo the message that party officials expect to hear from Biden.\n\n"
        "“That’s what he did in ’08 and ’12. He’s reprising that role,” said former Pennsylvania Gov. and"
        " Democratic National Committee Chairman Ed Rendell. “Where surrogates have an effect is not necessarily"
        " in persuasion.”"
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "Ed Rendell"),
        ("direct", "Ed Rendell"),
    ]


def test_two_spellings_of_a_first_name_are_one_person_for_a_bare_surname(extractor: Extractor) -> None:
    body = (
        "Full interview with Kristin Wilkins, curator of the exhibition.\n\n"
        "The exhibit is part of the Legacy Program, according to Kristen Wilkins, assistant professor of"
        " photography.\n\n"
        "The show runs until May.\n\nIt holds 150 photographs.\n\nAdmission is free.\n\n"
        "“He wanted to be rich and famous and he made lots of choices to go that way,” Wilkins said."
    )
    # the article spells her first name two ways; "Wilkins" is no one else (before, two namesakes, neither
    # named in the last paragraphs: no speaker)
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Kristin Wilkins")
    ]


def test_a_capitalised_title_heading_the_phrase_names_the_person_in_apposition(extractor: Extractor) -> None:
    body = (
        'After the leak, CEO of the Refugee Council Enver Solomon told Sky News any process "must be well'
        ' thought out": "Moves to reduce the backlog are welcome but the answer is not yet more bureaucratic'
        ' hurdles."'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] != "indirect"] == [
        ("partial", "Solomon"),  # the model tags only "Solomon"
        ("direct", "Solomon"),
    ]


def test_an_untagged_name_no_person_takes_speaks_as_a_new_organization(extractor: Extractor) -> None:
    body = (
        "Kaine has moved toward a pro-abortion position since he has been considered a contender.\n\n"
        "According to HuffPo: “Senator Tim Kaine has had a mixed record on abortion throughout much of his"
        " political career.”"
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    assert [(e.key, e.kind) for e in facts.entities if e.name == "HuffPo"] == [("organization:huffpo", "organization")]
    assert [(s.type, s.speaker) for s in facts.statements] == [("direct", "organization:huffpo")]


def test_the_object_of_forced_or_asked_is_who_speaks_in_the_clause_after_it(extractor: Extractor) -> None:
    body = (
        "John Stumpf, the bank's chief executive, testified on Tuesday.\n\n"
        "Senator Elizabeth Warren also forced Stumpf, who was under questioning from the banking committee, to"
        " admit that no senior executives have been held accountable for the actions of the low-level bankers."
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [("indirect", "John Stumpf", "admit")]


def test_a_first_name_spelled_with_a_letter_doubled_is_the_same_person(extractor: Extractor) -> None:
    body = (
        "Hilary Clinton and Elizabeth Warren campaigned in Cincinnati on Monday.\n\n"
        "Former President Bill Clinton did not attend. Hillary Clinton spoke first.\n\n"
        "The rally drew 3,000 people.\n\nIt was held at the university.\n\nTickets were free.\n\n"
        ' "Why do the richest Americans get away with manipulating the tax code?"  Mrs. Clinton asked.'
    )
    # "Hilary" and "Hillary" are one woman; "Mrs." rules out Bill Clinton (before, two women named Clinton,
    # neither in the last paragraphs: no speaker)
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Hillary Clinton")]


def test_a_frame_ending_in_a_colon_introduces_the_next_quotation_not_the_one_before(extractor: Extractor) -> None:
    body = (
        "After Scalia said that minority students who did not qualify for elite universities might do better at"
        ' "less advanced schools," Trump said: "I don\'t like what he said, no, I don\'t like what he said."'
    )
    assert [(row[0], row[1][:20], row[2]) for row in _speakers(extractor, body) if row[0] != "indirect"] == [
        ("partial", "less advanced school", "Scalia"),
        ("direct", "I don't like what he", "Trump"),
    ]


def test_a_colon_the_parser_hangs_on_the_quotation_still_ends_a_named_clause(extractor: Extractor) -> None:
    body = (
        "Clinton said she did not want to start over again with a contentious debate.\n\n"
        'Sanders delivered a snappy retort: "No one is tearing this up. We\'re going to go forward."\n\n'
        "One early supporter, Representative Lee Zeldin, Republican of New York, gave the technique a whirl in an"
        ' interview with CNN on Tuesday:  "You can easily argue that the president is a racist with his'
        ' policies."'
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Sanders", "deliver"),
        ("direct", "Lee Zeldin", "give"),
    ]


def test_a_bare_surname_means_the_namesake_last_named_only_as_a_subject(extractor: Extractor) -> None:
    opening = "Donald Trump and his son Eric Trump toured the plant on Monday.\n\n"
    called = opening + "Then, last week, Eric Trump called.\n\n“My father has given me a lot of money,” Trump said."
    assert _speakers(extractor, called) == [
        ("direct", "My father has given me a lot of money", "Eric Trump", "say"),
    ]
    # named last only as a possessor: which Trump tweeted is left open, not given to the son
    possessor = (
        opening + "Eric Trump's comments came after his father unveiled a new nickname for Hillary Clinton.\n\n"
        "“Crooked Hillary is spending a fortune on ads against me,” Trump tweeted."
    )
    assert _speakers(extractor, possessor) == [
        ("direct", "Crooked Hillary is spending a fortune on ads against me", None, "tweet"),
    ]


def test_a_pronoun_speaker_keeps_the_sex_it_gave(extractor: Extractor) -> None:
    body = (
        "Kim Davis spoke to reporters outside the courthouse on Monday.\n\n"
        "“We will appeal the ruling,” she said.\n\n"
        "“It is over for us,” he said."
    )
    # "she" made Kim Davis a woman (nothing else in the text says so): "he" is someone else
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Kim Davis"), ("direct", None)]


def test_a_sentence_naming_someone_unresolved_is_no_evidence_of_sex(extractor: Extractor) -> None:
    body = (
        "Bill Clinton spoke in Nashua on Monday, his first event of the year.\n\n"
        "The former president gave a warm endorsement of Hillary Clinton, and her campaign was pleased.\n\n"
        "“I thought she was the most amazing person,” he said.\n\n"
        "“Nobody was ever better qualified,” Clinton said of Hillary Clinton, his voice hoarse."
    )
    # "his voice" is the unresolved Clinton's: it had made Hillary a man of uncertain sex, and "he" hers
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", None), ("direct", None)]


def test_a_clause_ending_at_a_colon_or_dash_is_not_reported_by_the_verb_after_it(extractor: Extractor) -> None:
    colon = "It is on social issues that young voters lean left: 42% say they're liberal, 32% that they are not."
    dash = "The club has been a significant money-maker for Donald Trump, however — he reported earning $132 million."
    assert _speakers(extractor, colon) == []
    assert _speakers(extractor, dash) == []
    # a comma before the speaker is the inverted frame, whatever dashes the speaker's name holds
    comma = "Biofuels don't stir up the fervor they did in the 1980s, Sen. Chuck Grassley (R-Iowa) told Politico."
    assert _speakers(extractor, comma) == [
        ("indirect", "Biofuels don't stir up the fervor they did in the 1980s", "Chuck Grassley", "tell"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "That said, a loss to Bernie Sanders in this state would be embarrassing for her.",
        "Having said that, the Republican Party is more united than it was in June.",
        "It's safe to say Donald Trump is referring to the notion of closing the border.",
        "It is fair to say that the trade deal is dead in the Senate.",
        "It is too soon to say whether her policies will prove successful.",
    ],
)
def test_saying_idioms_report_no_one(extractor: Extractor, body: str) -> None:
    assert _speakers(extractor, body) == []


def test_a_document_that_said_and_a_split_quotation_opening_with_that_still_speak(extractor: Extractor) -> None:
    body = (
        'The listing was replaced by a message that said, "Sorry, but the item is no longer in the system."\n\n'
        'John Kerry spoke in Vienna. "That, unfortunately," he said, "is part of the reality of today\'s life."'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", None),
        ("partial", "John Kerry"),
        ("direct", "John Kerry"),
    ]


def test_a_title_case_quotation_after_a_venue_or_a_works_noun_is_a_title(extractor: Extractor) -> None:
    body = (
        '"It is certainly more of a consideration than it was," Mark Cuban said in an interview airing Sunday on'
        ' NBC\'s "Meet the Press."\n\n'
        '"Being a dad, that\'s my job," Anthony Weiner said in May on the podcast "Here\'s the Thing."\n\n'
        'Castro\'s revolution dampened plans to return home, Marco Rubio wrote in his 2012 book, "An American Son."'
    )
    # the programme, the podcast and the book are no one's words (they had been statements of the speakers)
    body += (
        '\n\n"I wish him well," Donald Trump told the MSNBC hosts of "Morning Joe."'
        '\n\n"The lesson is that none of the old rules apply," said Jon Meacham, the author of "Destiny and Power."'
        '\n\n"We have to be careful," Marco Rubio said on ABC\'s "This Week With George Stephanopoulos."'
    )
    assert [(row[0], row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("direct", "It is certainly more of a consideration than it was", "Mark Cuban"),
        ("direct", "Being a dad, that's my job", "Anthony Weiner"),
        ("indirect", "Castro's revolution dampened plans to return home", "Marco Rubio"),
        ("direct", "I wish him well", "Donald Trump"),
        ("direct", "The lesson is that none of the old rules apply", "Jon Meacham"),
        ("direct", "We have to be careful", "Marco Rubio"),
    ]


def test_so_far_as_to_say_is_said_by_the_subject_of_the_verb_before(extractor: Extractor) -> None:
    body = 'The Slate technology columnist David Auerbach went so far as to say: "Twitter as we know it is over."'
    assert _speakers(extractor, body) == [("direct", "Twitter as we know it is over.", "David Auerbach", "say")]


def test_a_name_the_parser_hangs_as_an_apposition_before_a_verb_without_subject_speaks(extractor: Extractor) -> None:
    body = (
        "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton believes"
        " that transatlantic cooperation is essential.”"
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Jake Sullivan")]


def test_a_speech_verb_the_parser_hangs_from_a_participle_is_said_by_the_participles_subject(
    extractor: Extractor,
) -> None:
    body = (
        "But Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders's following, said, \"Let me tell you,"
        " he's got a heck of an email list.\""
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Richard J. Durbin")]


def test_a_namesake_mentioned_inside_the_subjects_apposition_leaves_the_surname_to_the_subject(
    extractor: Extractor,
) -> None:
    body = (
        "Hillary Clinton spoke about Benghazi on Monday.\n\n"
        "However, Patricia Smith, mother of Benghazi victim Sean Smith, forcefully rejected Clinton's claim.\n\n"
        "“We were nose-to-nose at the coffin ceremony. She lied to me,” Smith said."
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Patricia Smith")]


def test_a_participles_object_is_whom_it_addresses_not_its_speaker(extractor: Extractor) -> None:
    body = (
        "Donald Trump has hailed Britain’s vote to leave the European Union as “fantastic,” telling reporters during"
        " a visit to Scotland on Friday that he thinks the Brexit is “a great thing.”"
    )
    # "telling reporters" had been read as an inverted "said X": the reporters spoke
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "partial"] == [
        ("partial", "Donald Trump"),
        ("partial", "Donald Trump"),
    ]


def test_a_colon_introduction_is_the_clause_it_ends_not_an_earlier_speech_verb(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton and Martin O'Malley debated in Charleston on Sunday.\n\n"
        "She said that experts had determined her proposals were effective and strong, to which O'Malley"
        ' interjected: "It\'s just not true."\n\n'
        "Ted Cruz was speaking in Indiana. \"Apparently there's a young man who's having some problems,\" Cruz said"
        ' as the heckler yelled: "You suck!"'
    )
    # O'Malley's words had been hers; the heckler is nobody named, so "You suck!" is not Cruz's
    assert [(row[1], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("It's just not true.", "Martin O'Malley"),
        ("Apparently there's a young man who's having some problems", "Ted Cruz"),
    ]


def test_a_frame_the_parser_reads_as_a_verbless_fragment_names_its_speaker(extractor: Extractor) -> None:
    body = (
        "Obama spoke on Monday.\n\n"
        "\"Is President Obama going to finally mention the words radical Islamic terrorism? If he doesn't he should"
        ' immediately resign in disgrace!" the presumptive GOP presidential nominee, Donald Trump, tweeted Sunday'
        " after a lone-wolf attack on an Orlando club."
    )
    # the parser made "nominee" the root and "tweeted" a participle hanging from it
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [("direct", "Donald Trump", "tweet")]


def test_a_title_and_name_between_a_quotation_and_its_verb_name_the_speaker(extractor: Extractor) -> None:
    body = (
        "Carson said the Post had its story written in advance.\n\n"
        '"Dr. Carson invited both Bob and me to his house today to talk about changes he wanted to make in his'
        " campaign\" the Post's senior politics editor Steven Ginsberg responded."
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Steven Ginsberg")
    ]


def test_a_person_whose_possessive_opens_the_sentence_before_may_be_the_pronouns_speaker(
    extractor: Extractor,
) -> None:
    body = (
        '"The story was not written in advance," said Steven Ginsberg, the Post\'s politics editor.\n\n'
        "Ben Carson's renewed endorsement of his leadership team came with caveats. He may add to his senior"
        " leadership or change people's roles, he said.\n\n"
        '"They\'re hungry for solutions," Hillary Clinton said in her brief concession speech.\n\n'
        "Bernie Sanders's lengthy victory speech focused on Wall Street greed. He told cheering supporters that the"
        " improbable arc that brought him victory here can happen across the country."
    )
    # the first "he" may be Ginsberg, who spoke last, or Carson, whom the sentence before is about: no one;
    # the second can only be Sanders
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "indirect"] == [
        ("indirect", None),
        ("indirect", "Bernie Sanders"),
    ]


def test_a_programme_title_with_a_lower_case_preposition_is_no_ones_words(extractor: Extractor) -> None:
    body = (
        "Kevin Swanson slammed the Girl Scouts for promoting “lesbianism, abortion and contraception for 14-year-old"
        " girls” on Monday’s installment of his weekly radio show, “Generations with Kevin Swanson,” Right Wing"
        " Watch first reported."
    )
    assert [row[1] for row in _speakers(extractor, body)] == [
        "lesbianism, abortion and contraception for 14-year-old girls"
    ]


def test_what_a_person_called_something_is_theirs_whatever_verb_follows(extractor: Extractor) -> None:
    body = (
        "Oliver K. Hedge runs a golf consultancy.\n\n"
        'In 2009, under what Mr. Hedge called "the prior economy model," the Marsh Landing Country Club, a private'
        " course in Ponte Vedra Beach, Fla., charged a $100,000 initiation fee."
    )
    # "charged" had made the club the speaker of Hedge's phrase
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [("partial", "Oliver K. Hedge", "call")]


def test_a_name_the_parser_makes_a_compound_of_the_speech_verb_is_its_subject(extractor: Extractor) -> None:
    body = (
        "Glenn Beck spoke in Iowa on Sunday.\n\n"
        "When someone in the audience shouted, “Cruz,” Beck joked, again using an exaggerated Southern accent,"
        " “Amen, brother! Come on up and get baptized!”"
    )
    assert [(row[1], row[2]) for row in _speakers(extractor, body)] == [
        ("Cruz", None),
        ("Amen, brother! Come on up and get baptized!", "Glenn Beck"),
    ]


def test_a_name_opening_a_conjoined_clause_is_its_verbs_subject(extractor: Extractor) -> None:
    body = (
        "If you don’t believe your federal government, the Washington Post will brand you a liar and NBC News will"
        " accuse you of engaging in a “freak out.”"
    )
    # the parser joined "NBC News" to "a liar" and left "accuse" the Post's
    assert [(row[1], row[2]) for row in _speakers(extractor, body)] == [("freak out.", "NBC News")]


def test_speech_someone_expects_of_another_is_not_the_others_words(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton says the Obama administration should be taking additional measures against the Islamic"
        " State and that she expects President Barack Obama to announce an “intensification” in the U.S. campaign."
    )
    assert [(row[1], row[2]) for row in _speakers(extractor, body) if row[0] == "partial"] == [
        ("intensification", "Hillary Clinton")
    ]


def test_a_participle_after_a_named_speech_verb_in_a_reported_clause_is_that_speakers(extractor: Extractor) -> None:
    body = (
        "James Comey spoke on Tuesday.\n\n"
        "Comey cannot say that “from his perspective,” Corey Lewandowski added, saying it should be “up to the"
        " prosecutor to move forward or not.”"
    )
    assert [(row[1], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("up to the prosecutor to move forward or not.", "Corey Lewandowski")
    ]


def test_the_subject_after_an_aside_between_dashes_is_not_the_name_ending_the_aside(extractor: Extractor) -> None:
    body = (
        "In a letter - addressed to the U.S. attorney for the District of Columbia, Channing D. Phillips - the Utah"
        ' Republican asks for an investigation to determine whether "Secretary Clinton or her employees violated'
        ' statutes that prohibit destruction of records."'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("partial", None)]


def test_a_document_saying_something_is_its_issuers_words(extractor: Extractor) -> None:
    body = (
        "Progressive super PACs immediately jumped on the comments.\n\n"
        'American Bridge President Jessica Mackler issued a statement saying that his comment "has absolutely no'
        ' place in American democracy."\n\n'
        "Phoenix Mayor Greg Stanton wrote a letter to Attorney General Loretta E. Lynch asking the Justice Department"
        ' to investigate the "fiasco."'
    )
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body) if row[0] != "indirect"] == [
        ("direct", "Jessica Mackler", "say"),
        ("partial", "Greg Stanton", "ask"),
    ]


def test_a_name_the_ner_tags_as_a_work_speaks_when_its_first_name_is_common(extractor: Extractor) -> None:
    body = '"What stuns me is how little the playing field seems to shift week to week," Twitter\'s Adam Sharp said.'
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [("direct", "Adam Sharp")]


def test_a_name_before_its_title_is_the_subject_the_parser_gave_the_title(extractor: Extractor) -> None:
    body = (
        "Local party leaders recounted brief but intense backstage conversations with Donald Trump.\n\n"
        "“He looked me right in the eye and said you need to tell me what does it take to win in this county,”"
        " Deborah Tamargo, the chairwoman of Florida’s Hillsborough County GOP, recalled of a June conversation she"
        " had with Trump."
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Deborah Tamargo")
    ]


def test_a_pronoun_after_a_report_embedded_in_someone_elses_sentence_may_mean_either(extractor: Extractor) -> None:
    body = (
        "Ben Carson turned the story back on the Post, pointing out that the paper's Robert Costa had reported in"
        " June that the Carson campaign was coming apart.\n\n"
        "“A leopard doesn’t change its spots,” he said.\n\n"
        "Paul Song said Elizabeth Warren had said in her speech that the plan wouldn’t happen. He said it would not"
        " happen if voters kept electing the wrong people."
    )
    # the first "he" had been Costa, who reported, though the sentence is about Carson: either may speak;
    # the second can only be Song, since Warren, who spoke last, is a woman
    assert [
        (row[0], row[2]) for row in _speakers(extractor, body) if row[0] != "indirect" or "would not" in row[1]
    ] == [
        ("direct", None),
        ("indirect", "Paul Song"),
    ]


def test_a_noun_after_a_possessive_is_not_the_possessors_title(extractor: Extractor) -> None:
    body = (
        "Dylann Roof is accused of killing nine people inside the church, including Sanders’ son, 26-year-old"
        " Tywanza. Felicia Sanders called her fallen son her hero before explaining why she forgave Roof.\n\n"
        "“Hate destroys those who harbor it,” she said on stage."
    )
    # "Sanders’ son" had been read as the title "son", so Felicia Sanders a man and "she" no one
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Felicia Sanders")
    ]


def test_pronouns_that_may_mean_someone_the_sentence_does_not_name_give_no_sex(extractor: Extractor) -> None:
    body = (
        "Mary Kay Henry leads the union. She added that she thinks Reince Priebus appeals to some of her members.\n\n"
        "Reince Priebus spoke in Iowa about his plans. “We will win big,” he said."
    )
    # "her members" had made Priebus a woman as well as a man ("his plans"), so no one fitted "he"
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("indirect", "Mary Kay Henry"),
        ("direct", "Reince Priebus"),
    ]


def test_sex_the_article_seems_to_give_against_a_first_name_is_not_trusted(extractor: Extractor) -> None:
    body = (
        "Monique Dalle was traveling to Cairo to visit her daughter Esther.\n\n"
        "Dexter Wakefield, a minister with the Living Church of God in North Carolina, told The Huffington Post that"
        " she was a regular at their Parisian congregation. He said her family asked for privacy."
    )
    # "told ... that she was" had made Dexter a woman
    assert [(row[0], row[2]) for row in _speakers(extractor, body)] == [
        ("indirect", "Dexter Wakefield"),
        ("indirect", "Dexter Wakefield"),
    ]


def test_a_description_opening_the_sentence_may_be_whom_its_pronouns_mean(extractor: Extractor) -> None:
    body = "The head of the union is worried about what Reince Priebus is stirring up in her members."
    doc = extractor.parse(body)
    ents = find_entities(doc, Article(body=body, origin="test"))
    resolver = SpeakerResolver(doc, ents)
    # "her" is the head's: Priebus is given no sex by it
    assert resolver._gender("person:reince-priebus") is None


def test_it_said_is_the_organization_the_sentence_before_is_about_whatever_its_part_of_speech(
    extractor: Extractor,
) -> None:
    body = (
        "Toblerone said it was faced with a choice to change either the shape of the bar or raising the price - but"
        ' said it decided to change the shape to "keep the product affordable". It said in a statement: "Like many'
        ' other companies, we are experiencing higher costs for numerous ingredients."'
    )
    # the small model tags "Toblerone" a common noun
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [("direct", "Toblerone")]


def test_the_speaker_named_again_between_two_quotations_does_not_stop_the_second_being_theirs(
    extractor: Extractor,
) -> None:
    body = (
        "Matt Braynard boasted that his survey method was the only one to predict the race.\n\n"
        "“Our method succeeds where others fail because we seek out individual respondents,” Braynard is quoted as"
        ' saying. "Because we don\'t have to dial as much, we are in and out of the field faster."'
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Matt Braynard"),
        ("direct", "Matt Braynard"),
    ]


def test_whom_the_last_speaker_spoke_of_or_a_person_of_the_other_sex_does_not_block_the_previous_subject(
    extractor: Extractor,
) -> None:
    body = (
        'Michael Bloomberg met reporters on Monday and said Donald Trump was "unfit" to become President. Speaking at a'
        ' press conference this summer, he said: "He is woefully unprepared to do this job."\n\n'
        "Governor John Kasich has blasted the media for letting Elizabeth Warren go so long without a press"
        " conference. While he was speaking with the press in Miami on Wednesday, he said, “It has been 235 days"
        " since she has had a press conference.”"
    )
    # Trump is only spoken of, inside what Bloomberg said; Warren cannot be "he"
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Michael Bloomberg"),
        ("direct", "John Kasich"),
    ]


def test_a_colon_after_a_relative_clause_ends_the_clause_around_it(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton spoke in Iowa.\n\n"
        'Clinton has since apologized for what happened: "Yes, I should have used two email addresses. Not doing so'
        ' was a mistake."'
    )
    # the clause the colon ends is "what happened", whose subject is no one: it is Clinton's apology's colon
    assert [(row[0], row[2], row[3]) for row in _speakers(extractor, body)] == [
        ("direct", "Hillary Clinton", "apologize")
    ]


def test_someones_words_or_document_before_a_colon_are_theirs(extractor: Extractor) -> None:
    body = (
        "Jeb Bush endorsed Ted Cruz on Wednesday. From Bush's Facebook post: \"For the sake of our party and country,"
        ' we must move to overcome the divisiveness."\n\n'
        "Hillary Clinton was told of the deaths. Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?”"
    )
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Jeb Bush"),
        ("direct", "Hillary Clinton"),
    ]


def test_an_inverted_aside_or_a_name_after_a_comma_before_the_verb_is_the_speaker(extractor: Extractor) -> None:
    body = (
        "Louise Sunshine worked for Donald Trump for years.\n\n"
        "And Trump, said Sunshine, who remains friendly with her former boss, doesn't forgive or forget.\n\n"
        "William Wilkin spoke at the convention. His allegiance has shifted from Carly Fiorina to Marco Rubio to,"
        " now, Ted Cruz, Wilkin said during his campaign speech."
    )
    # the parser made Trump and Cruz the subjects of "said"
    assert [row[2] for row in _speakers(extractor, body) if row[0] == "indirect"] == [
        "Louise Sunshine",
        "William Wilkin",
    ]


def test_a_relative_named_beside_the_word_for_them_speaks(extractor: Extractor) -> None:
    body = (
        "Friends and loved ones in Chad were devastated by the news. “He had so many projects and ambitions,” his"
        " friend\u00a0Mahamat Saleh Oumar told the website.\n\n"
        "Bernie Sanders wants open primaries. On CNN Tuesday, his wife, Jane, called for an open primary process."
        ' "Shutting people out of the process when they\'re excited about politics is not smart," she said.'
    )
    # the NER tags Oumar's name a product; "wife" and "friend" are words for a person
    assert [(row[0], row[2]) for row in _speakers(extractor, body) if row[0] == "direct"] == [
        ("direct", "Mahamat Saleh Oumar"),
        ("direct", "Jane"),
    ]


def test_as_someone_put_it_frames_the_quotation_after_it(extractor: Extractor) -> None:
    body = (
        "Garland met senators on Wednesday.\n\n"
        "As The Post's Dana Milbank puts it, “Senate Republicans are unmoved, and activists are uninspired.”\n\n"
        "As Akhil Reed Amar, a professor of law at Yale, put it, “Senate Republicans should remember the past.”\n\n"
        "Mr. Chrabaszcz was responsible for putting it into the national file, “Vito is outstanding with data.”"
    )
    assert [(speaker, cue) for _, _, speaker, cue in _speakers(extractor, body)] == [
        ("Dana Milbank", "put"),
        ("Akhil Reed Amar", "put"),
    ]


def test_a_quotation_framed_by_as_someone_said_is_theirs(extractor: Extractor) -> None:
    body = (
        "Ted Cruz campaigned in Iowa on Monday.\n\n"
        "The fact that the race “is a dead heat right now,” as Cruz said on Glenn Beck’s radio program, "
        "only raises the stakes.\n\n"
        "“He was going to make the Trump name known,” as his father dreamed, Mr. Turry said."
    )
    quoted = [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [("partial", "Ted Cruz", "say"), ("direct", "Turry", "say")]


def test_a_statement_released_by_the_subject_speaks_for_it(extractor: Extractor) -> None:
    # "that" heads the parser's "acl", not a "relcl"; "releasing" has no subject of its own
    body = (
        "Mr. Sanders showed no sign of backing down, releasing a statement that, while condemning violence, "
        "accused the Democratic leadership in Nevada of using “its power to prevent a fair process.”"
    )
    assert _speakers(extractor, body) == [("partial", "its power to prevent a fair process.", "Sanders", "accuse")]


def test_a_speech_verb_set_off_inside_the_sentence_frames_its_quotation(extractor: Extractor) -> None:
    # the parser hangs "Sexton said" from "created" as a parataxis: no ancestor of the quotation is a speech verb
    body = (
        "Thomas Sexton studies Donald Trump's rallies.\n\n"
        "Trump, Sexton said, has created a “strange, reality-bending political correctness-free zone.”\n\n"
        "Cruz, Morton Blackwell wrote “has consistently demonstrated his deep commitment to conservative principles.”"
    )
    assert [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body)] == [
        ("partial", "Thomas Sexton", "say"),
        ("partial", "Morton Blackwell", "write"),
    ]


def test_more_verbs_frame_a_quotation(extractor: Extractor) -> None:
    body = (
        "Chancellor Angela Merkel of Germany condemned “such a murderous attack.”\n\n"
        "Julianne Moore thanked him for “stepping up and taking action when Congress won’t.”\n\n"
        "“I’ll tell you what,” Jeb Bush interjected, “it’s a disgrace.”"
    )
    assert [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body)] == [
        ("direct", "Angela Merkel", "condemn"),  # the whole object of the verb
        ("partial", "Julianne Moore", "thank"),
        ("direct", "Jeb Bush", "interject"),
        ("direct", "Jeb Bush", "interject"),
    ]


def test_a_passive_speech_verb_speaks_for_its_agent_not_its_subject(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton campaigned in California.\n\n"
        "Clinton, who could be celebrating being dubbed the “presumptive nominee,” may lose the state.\n\n"
        "The FBI had interviewed Tamerlan Tsarnaev after being warned by Senator John McCain "
        "that he was “a threat to the United States.”"
    )
    quoted = [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [("direct", "John McCain", "warn")]


def test_quoted_someone_as_saying_is_their_quotation(extractor: Extractor) -> None:
    body = (
        "A truck drove into a crowd in Nice.\n\n"
        "The Associated Press quoted Wassim Bouhlel, a Nice native, as saying the driver “kept going.”"
    )
    quoted = [(type_, speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [("partial", "Wassim Bouhlel", "say")]


def test_a_verb_left_unlabelled_with_its_own_auxiliary_takes_no_subject_from_the_clause(extractor: Extractor) -> None:
    # the parser makes "Mr. Trump" the object of "after" and "had said" a "dep" of "spoken up": not Sasse's words
    body = (
        "Ben Sasse had spoken up Friday after Mr. Trump, asked about the deaths of journalists under Mr. Putin, "
        'had said, "I think our country does plenty of killing also."'
    )
    assert [(type_, speaker) for type_, _, speaker, _ in _speakers(extractor, body)] == [("direct", None)]


def test_someone_s_claim_slogan_or_phrase_holds_their_words(extractor: Extractor) -> None:
    body = (
        "Gov. Mike Pence blamed the media for making an issue out of Donald Trump’s claim that "
        "President Barack Obama “founded ISIS,” calling it sarcasm.\n\n"
        "Hillary Clinton’s campaign slogan is “I’m with her.”\n\n"
        "Mario Vargas Llosa told an audience in Houston that Trump's comments about immigrants were “intolerable.”"
    )
    quoted = [(type_, speaker) for type_, _, speaker, _ in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [
        ("partial", "Donald Trump"),
        ("partial", "Hillary Clinton"),
        ("partial", "Mario Vargas Llosa"),  # the comments' verdict is his, not Trump's
    ]


def test_dismissing_characterizing_and_referring_verbs_frame_a_quotation(extractor: Extractor) -> None:
    body = (
        "Campaign chair Paul Manafort dismissed the whole kerfuffle as “absurd.”\n\n"
        "On the trail, Carly Fiorina routinely characterizes herself as a “change warrior.”\n\n"
        "Soviet dissident Milovan Djilas referred to the “New Class.”"
    )
    assert [(speaker, cue) for _, _, speaker, cue in _speakers(extractor, body)] == [
        ("Paul Manafort", "dismiss"),
        ("Carly Fiorina", "characterize"),
        ("Milovan Djilas", "refer"),
    ]


def test_a_phrasal_speech_verb_frames_a_quotation(extractor: Extractor) -> None:
    body = (
        "After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary Clinton shot back, "
        "“I suppose I could have chosen to bake cookies and have teas.”"
    )
    assert [(speaker, cue) for _, _, speaker, cue in _speakers(extractor, body)] == [("Hillary Clinton", "shoot")]


def test_a_caption_quotation_before_a_colon_is_the_named_subject_s_after_it(extractor: Extractor) -> None:
    # a roundup's photo captions run together in the scraped text
    body = (
        "Celebrities reacted to the result overnight. 'She would have protected you': Amy Schumer expressed her "
        "anger at what she labeled weak Trump voters 'Hold on to each other': Reality star Kris Jenner had a "
        "message of equality 'Do not weep': a fan wrote on Twitter"
    )
    quoted = [(speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [("Amy Schumer", ":"), ("Kris Jenner", ":"), (None, "write")]  # a fan is nobody named


def test_someone_s_relative_is_not_an_earlier_relative_of_someone_else(extractor: Extractor) -> None:
    # "son" was a title Lucas held ("son Lucas"), so "Mr Seary's son" had resolved to him
    body = (
        "Tributes were paid to Mark Smith, pictured with his son Lucas Smith.\n\n"
        "Phil Seary died in the crash. Mr Seary's son-in-law revealed he had only been on the tram "
        "because he was 'such a kind man and a generous friend'."
    )
    quoted = [(speaker, cue) for type_, _, speaker, cue in _speakers(extractor, body) if type_ != "indirect"]
    assert quoted == [(None, "reveal")]
