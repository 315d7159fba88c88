"""Entity cleaning and in-document resolution on small texts, on the real model."""

from __future__ import annotations

import pytest

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.pipeline import Extractor
from newsdb.ingest.article import Article


def _facts(extractor: Extractor, body: str) -> ArticleFacts:
    return extractor.extract(Article(body=body, origin="test"))


def _persons(facts: ArticleFacts) -> dict[str, list[str]]:
    return {e.name: [m.text for m in facts.mentions if m.entity == e.key] for e in facts.entities if e.kind == "person"}


def test_short_form_after_two_candidates_is_left_unresolved(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "Kim Jong-un laid flowers for his father Kim Jong-il on Monday. Officials said Kim was tired.",
    )
    persons = _persons(facts)
    assert persons == {"Kim Jong-un": ["Kim Jong-un"], "Kim Jong-il": ["Kim Jong-il"]}


def test_different_full_names_are_never_merged(extractor: Extractor) -> None:
    facts = _facts(extractor, "John Smith met Jane Smith in London. Later John Smith flew to Paris.")
    assert _persons(facts) == {"John Smith": ["John Smith", "John Smith"], "Jane Smith": ["Jane Smith"]}


def test_honorific_is_in_the_mention_but_not_the_name(extractor: Extractor) -> None:
    facts = _facts(extractor, "Angela Merkel arrived in Berlin. Mrs. Merkel then spoke to reporters.")
    assert _persons(facts) == {"Angela Merkel": ["Angela Merkel", "Mrs. Merkel"]}
    assert facts.entities[[e.name for e in facts.entities].index("Angela Merkel")].aliases == ["Merkel"]


def test_an_honorific_of_the_other_sex_than_the_first_name_is_someone_else(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "Saeed Abedini, an American pastor, was released from an Iranian prison on Saturday.\n\n"
        "Mrs. Abedini thanked the president. Mr. Abedini is expected to fly home next week.",
    )
    # "Mrs. Abedini" is his wife, whom the article does not name: she had taken his surname, and he lost his
    assert _persons(facts) == {"Saeed Abedini": ["Saeed Abedini", "Mr. Abedini"]}


def test_short_form_before_the_full_name_joins_the_only_candidate(extractor: Extractor) -> None:
    facts = _facts(extractor, "Lavrov arrived on Monday. Russian Foreign Minister Sergei Lavrov met officials.")
    assert _persons(facts) == {"Sergei Lavrov": ["Lavrov", "Sergei Lavrov"]}


def test_country_names_labelled_as_organizations_become_places(extractor: Extractor) -> None:
    facts = _facts(extractor, "The DPRK fired a missile, and the U.S. condemned it.")
    places = {e.name: e.place.country_code for e in facts.entities if e.kind == "place" and e.place}
    assert places == {"North Korea": "KP", "United States": "US"}


def test_descriptor_is_not_attached_when_two_people_fit(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "French Foreign Minister Catherine Colonna met German Foreign Minister Annalena Baerbock. "
        "The minister said the talks went well.",
    )
    assert _persons(facts) == {
        "Catherine Colonna": ["Catherine Colonna"],
        "Annalena Baerbock": ["Annalena Baerbock"],
    }


def test_titled_surname_does_not_join_a_relative(extractor: Extractor) -> None:
    body = "Obama welcomed Trump.\n\nMichelle Obama met Melania Trump. President Obama said the talks went well."
    facts = _facts(extractor, body)
    persons = _persons(facts)
    assert persons["Michelle Obama"] == ["Michelle Obama"]
    assert persons["Obama"] == ["Obama"]  # the one after "President"; the bare first one is ambiguous
    assert [m.start for m in facts.mentions if m.text == "Obama"] == [body.index("President Obama") + 10]


