"""Entities: persons, organizations and places from NER, cleaned and resolved in-document.

The stage works in three steps on one parsed ``Doc``:

1. ``name_spans``: NER spans (plus persons the model missed after a title,
   "counterpart Choe Son Hui") cleaned into ``NameSpan``: honorifics and
   possessives trimmed off the name, credit-line words dropped, fragments and
   recurring label errors fixed by rule.
2. Places, demonyms and organizations become entities keyed by what they are
   (a country code, a geonames id, a normalised name); a demonym is a mention
   of its country.
3. Persons: full names first; a short form ("Kim", "Mr. Lavrov") joins the
   single full name it can belong to that was introduced before it, else the
   single one in the article, else it stays its own person; two different full
   names are never merged.  Roles and descriptor mentions come last
   (``roles.py``).

Aliases hold other *names* of an entity; descriptors ("the Russian minister")
and demonyms ("Russian") are mentions but never aliases.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsdb.extract import furniture, places, roles
from newsdb.extract.doc import DocEntities
from newsdb.extract.lexicon import (
    NOT_GIVEN_NAMES,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    first_name_gender,
    honorific_gender,
    reads_like_a_person,
    refers_back,
)
from newsdb.extract.quotes import paragraph_spans, window_start
from newsdb.ingest.article import Article

NameKind = Literal["person", "organization", "place", "demonym"]

LABEL_KINDS: dict[str, NameKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "demonym",
}

HONORIFICS = {"mr", "mrs", "ms", "mm", "messrs", "mme", "mmes", "dr", "prof", "mlle", "m"}
# Abbreviated titles the model sometimes tags as part of the name: with their full stop, or without it
# those that are nobody's first name ("Gen Nakatani" is Japan's defence minister, Gen Nakatani).
TITLE_ABBREVIATIONS = frozenset(
    {"gov", "sen", "sens", "rep", "reps", "lt", "gen", "col", "capt", "sgt", "maj", "adm", "cmdr", "cpl", "pvt",
     "brig", "supt", "det", "insp", "amb", "atty", "msgr", "rev", "hon", "pres"}
)  # fmt: skip
TITLE_ABBREVIATIONS_WITHOUT_STOP = frozenset(
    {"gov", "rep", "reps", "lt", "capt", "sgt", "cmdr", "cpl", "pvt", "supt", "atty"}
)


def _title_abbreviation(word: str) -> bool:
    bare = word.rstrip(".").casefold()
    return bare in TITLE_ABBREVIATIONS and (word.endswith(".") or bare in TITLE_ABBREVIATIONS_WITHOUT_STOP)


# Names the small model labels inconsistently; the kind they always are.
# Words no person's name holds: a PERSON span with one is an institution named after someone.
INSTITUTION_WORDS = frozenset(
    {"foundation", "university", "college", "colleges", "committee", "institute", "association", "council", "inc",
     "corp", "company", "agency", "ministry", "department", "coalition", "commission", "administration", "campaign"}
)  # fmt: skip
KNOWN_KINDS: dict[str, NameKind] = {
    "kcna": "organization",
    "reuters": "organization",
    "afp": "organization",
    "ap": "organization",
    "tass": "organization",
    "xinhua": "organization",
    "yonhap": "organization",
    "interfax": "organization",
    "ria novosti": "organization",
    "nato": "organization",
    "un": "organization",
    "eu": "organization",
    "kremlin": "organization",
    "pentagon": "organization",
    "twitter": "organization",
    "facebook": "organization",
    "youtube": "organization",
    "instagram": "organization",
    "google": "organization",
    "tiktok": "organization",
    "wikipedia": "organization",
    "wikinews": "organization",
}

# Leading words of all-caps photo/credit lines ("PHOTO AGENCY KCNA").
CREDIT_WORDS = {"photo", "photos", "agency", "file", "credit", "credits", "source", "by"}

# Words a photo caption glues to the name before it ("Ahmed Mohamed Image").
CAPTION_WORDS = {"Image", "Images", "Photo", "Photos", "Picture", "Video", "File"}

_POSSESSIVE = {"'s", "’s", "'", "’"}
_LEADING_DROP = {"the", "a", "an"}


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A cleaned name: ``start:end`` is the name, ``mention_start`` includes an honorific."""

    kind: NameKind
    start: int
    end: int
    mention_start: int
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


