"""Transcript turns: "PENCE: Well, look, ..." paragraphs as direct statements of the person labelled."""

from __future__ import annotations

from newsdb.extract.pipeline import Extractor
from newsdb.extract.quotes import find_quotes, paragraph_spans
from newsdb.extract.transcripts import find_turns
from newsdb.ingest.article import Article

QUOTED_TRANSCRIPT = (
    "Republican vice-presidential nominee Mike Pence spoke on “Fox News Sunday.”\n\n"
    "Partial transcript as follows:\n\n"
    '"WALLACE: Will Gennifer Flowers be there?\n\n'
    '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.”\n\n'
    '"But the truth is that Donald Trump has a unique way of communicating.\n\n'
    '"(CROSSTALK.)\n\n'
    '"VIDEO: They said they would call me.\n\n'
    '"WALLACE: Governor, I don’t want to interrupt."\n\n'
    "Pence will debate on Tuesday."
)


def _turns(text: str) -> list[tuple[str, str, bool, bool]]:
    turns = find_turns(text, paragraph_spans(text), find_quotes(text))
    return [(t.label, text[t.start : t.end], t.speaker_label, t.quoted) for t in turns]


def test_turns_of_a_transcript_printed_as_one_quotation() -> None:
    assert _turns(QUOTED_TRANSCRIPT) == [
        ("WALLACE", "Will Gennifer Flowers be there?", True, True),
        (
            "PENCE",
            "Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.”\n\n"
            '"But the truth is that Donald Trump has a unique way of communicating.',  # runs on to the stage direction
            True,
            True,
        ),
        ("VIDEO", "They said they would call me.", False, True),
        ("WALLACE", "Governor, I don’t want to interrupt.", True, True),  # ends with the quotation
    ]


def test_a_turn_outside_quotation_marks_is_its_own_paragraph() -> None:
    text = (
        "JAKE TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
        "FALLIN:\u00a0 I think he is trying to campaign as a racial healer.\n\n"
        "Why won’t he debate? Share and comment below.\n\n"
        "Q: Too short a label.\n\n"
        "UPDATE: 5/12 — The listing was removed."
    )
    assert _turns(text) == [
        ("JAKE TAPPER", "Do you think Donald Trump has campaigned as a racial healer?", True, False),
        ("FALLIN", "I think he is trying to campaign as a racial healer.", True, False),  # a no-break space
        ("UPDATE", "5/12 — The listing was removed.", False, False),
    ]


def test_transcript_turns_are_direct_statements_of_the_labelled_persons(extractor: Extractor) -> None:
    facts = extractor.extract(Article(body=QUOTED_TRANSCRIPT, origin="test"))
    names = {e.key: e.name for e in facts.entities}
    turns = [
        (s.type, s.quote[:20], names.get(s.speaker or ""), s.speaker_text, s.cue)
        for s in facts.statements
        if s.cue == ":"
    ]
    assert turns == [
        # "WALLACE" names nobody the article introduces; PENCE does, so this is a transcript and Wallace a person
        ("direct", "Will Gennifer Flower", "Wallace", "WALLACE", ":"),
        ("direct", "Well, look, Hillary ", "Mike Pence", "PENCE", ":"),
        ("direct", "They said they would", None, None, ":"),  # a clip of someone unnamed
        ("direct", "Governor, I don’t wa", "Wallace", "WALLACE", ":"),
    ]
    # the quotation that held the whole transcript is replaced by its turns, not kept as one speakerless statement
    assert not [s for s in facts.statements if s.quote.startswith("WALLACE")]
    (pence,) = [s for s in facts.statements if s.speaker_text == "PENCE"]
    assert QUOTED_TRANSCRIPT[pence.speaker_start : pence.speaker_end] == "PENCE"


def test_labels_naming_no_one_in_the_article_are_not_a_transcript(extractor: Extractor) -> None:
    body = (
        "WASHINGTON: The Senate voted on Tuesday.\n\n"
        "BOSTON: The city council met on Wednesday.\n\n"
        "Mayor Marty Walsh said the vote was close."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    assert [s for s in facts.statements if s.cue == ":"] == []
    assert not [e for e in facts.entities if e.name in ("Washington", "Boston") and e.kind == "person"]


INTERVIEW = (
    "Joe Biden spent Thursday in St. Paul, Minnesota. On the flight back he spoke with reporter Jim Tankersley."
    " Biden defended Bernie Sanders as a mainstream candidate. Here is the edited transcript.\n\n"
    "Q: You have been talking about how the country is on the upswing.\n\n"
    "A: It is a big mistake. Everybody is making it.\n\n"
    "And I said so in Iowa.\n\n"
    "Q: Do you think Glass-Steagall should be reinstated?\n\n"
    "A: If I could just snap my fingers, yeah.\n\n"
    "Biden flew on to Washington."
)


def test_a_printed_interview_gives_every_answer_to_the_interviewee(extractor: Extractor) -> None:
    facts = extractor.extract(Article(body=INTERVIEW, origin="test"))
    assert [(s.quote, s.speaker, s.speaker_text, s.cue) for s in facts.statements] == [
        ("You have been talking about how the country is on the upswing.", None, "Q", ":"),
        (
            "It is a big mistake. Everybody is making it.\n\nAnd I said so in Iowa.",
            "person:joe-biden",
            "A",
            ":",
        ),
        ("Do you think Glass-Steagall should be reinstated?", None, "Q", ":"),
        ("If I could just snap my fingers, yeah.", "person:joe-biden", "A", ":"),
    ]


def test_answers_have_no_speaker_when_the_introduction_names_no_one_first_and_most(extractor: Extractor) -> None:
    body = INTERVIEW.replace(" Biden defended", " Tankersley asked about")
    facts = extractor.extract(Article(body=body, origin="test"))
    assert [s.speaker for s in facts.statements if s.speaker_text == "A"] == [None, None]