@pytest.mark.parametrize(
    "body",
    [
        # named in full without a title, then titled: news names people in full before it titles them
        # (a guard: it held before "Sen." was read as a title, and must hold now it is)
        "Bernie Sanders spoke in Iowa on Monday.\n\nSen. Sanders said the system was rigged. Sanders left.",
        # the title abbreviated once and spelled out once is one title
        "Sen. Bernie Sanders spoke in Iowa on Monday.\n\nSenator Sanders said the system was rigged. Sanders left.",
    ],
)
def test_a_titled_surname_is_the_person_named_in_full(extractor: Extractor, body: str) -> None:
    facts = _facts(extractor, body)
    assert _persons(facts) == {"Bernie Sanders": ["Bernie Sanders", "Sanders", "Sanders"]}


def test_family_plural_is_not_a_person(extractor: Extractor) -> None:
    facts = _facts(extractor, "Michelle Obama spoke on Monday. The Obamas left Washington on Tuesday.")
    assert _persons(facts) == {"Michelle Obama": ["Michelle Obama"]}


def test_a_blank_line_ends_a_sentence(extractor: Extractor) -> None:
    doc = extractor.parse("Trump meets with Obama at the White House\n\nSpeaking from the Oval Office, he smiled.")
    assert [s.text for s in doc.sents] == [
        "Trump meets with Obama at the White House\n\n",
        "Speaking from the Oval Office, he smiled.",
    ]


def test_the_official_is_the_one_named_official(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "President Vladimir Putin sent Russian Foreign Minister Sergei Lavrov to Beijing. "
        "The official spoke of new projects.",
    )
    assert _persons(facts)["Sergei Lavrov"] == ["Sergei Lavrov", "The official"]


def test_the_official_stays_unresolved_when_an_unnamed_official_or_two_candidates_came_first(
    extractor: Extractor,
) -> None:
    unnamed = _facts(
        extractor,
        "Russian Foreign Minister Sergei Lavrov arrived in Beijing. A senior US official said talks failed. "
        "The official spoke of new projects.",
    )
    two = _facts(
        extractor,
        "Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken. "
        "The official spoke of new projects.",
    )
    for facts in (unnamed, two):
        assert not any(m.text == "The official" for m in facts.mentions)


def test_a_name_between_spaced_dashes_is_the_name_alone(extractor: Extractor) -> None:
    # NER took "Weak - Rubio" for a person, a second Rubio that left every later "Rubio said" unresolved
    body = (
        'Donald Trump attacked Marco Rubio on Thursday, saying he is "weak on illegal immigration. '
        'Weak - Rubio - weak on illegal immigration."\n\n"I was involved in an effort to fix it," Rubio said.'
    )
    facts = _facts(extractor, body)
    assert _persons(facts) == {"Donald Trump": ["Donald Trump"], "Marco Rubio": ["Marco Rubio", "Rubio", "Rubio"]}
    assert [(s.quote, s.speaker) for s in facts.statements][-1] == (
        "I was involved in an effort to fix it",
        "person:marco-rubio",
    )
    # a hyphen inside a name is no dash between names
    assert _persons(_facts(extractor, "North Korean leader Kim Jong-un met Putin.")) == {
        "Kim Jong-un": ["Kim Jong-un"],
        "Putin": ["Putin"],
    }


CLINTONS = (
    "Hillary Clinton campaigned in Iowa on Monday.\n\n"
    "Clinton promised to raise the minimum wage.\n\n"
    "Bill Clinton joined her at a rally in Des Moines.\n\n"
    "The crowd cheered loudly when the music started.\n\n"
    "Volunteers handed out leaflets at the door.\n\n"
    "Clinton said the race would be close."
)


def test_a_bare_surname_keeps_meaning_the_person_it_named_first(extractor: Extractor) -> None:
    # "Clinton" named Hillary before Bill Clinton appeared; two paragraphs after Bill's, it still does
    facts = _facts(extractor, CLINTONS)
    assert _persons(facts) == {
        "Hillary Clinton": ["Hillary Clinton", "Clinton", "Clinton"],
        "Bill Clinton": ["Bill Clinton"],
    }


