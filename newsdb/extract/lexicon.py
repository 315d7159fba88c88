"""Word lists shared by the extraction stages."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spacy.tokens import Token

# Verbs that introduce speech.  Cognition verbs ("think", "believe") are not statements.
SPEECH_VERBS = frozenset(
    {
        "say", "add", "declare", "tell", "note", "welcome", "insist", "state", "explain", "claim",
        "argue", "warn", "announce", "stress", "emphasize", "emphasise", "write", "ask", "reply",
        "respond", "answer", "acknowledge", "admit", "deny", "confirm", "report",
        "suggest", "predict", "promise", "vow", "pledge", "urge", "tweet", "recall", "comment",
        "remark", "observe", "complain", "boast", "concede", "assert", "maintain", "contend",
        "charge", "denounce", "criticize", "criticise", "praise", "quip", "joke", "shout", "yell",
        "testify", "speak", "conclude", "describe", "call", "reiterate", "affirm", "underline",
        "point", "lament", "reveal", "disclose", "mention", "propose", "demand", "caution",
        "retort", "exclaim", "muse", "wonder", "accuse", "blast", "slam", "hail",
        "reason", "opine", "posit", "proclaim", "confess", "plead", "brag", "grumble", "mutter", "murmur",
        "whisper", "inquire", "recount", "summarize", "summarise", "decry", "tout", "laud",
        "condemn", "thank", "dub", "label", "chant", "coin", "interject", "counter", "boom", "lecture",
        "scoff", "snap", "thunder", "gush", "rant", "sigh", "exult", "dismiss", "characterize", "characterise",
        "refer", "bemoan", "blame",
    }
)  # fmt: skip

ORGANIZATION_WORDS = frozenset(
    {
        "party", "committee", "news", "post", "times", "journal", "inc", "corp", "group", "university",
        "college", "council", "department", "house", "senate", "court", "foundation", "campaign", "association",
        "union", "institute", "center", "centre", "bank", "company", "network", "agency", "office", "club",
        "press", "media", "radio", "television", "tv", "channel", "magazine", "review", "daily", "herald",
        "tribune", "fund", "trust", "project", "coalition", "alliance", "league", "board", "commission",
        "administration", "service", "services", "ministry", "army", "navy", "force", "forces", "police",
        "school", "hospital", "church", "state", "states", "city", "county", "federal", "national",
    }
)  # fmt: skip


def reads_like_a_person(name: str) -> bool:
    """Two or three capitalised words, none an organization word: "Carly Fiorina", "Ava DuVernay", not
    "Breitbart News" or "NBC News"."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.match(w) for w in words)
        and not any(w.lower() in ORGANIZATION_WORDS for w in words)
    )


# A capitalised word, or a surname with a capitalised prefix ("McCain", "DuVernay"; not "HuffPost", "YouTube").
_NAME_WORD = re.compile(r"(?:Mc|Mac|De|Du|Di|La|Le|Van|Von)?[A-Z][a-z]+\Z")


# Words the NER glues before a person's name that are never a given name: "on Instagram Kesha wrote",
# "MVP Zobrist said", "Top Clinton adviser" (not "Team": "Team Estonia" is no person).
NOT_GIVEN_NAMES = frozenset(
    {"Instagram", "Twitter", "Facebook", "YouTube", "Snapchat", "TikTok", "Tumblr", "MVP", "Top"}
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

# "Mr." / "Mrs." ... before a name, without the full stop and case-folded, and the gender it gives.
HONORIFIC_GENDER = {"mr": "m", "m": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f"}


def honorific_gender(honorific: str) -> str | None:
    """ "m" for "Mr.", "f" for "Mrs.", "Ms.", "Miss", "Mme"; None for anything else."""
    return HONORIFIC_GENDER.get(honorific.strip().rstrip(".").casefold())


PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip


def refers_back(token: Token) -> bool:
    """A third-person pronoun that usually refers to a subject named before it: a subject, possessive or reflexive.

    "Clinton said her plan ...", "Obama told reporters he ...", "... herself"; never an object ("McCaskill
    scolded him": "him" is someone else).
    """
    lower = token.lower_
    if lower in ("himself", "herself"):
        return True
    if lower in ("he", "she"):
        return token.dep_ in SUBJECT_DEPS
    return lower in ("his", "her") and token.dep_ == "poss"


_FIRST_NAMES = Path(__file__).with_name("first_names.tsv")


@functools.cache
def _first_name_genders() -> dict[str, str]:
    genders: dict[str, str] = {}
    with _FIRST_NAMES.open(encoding="ascii") as lines:
        for line in lines:
            if not line.startswith("#"):
                name, gender = line.rstrip("\n").split("\t")
                genders[name] = gender
    return genders


def first_name_gender(name: str, alone: bool = False) -> str | None:
    """ "m"/"f" when a person's full name starts with a first name nearly always given to one sex, else None.

    ``first_names.tsv`` (scripts/build_first_names.py): names at least 98 %
    of one sex among US births since 1920; "Kim", "Jordan", "Hillary" (96 %)
    and names of the other sex elsewhere ("Andrea") are not in it.  A name of
    one word ("Rex", "Hope" may be surnames) tells nothing unless ``alone``.
    """
    words = name.split()
    if not words or (len(words) < 2 and not alone):
        return None
    return _first_name_genders().get(words[0])