def find_entities(doc: Doc, article: Article) -> DocEntities:
    """Entities, mentions and roles of one article."""
    ents = DocEntities(body=article.body)
    spans = name_spans(doc, article.body)
    _add_places_and_orgs(ents, [s for s in spans if s.kind != "person"])
    _add_persons(ents, [s for s in spans if s.kind == "person"])
    roles.find_roles(doc, ents)
    roles.add_descriptor_mentions(doc, ents)
    return ents


# -- 1. cleaning ----------------------------------------------------------------


def name_spans(doc: Doc, body: str) -> list[NameSpan]:
    """Cleaned name spans in text order, without overlaps, none in a photo credit (``body`` is ``doc.text``)."""
    out: list[NameSpan] = []
    for ent in doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is None:
            continue
        span = clean_span(ent, kind, body)
        if span is not None:
            out.append(span)
    taken = {i for s in out for i in range(s.start, s.end)}
    for missed in roles.untagged_persons(doc):
        if not any(i in taken for i in range(missed.start_char, missed.end_char)):
            cleaned = clean_span(missed, "person", body)
            if cleaned is not None:
                out.append(cleaned)
    out.sort(key=lambda s: s.start)
    out = _relabel_persons_tagged_org(doc, _relabel_speaking_places(doc, _relabel_surnames(body, out)))
    out = _trim_headline_persons(body, out)
    in_credit = furniture.Covered(furniture.credits(body))
    out = [s for s in out + _untagged_repeats(doc, body, out) if not in_credit(s.start, s.end)]
    return sorted(_drop_common_words(doc, body, out), key=lambda s: s.start)


