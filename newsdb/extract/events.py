"""Events: PLOVER-typed events from trigger words and the dependency parse.

A trigger is a verb or noun whose lemma is in ``TRIGGERS`` ("meeting",
"visit", "denounce", "delivered", "exercises" with a military modifier...).
Around it the parse gives:

* participants: the subject of a verb (or of the light verb governing a
  noun: "made a visit", "held exercises"), a possessor ("Russia's offensive")
  or a "by" agent is the actor; a direct object, "to"/"against" object the
  recipient; "with X" / "between X and Y" participants; "from X" the actor of
  a delivery;
* place: a place named by "in/at/to" on the trigger or its light verb;
* date: a DATE entity on the trigger, its light verb or its "planned/
  scheduled for" modifier, normalised by ``dates.py``;
* context: future ("will", "possible", "planned", "scheduled"), hypothetical
  ("could", "would", "if"), historical ("former", "ago"), else occurred.

Precision over recall: a negated trigger is dropped, and so is one with no
participant, place or date (a headline such as "Deliveries in progress?").
A definite re-mention ("this historic summit", "The September summit") of an
earlier meeting with two or more participants is folded into that event
instead of becoming a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdb.extract import dates
from newsdb.extract.doc import DocEntities
from newsdb.extract.facts import Event, EventContext, Participant, ParticipantRole
from newsdb.ingest.article import Article


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None = None
    needs_modifier: frozenset[str] = frozenset()  # noun triggers valid only with one of these modifiers
    pos: frozenset[str] = frozenset({"NOUN", "VERB"})
    needs_partner: bool = False  # "meet" needs someone met: "help North Korea meet its needs" is no meeting


_MILITARY = frozenset({"military", "joint", "trilateral", "naval", "air", "war", "live-fire", "army", "drill"})
_WEAPON = frozenset({"weapon", "weapons", "missile", "nuclear", "rocket", "ballistic", "launch", "bomb"})

_AIR_STRIKE = frozenset({"air", "missile", "drone", "rocket", "military", "airstrike", "artillery", "retaliatory"})
_LABOR_STRIKE = frozenset({"general", "worker", "workers", "hunger", "labor", "labour", "national", "union", "teacher"})
_CHARGE = frozenset({"fraud", "murder", "corruption", "terrorism", "manslaughter", "bribery", "criminal", "treason"})

TRIGGERS: dict[str, Trigger] = {
    # CONSULT
    "meeting": Trigger("CONSULT", "meeting"),
    "meet": Trigger("CONSULT", "meeting", needs_partner=True),
    "talk": Trigger("CONSULT", "talks", frozenset({"peace", "bilateral", "trilateral", "direct", "nuclear"})),
    "negotiation": Trigger("CONSULT", "negotiation"),
    "negotiate": Trigger("CONSULT", "negotiation"),
    "summit": Trigger("CONSULT", "summit"),
    "visit": Trigger("CONSULT", "visit"),
    "trip": Trigger("CONSULT", "trip"),
    # AGREE / COOPERATE
    "agreement": Trigger("AGREE", "agreement"),
    "accord": Trigger("AGREE", "agreement", pos=frozenset({"NOUN"})),  # not "according to"
    "treaty": Trigger("AGREE", "agreement"),
    "agree": Trigger("AGREE"),
    "cooperate": Trigger("COOPERATE"),
    "cooperation": Trigger("COOPERATE"),
    "strengthen": Trigger("COOPERATE", pos=frozenset({"VERB"})),  # only with a tie as object: _strengthens_ties
    # AID
    "deliver": Trigger("AID"),
    "delivery": Trigger("AID"),
    "supply": Trigger("AID"),
    "aid": Trigger("AID"),
    "assistance": Trigger("AID"),
    "help": Trigger("AID", pos=frozenset({"VERB"})),  # only with a named recipient
    # MOBILIZE
    "exercise": Trigger("MOBILIZE", "military-exercise", _MILITARY),
    "drill": Trigger("MOBILIZE", "military-exercise", _MILITARY),
    "test": Trigger("MOBILIZE", "weapons-test", _WEAPON),
    "deploy": Trigger("MOBILIZE", "deployment"),
    "deployment": Trigger("MOBILIZE", "deployment"),
    "station": Trigger("MOBILIZE", "deployment", pos=frozenset({"VERB"})),  # only a military asset
    "call": Trigger("MOBILIZE", "deployment", pos=frozenset({"VERB"})),  # only a military vessel "at" a port
    # ACCUSE / REJECT / THREATEN / REQUEST / SUPPORT
    "denounce": Trigger("ACCUSE"),
    "accuse": Trigger("ACCUSE"),
    "condemn": Trigger("ACCUSE"),
    "criticize": Trigger("ACCUSE"),
    "criticise": Trigger("ACCUSE"),
    "blame": Trigger("ACCUSE"),
    "reject": Trigger("REJECT"),
    "refuse": Trigger("REJECT"),
    "veto": Trigger("REJECT"),
    "threaten": Trigger("THREATEN"),
    "threat": Trigger("THREATEN", pos=frozenset({"NOUN"})),
    "ultimatum": Trigger("THREATEN"),
    "demand": Trigger("REQUEST"),
    "urge": Trigger("REQUEST"),
    "appeal": Trigger("REQUEST", pos=frozenset({"VERB"})),
    "support": Trigger("SUPPORT"),
    "endorse": Trigger("SUPPORT"),
    # SANCTION / COERCE / ASSAULT / PROTEST / INVESTIGATE / RETREAT / CRIME
    "sanction": Trigger("SANCTION"),
    "embargo": Trigger("SANCTION"),
    "boycott": Trigger("SANCTION"),
    "arrest": Trigger("COERCE"),
    "detain": Trigger("COERCE"),
    "expel": Trigger("COERCE"),
    "seize": Trigger("COERCE"),
    "ban": Trigger("COERCE", pos=frozenset({"VERB"})),
    "attack": Trigger("ASSAULT"),
    "invade": Trigger("ASSAULT"),
    "invasion": Trigger("ASSAULT"),
    "offensive": Trigger("ASSAULT"),
    "war": Trigger("ASSAULT", pos=frozenset({"NOUN"})),
    "raid": Trigger("ASSAULT"),
    "ambush": Trigger("ASSAULT"),
    "massacre": Trigger("ASSAULT"),
    "assault": Trigger("ASSAULT", pos=frozenset({"NOUN"})),
    "fire": Trigger("ASSAULT", pos=frozenset({"NOUN"})),  # only "opened fire": _opened_fire
    "bomb": Trigger("ASSAULT", pos=frozenset({"VERB"})),
    "bombing": Trigger("ASSAULT", pos=frozenset({"NOUN"})),
    "shooting": Trigger("ASSAULT", pos=frozenset({"NOUN"})),
    "shoot": Trigger("ASSAULT", pos=frozenset({"VERB"})),
    "kill": Trigger("ASSAULT", pos=frozenset({"VERB"})),
    "shell": Trigger("ASSAULT", pos=frozenset({"VERB"})),
    "airstrike": Trigger("ASSAULT", pos=frozenset({"NOUN"})),
    "strike": Trigger("ASSAULT", needs_modifier=_AIR_STRIKE, pos=frozenset({"NOUN"})),
    "protest": Trigger("PROTEST"),
    "rally": Trigger("PROTEST", "rally", frozenset({"protest", "opposition", "anti"}), pos=frozenset({"NOUN"})),
    "march": Trigger("PROTEST", "march", frozenset({"protest", "opposition", "anti"}), pos=frozenset({"NOUN"})),
    "demonstration": Trigger("PROTEST", pos=frozenset({"NOUN"})),
    "charge": Trigger("CRIME", needs_modifier=_CHARGE, pos=frozenset({"NOUN"})),
    "fraud": Trigger("CRIME", pos=frozenset({"NOUN"})),
    "investigate": Trigger("INVESTIGATE"),
    "investigation": Trigger("INVESTIGATE"),
    "probe": Trigger("INVESTIGATE"),
    "inquiry": Trigger("INVESTIGATE"),
    "withdraw": Trigger("RETREAT"),
    "withdrawal": Trigger("RETREAT"),
}
# A labour strike is a protest, an air strike an assault: "strike" is looked up by its modifiers.
STRIKE_PROTEST = Trigger("PROTEST", "strike", _LABOR_STRIKE, pos=frozenset({"NOUN"}))

# Verbs whose subject is the actor of their object noun: "made a visit", "held exercises".
LIGHT_VERBS = frozenset({"make", "hold", "conduct", "carry", "pay", "stage", "have", "join", "sign", "reach", "launch"})
# Verbs whose subject carries out the event their object names (light verbs and starting it).
ACTOR_VERBS = LIGHT_VERBS | {
    "begin", "start", "open", "reopen", "continue", "resume", "mount", "wage", "fight", "order", "announce", "plan",
    "attend", "host", "lead", "organize", "organise", "undertake", "perform", "commit", "claim", "complete", "end",
    "conclude", "finish", "wrap", "carry", "step", "escalate", "intensify", "expand", "extend", "renew", "send",
    "push", "press",
}  # fmt: skip


def _verb_lemma(token: Token) -> str:
    """The lemma, mended where the small model drops an "e" ("staged" -> "stag", "waged" -> "wag")."""
    lemma = token.lemma_.lower()
    if token.lower_.endswith("ed") and lemma + "e" in ACTOR_VERBS and lemma not in ACTOR_VERBS:
        return lemma + "e"
    return lemma


# Nouns that only count their "of" object: "a series of weapons tests".
QUANTITY_NOUNS = frozenset({"series", "number", "wave", "round", "string", "spate", "set"})
# Types whose event needs an actor (else the parse did not find who acted).
NEEDS_ACTOR = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT", "ASSAULT", "SANCTION", "COERCE"})

# Noun triggers whose country/organization modifier is the actor ("US air strikes", "the FBI inquiry").
MODIFIER_ACTOR_TYPES = frozenset({"ASSAULT", "SANCTION", "MOBILIZE", "COERCE", "INVESTIGATE"})
# Events that happen where their object is ("attacked a consulate in X").
PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
FUTURE_MODIFIERS = frozenset({"possible", "planned", "proposed", "upcoming", "scheduled", "future", "next", "expected"})
FUTURE_VERBS = frozenset({"plan", "schedule", "expect", "set", "propose"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may"})
# What is delivered without being aid: words, verdicts, blows.
NOT_GOODS = frozenset(
    {"speech", "address", "remark", "message", "statement", "verdict", "lecture", "blow", "performance", "result"}
)
_MILITARY_GOODS = frozenset({"weapon", "munition", "ammunition", "arm", "missile", "shell", "military", "drone"})


def find_events(doc: Doc, article: Article, ents: DocEntities) -> list[Event]:
    """PLOVER events reported in one article, in text order."""
    events: list[Event] = []
    for token in doc:
        trigger = _trigger(token)
        if trigger is None or _negated(token):
            continue
        event = _build(token, trigger, article, ents)
        if event is None:
            continue
        if _fold_into_earlier(event, token, events):
            continue
        if _has_substance(event):
            events.append(event)
    return events


# -- trigger recognition -----------------------------------------------------------


def _trigger(token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    trigger = TRIGGERS.get(lemma)
    if trigger is None or token.pos_ not in trigger.pos:
        return None
    if lemma == "strike" and _has_modifier(token, STRIKE_PROTEST.needs_modifier):
        return STRIKE_PROTEST
    if trigger.needs_modifier and (token.pos_ != "NOUN" or not _has_modifier(token, trigger.needs_modifier)):
        return None
    check = _CONDITIONS.get(lemma)
    if check is not None:
        return check(token)
    return trigger


def _has_modifier(token: Token, words: frozenset[str]) -> bool:
    modifiers = {t.lower_ for t in token.lefts} | {t.lemma_.lower() for t in token.lefts}
    return bool(modifiers & words)


# Military assets whose stationing or port call is a deployment.
MILITARY_ASSETS = frozenset(
    {
        "submarine", "warship", "destroyer", "carrier", "frigate", "cruiser", "vessel", "ship", "bomber",
        "fighter", "jet", "aircraft", "troop", "soldier", "battalion", "brigade", "division", "force",
        "missile", "battery", "tank", "drone", "warplane", "police", "personnel", "peacekeeper", "army", "navy",
        "marine", "unit", "guard", "reservist",
    }
)  # fmt: skip
# Objects of "strengthen" that are ties between parties.
TIES = frozenset({"alliance", "tie", "relation", "relationship", "partnership", "cooperation", "bond", "link"})
# Verbs whose complement is an intention, not something done: "wants to help".
INTENT_VERBS = frozenset({"want", "plan", "intend", "seek", "aim", "hope", "prepare", "vow", "pledge", "promise"})
_DIRECTIONS = frozenset({"south", "north", "east", "west", "near", "outside", "off", "southeast", "southwest"})


def _asset(token: Token) -> Token | None:
    """The military asset a deployment verb is about: its (passive) subject, object or the noun it modifies."""
    candidates = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if token.dep_ in ("acl", "relcl"):
        candidates.append(token.head)
    for c in candidates:
        if c.lemma_.lower() in MILITARY_ASSETS:
            return c
    return None


def _deployment(token: Token) -> Trigger | None:
    """ "a US nuclear submarine called at a South Korean port", "a bomber is stationed near Seoul"."""
    if _asset(token) is None:
        return None
    if token.lemma_.lower() == "call" and not _prep_objects(token, ("at",)):
        return None
    return TRIGGERS["deploy"]


def _call(token: Token) -> Trigger | None:
    """ "called at a port" (a vessel: deployment) or "called for / on X to" (a request)."""
    deployment = _deployment(token)
    if deployment is not None:
        return deployment
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if "for" in preps or ("on" in preps and any(c.dep_ in ("xcomp", "ccomp") for c in token.children)):
        return TRIGGERS["demand"]
    return None


def _strengthen(token: Token) -> Trigger | None:
    """ "strengthen its alliance with the United States": only ties are cooperation."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return TRIGGERS["strengthen"] if any(o.lemma_.lower() in TIES for o in objects) else None


