"""Roles (titles people hold) and descriptor mentions ("the Russian minister").

Titles come from two constructions:

* pre-modifiers: "Russian Foreign Minister Sergei Lavrov", "US National
  Security Council spokesman John Kirby", "former North Korean leaders
  Kim Il-sung and Kim Jong-il" (a plural title covers every conjunct);
* appositions: "Sergei Lavrov, Russia's foreign minister" / "John Kirby, the
  spokesman for the National Security Council".

The organization of a role is an organization mention, a place mention or a
demonym (its country) inside the title phrase.  Nothing is invented: "his
North Korean counterpart Choe Son Hui" gives the title "counterpart" with
North Korea, not "Foreign Minister".

A descriptor ("the Russian minister", "The head of Russian diplomacy") becomes
a mention of a person only when exactly one person named earlier holds a
matching title (and nationality, when the descriptor states one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdb.extract.doc import DocEntities
from newsdb.extract.facts import Role

# Head nouns of titles people hold.
TITLE_HEADS = frozenset(
    [
        "admiral",
        "adviser",
        "advisor",
        "ambassador",
        "analyst",
        "attorney",
        "candidate",
        "captain",
        "ceo",
        "chair",
        "chairman",
        "chairwoman",
        "chancellor",
        "chief",
        "coach",
        "colonel",
        "commander",
        "commissioner",
        "congressman",
        "congresswoman",
        "correspondent",
        "counterpart",
        "deputy",
        "dictator",
        "diplomat",
        "director",
        "economist",
        "editor",
        "emperor",
        "envoy",
        "executive",
        "founder",
        "general",
        "governor",
        "head",
        "inspector",
        "judge",
        "king",
        "lawmaker",
        "leader",
        "lieutenant",
        "manager",
        "marshal",
        "mayor",
        "mediator",
        "minister",
        "negotiator",
        "nominee",
        "officer",
        "official",
        "pope",
        "premier",
        "president",
        "prince",
        "princess",
        "professor",
        "prosecutor",
        "queen",
        "representative",
        "researcher",
        "scientist",
        "secretary",
        "senator",
        "sheriff",
        "sergeant",
        "treasurer",
        "speaker",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "vice-president",
    ]
)

# Words that make a title longer only when a head follows ("Foreign Minister").
TITLE_MODIFIERS = frozenset(
    [
        "acting",
        "assistant",
        "associate",
        "attorney",
        "chief",
        "defence",
        "defense",
        "deputy",
        "economic",
        "economy",
        "education",
        "energy",
        "executive",
        "finance",
        "first",
        "foreign",
        "general",
        "health",
        "home",
        "interior",
        "justice",
        "lead",
        "military",
        "national",
        "press",
        "prime",
        "security",
        "senior",
        "special",
        "state",
        "supreme",
        "top",
        "trade",
        "vice",
    ]
)

# Portfolios written after "of" in a title ("Secretary of State", "Minister of Defence").
DEPARTMENTS = frozenset(
    {
        *("state", "defense", "defence", "justice", "finance", "health", "education", "energy", "commerce"),
        *("labor", "labour", "agriculture", "transportation", "interior", "treasury", "trade", "culture", "war"),
    }
)

# Descriptor heads that name another title: "head of Russian diplomacy" = foreign minister.
DESCRIPTOR_EQUIVALENTS = {"diplomacy": "minister"}

GENERIC_HEADS = {"official", "diplomat"}  # too vague to pick one person from by title alone
# Titles of officials who are not heads of state or government: "the official" may be one of them.
OFFICIAL_TITLES = frozenset(
    {
        "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
        "diplomat", "official", "adviser", "advisor", "aide", "director", "commissioner", "deputy",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TitlePhrase:
    title: str
    head_lemma: str
    start: int
    end: int
    organization: str | None
    plural: bool


# What the abbreviations stand for, where that is a title head ("Sen. Sanders" and "Senator Sanders" agree).
TITLE_SPELLED_OUT = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "col": "colonel",
    "capt": "captain", "adm": "admiral", "cmdr": "commander", "amb": "ambassador", "atty": "attorney",
    "pres": "president", "insp": "inspector", "lt": "lieutenant", "sgt": "sergeant",
}  # fmt: skip


def is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_HEADS or token.lemma_.lower() in TITLE_HEADS


# Title words written after a hyphen, for someone about to take the office: "President-elect", "minister-designate".
TITLE_SUFFIXES = frozenset({"elect", "designate"})


def hyphenated_title(token: Token) -> Span | None:
    """ "President-elect" when ``token`` is its "elect": a title word, a hyphen and a suffix written tight."""
    doc = token.doc
    if token.lower_ not in TITLE_SUFFIXES or token.i < 2:
        return None
    hyphen, title = doc[token.i - 1], doc[token.i - 2]
    if hyphen.tag_ != "HYPH" or hyphen.whitespace_ or title.whitespace_ or not is_title_word(title):
        return None
    return doc[title.i : token.i + 1]


def title_lemma(head: Token) -> str:
    """The lower-case lemma of a title's head word, whole when hyphenated ("president-elect")."""
    hyphenated = hyphenated_title(head)
    if hyphenated is not None:
        return hyphenated[0].lemma_.lower() + "-" + head.lower_
    return head.lemma_.lower()