def test_a_bare_surname_right_after_the_other_bearer_is_ambiguous(extractor: Extractor) -> None:
    body = CLINTONS.replace("The crowd cheered loudly when the music started.\n\n", "").replace(
        "Volunteers handed out leaflets at the door.\n\n", ""
    )
    # the last "Clinton" follows the paragraph naming Bill Clinton: it could be either
    assert _persons(_facts(extractor, body)) == {
        "Hillary Clinton": ["Hillary Clinton", "Clinton"],
        "Bill Clinton": ["Bill Clinton"],
    }


def test_a_full_name_with_a_middle_initial_is_the_same_person(extractor: Extractor) -> None:
    body = (
        "Attorney General Loretta Lynch spoke in Washington on Tuesday.\n\nLoretta E. Lynch grew up in North Carolina."
    )
    assert _persons(_facts(extractor, body)) == {"Loretta Lynch": ["Loretta Lynch", "Loretta E. Lynch"]}


def test_different_middle_initials_stay_different_people(extractor: Extractor) -> None:
    body = "George H. W. Bush praised his son George W. Bush on Monday.\n\nGeorge Bush was not there."
    persons = _persons(_facts(extractor, body))
    assert persons["George H. W. Bush"] == ["George H. W. Bush"]
    assert persons["George W. Bush"] == ["George W. Bush"]


def test_a_name_the_model_tagged_once_is_found_where_it_did_not_tag_it(extractor: Extractor) -> None:
    # the small model tags this "Sanders" as a plural common noun (NNS), not as a person
    body = (
        "Bernie Sanders spoke in Ohio.\n\n"
        "They differ on backing a minimum wage of $15 an hour. Sanders supports raising the minimum wage to $15."
    )
    facts = _facts(extractor, body)
    assert _persons(facts) == {"Bernie Sanders": ["Bernie Sanders", "Sanders"]}
    (late,) = [m for m in facts.mentions if m.text == "Sanders"]
    assert body[late.start : late.end + 9] == "Sanders supports"


def test_a_found_again_name_is_never_a_piece_of_a_longer_name(extractor: Extractor) -> None:
    from newsdb.extract.entities import _beside_word

    text = "Bill Clinton and the Clinton Foundation, “Playing Trump,” Clinton's aide and Mr. Clinton. Here's Clinton."
    doc = extractor.parse(text)
    at = [i for i in range(len(text)) if text.startswith("Clinton", i)] + [text.index("Trump")]
    beside = [_beside_word(doc, text, i, i + (5 if text[i] == "T" else 7)) for i in at]
    # "Bill Clinton", "Clinton Foundation", "“Playing Trump" run into a name; the others stand alone
    assert beside == [True, True, False, False, False, True]


def test_an_indefinite_descriptor_never_names_someone_named_before(extractor: Extractor) -> None:
    body = (
        "Israeli Prime Minister Benjamin Netanyahu rejected the remarks on Thursday.\n\n"
        "“He has been misinformed,” an Israeli official said."
    )
    facts = _facts(extractor, body)
    speakers = [(s.quote, s.speaker, s.speaker_text) for s in facts.statements if s.type == "direct"]
    assert speakers == [("He has been misinformed", None, "an Israeli official")]


def test_a_descriptor_headed_by_a_thing_names_nobody(extractor: Extractor) -> None:
    body = (
        "Cruz released a web ad, “Playing Trump,” on Wednesday.\n\n"
        "A campaign TV ad released Thursday accuses Trump of buying influence “in a pattern of self-dealing.”"
    )
    facts = _facts(extractor, body)
    (partial,) = [s for s in facts.statements if s.quote == "in a pattern of self-dealing."]
    assert (partial.speaker, partial.speaker_text) == (None, "A campaign TV ad")