def _demonstration(token: Token) -> Trigger | None:
    """A demonstration "of" something (force, a product) is no protest."""
    return None if _prep_objects(token, ("of",)) else TRIGGERS["demonstration"]


def _opened_fire(token: Token) -> Trigger | None:
    """ "A gunman opened fire in Seattle"; not a house fire."""
    return TRIGGERS["fire"] if token.dep_ == "dobj" and token.head.lemma_.lower() == "open" else None


def _seize(token: Token) -> Trigger | None:
    """ "seized Crimea", "seized weapons"; not "seized on a report" (took up)."""
    return None if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children) else TRIGGERS["seize"]


_CONDITIONS = {
    "fire": _opened_fire,
    "seize": _seize,
    "call": _call,
    "station": _deployment,
    "deploy": _deployment,
    "strengthen": _strengthen,
    "demonstration": _demonstration,
}
# Triggers too common to stand without a named actor.
NEEDS_ACTOR_LEMMAS = frozenset({"call", "station", "strengthen", "help", "kill", "shoot", "war"})


def _negated(token: Token) -> bool:
    governor = _governor(token)
    return any(t.dep_ == "neg" for t in (*token.children, *governor.children))


def _governor(token: Token) -> Token:
    """The verb that carries a noun trigger ("made" in "made a visit"), else the trigger."""
    anchor = _anchor(token)
    if anchor.pos_ == "NOUN" and anchor.dep_ in ("dobj", "nsubjpass") and _verb_lemma(anchor.head) in LIGHT_VERBS:
        return anchor.head
    if anchor.pos_ == "NOUN" and anchor.dep_ == "dobj" and anchor.head.pos_ == "VERB":
        return anchor.head
    return token