def _drop_common_words(doc: Doc, body: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Leave out one-word "persons" the article also writes in lower case: words, not names.

    "Caucus-goers", "Drop in polls", "Driver arrested", "the Marmite debate":
    the model tags a capitalised word at the start of a line or headline.
    A word that is the article's own common noun ("the driver", "marmite")
    is no name, unless an honorific or a title stands before it ("Mr.
    Incredible", "President Drop") or it is part of a full name the article
    gives ("Gordon Brown ... Brown").
    """
    words = [s for s in spans if s.kind == "person" and len(s.words) == 1]
    if not words:
        return spans
    lower = {t.text for t in doc if t.is_lower and not t.is_sent_start}
    in_full_names = {w for s in spans if s.kind == "person" and len(s.words) > 1 for w in s.words}
    titled = {s.text for s in words if s.mention_start < s.start or _title_before(body, s.start)}
    common = {s.text for s in words if s.text.lower() in lower and s.text not in in_full_names | titled}
    return [s for s in spans if not (s.kind == "person" and s.text in common)]


_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
MIN_HEADLINE_WORDS = 4  # words of four letters or more in a title-case line: at least, at most
MAX_HEADLINE_WORDS = 25
HEADLINE_CAPITALS = 0.8  # share of longer words capitalised in a title-case line


def _title_case_lines(body: str, spans: list[NameSpan]) -> list[bool]:
    """For each span, whether its line capitalises its words like a headline ("Donald Trump Picks Pence As
    Running Mate"); each line is looked at once, however many names it holds."""
    starts = [0] + [m.end() for m in re.finditer("\n", body)]
    seen: dict[int, bool] = {}
    out: list[bool] = []
    for span in spans:
        line = bisect.bisect_right(starts, span.start) - 1
        if line not in seen:
            end = starts[line + 1] if line + 1 < len(starts) else len(body)
            words = [w for w in _WORD.findall(body, starts[line], end) if len(w) > 3]
            capitals = sum(w[0].isupper() for w in words)
            short = MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
            seen[line] = short and capitals >= HEADLINE_CAPITALS * len(words)
        out.append(span.kind == "person" and seen[line])
    return out


def _trim_headline_persons(body: str, spans: list[NameSpan]) -> list[NameSpan]:
    """A person in a title-case headline is cut to the name the article uses elsewhere.

    The model runs the capitalised words on into the name: "Donald Trump Picks", "Bernie Sanders Beats",
    "Kill Trayvon Martin", "Clinton Hid Past Health".  The longest run of the span's words that is a
    person's full name elsewhere in the article is kept, or a surname used elsewhere that opens the span
    ("Trump Says He Never" -> "Trump") or ends it after a verb ending in -ed or -es that is no one's name
    ("Senator Endorsed Trump" -> "Trump"; not "Hillary Clinton" in a line of names taken for a
    headline).  Anything else is left as the model tagged it: "Editor Matthew Boyle" may be the only
    place the article gives the first name of the "Boyle" it quotes.
    """
    headline = _title_case_lines(body, spans)
    if not any(headline):
        return spans
    full: set[str] = set()
    surnames: set[str] = set()
    for span, in_headline in zip(spans, headline, strict=True):
        if span.kind == "person" and not in_headline:
            words = [_bare(w) for w in span.words]
            full.add(" ".join(words))
            if len(words) > 1:
                surnames.add(words[-1])
    name_words = {w for name in full for w in name.split()}
    out: list[NameSpan] = []
    for span, in_headline in zip(spans, headline, strict=True):
        if not in_headline:
            out.append(span)
            continue
        out.append(_known_run(span, full, surnames, name_words) or span)
    return out


def _bare(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def _known_run(span: NameSpan, full: set[str], surnames: set[str], name_words: set[str]) -> NameSpan | None:
    matches = list(re.finditer(r"\S+", span.text))
    words = [_bare(m.group()) for m in matches]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            run = words[first : first + size]
            # a surname opening the span ("Trump Says He Never"), or ending it after a headline's verb
            # ("Senator Endorsed Trump", "Le Pen Denounces Clinton"): no first name, no word of a name here
            opening_or_closing = first == 0 or (
                first == len(words) - 1
                and words[first - 1].endswith(("ed", "es"))
                and not any(first_name_gender(w, alone=True) or w in name_words for w in words[:first])
            )
            if (size > 1 and " ".join(run) in full) or (size == 1 and opening_or_closing and run[0] in surnames):
                start = span.start + matches[first].start()
                end = span.start + matches[first + size - 1].start() + len(run[-1])
                text = span.text[start - span.start : end - span.start]
                return NameSpan(kind="person", start=start, end=end, mention_start=start, text=text)
    return None


_NAME_NEIGHBOUR = re.compile(r"[\w’'-]")


def _untagged_repeats(doc: Doc, body: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Persons' names the model tagged somewhere but not everywhere ("Sanders supports ...", tagged NNS).

    Every full name and surname of a person span, found again in the text
    where no span is, capitalised, as a word of its own, not beside another
    capitalised word (so never a piece of a longer name: "Bill Clinton",
    "Clinton Foundation"), on a token tagged as a noun or proper noun.  A word
    that also names a place or organization in the article, or a major place,
    is left alone.  The surname goes through the same short-form resolution as
    tagged ones, so an ambiguous one still names nobody.
    """
    persons = [s for s in spans if s.kind == "person"]
    if not persons:
        return []
    other = {places.normalize(s.text) for s in spans if s.kind != "person"}
    names: set[str] = set()
    for span in persons:
        words = span.words
        for name in (span.text, words[-1]) if len(words) > 1 else (span.text,):
            key = places.normalize(name)
            if len(name) >= 3 and name[:1].isupper() and key not in other and not _is_honorific(name):
                names.add(name)
    names = {n for n in names if not (len(n.split()) == 1 and places.is_major_place(n))}
    if not names:
        return []
    taken = sorted((s.mention_start, s.end) for s in spans)
    starts = [t[0] for t in taken]
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    found: list[NameSpan] = []
    for match in pattern.finditer(body):
        start, end = match.span()
        if _beside_word(doc, body, start, end):
            continue
        idx = bisect.bisect_right(starts, end) - 1
        if idx >= 0 and taken[idx][1] > start:
            continue  # inside (or overlapping) a span the model tagged
        token = doc.char_span(start, end, alignment_mode="expand")
        if token is None or token.root.pos_ not in ("PROPN", "NOUN") or token.start_char != start:
            continue
        found.append(NameSpan("person", start, end, _honorific_start(body, start), match.group()))
    return found


def _beside_word(doc: Doc, body: str, start: int, end: int) -> bool:
    """The match is part of a longer word or runs into a name on either side.

    Before it, a proper noun that is not a title or an honorific ("Bill
    Clinton" when only "Hillary Clinton" was tagged; "Here's Clinton" and
    "President Clinton" are fine); after it, any capitalised word ("Clinton
    Foundation").
    """
    if start > 0 and _NAME_NEIGHBOUR.match(body[start - 1]):
        return True
    if end < len(body) and _NAME_NEIGHBOUR.match(body[end]) and body[end] not in "’'":
        return True
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is not None and first.start > 0:
        before = doc[first.start - 1]
        name = before.pos_ == "PROPN" and before.text[:1].isupper() and not before.whitespace_.count("\n")
        if name and not _is_honorific(before.text) and not roles.is_title_word(before):
            return True
    after = body[end : end + 40]
    stripped = after.lstrip(" ")
    return bool(stripped) and len(stripped) < len(after) and stripped[:1].isupper()


def _relabel_surnames(body: str, spans: list[NameSpan]) -> list[NameSpan]:
    """A lone word tagged ORG/LOC/NORP that is the surname of a full name in the article is that person.

    The small model often tags a sentence-initial "Lavrov" as ORG, and "Cuban"
    (after "Mark Cuban") as a nationality.  Acronyms
    ("DAB") and major places (countries, US states, cities over 500,000:
    "Washington" next to "George Washington") are left alone.
    """
    surnames = {places.normalize(s.words[-1]) for s in spans if s.kind == "person" and len(s.words) >= 2}
    surnames |= {places.normalize(s.words[0]) for s in spans if s.kind == "person" and len(s.words) >= 2}
    out: list[NameSpan] = []
    for span in spans:
        if (
            span.kind in ("organization", "place", "demonym")
            and len(span.words) == 1
            and not span.text.isupper()
            and places.normalize(span.text) in surnames
            and places.normalize(span.text) not in KNOWN_KINDS
            and not places.is_major_place(span.text)
        ):
            span = dataclasses.replace(span, kind="person", mention_start=_honorific_start(body, span.start))
        out.append(span)
    return out


def _relabel_speaking_places(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """A "place" no gazetteer knows that is the subject of a speech verb is a person: "Nefzi said".

    The small model tags many unfamiliar surnames GPE.  Countries and cities
    speak for their governments ("Moscow denounced") and stay places; a
    capitalised name of one to four words that the gazetteers do not know,
    subject of "say", "add", "tell" and the like, is a person, unless it is
    all capitals (a code, a dateline) or holds a country or nationality
    ("White America").  Its other unknown "places" of the same name or
    surname are that person too, and so is the name when only its untagged
    surname speaks ("Joh Husted, Ohio Secretary of State, voiced his
    disapproval" before "Husted said").
    """
    unknown = [
        s
        for s in spans
        if s.kind == "place"
        and 1 <= len(s.words) <= 4
        and all(w[:1].isupper() for w in s.words)
        and not s.text.isupper()  # "OH", "TALLAHASSEE": a code or a dateline
        and not any(places.country_code(w) or places.demonym_country(w) for w in s.words)
        and places.lookup(s.text) is None
    ]
    if not unknown:
        return spans
    speaking: set[str] = set()
    for span in unknown:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None and _speaks(tokens.root):
            speaking.add(places.normalize(span.words[-1]))
    words = {places.normalize(s.words[-1]) for s in unknown}
    for token in doc:  # the surname speaking untagged: "Joh Husted" tagged GPE, "Husted said" tagged nothing
        if token.pos_ == "PROPN" and not token.ent_type_ and _speaks(token) and places.normalize(token.text) in words:
            speaking.add(places.normalize(token.text))
    if not speaking:
        return spans
    relabel = {id(s) for s in unknown if places.normalize(s.words[-1]) in speaking}
    return [dataclasses.replace(s, kind="person") if id(s) in relabel else s for s in spans]


def _speaks(token: Token) -> bool:
    """The subject of a speech verb ("Bloomberg reported" is a medium, not a person), not in a headline
    ("“Broad City” Star Asked Actors")."""
    verb = token.head
    speech = verb.lemma_.lower() in SPEECH_VERBS - {"report"}
    return token.dep_ in SUBJECT_DEPS and speech and not verb.text[:1].isupper()


def _relabel_persons_tagged_org(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """An "organization" named like a person that the sentence calls he or she is a person.

    "Carly Fiorina threw her support behind Sen. Ted Cruz": the small model
    tags the name ORG.  Two or three capitalised words with no organization
    word (:func:`~newsdb.extract.lexicon.reads_like_a_person`), the subject of
    a verb that governs "his"/"her" (possessive), "he"/"she" (a subject) or
    "himself"/"herself": organizations are "its" and "their"; or with a
    person's title in apposition ("Navin Nayak, head of Clinton's research
    division").  Its bare surname tagged ORG elsewhere in the article is the
    person too.
    """
    persons: set[str] = set()
    for span in spans:
        if span.kind != "organization" or not reads_like_a_person(span.text):
            continue
        if any(places.country_code(w) or places.demonym_country(w) for w in span.words):
            continue  # "American Legion", "America Rising"
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        root = tokens.root
        titled = any(c.dep_ == "appos" and c.tag_ == "NN" and roles.is_title_word(c) for c in root.rights)
        if titled or (root.dep_ == "nsubj" and any(t.i >= tokens.end and refers_back(t) for t in root.head.subtree)):
            persons.add(places.normalize(span.text))
    if not persons:
        return spans
    surnames = {name.split()[-1] for name in persons}
    relabel = {id(s) for s in spans if s.kind == "organization" and places.normalize(s.text) in persons | surnames}
    return [dataclasses.replace(s, kind="person") if id(s) in relabel else s for s in spans]


def clean_span(span: Span, kind: NameKind, body: str) -> NameSpan | None:
    """Trim an NER span to a name and fix its kind, or None for a fragment."""
    tokens = list(span)
    # a span never crosses a line: keep the longest line
    if any("\n" in t.text or "\n" in t.whitespace_ for t in tokens[:-1]):
        tokens = _longest_line(tokens)
    if any(_standalone_dash(t) for t in tokens):
        tokens = _named_piece(tokens)  # "Weak - Rubio - weak on immigration": the name between dashes
    while tokens and (tokens[0].lower_ in _LEADING_DROP or not tokens[0].text.strip()):
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0].pos_ == "VERB" and tokens[0].lemma_.lower() in SPEECH_VERBS:
        tokens = tokens[1:]  # "Said Ellis:" tagged as one name
    while tokens and (tokens[-1].text in _POSSESSIVE or not tokens[-1].text.strip()):
        tokens = tokens[:-1]
    if tokens and all(t.is_upper or not t.is_alpha for t in tokens):
        while len(tokens) > 1 and tokens[0].lower_ in CREDIT_WORDS:
            tokens = tokens[1:]
    while tokens and _is_honorific(tokens[0].text):
        tokens = tokens[1:]
    while len(tokens) > 1 and kind == "person" and tokens[0].text in NOT_GIVEN_NAMES:
        tokens = tokens[1:]
    while len(tokens) > 1 and _title_abbreviation(tokens[0].text):
        tokens = tokens[1:]  # "Gov Fallin", "Sen. Warren" tagged with the title
    while len(tokens) > 1 and (tokens[-1].text in CAPTION_WORDS or (kind != "person" and _is_title(tokens[-1]))):
        tokens = tokens[:-1]  # "Washington D.C. Image", "State Department Spokesperson"
    if not tokens or all(_is_title(t) for t in tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = body[start:end]
    if _is_fragment(text) or _is_department(tokens):
        return None
    fixed = "person" if _is_titled_name(tokens) else _fix_kind(text, kind)
    if fixed is None:
        return None
    mention_start = _honorific_start(body, start) if fixed == "person" else start
    return NameSpan(kind=fixed, start=start, end=end, mention_start=mention_start, text=text)


_DASHES = frozenset({"-", "–", "—", "--"})


def _standalone_dash(token: Token) -> bool:
    """A dash between spaces ("Weak - Rubio"), not one inside a name ("Kim Jong-un")."""
    return token.text in _DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def _named_piece(tokens: list[Token]) -> list[Token]:
    """Of the pieces a standalone dash cuts, the one naming someone (a proper noun in it), else none."""
    pieces: list[list[Token]] = [[]]
    for t in tokens:
        if _standalone_dash(t):
            pieces.append([])
        else:
            pieces[-1].append(t)
    named = [p for p in pieces if any(t.pos_ == "PROPN" for t in p)]
    return named[0] if len(named) == 1 else []


def _longest_line(tokens: list[Token]) -> list[Token]:
    lines: list[list[Token]] = [[]]
    for t in tokens:
        if "\n" in t.text:
            lines.append([])
            continue
        lines[-1].append(t)
        if "\n" in t.whitespace_:
            lines.append([])
    return max(lines, key=len)


def _is_titled_name(tokens: list[Token]) -> bool:
    """ "Chancellor [Olaf Scholz]" tagged ORG: 2-4 capitalised proper nouns right after a title word."""
    first = tokens[0]
    if first.i == 0 or not 2 <= len(tokens) <= 4:
        return False
    before = first.doc[first.i - 1]
    return (
        before.is_title
        and before.lower_ in roles.TITLE_HEADS
        and all(t.pos_ == "PROPN" and t.is_title for t in tokens)
        and places.lookup(" ".join(t.text for t in tokens)) is None
    )


def _is_department(tokens: list[Token]) -> bool:
    """ "State" in "Secretary of State" is part of a title, not an organization."""
    first = tokens[0]
    if len(tokens) != 1 or first.i < 2 or first.lower_ not in roles.DEPARTMENTS:
        return False
    of, title = first.doc[first.i - 1], first.doc[first.i - 2]
    return of.lower_ == "of" and title.lower_ in roles.TITLE_HEADS


def _is_title(token: Token) -> bool:
    return token.is_title and token.lower_ in roles.TITLE_HEADS


def _is_honorific(word: str) -> bool:
    return word.rstrip(".").casefold() in HONORIFICS


def _is_fragment(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or (not text[0].isupper() and not text[0].isdigit()):
        return True
    return _is_honorific(text)


def _fix_kind(text: str, kind: NameKind) -> NameKind | None:
    key = places.normalize(text)
    if key in KNOWN_KINDS:
        return KNOWN_KINDS[key]
    if kind == "demonym":
        if places.demonym_country(text) is not None:
            return "demonym"
        return None  # "Western", "Republicans": not a country
    if kind in ("organization", "person") and places.country_code(text) is not None:
        return "place"  # "DPRK" tagged ORG
    if kind == "person" and ("&" in text or any(w.lower().strip(".,") in INSTITUTION_WORDS for w in text.split())):
        return "organization"  # "Hillary & Chelsea Clinton Foundation", "Sarah Lawrence College" tagged PERSON
    return kind


def _honorific_start(text: str, start: int) -> int:
    """Start of an honorific ("Mr.", "MM.") right before a name, else ``start``."""
    before = text[max(0, start - 10) : start]
    stripped = before.rstrip()
    if len(stripped) == len(before) or "\n" in before[len(stripped) :]:
        return start
    word = stripped.rsplit(maxsplit=1)[-1] if stripped.split() else ""
    if word and _is_honorific(word) and word[0].isupper():
        return start - (len(before) - len(stripped)) - len(word)
    return start


# -- 2. places, demonyms, organizations -------------------------------------------


def _add_places_and_orgs(ents: DocEntities, spans: list[NameSpan]) -> None:
    keys: dict[str, str] = {}  # identity -> entity key
    spelled = _spelled_out(spans)
    for span in spans:
        place = _place_of(span)
        if place is not None:
            identity = place.identity
            create = functools.partial(ents.new_entity, "place", place.name, place=place.info)
        else:
            name = _org_name(span)
            name = spelled.get(name, name)  # "RAIB" is the Rail Accident Investigation Branch named earlier or later
            identity = "org:" + places.normalize(name)
            create = functools.partial(ents.new_entity, "organization", name)
        if identity not in keys:
            keys[identity] = create()
        key = keys[identity]
        ents.add_mention(key, span.start, span.end)
        if span.kind != "demonym":
            surface = _display(span.text)
            if places.normalize(surface) != places.normalize(ents.get(key).name):
                ents.alias(key, surface)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for", "&"})


def _spelled_out(spans: list[NameSpan]) -> dict[str, str]:
    """Acronyms the article also spells out: "RAIB" -> "Rail Accident Investigation Branch".

    An organization named by two to six capitals whose letters are the
    initials of the capitalised words of exactly one other organization's
    name ("of", "the", "and", "for" skipped); two candidates ("Democratic
    National Committee" and "Democratic National Convention" for "DNC") link
    neither.
    """
    names = {_org_name(s) for s in spans if s.kind == "organization"}
    by_initials: dict[str, set[str]] = {}
    for name in names:
        words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIPPED]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            by_initials.setdefault("".join(w[0] for w in words), set()).add(name)
    found: dict[str, str] = {}
    for name in names:
        if _ACRONYM.fullmatch(name):
            full = by_initials.get(name, set()) - {name}
            if len(full) == 1:
                found[name] = next(iter(full))
    return found


def _place_of(span: NameSpan) -> places.Place | None:
    """The gazetteer place of a place or demonym span; None for an organization."""
    if span.kind == "demonym":
        code = places.demonym_country(span.text)
        return places.country(code) if code is not None else None
    if span.kind == "place":
        return places.lookup(span.text) or places.region(span.text)
    return None


def _org_name(span: NameSpan) -> str:
    name = _display(span.text)
    if name.isupper() and len(name) > 5:
        return name.title()  # "REUTERS" in a credit line
    return name


def _display(text: str) -> str:
    """A name as stored: article stripped, typographic apostrophes made plain."""
    return " ".join(places.strip_article(text).replace("’", "'").split())


# -- 3. persons -------------------------------------------------------------------


@dataclass(slots=True)
class _Persons:
    """What resolving one article's short forms needs to know about its full names."""

    full: dict[str, str] = dataclasses.field(default_factory=dict)  # normalised full name -> entity key
    first_seen: dict[str, int] = dataclasses.field(default_factory=dict)  # key -> start of its first full name
    full_starts: dict[str, list[int]] = dataclasses.field(default_factory=dict)  # key -> its full names' starts
    titles: dict[str, set[str]] = dataclasses.field(default_factory=dict)  # key -> titles right before its name
    short: dict[str, str] = dataclasses.field(default_factory=dict)  # surname -> a person known only by it
    owner: dict[str, str] = dataclasses.field(default_factory=dict)  # surname -> whom it named unambiguously
    genders: dict[str, set[str]] = dataclasses.field(default_factory=dict)  # key -> "m"/"f" of its honorifics
    paragraph_starts: list[int] = dataclasses.field(default_factory=list)


def _add_persons(ents: DocEntities, spans: list[NameSpan]) -> None:
    persons = _Persons(paragraph_starts=[start for start, _ in paragraph_spans(ents.body)])
    for span in spans:
        if len(span.words) >= 2:
            norm = places.normalize(span.text)
            if norm not in persons.full:
                variant = _initials_variant(norm, persons.full)
                if variant is not None:
                    persons.full[norm] = variant  # "Loretta E. Lynch" after "Loretta Lynch": one person
                else:
                    persons.full[norm] = ents.new_entity("person", _display(span.text))
                    persons.first_seen[persons.full[norm]] = span.start
            full_key = persons.full[norm]
            persons.full_starts.setdefault(full_key, []).append(span.start)
            persons.titles.setdefault(full_key, set()).add(_title_before(ents.body, span.mention_start) or "")
    for span in spans:  # titled short forms that cannot be the full name's person come first
        if len(span.words) == 1 and not _is_family_plural(span, persons.full):
            _short_form_key(ents, span, persons)
    for span in spans:
        if len(span.words) >= 2:
            key: str | None = persons.full[places.normalize(span.text)]
        elif _is_family_plural(span, persons.full):
            continue  # "the Obamas": a family, not one person
        else:
            key = _short_form_key(ents, span, persons)
        gender = honorific_gender(ents.body[span.mention_start : span.start])
        if key is not None and gender is not None and _OTHER_GENDER[gender] in persons.genders.get(key, set()):
            key = None  # "Mrs. Clinton ... Mr. Clinton": not the woman (which Clinton he is, is left open)
        if key is not None and gender is not None and first_name_gender(ents.get(key).name) == _OTHER_GENDER[gender]:
            key = None  # "Saeed Abedini ... Mrs. Abedini": his wife, whom the article named as no entity
        if key is None:
            continue  # ambiguous short form: no mention rather than a wrong one
        if gender is not None:
            persons.genders.setdefault(key, set()).add(gender)
        ents.add_mention(key, span.mention_start, span.end)
        ents.alias(key, _display(span.text))


_OTHER_GENDER = {"m": "f", "f": "m"}


def _initials_variant(norm: str, full: dict[str, str]) -> str | None:
    """The one person whose full name is ``norm`` with or without middle initials, else None.

    "loretta e. lynch" and "loretta lynch" (same first and last word, the
    only difference middle initials one of them lacks) are one person;
    "george h. w. bush" and "george w. bush" are not (both have initials, and
    they differ), and a bare "george bush" beside both fits two and joins
    neither.
    """
    words = norm.split()
    if len(words) < 2:
        return None
    found = {key for other, key in full.items() if _differ_by_initials(words, other.split())}
    if len(found) != 1:
        return None
    (key,) = found
    # "loretta f. lynch" does not join the "loretta lynch" that "loretta e. lynch" already joined
    names = [other.split() for other, k in full.items() if k == key]
    initials = [n for n in [*names, words] if len(n) > 2]
    return key if all(n == initials[0] for n in initials) else None


def _differ_by_initials(a: list[str], b: list[str]) -> bool:
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or a[-1] != b[-1] or len(a) == len(b):
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) == 2 and all(_is_initial(w) for w in longer[1:-1])


def _is_initial(word: str) -> bool:
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isalpha()


def _short_form_key(ents: DocEntities, span: NameSpan, persons: _Persons) -> str | None:
    """The entity of a one-word name: a full name, a surname-only person, or None if ambiguous.

    "President Obama" does not join "Michelle Obama" (never called President):
    it becomes a person of its own, and a bare "Obama" is then ambiguous.
    Only a title one holder's family is known by does that (a head of
    state's); "Sen. Sanders" after "Bernie Sanders" is Bernie Sanders, as
    news names people in full before it titles them.
    """
    word = places.normalize(span.text)
    short = persons.short
    key = _resolve_short(span, persons)
    title = _title_before(ents.body, span.mention_start)
    if key is not None and title in DYNASTIC_TITLES and title not in persons.titles[key]:
        if word not in short:
            short[word] = ents.new_entity("person", _display(span.text))
        return short[word]
    if key is not None:
        return None if word in short else key
    if _matching_full_names(span, persons.full):
        if title is not None:
            return short.get(word)
        return None if word in short else _owner(span, persons)
    if word not in short:
        short[word] = ents.new_entity("person", _display(span.text))
    return short[word]


# Titles a relative of someone named in full may be known by, and never named in full ("President Obama"
# beside "Michelle Obama", "President Bush" beside "Jeb Bush", "King Abdullah" beside "Prince Abdullah").
DYNASTIC_TITLES = frozenset({"president", "king", "queen", "prince", "princess", "emperor", "pope"})


def _title_before(body: str, start: int) -> str | None:
    """A capitalised title word right before ``start`` ("President" Obama), lower-cased and spelled out
    ("Sen." Sanders is "senator", the same title as "Senator" Sanders)."""
    words = body[max(0, start - 30) : start].split()
    if not words or not words[-1][:1].isupper():
        return None
    word = words[-1].lower()
    if _title_abbreviation(words[-1]):
        word = roles.TITLE_SPELLED_OUT.get(word.rstrip("."), word)
    return word if word in roles.TITLE_HEADS else None


def _is_family_plural(span: NameSpan, full: dict[str, str]) -> bool:
    word = places.normalize(span.text)
    return word.endswith("s") and any(word[:-1] == name.split()[-1] for name in full)


def _matching_full_names(span: NameSpan, full: dict[str, str]) -> list[str]:
    """Full names ending in the short form; failing that, starting with it ("Kim" of "Kim Jong-un")."""
    word = places.normalize(span.text)
    last = [key for name, key in full.items() if name.split()[-1] == word]
    return last or [key for name, key in full.items() if name.split()[0] == word]


def _resolve_short(span: NameSpan, persons: _Persons) -> str | None:
    """The one full name a surname (or family-name-first) short form can mean, else None.

    That is the one full name before it, or with none before it, the one in
    the article; that person becomes the surname's *owner* (:func:`_owner`).
    """
    word = places.normalize(span.text)
    candidates = _matching_full_names(span, persons.full)
    before = [k for k in candidates if persons.first_seen[k] < span.start]
    if len(before) == 1:
        persons.owner.setdefault(word, before[0])
        return before[0]
    if not before and len(candidates) == 1:
        persons.owner.setdefault(word, candidates[0])
        return candidates[0]
    return None


def _owner(span: NameSpan, persons: _Persons) -> str | None:
    """Whom a bare surname means once a second person of that surname was named in full.

    News style keeps the bare surname for the person it named first ("Hillary
    Clinton ... Clinton ... Bill Clinton ... Clinton said" is Hillary): the
    owner, unless another bearer of the name was named in full in this or
    the previous paragraph, where the surname is ambiguous.
    """
    owner = persons.owner.get(places.normalize(span.text))
    if owner is None:
        return None
    window = window_start(persons.paragraph_starts, span.start, paragraphs=1)  # this and the previous one
    for other in _matching_full_names(span, persons.full):
        if other != owner and any(window <= start < span.start for start in persons.full_starts.get(other, ())):
            return None
    return owner