def test_an_unknown_place_that_speaks_is_a_person(extractor: Extractor) -> None:
    # the small model tags "Nefzi" GPE; no gazetteer knows it, and it says something
    facts = _facts(extractor, "The mosque opened its doors on Sunday.\n\n“We are in shock,” Nefzi said.")
    assert [(e.name, e.kind) for e in facts.entities] == [("Nefzi", "person")]
    (statement,) = facts.statements
    assert statement.speaker == "person:nefzi"


def test_a_name_tagged_as_a_place_or_nationality_whose_surname_speaks_is_a_person(extractor: Extractor) -> None:
    # the small model tags "Husted" of "Joh Husted" GPE, and "Rosette Pambakian" NORP
    body = (
        "The ruling made by the judge was in response to another case. However, it produced the result that"
        " Sanders was seeking.\n\n"
        "Joh Husted, Ohio Secretary of State, voiced his disapproval of the ruling. “This last-minute legislating"
        " from the bench on election law has to stop,” Husted said.\n\n"
        "Tinder suspended her account on Thursday; it did not explain why, but she suspects that some of the men"
        " reported her entreaty as spam.\n\n"
        ' "We wholeheartedly support people sharing their political views on Tinder, but we don\'t allow spamming,"'
        "  Rosette Pambakian, a Tinder spokeswoman, said in an email."
    )
    facts = _facts(extractor, body)
    assert _persons(facts) == {
        "Sanders": ["Sanders"],
        "Husted": ["Husted", "Husted"],
        "Rosette Pambakian": ["Rosette Pambakian"],
    }
    assert [s.speaker for s in facts.statements if s.type == "direct"] == ["person:husted", "person:rosette-pambakian"]


def test_a_name_tagged_org_with_a_persons_title_in_apposition_is_a_person(extractor: Extractor) -> None:
    # the small model tags "Navin Nayak" and every "Nayak" ORG; "head of Clinton's research division" is a title
    body = (
        "A TOP aide to failed US presidential contender Hillary Clinton has blamed the election of rival Donald"
        " Trump on the head of the FBI. A scathing letter by Navin Nayak, head of Clinton's research division,"
        " pinned the cause of her candidate's loss on FBI director James Comey. But Nayak said that Comey's second"
        " announcement clearing Clinton of wrongdoing days before Americans went to the polls actually HELPED"
        ' billionaire Trump reach the White House. "We believe that we lost this'
        ' election in the last week", she wrote in the letter seen by Politico.'
    )
    facts = _facts(extractor, body)
    assert _persons(facts)["Navin Nayak"] == ["Navin Nayak", "Nayak", "she"]
    assert [(s.type, s.speaker) for s in facts.statements] == [
        ("indirect", "person:navin-nayak"),
        ("direct", "person:navin-nayak"),
    ]


def test_a_place_that_speaks_stays_a_place_and_a_dateline_speaks_for_nobody(extractor: Extractor) -> None:
    metonymy = _facts(extractor, "“We oppose this line,” Moscow said on Friday.")
    assert [(e.name, e.kind) for e in metonymy.entities] == [("Moscow", "place")]
    assert [s.speaker for s in metonymy.statements] == ["place:moscow"]
    # the dateline is a sentence of its own (see test_pipeline): never "Washington said"
    dateline = _facts(
        extractor,
        "Clinton swipes at Trump over Brexit.\n\nWashington (AFP) – Democrat Hillary Clinton has taken a swipe at"
        " Republican rival Donald Trump’s stance on Brexit, saying that “bombastic comments” do more harm than good.",
    )
    assert [(s.type, s.speaker, s.speaker_text) for s in dateline.statements] == [
        ("indirect", "person:hillary-clinton", "Democrat Hillary Clinton"),
        ("partial", "person:hillary-clinton", "Democrat Hillary Clinton"),
    ]