def _anchor(token: Token) -> Token:
    """ "tests" in "a series of weapons tests" is anchored on "series"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in QUANTITY_NOUNS:
        return head.head
    return token


# -- building one event ------------------------------------------------------------


def _build(token: Token, trigger: Trigger, article: Article, ents: DocEntities) -> Event | None:
    sentence = token.sent
    participants = _participants(token, trigger, ents)
    place = _place(token, ents, {p.entity for p in participants})
    context = _context(token)
    date_span = _date_span(token)
    mode = _mode(token, trigger)
    event = Event(
        type=trigger.type,
        trigger=token.text,
        start=token.idx,
        end=token.idx + len(token.text),
        context=context,
        mode=mode,
        participants=participants,
        place=place,
        summary=sentence.text.strip(),
    )
    if date_span is not None:
        event.date_text = date_span.text
        prefer: dates.Prefer = "future" if context == "future" else "past"
        found = dates.normalize_date(date_span.text, article.published_at, prefer)
        if found is not None:
            event.date, event.date_precision = found.date, found.precision
    # an attack or arrest with a known place stands without a named actor ("a gunman opened fire in Seattle")
    physical_with_place = trigger.type in ("ASSAULT", "COERCE") and _place(token, ents, set(), own=True) is not None
    needs_actor = (
        trigger.type in NEEDS_ACTOR and not physical_with_place
    ) or token.lemma_.lower() in NEEDS_ACTOR_LEMMAS
    if needs_actor and not any(p.role == "actor" for p in participants):
        return None
    if trigger.needs_partner and len(participants) < 2 and all(p.role == "actor" for p in participants):
        return None  # "Trump and Obama met" met each other
    if token.lemma_.lower() == "attack" and participants and _all_actors_are_persons(participants, ents):
        event.type = "ACCUSE"  # "Mr. Trump attacked them": words, not force
    if _retort(token) and _all_actors_are_persons(participants, ents):
        return None  # "Sanders shot back, “...”": a reply, not a shooting
    if trigger.type == "SUPPORT" and token.pos_ == "NOUN" and not _prep_objects(token, ("for",)):
        return None  # "Mr. Trump's support": his supporters, or his support for something?
    if trigger.type == "AID" and not any(p.role == "recipient" for p in participants):
        return None  # "the speeches Obama delivered": no one received aid
    if trigger.type == "AID" and any(t.lemma_.lower() in NOT_GOODS for t in _aid_goods(token)):
        return None  # "Clinton delivers her speech to America"
    return event


def _retort(token: Token) -> bool:
    """ "shot back", "fired back", "hit back": said in reply, when a person does it."""
    return token.lemma_.lower() in ("shoot", "fire", "hit") and any(
        c.dep_ == "prt" and c.lower_ == "back" for c in token.children
    )


def _all_actors_are_persons(participants: list[Participant], ents: DocEntities) -> bool:
    actors = [p.entity for p in participants if p.role == "actor"]
    return bool(actors) and all(ents.get(a).kind == "person" for a in actors)


def _mode(token: Token, trigger: Trigger) -> str | None:
    if trigger.type != "AID":
        return trigger.mode
    goods = [t for t in _aid_goods(token) for t in t.subtree]
    if any(t.lemma_.lower() in _MILITARY_GOODS for t in goods):
        return "military-aid"
    return trigger.mode


def _aid_goods(token: Token) -> list[Token]:
    """What is delivered: the object, "with X", or the noun a participle modifies."""
    goods = [t for t in token.children if t.dep_ in ("dobj", "nsubjpass")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "of"):
            goods.extend(t for t in prep.children if t.dep_ == "pobj")
    if token.dep_ == "acl":
        goods.append(token.head)
    return goods


def _has_substance(event: Event) -> bool:
    return bool(event.participants or event.place or event.date_text)


# -- participants ------------------------------------------------------------------


def _participants(token: Token, trigger: Trigger, ents: DocEntities) -> list[Participant]:
    found: list[Participant] = []

    def add(tokens: Iterable[Token], role: ParticipantRole) -> None:
        for t in tokens:
            for key in _entities_of(t, ents):
                if all(p.entity != key for p in found):
                    found.append(Participant(entity=key, role=role))

    governor = _governor(token)
    anchor = _anchor(token)
    asset = _asset(token) if trigger.mode == "deployment" and token.pos_ == "VERB" else None
    if asset is not None:
        add(_owners(asset, ents), "actor")  # "a US nuclear submarine called at ...": the US deploys
        add([s for s in _subjects(token, "nsubj") if s != asset], "actor")  # "the US deployed troops"
    elif token.pos_ == "VERB":
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        if _headline_passive(token):
            add(_subjects(token, "nsubj"), "recipient")  # "Driver arrested as seven dead": the driver was
        else:
            add(_subjects(token, "nsubj"), "actor")
        if token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_.lower() in PATIENT_VERBS:
            add([token.head], "recipient")  # "opposition leader Navalny arrested after a protest"
        add(_prep_objects(token, ("by",)), "actor")
        add(_subjects(token, "nsubjpass") if passive and trigger.type != "AID" else [], "recipient")
        add([c for c in token.children if c.dep_ in ("iobj", "dative")], "recipient")
        add(_object_recipients(token, trigger, ents), "recipient")
    else:
        add(_possessors(token, ents), "actor")
        add(_prep_objects(anchor, ("by",)), "actor")
        if trigger.type in MODIFIER_ACTOR_TYPES:
            add(_owners(token, ents, countries_only=True), "actor")  # "US air strikes", "a Taliban bombing"
        if governor is not token and _verb_lemma(governor) in ACTOR_VERBS:
            add(_subjects(governor, "nsubj"), "actor")  # "Seoul held exercises"; not "Clinton blamed the inquiry"
    if trigger.type == "AID" and token.lemma_.lower() == "help":
        add(_helped(token), "recipient")
    if trigger.type == "REQUEST" and token.lemma_.lower() == "call":
        add(_prep_objects(token, ("on",)), "recipient")
    if trigger.type == "COOPERATE" and token.pos_ == "VERB":
        for tie in (c for c in token.children if c.dep_ == "dobj"):
            add(_prep_objects(tie, ("with", "between")), "participant")
    if trigger.type == "AID":
        add(_prep_objects(token, ("from",)), "actor")
        add(_prep_objects(token, ("to",)), "recipient")
    if trigger.type == "ACCUSE":
        add(_accused(token), "recipient")
    if trigger.type == "SUPPORT":
        supported = _prep_objects(token, ("for",))
        add(supported, "recipient")
        # "support for Russia's military offensive": whoever's action is supported
        add([c for t in supported if _trigger(t) is not None for c in t.children if c.dep_ == "poss"], "recipient")
    if trigger.type in ("ASSAULT", "SANCTION", "THREATEN"):
        add(_prep_objects(token, ("against", "on")), "recipient")
    add(_prep_objects(token, ("with", "between", "among")), "participant")
    return found


# Verbs whose subject, written without an object, can only be what they were done to: "Driver arrested".
PATIENT_VERBS = frozenset(
    {"arrest", "detain", "jail", "imprison", "kill", "shoot", "wound", "injure", "kidnap", "abduct", "execute",
     "expel", "deport", "sentence", "convict", "indict", "sanction", "sack", "oust", "assassinate"}
)  # fmt: skip


def _headline_passive(verb: Token) -> bool:
    """ "Driver arrested as seven dead", "Opposition leader jailed": a headline's passive without its "was".

    The parser reads the participle as a past tense with a subject; a verb of
    :data:`PATIENT_VERBS` with a subject and no object, no "by" agent and no
    auxiliary is that passive.
    """
    if verb.lemma_.lower() not in PATIENT_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return False
    deps = {c.dep_ for c in verb.children}
    if "nsubj" not in deps or deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp", "agent", "dative", "prt"}:
        return False
    # "Zimmerman shot and killed Trayvon Martin": the object of the verb conjoined with it is its object too
    conjoined = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    if any(c.dep_ == "dobj" for v in conjoined for c in v.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)


def _owners(noun: Token, ents: DocEntities, countries_only: bool = False) -> list[Token]:
    """The country or organization a noun belongs to: "a US submarine", "an American bomber".

    With ``countries_only`` a city is left out: "the Paris attacks" happened in Paris.
    """
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ not in ("nmod", "amod", "compound", "poss") or child.i > noun.i:
            continue
        if any(t.lower_.startswith("anti") for t in child.subtree):
            continue  # "anti-Trump rallies"
        key = ents.entity_at(child.idx, child.idx + len(child.text))
        if key is None:
            continue
        entity = ents.get(key)
        country = entity.place is not None and entity.place.place_type == "country"
        if entity.kind == "organization" or (entity.kind == "place" and (country or not countries_only)):
            out.append(child)
    return out


def _helped(verb: Token) -> list[Token]:
    """Who is helped to do something: "help North Korea meet its needs", "help Ukraine to rebuild".

    Without a helped action ("helped the Royals to the championship") it is no aid.
    """
    objects: list[Token] = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        objects.extend(c for c in clause.children if c.dep_ == "nsubj")
        if objects == [] and clause.dep_ == "xcomp":
            objects.extend(c for c in verb.children if c.dep_ == "dobj")
    return objects


def _object_recipients(verb: Token, trigger: Trigger, ents: DocEntities) -> list[Token]:
    """Direct objects that are recipients.

    Aid verbs take the goods as object ("delivered weapons to X") unless the
    goods come with "with" ("supply Moscow with weapons"); a visit's object is
    its recipient only when it is a country ("visit Germany"), else a place
    ("visited the Oval Office").
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if trigger.type in ("AID", "COOPERATE") and not _prep_objects(verb, ("with",)):
        return []  # goods and ties are not recipients
    if trigger.mode == "visit":
        return [o for o in objects if _country_entity(o, ents)]
    return objects


