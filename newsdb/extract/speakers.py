"""Who a cue's subject is: names, pronouns, descriptors, organizations and places.

:class:`SpeakerResolver` turns the noun phrase that a speech cue points at
("Mr. Lavrov", "he", "the Russian minister", "the United States") into an
entity key of :class:`~newsdb.extract.doc.DocEntities`, or None.  It is
deliberately cautious: a wrong speaker is worse than none, so a pronoun or a
descriptor is resolved only when exactly one person fits.

Statements are resolved in text order and each resolved attribution is
remembered (:meth:`SpeakerResolver.remember`): the subject of the previous
attribution is the first candidate for a later "he said" or "the official".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsdb.extract import places, roles
from newsdb.extract.doc import DocEntities
from newsdb.extract.facts import EntityKind, Mention
from newsdb.extract.lexicon import (
    NOT_GIVEN_NAMES,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    first_name_gender,
    honorific_gender,
    reads_like_a_person,
    refers_back,
)
from newsdb.extract.quotes import paragraph_spans, window_start

PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
GENDERED_NOUNS = {
    "spokesman": "m", "spokeswoman": "f", "congressman": "m", "congresswoman": "f", "chairman": "m",
    "chairwoman": "f", "businessman": "m", "businesswoman": "f", "actor": "m", "actress": "f", "king": "m",
    "queen": "f", "prince": "m", "princess": "f", "husband": "m", "wife": "f", "father": "m", "mother": "f",
    "son": "m", "daughter": "f", "brother": "m", "sister": "f", "widow": "f", "widower": "m",
    "councilman": "m", "councilwoman": "f", "assemblyman": "m", "assemblywoman": "f", "emperor": "m",
}  # fmt: skip
KIN_NOUNS = frozenset(
    {"husband", "wife", "father", "mother", "son", "daughter", "brother", "sister", "widow", "widower", "son-in-law",
     "daughter-in-law", "grandson", "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "nephew", "niece",
     "fiancé", "fiancée", "parent", "child", "sibling"}
)  # fmt: skip
RELATION_NOUNS = frozenset({"friend", "neighbor", "neighbour", "colleague", "cousin", "fiance", "fiancee", "partner"})
PARTY_MEMBERS = frozenset({"republican", "democrat", "conservative", "liberal", "libertarian", "socialist"})
UNRESOLVED_PRONOUNS = frozenset({"i", "me", "we", "us", "you", "they", "them", "it", "one", "who", "which", "that"})
NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod"})
ISSUING_VERBS = frozenset({"issue", "release", "send", "post", "publish", "put", "write"})  # "X issued a statement"
MAX_DOCUMENT_LOOKBACK = 400  # tokens back to the statement "the statement" refers to
# Documents that "say" what their author wrote: "Trump's tweet said", "a statement from the company".
DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "email", "e-mail", "tweet", "memo", "memorandum", "release", "post", "message",
     "note", "memoir", "blog", "op-ed", "editorial", "filing", "complaint", "lawsuit", "petition"}
)  # fmt: skip
# Nouns for an organization, which name the organization in apposition: "the Israeli newspaper Haaretz".
ORGANIZATION_NOUNS = frozenset(
    {"newspaper", "paper", "magazine", "network", "agency", "group", "company", "broadcaster", "outlet",
     "website", "site", "tabloid", "channel", "station", "firm", "organization", "organisation", "charity",
     "union", "daily", "weekly", "publication", "blog", "party", "committee", "nonprofit", "think-tank"}
)  # fmt: skip
MAX_ANAPHORA_PARAGRAPHS = 2  # a pronoun looks back at most this many paragraphs
# Clauses embedded in another, whose subject pronoun may refer to that other clause's subject.
EMBEDDED_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "pcomp"})
MAX_BINDING_DEPTH = 4  # clauses between a subject pronoun and the clause whose subject it refers to
MIN_MENTIONS_OF_ITS_OWN = 2  # uses of a bare surname before any fuller name that make it a person of its own

# Descriptor heads that fit any official title; "the head of X diplomacy" means a foreign minister.
GENERIC_OFFICIAL = frozenset({"official", "officer", "leader", "politician", "diplomat", "head", "chief"})
OFFICIAL_TITLE_WORDS = frozenset(
    {
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "ambassador",
        "adviser",
        "advisor",
        "director",
        "president",
        "chancellor",
        "premier",
        "governor",
        "senator",
        "diplomat",
        "envoy",
        "leader",
        "chief",
        "head",
        "commander",
        "chairman",
        "chairwoman",
    }
)
PERSON_HEADS = roles.TITLE_HEADS | GENERIC_OFFICIAL | OFFICIAL_TITLE_WORDS
PERSON_SUFFIXES = ("er", "or", "ist", "ess", "ian", "ant", "ent", "man", "woman", "person")
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
DIPLOMACY_TITLE_WORDS = frozenset({"foreign", "diplomat", "ambassador", "envoy", "state"})
# Words a person's name does not start with: "Without Bloomberg" is a NER slip.
NOT_NAME_WORDS = frozenset({"without", "with", "the", "a", "an", "and", "or", "but", "for", "by", "of", "in", "on"})
OPENING_MARKS = frozenset('“"«„')
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "MM.", "M."})
_HONORIFIC = re.compile(r"(?:\b(Mr|Mrs|Ms|Miss|Mme|M)\.?\s+)$")
_HONORIFIC_OPENING = re.compile(r"(Mr|Mrs|Ms|Miss|Mme|M)\.?\s+(?=[A-Z])")
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*\Z|[A-Z]{2,}[a-z]+[A-Za-z]*\Z")  # HuffPo, AZCentral
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\Z|[A-Z]\.\Z|(?:Mc|Mac|O’|O')[A-Z][a-z]+\Z")


@dataclass(slots=True)
class Attributed:
    """A resolved attribution, remembered for later pronouns and descriptors."""

    speaker: str
    position: int  # where the cue is


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speaker noun phrases of one document, in text order."""

    doc: Doc
    ents: DocEntities
    quoted: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of quotations, in order
    _text: str = ""  # doc.text, given or kept: spaCy rebuilds that string from the tokens on every access
    _titles: dict[str, list[str]] = field(default_factory=dict)
    _last: Attributed | None = None
    _last_organization: Attributed | None = None  # the last attribution to an organization: "It added"
    _paragraph_starts: list[int] = field(default_factory=list)
    _genders: dict[str, str] | None = None  # built on first use
    _evidenced: set[str] = field(default_factory=set)  # persons the article gives any gender evidence for
    _person_like: set[str] | None = None  # organizations named like persons, built on first use
    _sex_given: dict[str, str] = field(default_factory=dict)  # sex an honorific or pronoun gave a speaker

    def __post_init__(self) -> None:
        self._text = self._text or self.doc.text
        self._paragraph_starts = [s for s, _ in paragraph_spans(self._text)]
        self._titles = self._collect_titles()

    # -- public -------------------------------------------------------------

    def resolve(self, phrase: Span) -> str | None:
        """Entity key of the speaker named by ``phrase``, or None when not certain."""
        head = phrase.root
        lower = head.text.lower()
        if head.pos_ == "PRON" or lower in PERSONAL or lower in UNRESOLVED_PRONOUNS:
            key = self._bound(head) or self._repeated_frame(head) or self._pronoun(head) or self._previous_subject(head)
            if key is not None and lower in PERSONAL:
                self._sex_given.setdefault(key, PERSONAL[lower])  # "She replied ..." : a later "he" is not her
            return key
        author = self._author(phrase)
        if author is not None:
            return author
        named = self._named(phrase)
        if named is not None:
            return named if self.ents.get(named).kind != "place" or self._place_speaks(phrase) else None
        return self._descriptor(phrase)

    def remember(self, speaker: str | None, position: int) -> None:
        """Record the speaker of an attribution at ``position`` (None clears nothing)."""
        if speaker is not None and self.ents.get(speaker).kind == "person":
            self._last = Attributed(speaker, position)
        elif speaker is not None and self.ents.get(speaker).kind == "organization":
            self._last_organization = Attributed(speaker, position)

    # -- names --------------------------------------------------------------

    def _named(self, phrase: Span) -> str | None:
        """The entity a name in the phrase refers to: the head first, then other names, right to left."""
        head = phrase.root
        key = self._entity_of_token(head)
        if key is not None:
            return key
        stacked = self._stacked_titles(head)
        if stacked is not None:
            return stacked
        if head.pos_ == "NOUN" or _title_token(head):
            # "spokesman John Kirby" names the spokesman; "a spokesman for Clinton" does not;
            # "Her chief policy aide, Jake Sullivan," names the aide in an apposition after the phrase;
            # "CEO of the Refugee Council Enver Solomon told" (a title tagged as a proper noun) too
            names = [
                t
                for t in head.rights
                if t.pos_ == "PROPN" and t.dep_ in NAME_DEPS and (t.i < phrase.end or t.dep_ == "appos")
            ]
        else:
            names = [t for t in phrase if t.pos_ == "PROPN"]
        # "The Israeli newspaper Haaretz noted": an organization noun names its organization
        kinds = ("person", "organization") if head.lemma_.lower() in ORGANIZATION_NOUNS else ("person",)
        for token in reversed(names):
            key = self._entity_of_token(token)
            if key is not None and self.ents.get(key).kind in kinds:
                return key
        if head.pos_ == "PROPN":
            return self._by_name(phrase)
        return None

    def _stacked_titles(self, head: Token) -> str | None:
        """ "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell": a title
        coordinated with another title before a person's name is that person's; not "the president and Vice
        President Joe Biden", two people, whose first title is a common noun with an article."""
        if head.pos_ != "PROPN" or not _title_token(head):
            return None
        for conj in head.children:
            if conj.dep_ != "conj" or conj.pos_ != "PROPN":
                continue
            key = self._entity_of_token(conj)
            titled = any(c.dep_ == "compound" and _title_token(c) for c in conj.children)
            if key is not None and titled and self.ents.get(key).kind == "person":
                return key
        return None

    def _author(self, phrase: Span) -> str | None:
        """Who wrote the document that speaks: "Trump's tweet said", "a statement from the Seattle police".

        The person or organization named as the possessor of a statement,
        letter, email, tweet, memo or release, or after "from"; a possessive
        pronoun ("her statement") is left to no one.  "The statement said" is
        the author of the statement the article mentioned last (this or the
        previous paragraph): "Google said in a statement ...", "the company
        issued a statement" when its subject is named.
        """
        head = phrase.root
        lemma = head.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS:
            return None
        key = self._document_owner(head) or self._issuer(head)  # "Trump issued a statement saying"
        stated = any(c.dep_ in ("poss", "prep") and c.lower_ not in ("of", "on", "in", "about") for c in head.children)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in head.children)
        if key is None and definite and not stated:  # "the statement by the two": its authors, unnamed
            earlier = [
                t
                for t in self.doc[max(0, head.i - MAX_DOCUMENT_LOOKBACK) : head.i]
                if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
            ]
            if earlier and self._paragraph_index(earlier[-1].idx) >= self._paragraph_index(head.idx) - 1:
                key = self._document_owner(earlier[-1]) or self._issuer(earlier[-1])
        return key

    def _document_owner(self, document: Token) -> str | None:
        owners = [c for c in document.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        for prep in document.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                owners.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN")
        return self._one_speaking_entity(owners)

    def _issuer(self, document: Token) -> str | None:
        """The named subject of "X said in a statement", "X issued a statement", "X ..., releasing a statement"."""
        verb = document.head
        if document.dep_ == "pobj" and verb.lower_ == "in":
            verb = verb.head
        elif not (document.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS):
            return None
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and verb.tag_ == "VBG" and verb.dep_ == "advcl":
            verb = verb.head  # "Mr. Sanders showed no sign of backing down, releasing a statement that ..."
        return self._one_speaking_entity([c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"])

    def _one_speaking_entity(self, tokens: list[Token]) -> str | None:
        """The one person or organization ``tokens`` name ("Trump and Ryan" name two: none)."""
        found = (self._entity_of_token(c) for t in tokens for c in (t, *t.conjuncts))
        keys = {key for key in found if key is not None}
        if len(keys) != 1:
            return None
        (key,) = keys
        return key if self.ents.get(key).kind in ("person", "organization") else None

    def _place_speaks(self, phrase: Span) -> bool:
        """A country or city speaking for its government ("Moscow denounced", "Russia said").

        Its name must head the phrase as the subject of a verb, written as a
        name: not a dateline ("LONDON -", "Washington (AFP) -"), not a demonym
        ("Americans will say"), not a state or region ("New Hampshire").
        """
        root = phrase.root
        mention = self.ents.mention_at(root.idx, root.idx + len(root.text))
        place = self.ents.get(mention.entity).place if mention is not None else None
        if mention is None or place is None or place.place_type not in ("country", "city"):
            return False
        if root.dep_ not in SUBJECT_DEPS or mention.text.isupper() or places.demonym_country(mention.text):
            return False
        after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
        return after is None or after.text not in ("(", "-", "—", "–")

    def _by_name(self, phrase: Span) -> str | None:
        """A name the entity stage did not mark: the entity whose name or surname it is.

        Several entities may carry the surname.  Spellings of one person
        ("Donald Trump" / "Billionaire Donald Trump", "Francois" / "François
        Hollande", a bare "Clinton" next to "Hillary Clinton") count once; of
        several real persons ("Bush"), the one named most recently, within the
        anaphora window or, failing that, the one the last bare surname named.
        With no entity of that name at all, a PROPN subject of a speech verb
        becomes a new person (:meth:`register`).
        """
        words = [t.text for t in phrase if t.pos_ == "PROPN" and t.text not in HONORIFICS]
        if not words:
            return None
        genders = {honorific_gender(t.text) for t in phrase if t.text in HONORIFICS} - {None}
        found, key = self._entity_named(words, phrase.start_char, genders.pop() if len(genders) == 1 else None)
        if found:
            return key
        return self._register(phrase) or self._register_organization(phrase)

    def _register_organization(self, phrase: Span) -> str | None:
        """A new organization for a speaker named as no person is: "According to HuffPo", "The Blaze reported".

        One to four capitalised proper nouns the NER left untagged (or tagged
        as a work or product), after "the" or written with an inner capital
        ("HuffPo", "AZCentral"): a person's name takes neither.
        """
        names = [t for t in phrase if t.pos_ == "PROPN"]
        if not names or len(names) > 4 or self._quoted(phrase.start_char):
            return None
        chain = phrase.doc[names[0].i : names[-1].i + 1]
        if chain.root.i != phrase.root.i or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in chain):
            return None
        if any(t.ent_type_ not in roles.IGNORED_LABELS and t.ent_type_ != "ORG" for t in chain):
            return None
        before = phrase.doc[chain.start - 1] if chain.start > 0 else None
        definite = before is not None and before.lower_ == "the" and before.i >= phrase.start
        camel = len(chain) == 1 and _INNER_CAPITAL.match(chain.text) is not None
        if not (definite or camel) or any(roles.is_title_word(t) or t.tag_ == "NNPS" for t in chain):
            return None  # "the Founding Fathers", "the Friends": people, not an organization
        of = _of_names(chain.root)
        if of:  # "The Municipality of Livorno"
            chain = phrase.doc[chain.start : max(o.right_edge.i for o in of) + 1]
        return self._new_speaker("organization", chain)

    def _new_speaker(self, kind: EntityKind, name: Span) -> str:
        """A new entity named ``name``, with ``name`` as its mention."""
        key = self.ents.new_entity(kind, name.text)
        self.ents.add_mention(key, name.start_char, name.end_char)
        return key

    def resolve_label(self, label: str, start: int, register: bool) -> str | None:
        """The person a transcript turn's label at ``start`` names ("PENCE", "JAKE TAPPER"), compared without case.

        With ``register``, a label naming no entity at all becomes a new person
        ("Wallace"); a label naming a place or an organization is nobody.  The
        caller adds the mentions.
        """
        words = [w for w in label.split() if w.title() not in HONORIFICS]
        if not words:
            return None
        found, key = self._entity_named(words, start)
        if found:
            return key if key is not None and self.ents.get(key).kind == "person" else None
        if not register or not all(_NAME_WORD.match(w.title()) for w in words):
            return None
        return self.ents.new_entity("person", " ".join(w.title() for w in words))

    def _entity_named(self, words: list[str], position: int, gender: str | None = None) -> tuple[bool, str | None]:
        """(whether any entity has this name or surname, the one it names when that is certain).

        ``gender``, from an honorific ("Mrs. Clinton"), rules out namesakes known to be of the other sex
        ("Bill Clinton").
        """
        wanted = _fold(" ".join(words))
        wanted_words = wanted.split()
        persons: set[str] = set()
        others: set[str] = set()
        for entity in self.ents.entities:
            for name in (entity.name, *entity.aliases):
                lowered = _fold(name)
                surname = lowered.split()[-len(wanted_words) :]
                if entity.kind == "person" and (lowered == wanted or surname == wanted_words):
                    persons.add(entity.key)
                elif lowered == wanted:
                    others.add(entity.key)
        persons = self._distinct_persons(persons)
        if gender is not None and len(persons) > 1:
            persons = {p for p in persons if self._likely_gender(p) in (None, gender)} or persons
        if len(persons) == 1:
            key = persons.pop()
            if gender is not None:
                # "Mrs. Clinton said" named Hillary: a later "Mr. Clinton" is someone else
                self._sex_given.setdefault(key, gender)
            return True, key
        if len(persons) > 1 and len(wanted_words) == 1:
            called = self._called_so(persons, position, wanted)
            if called is not None:
                return True, called
        if persons:
            return True, self._most_recent(persons, position, wanted)
        if others:
            return True, others.pop() if len(others) == 1 else None
        return False, None

    def _called_so(self, keys: set[str], position: int, surname: str) -> str | None:
        """The one person the article has called by the bare ``surname`` before ``position``.

        "President-elect Donald Trump ... Trump told reporters ... his wife, Melania Trump ... Trump said" is
        Donald Trump, and "Obama ... Michelle Obama ... Obama said" the president: news calls a namesake by
        a first name or a title, not by the surname the article gave someone else.  None when several were
        so called, or when a namesake is named in the same sentence ("Bill and Hillary Clinton arrived;
        Clinton said").
        """
        called = [
            key
            for key in keys
            if any(m.end <= position and _fold(m.text) == surname for m in self.ents.mentions_of(key))
        ]
        if len(called) != 1:
            return None
        token = self.doc.char_span(position, min(position + 1, len(self._text)), alignment_mode="expand")
        if token is None:
            return None
        sentence = token.sent
        for key in keys - {called[0]}:
            if any(sentence.start_char <= m.start < sentence.end_char for m in self.ents.mentions_of(key)):
                return None
        return called[0]

    def _distinct_persons(self, keys: set[str]) -> set[str]:
        """One key per person among entities sharing a surname.

        A one-word name ("Clinton") is dropped when a fuller name carries it,
        unless the article used it bare at least ``MIN_MENTIONS_OF_ITS_OWN``
        times before any fuller name ("Obama" before "Michelle Obama"); two
        full names are one person when one's words end the other's
        ("Donald Trump" in "Billionaire Donald Trump") or their first names
        differ only by a prefix ("Ken" / "Kenneth Starr").  The kept key of a
        group is its most mentioned entity.
        """
        if len(keys) < 2:
            return keys
        names = {key: _fold(self.ents.get(key).name).split() for key in keys}
        named = {k for k in keys if names[k] and names[k][0] not in NOT_NAME_WORDS}  # not "Without Bloomberg"
        if named and named != keys:
            return self._distinct_persons(named)
        full = [k for k in sorted(keys) if len(names[k]) > 1]
        if not full:
            return keys
        first_full = min(self._first_mention(k) for k in full)
        # a one-word name the article has used several times before any fuller one is a person of its own:
        # "Obama" (the president, never named in full) and, later, "Michelle Obama"; not a headline's
        # "Nega" before the "Berhanu Nega" of the first paragraph
        earlier = {
            k
            for k in keys
            if len(names[k]) == 1
            and sum(m.start < first_full and _fold(m.text) == names[k][0] for m in self.ents.mentions_of(k))
            >= MIN_MENTIONS_OF_ITS_OWN
        }
        groups: list[list[str]] = []
        for key in full:
            group = next((g for g in groups if all(_same_person(names[key], names[o]) for o in g)), None)
            if group is None:
                groups.append([key])
            else:
                group.append(key)
        return {max(g, key=lambda k: (len(self.ents.mentions_of(k)), k)) for g in groups} | earlier

    def _first_mention(self, key: str) -> int:
        mentions = self.ents.mentions_of(key)
        return min(m.start for m in mentions) if mentions else len(self._text)

    def _most_recent(self, keys: set[str], position: int, surname: str | None = None) -> str | None:
        """The candidate named last before ``position``, when that was recent, as a subject, or by the bare
        ``surname``.

        The namesake named last is the one a bare surname means only when the article spoke of that person
        there: "Eric Trump called. ... Trump said" is Eric, but "Eric Trump's comments came after his father
        unveiled a nickname. ... Trump tweeted" is the father, and "her husband, former President Bill
        Clinton ... Clinton is receiving criticism for her comments ... Clinton claimed" is Hillary.  A
        namesake last named as anything but a subject (or the speaker of the last attribution) leaves the
        surname open.
        """
        window = self._window_start(position)
        for key in self.ents.persons_before(position):
            if key in keys:
                before = [m for m in self.ents.mentions_of(key) if m.end <= position]
                last = before[-1] if before else None
                if last is None:
                    return None
                if last.end >= window:
                    spoke = self._last is not None and self._last.speaker == key and self._last.position >= last.start
                    if spoke or self._is_subject(last.start, last.end, conjoined=True):
                        return key
                    return self._subject_beside(keys - {key}, last)
                return key if surname is not None and _fold(last.text) == surname else None
        return None

    def _subject_beside(self, keys: set[str], named: Mention) -> str | None:
        """The namesake that is the subject of the sentence in which ``named`` is only mentioned: "Patricia
        Smith, mother of Benghazi victim Sean Smith, forcefully rejected Clinton's claim. ... Smith said"."""
        token = self.doc.char_span(named.start, named.end, alignment_mode="expand")
        if token is None:
            return None
        sentence = token.sent
        found = {
            m.entity
            for key in keys
            for m in self.ents.mentions_of(key)
            if sentence.start_char <= m.start < named.start and self._is_subject(m.start, m.end)
        }
        return found.pop() if len(found) == 1 else None

    def _register(self, phrase: Span) -> str | None:
        """A new person for a proper-noun speaker the entity stage missed: "Starr said", "said Viguerie".

        Only a short chain of capitalised proper nouns (a title or
        honorific before it allowed), not tagged as an organization, place
        or group by the NER, and not inside a quotation.
        """
        names = [t for t in phrase if t.pos_ == "PROPN" and t.text not in HONORIFICS]
        if names and names[-1].i == phrase.root.i and len(names) > 1:
            # "Twitter's Adam Sharp", "Secretary-Treasurer Gary Casteel": the name is the run ending at the head
            # "Indians fan Alayna Fodor-Gopal": a hyphen inside a double surname joins the run
            run = [phrase.root]
            for token in reversed(names[:-1]):
                gap = phrase.doc[token.i + 1 : run[0].i]
                if (gap and not _joins_names(token, gap)) or _not_a_name_word(token) or len(run) >= 4:
                    break
                run[:0] = [token, *gap]
            names = [t for t in run if t.pos_ == "PROPN"]
        if not names or len(names) > 4 or self._quoted(phrase.start_char):
            return None
        first, last = names[0].i, names[-1].i
        chain = phrase.doc[first : last + 1]
        words = [t for t in chain if t.tag_ != "HYPH"]
        if any(t.pos_ != "PROPN" or t.tag_ == "NNPS" for t in words):
            return None
        # "Twitter's Adam Sharp", tagged a work of art: a common first name makes it a person's name, as does a
        # person noun before it ("his friend Mahamat Saleh Oumar", tagged a product)
        before = next((t for t in reversed(phrase.doc[phrase.start : chain.start]) if not t.is_space), None)
        described = before is not None and before.is_lower and before.pos_ == "NOUN" and _person_noun(before.lemma_)
        first_named = len(words) > 1 and (first_name_gender(chain.text) is not None or described)
        allowed = ("", "PERSON", "WORK_OF_ART", "PRODUCT") if first_named else ("", "PERSON")
        if any(t.ent_type_ not in allowed for t in chain) and not _misread_nationality(phrase, chain):
            return None
        if not all(_NAME_WORD.match(t.text) for t in words) or chain.root.i != phrase.root.i:
            return None
        if all(roles.is_title_word(t) for t in chain):
            return None  # "The President, who congratulated his successor, said": a title, nobody's name
        if _of_names(chain.root):
            return None  # "The Municipality of Livorno reasoned": an institution of a place, no person
        return self._new_speaker("person", chain)

    def _entity_of_token(self, token: Token) -> str | None:
        return self.ents.entity_at(token.idx, token.idx + len(token.text))

    # -- pronouns -----------------------------------------------------------

    def _pronoun(self, pronoun: Token) -> str | None:
        gender = PERSONAL.get(pronoun.lower_)
        if gender is None:
            return None
        candidates = self._anaphora_candidates(pronoun.idx)
        topic = self._possessor_topic(pronoun)
        if topic is not None and topic not in candidates:
            candidates.append(topic)
        addressed = self._addressed(pronoun)
        fitting = [c for c in candidates if c == "?" or (self._gender(c) in (None, gender) and c not in addressed)]
        if "?" in fitting:
            return None
        if len(fitting) == 1:
            # "Ben Jacobs ... she said", "Kevin was snoring. “...,” she said": a first name of the other sex
            # rules out the one candidate (a one-word name too: ruling out only ever leaves no speaker)
            return fitting[0] if self._likely_gender(fitting[0], alone=True) in (None, gender) else None
        # "Donald Trump ... Angela Merkel ... she said": first names decide only when every candidate
        # has a gender, by the article or by a first name, and one alone fits
        likely = [self._likely_gender(c) for c in fitting]
        if None in likely or likely.count(gender) != 1:
            return None
        return fitting[likely.index(gender)]

    def _possessor_topic(self, pronoun: Token) -> str | None:
        """The person whose possessive opens the subject of the sentence before: "Carson's renewed endorsement of
        his leadership team came with caveats. He may add to it, he said" may be about Carson, whoever spoke
        last, so he is a candidate too."""
        before = self._sentence_before(pronoun)
        subject = self._main_subject(before) if before is not None else None
        if before is None or subject is None or subject.lemma_.lower() in PERSON_HEADS:
            return None  # "Trump's Indiana chairman, Rex Early, said": the chairman is the topic
        if any(c.dep_ == "appos" for c in subject.children):
            return None  # "Clinton's spokesman, Brian Fallon, said"
        if self._last is not None and before.start_char <= self._last.position < before.end_char:
            return None  # "Clinton's position was supported by Feinstein, who said": the speaker is the topic
        if self._text[self._paragraph_starts[self._paragraph_index(before.start_char)]] in OPENING_MARKS:
            return None  # a paragraph of someone's words, its closing mark lost
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ != "PROPN":
            return None
        key = self._entity_of_token(owner)
        return key if key is not None and self.ents.get(key).kind == "person" else None

    def _addressed(self, pronoun: Token) -> set[str]:
        """Persons named as an object of the subject pronoun's own verb, whom the pronoun cannot mean.

        "“...,” he told Hannity": Hannity was told, so "he" is someone else.
        """
        if pronoun.dep_ not in SUBJECT_DEPS:
            return set()
        objects = [c for c in pronoun.head.children if c.dep_ in ("dobj", "dative")]
        objects += [
            o
            for c in pronoun.head.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        found = (self._entity_of_token(t) for t in objects)
        return {key for key in found if key is not None}

    def _likely_gender(self, key: str, alone: bool = False) -> str | None:
        """The article's evidence (:meth:`_gender`), else the sex an earlier attribution gave the person
        ("Mrs. Clinton said", "She replied" resolved to them), else that of a first name nearly always given
        to one sex.

        :func:`~newsdb.extract.lexicon.first_name_gender`: "Donald", "Angela";
        not "Kim", "Jordan", "Hillary"; never for a person the article gives
        contradicting evidence about.  ``alone``: a name of one word counts
        too ("Kevin"; it may be a surname, so only to rule a candidate out).
        """
        known = self._gender(key)
        if known is not None or key in self._evidenced:
            return known
        return self._sex_given.get(key) or first_name_gender(self.ents.get(key).name, alone=alone)

    def _bound(self, pronoun: Token) -> str | None:
        """The person a subject pronoun refers to by its own sentence's structure.

        "Lynch rejected what she called “...”", "Ban Ki-moon condemned what
        he called “...”": the subject of the nearest clause
        above the pronoun's own, when that subject is a named person of a fitting
        gender and no other person is named between it and the pronoun.
        """
        gender = PERSONAL.get(pronoun.lower_)
        if gender is None or pronoun.dep_ not in SUBJECT_DEPS:
            return None
        clause = pronoun.head
        for _ in range(MAX_BINDING_DEPTH):
            if clause.dep_ not in EMBEDDED_DEPS:
                return None  # a main or conjoined clause: its pronoun may mean anyone named before
            clause = clause.head
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                break
        else:
            return None
        subject = subjects[0]
        if subject.i > pronoun.i or subject.pos_ != "PROPN" or self._quoted(subject.idx):
            return None
        key = self._entity_of_token(subject)
        if key is None or self.ents.get(key).kind != "person" or self._gender(key) not in (None, gender):
            return None
        between = self._persons_between(subject.idx, pronoun.idx, subjects_only=False)
        return key if between in ([], [key]) else None

    def _repeated_frame(self, pronoun: Token) -> str | None:
        """The named speaker of a frame the pronoun's own sentence opened with.

        "Feinstein said "I don't know anything about Jake Sullivan," she
        said", "Fallon fired back: “As a guardian of the @POTUS legacy,” he
        wrote": the parser makes the first frame a clause of "said"/"wrote",
        and its subject, a named person of the pronoun's gender with no other
        person named after it, is who the pronoun means.
        """
        gender = PERSONAL.get(pronoun.lower_)
        verb = pronoun.head
        if gender is None or pronoun.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "parataxis") or clause.i > pronoun.i or self._quoted(clause.idx):
                continue
            if clause.lemma_.lower() not in SPEECH_VERBS and not any(c.text == ":" for c in clause.children):
                continue  # "Fallon fired back: “...”": a colon makes any verb a frame
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN"]
            key = self._entity_of_token(subjects[0]) if len(subjects) == 1 else None
            if key is None or self.ents.get(key).kind != "person" or self._gender(key) not in (None, gender):
                continue
            if self._likely_gender(key, alone=True) not in (None, gender):
                continue
            if self._persons_between(subjects[0].idx, pronoun.idx, subjects_only=False) in ([], [key]):
                return key
        return None

    def _previous_subject(self, pronoun: Token) -> str | None:
        """The person the sentence before is about, when a subject pronoun has several candidates.

        "Davis, in the lineup for his defense, had gained confidence. “I just
        felt like this was going to be a fight,” he said.": news follows a
        sentence about someone with that person's words.  Only the named
        person subject of the main clause of the sentence right before the
        quotation (same or previous paragraph; a title subject by the name
        beside it), no other person or unknown name between it and the
        pronoun, and known to be of the pronoun's gender (by the article
        or a first name: "Kevin was snoring. “Here he is,” she said" is the
        unnamed woman's).
        """
        gender = PERSONAL.get(pronoun.lower_)
        if gender is None:
            return self._previous_organization(pronoun) if pronoun.lower_ == "it" else None
        before = self._sentence_before(pronoun)
        subject = self._main_subject(before) if before is not None else None
        if before is None or subject is None:
            return None
        if subject.pos_ == "NOUN" and _person_noun(subject.lemma_.lower()):
            # "The campaign's communications director Jennifer Palmieri welcomed the move."
            names = [c for c in subject.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
            subject = names[0] if len(names) == 1 else subject
        if subject.pos_ != "PROPN":
            return None
        key = self._entity_of_token(subject)
        if key is None or self.ents.get(key).kind != "person":
            return None
        # anyone named after the subject may be meant: "Adelson has indicated he may back Trump. Yet he
        # is facing skepticism" is Trump's; "Trump, Sexton said, has created ... “...,” he said" Sexton's
        between = self._persons_between(subject.idx, pronoun.idx, subjects_only=False)
        between = [k for k in between if k == key or not self._only_attributive(k, subject.idx, pronoun.idx)]
        reported = self._reported_by(before, subject) if pronoun.head.lemma_.lower() in SPEECH_VERBS else None
        if reported is not None:
            # "Obama ... said Mr Trump was “unfit” ... he said: “...”": whom the speaker spoke of does not speak
            between = [k for k in between if k == key or not self._only_within(k, reported, pronoun.idx)]
        # "Obama campaigned for Hillary Clinton ... he said": a person of the other sex is not meant
        between = [k for k in between if k == key or self._likely_gender(k) in (None, gender)]
        if between not in ([], [key]) or self._unknown_subject(before.end_char, pronoun.idx):
            return None
        return key if self._likely_gender(key) == gender else None

    def _reported_by(self, sentence: Span, subject: Token) -> tuple[int, int] | None:
        """The character span of what the sentence's main speech verb, said by ``subject``, reports."""
        if subject.i not in {c.i for c in sentence.root.children if c.dep_ in SUBJECT_DEPS}:
            return None
        verbs = [sentence.root, *(c for c in sentence.root.children if c.dep_ == "conj")]
        for verb in verbs:
            if verb.lemma_.lower() not in SPEECH_VERBS:
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is not None:
                return self.doc[clause.left_edge.i].idx, clause.right_edge.idx + len(clause.right_edge.text)
        return None

    def _only_within(self, key: str, span: tuple[int, int], end: int) -> bool:
        """Every mention of ``key`` from the start of ``span`` up to ``end`` lies inside ``span``."""
        mentions = [m for m in self.ents.mentions_of(key) if span[0] <= m.start < end]
        return bool(mentions) and all(m.end <= span[1] for m in mentions)

    def _previous_organization(self, pronoun: Token) -> str | None:
        """The organization the sentence before is about, for "it said".

        "Mondelez International raised prices in July. “We carry these costs
        as long as possible,” it said.": only an organization named as the
        subject of the main clause of the sentence right before (same or
        previous paragraph), with no other organization named between it
        and the pronoun.
        """
        before = self._sentence_before(pronoun)
        subject = self._main_subject(before) if before is not None else None
        if before is None or subject is None:
            return None
        last = self._last_organization
        if subject.lower_ == "it" and last is not None and before.start_char <= last.position < before.end_char:
            return last.speaker  # "Twitter said ... It added ... It said": the same organization speaks on
        if subject.pos_ != "PROPN" and not (subject.pos_ == "NOUN" and subject.text[:1].isupper()):
            return None  # "Toblerone said", tagged a common noun, is a name all the same
        key = self._entity_of_token(subject)
        if key is None or self.ents.get(key).kind != "organization":
            return None
        named = {
            m.entity
            for m in self.ents.mentions
            if m.end > subject.idx and m.start < pronoun.idx and self.ents.get(m.entity).kind == "organization"
        }
        return key if named == {key} else None

    def _sentence_before(self, pronoun: Token) -> Span | None:
        """The sentence before a subject pronoun's sentence, or before the quotation it follows ("“A. B,” he
        said"), when that is in the same or the previous paragraph."""
        if pronoun.dep_ not in SUBJECT_DEPS or self._quoted(pronoun.idx):
            return None
        begin = pronoun.sent.start_char
        enclosing = self._enclosing_quote(begin)
        if enclosing is not None:
            begin = enclosing[0]
        first = self.doc.char_span(begin, begin + 1, alignment_mode="expand")
        if first is None or first.sent.start == 0:
            return None
        before = self.doc[first.sent.start - 1].sent
        if self._paragraph_index(before.start_char) < self._paragraph_index(begin) - 1:
            return None
        return before

    def _main_subject(self, sentence: Span) -> Token | None:
        """The one subject of a sentence's main clause, outside quotation marks."""
        subjects = [c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) != 1 or self._quoted(subjects[0].idx):
            return None
        return subjects[0]

    def _enclosing_quote(self, pos: int) -> tuple[int, int] | None:
        idx = bisect.bisect_right(self.quoted, (pos, len(self._text) + 1)) - 1
        if idx >= 0 and self.quoted[idx][0] <= pos < self.quoted[idx][1]:
            return self.quoted[idx]
        return None

    def _paragraph_index(self, pos: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, pos) - 1

    def _anaphora_candidates(self, position: int) -> list[str]:
        """Persons a pronoun at ``position`` may refer to, without ranking.

        The subject of the previous attribution (within a few paragraphs),
        plus any person named as a grammatical subject since then; with no
        recent attribution, every person named in this and the previous
        paragraph.
        """
        window = self._window_start(position)
        last = self._last
        candidates: list[str] = []
        if last is not None and last.position >= window:
            candidates.append(last.speaker)
            framing = self._framing_subject(last)
            if framing is not None and framing != last.speaker:
                candidates.append(framing)
            since = last.position
            subjects_only = True
        else:
            since = self._window_start(position, paragraphs=1)
            subjects_only = False
        for key in self._persons_between(since, position, subjects_only):
            if key not in candidates and not self._only_attributive(key, since, position):
                candidates.append(key)
        if self._unknown_subject(since, position):
            candidates.append("?")  # a name the entity stage missed makes any pronoun ambiguous
        return candidates

    def _framing_subject(self, last: Attributed) -> str | None:
        """The person the sentence of the last attribution is about, when that attribution sits in a clause
        below: "Carson turned the story back on the Post, pointing out that the paper's Robert Costa had reported
        that ...": a later "he" may be Carson as well as Costa."""
        cue = self.doc.char_span(last.position, last.position + 1, alignment_mode="expand")
        if cue is None or cue[0].dep_ not in EMBEDDED_DEPS:
            return None
        subject = self._main_subject(cue[0].sent)
        if subject is None or subject.pos_ != "PROPN" or subject.i > cue[0].i:
            return None
        key = self._entity_of_token(subject)
        return key if key is not None and self.ents.get(key).kind == "person" else None

    def _unknown_subject(self, start: int, end: int) -> bool:
        """A proper-noun subject that may be a person the entity stage did not make one.

        A name with no entity, or an "organization" that reads like a
        person's name ("Carly Fiorina", tagged ORG by the small model, and its
        bare "Fiorina"): a pronoun could mean it.
        """
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return False
        for token in span:
            subject = token.pos_ == "PROPN" and token.dep_ in SUBJECT_DEPS and not self._quoted(token.idx)
            if not subject or token.is_upper:  # "HE'S GONE SOFT!": a headline in capitals, not a name
                continue
            key = self.ents.entity_at(token.idx, token.idx + len(token.text))
            if key is None or key in self._name_like_organizations():
                return True
        return False

    def _name_like_organizations(self) -> set[str]:
        if self._person_like is None:
            full = {
                e.key: e.name.split()
                for e in self.ents.entities
                if e.kind == "organization" and reads_like_a_person(e.name)
            }
            surnames = {words[-1] for words in full.values() if len(words) > 1}
            self._person_like = set(full) | {
                e.key for e in self.ents.entities if e.kind == "organization" and e.name in surnames
            }
        return self._person_like

    def _quoted(self, pos: int) -> bool:
        return self._enclosing_quote(pos) is not None

    def _window_start(self, position: int, paragraphs: int = MAX_ANAPHORA_PARAGRAPHS) -> int:
        return window_start(self._paragraph_starts, position, paragraphs)

    def _persons_between(self, start: int, end: int, subjects_only: bool) -> list[str]:
        keys: list[str] = []
        for mention in self.ents.mentions:
            if not start <= mention.start < end or mention.end > end:
                continue
            if self.ents.get(mention.entity).kind != "person" or mention.entity in keys:
                continue
            if self._quoted(mention.start):
                continue  # a person named inside a quotation is rarely its speaker
            if subjects_only and not self._is_subject(mention.start, mention.end):
                continue
            keys.append(mention.entity)
        return keys

    def _only_attributive(self, key: str, start: int, end: int) -> bool:
        """Every mention of ``key`` in ``start:end`` modifies a common noun: "Among the fans was Kevin
        O'Brien, a lawyer wearing a vintage Bruce Sutter jersey. “...,” he said" is O'Brien's."""
        for mention in self.ents.mentions_of(key):
            if start <= mention.start < end:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or not (span.root.dep_ == "compound" and span.root.head.is_lower):
                    return False
        return True

    def _is_subject(self, start: int, end: int, conjoined: bool = False) -> bool:
        """Whether the name at ``start:end`` is a subject; ``conjoined``: or one of several ("he and Trump")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while (root.dep_ in NAME_DEPS or (conjoined and root.dep_ == "conj")) and root.head.i != root.i:
            root = root.head
        return root.dep_ in SUBJECT_DEPS

    def _gender(self, key: str) -> str | None:
        """ "m"/"f" when the article says so (see :meth:`_collect_genders`), else None."""
        if self._genders is None:
            self._genders = self._collect_genders()
        return self._genders.get(key)

    def _collect_genders(self) -> dict[str, str]:
        """Each person's gender as the article itself gives it, when it gives only one.

        Evidence: an honorific before a mention ("Mr. Lavrov", "Mrs. Merkel"),
        a gendered title ("spokeswoman", "congressman"), and a sentence in
        which that person is the only one named and a pronoun that refers
        back to a subject follows the name outside any quotation ("Clinton said
        her plan ...", "Obama told reporters he ...", "... herself"; never an
        object: in "McCaskill scolded him" "him" is someone else).  A person
        with evidence both ways has none; first names are :meth:`_likely_gender`.
        """
        votes: dict[str, set[str]] = {}
        for mention in self.ents.mentions:
            if self.ents.get(mention.entity).kind != "person":
                continue
            # the honorific before the mention, or opening it: mentions of persons start at one ("Mr Obama")
            match = _HONORIFIC.search(
                self._text[max(0, mention.start - 6) : mention.start]
            ) or _HONORIFIC_OPENING.match(mention.text)
            gender = honorific_gender(match.group(1)) if match else None
            if gender is not None:
                votes.setdefault(mention.entity, set()).add(gender)
        for person, titles in self._titles.items():
            for title in titles:
                for word in title.lower().replace("-", " ").split():
                    if word in GENDERED_NOUNS:
                        votes.setdefault(person, set()).add(GENDERED_NOUNS[word])
        mentions = sorted(self.ents.mentions, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        for sentence in self.doc.sents:
            lo = bisect.bisect_left(starts, sentence.start_char)
            hi = bisect.bisect_left(starts, sentence.end_char)
            named = [
                m for m in mentions[lo:hi] if self.ents.get(m.entity).kind == "person" and not self._quoted(m.start)
            ]
            if len({m.entity for m in named}) != 1 or self._unresolved_name(sentence, mentions[lo:hi]):
                continue
            person, first = named[0].entity, named[0].start
            if self._about_someone_else(sentence, first):
                continue
            found = {
                PRONOUN_GENDER[t.lower_]
                for t in sentence
                # not "HE'S GONE SOFT!": a headline in capitals run into the sentence is about anyone
                if t.idx > first and refers_back(t) and not self._quoted(t.idx) and not t.is_upper
            }
            if len(found) == 1:
                votes.setdefault(person, set()).update(found)
        self._evidenced = set(votes)
        # evidence against a first name nearly always given to the other sex is more likely a misreading
        # ("The head of the union is worried about what Donald Trump is stirring up in her members")
        return {
            key: next(iter(v))
            for key, v in votes.items()
            if len(v) == 1 and first_name_gender(self.ents.get(key).name) in (None, next(iter(v)))
        }

    def _about_someone_else(self, sentence: Span, first: int) -> bool:
        """The sentence's pronouns may mean someone it does not name: one comes before the name ("She added that
        she thinks Trump appeals to her members"), or its main subject is a description of a person and the name
        sits in a clause below with the pronouns ("The head of the union is worried about what Donald Trump is
        stirring up in her members"; not "The former president endorsed Hillary Clinton, and her campaign ...")."""
        if any(t.idx < first and t.lower_ in PERSONAL and not self._quoted(t.idx) for t in sentence):
            return True
        subject = self._main_subject(sentence)
        if subject is None or subject.pos_ != "NOUN" or not _person_noun(subject.lemma_.lower()):
            return False
        name = self.doc.char_span(first, first + 1, alignment_mode="expand")
        if name is None or subject.right_edge.idx >= first:
            return False
        clause = name[0].head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.i == sentence.root.i:
            return False
        pronouns = [t for t in sentence if t.idx > first and refers_back(t)]
        return all(clause.left_edge.i <= t.i <= clause.right_edge.i for t in pronouns)

    def _unresolved_name(self, sentence: Span, mentions: list[Mention]) -> bool:
        """Whether the sentence names a person no mention stands for ("Clinton declared of Hillary Clinton,
        his words ...": which Clinton is open, so "his" tells nothing of Hillary)."""
        return any(
            t.ent_type_ == "PERSON" and not self._quoted(t.idx) and not any(m.start <= t.idx < m.end for m in mentions)
            for t in sentence
        )

    # -- descriptors --------------------------------------------------------

    def _descriptor(self, phrase: Span) -> str | None:
        """The one person whose title fits "the Russian minister" / "the official"."""
        head = phrase.root
        lemma = roles.title_lemma(head)
        common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())  # "the prime minister"
        if not common and self._epithet(phrase):
            return self._epithet_speaker(phrase, lemma)  # "the Texan said", "the Wisconsin Republican"
        if not common or not _person_noun(lemma):
            return None  # "A campaign TV ad accuses ...": not a person, whatever titles mention "ad"
        if any(c.lower_ in INDEFINITE and c.dep_ in ("det", "nummod") for c in head.children):
            return None  # "one Sanders supporter", "another strategist": someone not named before
        if head.tag_ == "NNS":
            return None  # "current and former officials", "local GOP leaders": a group, not one person
        kin = lemma in KIN_NOUNS or lemma in RELATION_NOUNS
        if kin and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
            return None  # "Mr Seary's son" is no earlier "son Lucas": a relation is someone's, not a title
        modifiers = {t.text.lower() for t in phrase if t.i != head.i and t.pos_ in ("ADJ", "PROPN")}
        diplomacy = lemma == "head" and any(t.lemma_.lower() == "diplomacy" for t in phrase)
        named_before = set(self._persons_between(0, phrase.start_char, subjects_only=False))
        matching = [
            key
            for key, titles in self._titles.items()
            if key in named_before and any(self._title_fits(lemma, diplomacy, title) for title in titles)
        ]
        if modifiers:
            narrowed = [k for k in matching if any(m in " ".join(self._titles[k]).lower() for m in modifiers)]
            matching = narrowed or matching
        sex = GENDERED_NOUNS.get(lemma)
        if kin and sex is not None:
            matching = [k for k in matching if self._gender(k) in (None, sex)]  # "Her brother" is no Marilyn
        last = self._last
        if len(matching) == 1 and (lemma not in GENERIC_OFFICIAL or (last is not None and last.speaker == matching[0])):
            return matching[0]  # "the official" is only the official who spoke last: others go unnamed
        if last is not None and last.speaker in matching:
            candidates = self._anaphora_candidates(phrase.start_char)
            fitting = [c for c in candidates if c in matching]
            if fitting == [last.speaker]:
                return last.speaker
        if not matching and self._epithet(phrase):
            return self._epithet_speaker(phrase, lemma)
        return None

    def _epithet(self, phrase: Span) -> bool:
        """ "the Texan", "the Wisconsin Republican", "the Vermont senator": a definite description by party,
        home state or country, the way news names again someone it has just quoted."""
        head = phrase.root
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return False
        if _party_or_home(head):
            return True  # "the Wisconsin Republican", "the Texan"
        if not roles.is_title_word(head) or head.lemma_.lower() in GENERIC_OFFICIAL:
            return False
        return any(
            c.dep_ in ("compound", "amod") and c.i < head.i and self.ents.kind_at(c.idx, c.idx + len(c)) == "place"
            for c in head.children
        )

    def _epithet_speaker(self, phrase: Span, lemma: str) -> str | None:
        """The person who spoke last, when no one else was named as a subject since and the noun's sex fits;
        for a title ("the Texas senator"), only a last speaker the article gives no title: not the governor."""
        last = self._last
        if last is None or self._anaphora_candidates(phrase.start_char) != [last.speaker]:
            return None
        if self._titles.get(last.speaker) and not _party_or_home(phrase.root):
            return None
        gender = GENDERED_NOUNS.get(lemma)
        return last.speaker if gender is None or self._likely_gender(last.speaker) in (None, gender) else None

    @staticmethod
    def _title_fits(lemma: str, diplomacy: bool, title: str) -> bool:
        words = {w.lower().strip(".,") for w in title.split()}
        words |= {roles.TITLE_SPELLED_OUT[w] for w in words if w in roles.TITLE_SPELLED_OUT}  # "Gov." is a governor
        if diplomacy:
            return bool(words & DIPLOMACY_TITLE_WORDS) and bool(words & OFFICIAL_TITLE_WORDS)
        if lemma in words:
            return True
        return lemma in GENERIC_OFFICIAL and bool(words & OFFICIAL_TITLE_WORDS)

    def _collect_titles(self) -> dict[str, list[str]]:
        """Titles per person: the roles found so far plus the words before or beside each name."""
        titles: dict[str, list[str]] = {}
        for role in self.ents.roles:
            titles.setdefault(role.person, []).append(role.title)
        for mention in self.ents.mentions:
            if self.ents.get(mention.entity).kind != "person":
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            title = _title_words(span)
            if title:
                titles.setdefault(mention.entity, []).append(title)
        return titles


def _misread_nationality(phrase: Span, chain: Span) -> bool:
    """A name of two to four words opening the phrase, tagged as a nationality or group that names none:
    "Rosette Pambakian, a Tinder spokeswoman,"; not "an influential Hispanic Republican"."""
    return (
        2 <= len(chain) <= 4
        and chain.start == phrase.start
        and all(t.ent_type_ == "NORP" for t in chain)
        and not any(places.country_code(t.text) or places.demonym_country(t.text) for t in chain)
    )


def _of_names(head: Token) -> list[Token]:
    """The proper nouns after an "of" hanging from ``head``: "Livorno" in "The Municipality of Livorno"."""
    return [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.pos_ == "PROPN"]


def _title_token(token: Token) -> bool:
    """A title word, written out or abbreviated: "Chairman", "Gov."."""
    return roles.is_title_word(token) or token.lower_.rstrip(".") in roles.TITLE_SPELLED_OUT


def _party_or_home(head: Token) -> bool:
    """A party member or a native of a place: "Republican", "Texan" (not plural)."""
    return head.lemma_.lower() in PARTY_MEMBERS or (head.ent_type_ == "NORP" and head.tag_ in ("NN", "NNP"))


def _person_noun(lemma: str) -> bool:
    """A noun that may name a person: a title ("president-elect" too), an agent noun ("pollster", "actress"), a
    relative or a friend."""
    return any(
        word in PERSON_HEADS
        or word in GENDERED_NOUNS
        or word in RELATION_NOUNS
        or (len(word) > 4 and word.endswith(PERSON_SUFFIXES))
        for word in (lemma, lemma.split("-")[0])
    )


def _fold(name: str) -> str:
    """Lower-cased ASCII form of a name, for comparing spellings ("François" = "Francois")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names (folded words) of one person: one ends the other, or first names differ by a prefix."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long[-len(short) :] == short:
        return True
    if len(a) != len(b) or a[1:] != b[1:]:
        return False
    first, second = sorted((a[0], b[0]), key=len)
    return (len(first) >= 3 and second.startswith(first)) or _vowel_variant(first, second)


def _vowel_variant(a: str, b: str) -> bool:
    """Two spellings of one first name: one vowel apart ("Kristin" / "Kristen", "Katharine" / "Katherine"),
    or a letter doubled ("Hilary" / "Hillary", "Philip" / "Phillip"); six letters or more ("Maria" and
    "Mario" are two people)."""
    if len(a) < 6 and len(b) < 6:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return len(long) == len(short) + 1 and any(
            long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long))
        )
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and diffs[0][0] in "aeiouy" and diffs[0][1] in "aeiouy"


def _title_words(name: Span) -> str:
    """ "Foreign Minister" in "Foreign Minister Sergei Lavrov", "the spokesman" in "Kirby, the spokesman"."""
    root = name.root
    before = [t for t in root.lefts if t.i < name.start and t.dep_ in ("compound", "amod", "nmod")]
    words: list[str] = []
    if before:
        words.append(name.doc[before[0].left_edge.i : name.start].text)
    possessive = name.end < len(name.doc) and name.doc[name.end].text in ("’", "'", "’s", "'s")
    for child in root.rights:
        # not "Sanders’ son", parsed as an apposition: the son is someone else
        if child.dep_ == "appos" and child.i >= name.end and child.pos_ == "NOUN" and not possessive:
            words.append(name.doc[child.left_edge.i : child.i + 1].text)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < name.start:
        words.append(name.doc[root.head.left_edge.i : root.head.i + 1].text)
    return " ".join(words)


def _joins_names(token: Token, gap: Span) -> bool:
    """Whether ``gap`` is a lone hyphen written tight between ``token`` and the next name ("Fodor-Gopal")."""
    return len(gap) == 1 and gap[0].tag_ == "HYPH" and not token.whitespace_ and not gap[0].whitespace_


def _not_a_name_word(token: Token) -> bool:
    """A title ("Secretary-Treasurer") or a word never a given name ("MVP Zobrist") before a name."""
    return roles.is_title_word(token) or token.text in NOT_GIVEN_NAMES