# -- persons the model missed ------------------------------------------------------


# Entity labels newsdb does not use: a name tagged so is as good as untagged ("Phoenix Mayor Greg Stanton" as
# a WORK_OF_ART).
IGNORED_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})


def untagged_persons(doc: Doc) -> Iterator[Span]:
    """Capitalised proper-noun runs right after a title that NER left untagged.

    "his North Korean counterpart Choe Son Hui", "Phoenix Mayor Greg Stanton"
    (tagged WORK_OF_ART): 2 to 4 PROPN tokens, none of them in an entity of a
    kind newsdb uses, directly after a title head.
    """
    for token in doc:
        if not (is_title_word(token) and token.pos_ in ("NOUN", "PROPN")):
            continue
        run: list[Token] = []
        for nxt in doc[token.i + 1 : token.i + 5]:
            if nxt.pos_ != "PROPN" or not nxt.is_title or nxt.ent_type_ not in IGNORED_LABELS or is_title_word(nxt):
                break  # "Chief Petty Officer": titles, no name
            run.append(nxt)
        if 2 <= len(run) <= 4 and token.whitespace_ and all(t.whitespace_ for t in run[:-1]):
            yield doc[run[0].i : run[-1].i + 1]


# -- roles ---------------------------------------------------------------------------


def find_roles(doc: Doc, ents: DocEntities) -> None:
    """Add roles from pre-modifier titles and appositions to ``ents``."""
    persons = [m for m in list(ents.mentions) if ents.get(m.entity).kind == "person"]
    persons.sort(key=lambda m: m.start)
    carried: TitlePhrase | None = None
    prev_end = -1
    for mention in persons:
        phrase = _premodifier_title(doc, ents, mention.start)
        if phrase is None and carried is not None and _is_coordination(ents.body[prev_end : mention.start]):
            phrase = carried
        if phrase is None:
            phrase = _appositive_title(doc, ents, mention.start, mention.end)
        if phrase is not None:
            ents.add_role(
                Role(
                    person=mention.entity,
                    title=phrase.title,
                    start=phrase.start,
                    end=phrase.end,
                    organization=phrase.organization,
                )
            )
        carried = phrase if phrase is not None and phrase.plural else None
        prev_end = mention.end