def _country_entity(token: Token, ents: DocEntities) -> bool:
    key = ents.entity_at(token.idx, token.idx + len(token.text))
    place = ents.get(key).place if key is not None else None
    return place is not None and place.place_type == "country"


def _entities_of(token: Token, ents: DocEntities) -> list[str]:
    """Entity keys named by a token and its conjuncts ("Seoul and Washington")."""
    keys: list[str] = []
    for t in [token, *token.conjuncts]:
        if t.pos_ == "PRON" and t.dep_ == "nsubj" and t.head.dep_ == "relcl":
            t = t.head.head  # "this country which supports": the relative's antecedent
        if _in_parentheses(t):
            continue  # "(The Washington Post) Trump and Obama met": a credit, not a party
        key = ents.entity_at(t.idx, t.idx + len(t.text))
        if key is not None and key not in keys:
            keys.append(key)
    return keys


def _in_parentheses(token: Token) -> bool:
    """True if an opening parenthesis before ``token`` in its sentence is not closed before it."""
    for t in reversed(token.doc[token.sent.start : token.i]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def _subjects(verb: Token, dep: str) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == dep]
    own = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
    if not subjects and verb.dep_ == "conj" and not own:
        subjects = [c for c in verb.head.children if c.dep_ == dep]  # "Seoul has moved ... and joined"
    purpose = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not subjects and not own and dep == "nsubj" and (verb.dep_ == "xcomp" or purpose):
        subjects = _subjects(verb.head, dep)  # "Moscow wants to help", "Trump lands in Washington to meet"
    return subjects


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    objects: list[Token] = []
    for prep in head.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            objects.extend(t for t in prep.children if t.dep_ == "pobj")
    return objects