def test_a_surname_the_model_takes_for_a_nationality_is_the_person(extractor: Extractor) -> None:
    facts = _facts(extractor, "Mark Cuban spoke on Sunday. “It is too early to tell,” said Cuban.")
    assert _persons(facts) == {"Mark Cuban": ["Mark Cuban", "Cuban"]}
    assert [s.speaker for s in facts.statements] == ["person:mark-cuban"]


def test_a_title_descriptor_the_model_tags_as_a_proper_noun_still_names_the_titled_person(
    extractor: Extractor,
) -> None:
    # the small model tags the lower-case "prime minister" PROPN
    body = (
        "Israeli Prime Minister Benjamin Netanyahu rejected the remarks on Thursday.\n\n"
        "“It is a disgrace,” the prime minister said."
    )
    facts = _facts(extractor, body)
    assert [(s.quote, s.speaker, s.speaker_text) for s in facts.statements] == [
        ("It is a disgrace", "person:benjamin-netanyahu", "the prime minister"),
    ]


def test_a_person_the_model_tags_as_an_organization_is_a_person_when_the_text_says_her(
    extractor: Extractor,
) -> None:
    # the small model tags "Carly Fiorina" (and the bare "Fiorina") ORG
    body = (
        "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday.\n\n"
        "Fiorina was upfront about her distaste for the front-runner.\n\n"
        "“There are other people in our party who are horrified by him,” she said."
    )
    facts = _facts(extractor, body)
    kinds = {e.name: e.kind for e in facts.entities}
    assert kinds["Carly Fiorina"] == "person"
    assert "Fiorina" not in kinds  # the bare surname is her mention, not an organization
    assert [(s.speaker, s.speaker_text) for s in facts.statements if s.type == "direct"] == [
        ("person:carly-fiorina", "she")
    ]


def test_an_organization_named_like_a_person_stays_one_when_the_text_says_its(extractor: Extractor) -> None:
    facts = _facts(extractor, "Goldman Sachs raised its forecast on Monday, and Wells Fargo cut its own.")
    assert {e.name: e.kind for e in facts.entities if e.name in ("Goldman Sachs", "Wells Fargo")} == {
        "Goldman Sachs": "organization",
        "Wells Fargo": "organization",
    }


def test_a_name_the_model_runs_on_into_a_title_case_headline_is_cut_to_the_name_used_below(
    extractor: Extractor,
) -> None:
    headline = "Trump Says He Never Pledged To Keep Supporters Safe At Rallies\n\n"
    body = "Donald Trump spoke in Florida on Friday. Trump said the rallies were safe.\n\n“We love them,” Trump said."
    facts = _facts(extractor, headline + body)
    persons = _persons(facts)
    # before, "Trump Says He Never" was a person of its own
    assert list(persons) == ["Donald Trump"]
    assert persons["Donald Trump"][0] == "Trump"  # the headline's mention, cut to the name


def test_an_abbreviated_title_tagged_into_the_name_is_not_part_of_it(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "OK Gov Fallin: Trump Is Trying.\n\nGovernor Mary Fallin spoke on Sunday. Japanese Defence Minister"
        " Gen Nakatani met her.",
    )
    persons = _persons(facts)
    # "Gov" without its full stop is a title; "Gen" without one is Gen Nakatani's first name
    assert "Gov Fallin" not in persons and "Gen Nakatani" in persons


def test_an_acronym_the_article_spells_out_is_that_organization(extractor: Extractor) -> None:
    body = (
        "The Rail Accident Investigation Branch (RAIB) said the tram was going too fast. "
        "“We will publish a report,” the RAIB said. The DNC and the FBI did not comment."
    )
    facts = extractor.extract(Article(body=body, origin="test"))
    # the spelled-out name wherever it comes, the acronym an alias (one entity, whose words the quotation is)
    assert [s.speaker for s in facts.statements if s.type == "direct"] == [
        "organization:rail-accident-investigation-branch"
    ]
    assert [(e.key, e.aliases) for e in facts.entities if e.kind == "organization"] == [
        ("organization:rail-accident-investigation-branch", ["RAIB"]),
        ("organization:dnc", []),
        ("organization:fbi", []),
    ]