def _is_coordination(between: str) -> bool:
    return between.strip() in {",", "and", ", and", "&"}


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _premodifier_title(doc: Doc, ents: DocEntities, start: int) -> TitlePhrase | None:
    """ "Russian Foreign Minister Sergei Lavrov": title words and an org/place right before a name."""
    first = _token_at(doc, start)
    if first is None or first.i == 0:
        return None
    title_tokens: list[Token] = []
    i = first.i - 1
    hyphenated = hyphenated_title(doc[i])
    if hyphenated is not None:  # "President-elect Donald Trump"
        title_tokens, i = list(hyphenated), hyphenated.start - 1
    while i >= 0 and (is_title_word(doc[i]) or (title_tokens and doc[i].lower_ in TITLE_MODIFIERS)):
        if ents.entity_at(doc[i].idx, doc[i].idx + len(doc[i])) is not None:
            break
        title_tokens.insert(0, doc[i])
        i -= 1
    if not title_tokens or not (hyphenated or is_title_word(title_tokens[-1])):
        return None
    organization, j = None, i
    while j >= 0 and doc[j].text.strip():
        key = ents.entity_at(doc[j].idx, doc[j].idx + len(doc[j]))
        if key is None or ents.get(key).kind == "person":
            break
        organization = key
        j -= 1
    return _phrase(doc, title_tokens, organization)


def _phrase(doc: Doc, title_tokens: list[Token], organization: str | None) -> TitlePhrase:
    head = title_tokens[-1]
    plural = head.tag_ in ("NNS", "NNPS")
    words = "".join(t.text + (" " if t.whitespace_ else "") for t in title_tokens[:-1])
    start = title_tokens[0].idx
    end = head.idx + len(head.text)
    return TitlePhrase(
        title=words + (head.lemma_ if plural else head.text),
        head_lemma=title_lemma(head),
        start=start,
        end=end,
        organization=organization,
        plural=plural,
    )


def _appositive_title(doc: Doc, ents: DocEntities, start: int, end: int) -> TitlePhrase | None:
    """ "Sergei Lavrov, Russia's foreign minister,": an appositive title noun of the name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for child in span.root.children:
        if child.dep_ != "appos" or not is_title_word(child):
            continue
        mods = [t for t in child.lefts if t.dep_ in ("compound", "amod") and t.lower_ in TITLE_MODIFIERS]
        phrase = _phrase(doc, [*mods, child], _organization_of(ents, child))
        department = _department(child)
        if department is not None:  # "Secretary of State"
            title = f"{phrase.title} of {department.text}"
            end = department.idx + len(department.text)
            phrase = dataclasses.replace(phrase, title=title, end=end)
        return phrase
    return None


def _department(head: Token) -> Token | None:
    """ "State" in "Secretary of State": an "of" object that belongs to the title, not an organization."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.is_title and pobj.lower_ in DEPARTMENTS:
                    return pobj
    return None