def _possessors(token: Token, ents: DocEntities) -> list[Token]:
    """ "Russia's offensive" -> Russia; "his meeting" -> the person subject he refers to."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ != "PRON":
            out.append(child)
        elif child.lower_ in ("his", "her"):
            subject = _person_subject_above(token, ents)
            if subject is not None:
                out.append(subject)
        elif child.lower_ == "its":
            owner = _its_owner(token, ents)
            if owner is not None:
                out.append(owner)
    return out


def _its_owner(token: Token, ents: DocEntities) -> Token | None:
    """Whose "its": only where the clause leaves one choice.

    "supports Russia in its war": a named country or organization as object of
    the verb the "in/for" phrase hangs on; else the named country/organization
    subject of the governing verb when that verb has no such object.
    """

    def named(t: Token) -> bool:
        key = ents.entity_at(t.idx, t.idx + len(t.text))
        return key is not None and ents.get(key).kind in ("place", "organization") and t.pos_ == "PROPN"

    verb = token.head.head if token.dep_ == "pobj" else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and named(c)]
    subjects = [c for c in _subjects(verb, "nsubj") if named(c)]
    if token.dep_ == "pobj" and token.head.lower_ == "in" and len(objects) == 1:
        return objects[0]
    if not objects and len(subjects) == 1:
        return subjects[0]
    return None


def _person_subject_above(token: Token, ents: DocEntities) -> Token | None:
    """The nearest named person that is the subject of a clause governing ``token``."""
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ != "nsubj":
                continue
            key = ents.entity_at(child.idx, child.idx + len(child.text))
            if key is not None and ents.get(key).kind == "person":
                return child
    return None


def _accused(token: Token) -> list[Token]:
    """Who is denounced: the object itself, or its "of"-object/possessor ("the policy of the US")."""
    out: list[Token] = []
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        out.append(obj)
        out.extend(c for c in obj.children if c.dep_ == "poss")
        out.extend(_prep_objects(obj, ("of",)))
    return out


# -- place, date, context -------------------------------------------------------


def _place(token: Token, ents: DocEntities, participants: set[str], own: bool = False) -> str | None:
    """A place named by "in/at/to" on the trigger, its light verb or, for physical acts, its object.

    "attacked a consulate in X" happened in X; "blamed her defeat in the US
    election" did not happen in the US.  With ``own``, not the light verb's
    ("carried out the attack in retaliation for strikes in X" is often parsed
    with X on "carried"): only "opened fire" counts its verb.
    """
    governor = _governor(token)
    heads = [token, _anchor(token)]
    if not own or governor.lemma_.lower() == "open":
        heads.append(governor)
    trigger = _trigger(token)
    if trigger is not None and trigger.type in PHYSICAL_TYPES:
        heads.extend(c for c in token.children if c.dep_ == "dobj")
        heads.extend(_prep_objects(token, ("on", "against")))  # "a raid on a consulate in X"
        # "stationed about 100 kilometers south of Seoul"
        heads.extend(c for c in token.children if c.dep_ == "advmod" and c.lower_ in _DIRECTIONS)
    if token.pos_ == "VERB" and token.lemma_.lower() == "visit":
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            key = ents.entity_at(obj.idx, obj.idx + len(obj.text))
            if key is not None and key not in participants and ents.get(key).kind == "place":
                return key
    for head in heads:
        for obj in _prep_objects(head, ("in", "at", "to", "of") if head.lower_ in _DIRECTIONS else ("in", "at", "to")):
            # "at the German consulate in Mazar-i-Sharif": a consulate is its country's, not in it
            inner = _prep_objects(obj, ("in",)) if obj.lemma_.lower() in OWNED_SITES else []
            for t in [*_noun_phrase(obj), *(t for o in inner for t in _noun_phrase(o))]:
                key = ents.entity_at(t.idx, t.idx + len(t.text))
                if key is not None and key not in participants and ents.get(key).kind == "place":
                    return key
    return None


# Sites named after whoever owns them: their country modifier is no place.
OWNED_SITES = frozenset({"consulate", "embassy", "mission", "base", "legation", "compound"})


def _noun_phrase(head: Token) -> list[Token]:
    """The head and its left modifiers, without relative clauses or prepositional phrases."""
    if head.lemma_.lower() in OWNED_SITES:
        return [head]
    return [t for left in head.lefts for t in left.subtree] + [head]


def _date_span(token: Token) -> Span | None:
    """A DATE entity attached to the trigger, its anchor, light verb or "planned for" modifier."""
    doc = token.doc
    heads = [token, _anchor(token), _governor(token)]
    heads.extend(c for c in token.children if c.dep_ == "acl")
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ not in RELATIVE_PREPS:
                candidates = [t for t in child.children if t.dep_ == "pobj"]
            elif child.dep_ in ("npadvmod", "tmod", "compound", "nmod"):
                candidates = [child]
            else:
                continue
            for cand in candidates:
                if _is_when(cand):
                    span = _ent_span(doc, cand)
                    if _usable_date(span):
                        return span
    return _clause_date(token)


def _clause_date(token: Token) -> Span | None:
    """The single DATE in the trigger's own clause ("met Ryan at the Capitol on Thursday").

    Only verb triggers: a date under another verb of the sentence (a clause
    of its own) is not this event's, and two dates make it ambiguous.  A date
    something is measured from ("two days before Election Day") is not this
    event's date either.
    """
    if token.pos_ != "VERB":
        return None
    found: list[Span] = []
    for t in token.subtree:
        if not _is_when(t) or t.ent_iob_ != "B" or _crosses_verb(t, token):
            continue
        span = _ent_span(token.doc, t)
        if _relative_to_other(span.root, token):
            continue
        if _usable_date(span):
            found.append(span)
    return found[0] if len(found) == 1 else None


def _relative_to_other(root: Token, trigger: Token) -> bool:
    """ "two days before Election Day", "since Monday": a time the event is measured from, not its own."""
    return root.dep_ == "pobj" and root.head.lower_ in RELATIVE_PREPS


RELATIVE_PREPS = frozenset({"before", "after", "since", "until", "ahead"})


def _crosses_verb(t: Token, top: Token) -> bool:
    """True if another verb stands between ``t`` and ``top`` in the tree."""
    for ancestor in t.ancestors:
        if ancestor == top:
            return False
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "aux":
            return True
    return True


def _is_when(token: Token) -> bool:
    """A DATE, or a TIME that names its day ("this afternoon", "Wednesday night"), not a bare clock time."""
    if token.ent_type_ == "DATE":
        return True
    if token.ent_type_ != "TIME":
        return False
    words = {t.lower_ for t in _ent_span(token.doc, token)}
    return bool(words & dates.DAY_WORDS)


def _usable_date(span: Span) -> bool:
    """A time the event happened: not a length ("two-day"), a non-date ("the days") or a timeline heading.

    "... a secret meeting with Bill Clinton October 7, 2016: WikiLeaks begins": a
    date followed by a colon heads the next entry.
    """
    doc = span.doc
    heading = span[-1].text == ":" or (span.end < len(doc) and doc[span.end].text == ":")
    text = span.text
    return not heading and not _is_duration(text) and dates.clean_expression(text) not in dates.NOT_DATES


def _is_duration(text: str) -> bool:
    """ "two-day" (a visit's length), "three weeks": how long, not when."""
    words = text.lower().replace("-", " ").split()
    return (
        len(words) >= 2
        and words[-1].rstrip("s") in ("day", "week", "month", "year", "hour")
        and (words[0].isdigit() or words[0] in _NUMBER_WORDS)
    )


_NUMBER_WORDS = frozenset(
    ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few"]
)


def _ent_span(doc: Doc, token: Token) -> Span:
    """The entity span around ``token``, from its IOB tags (``doc.ents`` is O(n) per call)."""
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _context(token: Token) -> EventContext:
    governor = _governor(token)
    related = [*token.children, *governor.children]
    if token.dep_ == "pobj":
        related.extend(token.head.head.children)  # "at a joint meeting": the verb above the preposition
        verb = token.head.head
    else:
        verb = governor
    words = {t.lower_ for t in related} | {t.lemma_.lower() for t in related}
    aux = {t.lower_ for t in verb.children if t.dep_ == "aux"} | {t.lower_ for t in token.children if t.dep_ == "aux"}
    if token.dep_ in ("acl", "relcl") or verb.dep_ == "acl":
        aux |= {t.lower_ for t in verb.head.children if t.dep_ == "aux"}
    acl_verbs = {c.lemma_.lower() for c in token.children if c.dep_ == "acl"}
    # "wants to help": the trigger verb itself is the intention's complement
    intended = token.pos_ == "VERB" and token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENT_VERBS
    anniversary = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ == "anniversary"
    if "former" in words or "ago" in {t.lower_ for t in token.sent} or anniversary:
        return "historical"
    if words & FUTURE_MODIFIERS or acl_verbs & FUTURE_VERBS or aux & {"will", "shall"} or intended:
        return "future"
    if aux & HYPOTHETICAL_AUX or any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in related):
        return "hypothetical"
    return "occurred"


