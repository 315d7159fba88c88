"""Page furniture in scraped text: credits, captions, gallery counters and sign-up boxes stand apart from the story."""

from __future__ import annotations

import pytest

from newsdb.extract.furniture import Covered, Piece
from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Staff were evacuated. Image copyright Reuters Image caption Doctors expect the toll to rise"
            " Ali Khan, a shopkeeper, said the blast was strong.",
            [
                "Staff were evacuated.",
                "Image copyright Reuters",
                "Image caption Doctors expect the toll to rise",
                "Ali Khan, a shopkeeper, said the blast was strong.",
            ],
        ),
        (
            "The race was stopped. (Photo: Getty Images) Rosberg said he was relieved.",
            ["The race was stopped.", "(Photo: Getty Images)", "Rosberg said he was relieved."],
        ),
        (
            "Fans gathered on Wednesday Getty Images 22 Rail workers fix the track Getty Images 22"
            " Police said the tram was speeding.",
            [
                "Fans gathered on Wednesday",
                "Getty Images 22",
                "Rail workers fix the track",
                "Getty Images 22",
                "Police said the tram was speeding.",
            ],
        ),
        (
            "Could not subscribe, try again later Invalid Email The Brazilian Grand Prix descended into farce.",
            [
                "Could not subscribe, try again later",
                "Invalid Email",
                "The Brazilian Grand Prix descended into farce.",
            ],
        ),
        # a caption's first capitalised word after a preposition or an adjective is still the caption's
        (
            "Image caption Mr Comey announced a new FBI inquiry into Mrs Clinton's emails",
            ["Image caption Mr Comey announced a new FBI inquiry into Mrs Clinton's emails"],
        ),
    ],
)
def test_page_furniture_stands_apart_from_the_story(extractor: Extractor, text: str, sentences: list[str]) -> None:
    assert [s.text for s in extractor.parse(text).sents] == sentences


def test_a_caption_run_into_the_story_does_not_take_the_next_speaker(extractor: Extractor) -> None:
    body = (
        "Police spokesman Omar Farooq said that the attackers had been sent to destroy the building."
        " Image copyright Reuters Image caption Doctors said they expect the number of casualties to increase"
        " Ali Khan, a local shopkeeper, said the force of the blast had blown his windows out."
        ' "The explosion was very strong, all the glass in my shop broke," he told Reuters news agency.'
    )
    facts = extractor.extract(Article(body=body, origin="caption.txt"))
    [statement] = [s for s in facts.statements if s.type == "direct"]
    assert statement.quote == "The explosion was very strong, all the glass in my shop broke"
    assert statement.speaker == "person:ali-khan"
    assert statement.speaker_text == "he"


def test_text_without_furniture_keeps_its_sentences(extractor: Extractor) -> None:
    text = "He read more books than anyone. Invalid emails were sent (in error) to 22 people Getty saw."
    assert [s.text for s in extractor.parse(text).sents] == [
        "He read more books than anyone.",
        "Invalid emails were sent (in error) to 22 people Getty saw.",
    ]


def test_names_in_photo_credits_and_sign_up_boxes_are_no_entities(extractor: Extractor) -> None:
    body = (
        "Could not subscribe, try again later Invalid Email Jake Arrieta pitched on Sunday."
        " (Photo: Pablo Martinez Monsivais, AP) Arrieta thanked Joe Maddon."
        " Image copyright Getty Images Image caption Maddon and Arrieta in Cleveland"
    )
    facts = extractor.extract(Article(body=body, origin="credits.txt"))
    assert sorted((e.kind, e.name) for e in facts.entities) == [
        ("person", "Jake Arrieta"),
        ("person", "Joe Maddon"),
        ("place", "Cleveland"),
    ]


def test_covered_finds_overlaps_with_any_credit() -> None:
    covered = Covered([Piece(10, 20), Piece(15, 50), Piece(60, 70)])
    spans = [(0, 10), (0, 11), (20, 25), (49, 55), (50, 60), (55, 61), (70, 80), (5, 100)]
    assert [covered(start, end) for start, end in spans] == [False, True, True, True, False, True, False, True]
    assert not Covered([])(0, 5)