def test_a_capitalised_word_the_article_also_writes_in_lower_case_is_no_person(extractor: Extractor) -> None:
    body = "Croydon tram crash: Driver arrested as seven dead\n\nThe driver of the tram was arrested on Wednesday."
    assert _persons(_facts(extractor, body)) == {}


def test_a_surname_that_is_also_a_word_stays_a_person(extractor: Extractor) -> None:
    body = "Gordon Brown spoke in London.\n\nBrown said the brown envelope was empty. Mr. Rice ate rice."
    assert _persons(_facts(extractor, body)) == {"Gordon Brown": ["Gordon Brown", "Brown"], "Rice": ["Mr. Rice"]}


def test_a_name_after_a_title_tagged_as_a_work_of_art_is_a_person(extractor: Extractor) -> None:
    body = (
        'Voters called the long lines "unacceptable." Phoenix Mayor Greg Stanton wrote a letter to Attorney General'
        ' Loretta E. Lynch asking the Justice Department to investigate the "fiasco."'
    )
    # the small model tags "Phoenix Mayor Greg Stanton" WORK_OF_ART
    facts = _facts(extractor, body)
    assert _persons(facts) == {"Greg Stanton": ["Greg Stanton"], "Loretta E. Lynch": ["Loretta E. Lynch"]}
    assert [(s.type, s.speaker) for s in facts.statements if s.quote == "fiasco."] == [
        ("partial", "person:greg-stanton")
    ]


def test_a_headline_verb_run_into_a_surname_is_cut_off(extractor: Extractor) -> None:
    body = (
        "Right After This Big-Name Senator Endorsed Trump, The Establishment Did Something SICK.\n\n"
        "Alabama Sen. Jeff Sessions caused quite a stir when he went on the record endorsing Donald Trump.\n\n"
        "Trump jokingly said, “I hate to say it, I’m becoming mainstream.”"
    )
    facts = _facts(extractor, body)
    # "Endorsed Trump" had been a second person, and "Trump said" had two namesakes
    assert [e.name for e in facts.entities if e.kind == "person"] == ["Jeff Sessions", "Donald Trump"]
    assert [s.speaker for s in facts.statements if s.type == "direct"] == ["person:donald-trump"]


def test_a_name_holding_an_institution_word_is_an_organization_not_a_person(extractor: Extractor) -> None:
    body = (
        "The report was paid for by the Peter G. Peterson Foundation. Eric Trump said the Donald J. Trump Foundation"
        " made the gift, and Hillary Clinton spoke of the Hillary & Chelsea Clinton Foundation."
    )
    # the small model tags all three PERSON: "Donald J. Trump Foundation" had been a person beside Eric
    facts = _facts(extractor, body)
    assert sorted(e.name for e in facts.entities if e.kind == "person") == ["Eric Trump", "Hillary Clinton"]
    assert sorted(e.name for e in facts.entities if e.kind == "organization") == [
        "Donald J. Trump Foundation",
        "Hillary & Chelsea Clinton Foundation",
        "Peter G. Peterson Foundation",
    ]


def test_a_word_never_a_given_name_is_not_part_of_the_person_s_name(extractor: Extractor) -> None:
    # "Top Clinton" (a headline) had been a second Clinton, which left every bare "Clinton" ambiguous
    facts = _facts(
        extractor,
        "Top Clinton adviser sent top secret information.\n\n"
        'A top aide to Hillary Clinton sent the memo. "If they can\'t, send it nonsecure," Clinton wrote.\n\n'
        "On Instagram Kesha wrote that she was heartbroken.",
    )
    assert _persons(facts) == {
        "Hillary Clinton": ["Clinton", "Hillary Clinton", "Clinton"],
        "Kesha": ["Kesha"],
    }
    assert [s.speaker for s in facts.statements] == ["person:hillary-clinton", "person:kesha"]