# -- re-mentions -----------------------------------------------------------------


def _fold_into_earlier(event: Event, token: Token, events: list[Event]) -> bool:
    """Fold "this historic summit" into the earlier meeting it refers to; True if folded."""
    if event.type == "ASSAULT" and token.pos_ == "NOUN":
        return _fold_campaign(event, events)
    if event.type != "CONSULT" or event.participants:
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if not determiners & {"this", "the", "that"}:
        return False
    for earlier in reversed(events):
        if earlier.type != "CONSULT" or len(earlier.participants) < 2 or earlier.context != "occurred":
            continue
        if event.date_text and earlier.date_text and not _same_period(event.date_text, earlier.date_text):
            continue
        if event.mode == "summit":
            earlier.mode = "summit"
        return True
    return False


def _fold_campaign(event: Event, events: list[Event]) -> bool:
    """ "Russia's military offensive in Ukraine" after "its war against Ukraine": one ongoing war.

    Only a noun report with the same actors, no other target, a place that is
    the earlier target (or none) and no date of its own; the earlier event
    takes its place when it had none.
    """
    actors = {p.entity for p in event.participants if p.role == "actor"}
    targets = {p.entity for p in event.participants if p.role != "actor"}
    if not actors or event.date_text:
        return False
    for earlier in reversed(events):
        if earlier.type != "ASSAULT" or earlier.date_text:
            continue
        earlier_actors = {p.entity for p in earlier.participants if p.role == "actor"}
        earlier_targets = {p.entity for p in earlier.participants if p.role != "actor"}
        if actors != earlier_actors or not targets <= earlier_targets:
            continue
        if event.place is not None and event.place not in earlier_targets | {earlier.place}:
            continue
        if earlier.place is None:
            earlier.place = event.place
        return True
    return False


def _same_period(a: str, b: str) -> bool:
    return dates.clean_expression(a) == dates.clean_expression(b)