def _organization_of(ents: DocEntities, head: Token) -> str | None:
    """An org/place named in a title phrase: "Russia's", "Russian", "for the NSC"."""
    candidates = [t for t in head.children if t.dep_ in ("poss", "amod", "compound", "nmod")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
            candidates.extend(t for t in prep.children if t.dep_ == "pobj")
    for token in candidates:
        key = ents.entity_at(token.idx, token.idx + len(token))
        if key is not None and ents.get(key).kind != "person":
            return key
    return None


# -- descriptors ---------------------------------------------------------------------


def add_descriptor_mentions(doc: Doc, ents: DocEntities) -> None:
    """Add "the Russian minister"-style noun phrases as mentions of the one person they fit."""
    for token in doc:
        if token.dep_ != "det" or token.lower_ != "the":
            continue
        head = token.head
        if head.pos_ != "NOUN" or head.i < token.i or not is_title_word(head):
            continue
        if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
            continue  # a pre-modifier of a name, handled as a role
        lemma, country = _descriptor_meaning(ents, head)
        if lemma in GENERIC_HEADS and (lemma != "official" or head.tag_ != "NN" or _unnamed_officials(doc, head)):
            continue
        end_token = _descriptor_end(head)
        start, end = token.idx, end_token.idx + len(end_token)
        named = ents.entity_at(start, end)
        if named is not None and ents.get(named).kind == "person":
            continue
        if lemma == "official":
            person = _unique_official(ents, country, before=start)
        else:
            person = _unique_holder(ents, lemma, country, before=start)
        if person is not None:
            ents.add_mention(person, start, end)


def _unnamed_officials(doc: Doc, descriptor: Token) -> bool:
    """True if "official(s)" appeared as a noun before: "a US official said ... The official" is that one."""
    return any(t.lemma_.lower() == "official" and t.pos_ == "NOUN" for t in doc[: descriptor.i])


def _unique_official(ents: DocEntities, country: str | None, before: int) -> str | None:
    """The one official "the official" can mean: the article's main official so far, else None.

    Candidates are the persons named before ``before`` who are not only heads
    of state or government (a person with no known title, or only a
    "counterpart", may be an official too).  The answer is the candidate who
    holds an official's title (of ``country`` when stated) and has more than
    twice as many mentions so far as all other candidates together.
    """
    counts: dict[str, int] = {}
    for mention in ents.mentions:
        if mention.end <= before and ents.get(mention.entity).kind == "person":
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    candidates = {p: n for p, n in counts.items() if not _only_head_of_state(ents, p, before)}
    for person, n in candidates.items():
        if n > 2 * (sum(candidates.values()) - n) and _holds_official_title(ents, person, country, before):
            return person
    return None


def _only_head_of_state(ents: DocEntities, person: str, before: int) -> bool:
    titles = [r.title.lower().split() for r in ents.roles_of(person) if r.start < before]
    return bool(titles) and all(t[-1] not in OFFICIAL_TITLES and t[-1] != "counterpart" for t in titles)


def _holds_official_title(ents: DocEntities, person: str, country: str | None, before: int) -> bool:
    for role in ents.roles_of(person):
        words = role.title.lower().split()
        if role.start >= before or words[-1] not in OFFICIAL_TITLES or words[0] == "prime":
            continue
        held = _role_country(ents, role)
        if country is None or held is None or held == country:
            return True
    return False


def _descriptor_meaning(ents: DocEntities, head: Token) -> tuple[str, str | None]:
    """(title lemma, country code) of a descriptor; "head of Russian diplomacy" -> (minister, RU)."""
    lemma, country_token = head.lemma_.lower(), head
    if lemma == "head":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.lemma_.lower() in DESCRIPTOR_EQUIVALENTS:
                        lemma, country_token = DESCRIPTOR_EQUIVALENTS[pobj.lemma_.lower()], pobj
    return lemma, _country_of_modifiers(ents, country_token)


def _descriptor_end(head: Token) -> Token:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobjs = [t for t in prep.children if t.dep_ == "pobj"]
            if pobjs and pobjs[0].lemma_.lower() in DESCRIPTOR_EQUIVALENTS:
                return pobjs[0]
    return head


def _country_of_modifiers(ents: DocEntities, head: Token) -> str | None:
    for child in head.lefts:
        key = ents.entity_at(child.idx, child.idx + len(child))
        if key is not None:
            place = ents.get(key).place
            if place is not None and place.country_code:
                return place.country_code
    return None


def _unique_holder(ents: DocEntities, lemma: str, country: str | None, before: int) -> str | None:
    """The single person mentioned before ``before`` holding a title with head ``lemma``."""
    holders: set[str] = set()
    for role in ents.roles:
        if role.title.split()[-1].lower() != lemma or role.start >= before:
            continue
        held = _role_country(ents, role)
        if country is not None and held is not None and held != country:
            continue
        holders.add(role.person)
    return holders.pop() if len(holders) == 1 else None


def _role_country(ents: DocEntities, role: Role) -> str | None:
    """Country of a role: the role's place, else any other role of the person with one."""
    for r in [role, *ents.roles_of(role.person)]:
        if r.organization is not None:
            place = ents.get(r.organization).place
            if place is not None and place.country_code:
                return place.country_code
    return None
