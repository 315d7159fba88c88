"""Measure quotation extraction on PolNeAR: newsdb statements vs a spaCy + textacy baseline.

Usage::

    .venv/bin/python benchmarks/eval_quotes.py [--split dev|train] [--limit N] [--cache DIR]
        [--show-wrong] [--show-misses] [--skip PREFIX ...]

``--cache DIR`` keeps each article's parse (``DocBin``) under ``DIR/<split>/``
so re-runs only redo the rule stages; ``--show-misses`` prints, for every
matched quotation with a named gold source that newsdb left unresolved or got
wrong, the gold source, our speaker and the text around the quotation,
every gold direct quotation that newsdb missed, and every quotation of an
anonymous source that newsdb gave a named person.

Develop on ``train``; report on ``dev``.  Both systems run on the same spaCy
parse (the newsdb model).  The baseline needs ``textacy`` (the ``bench`` extra).

Gold quotations
    Each Content fragment of a gold attribution (one annotator per article, see
    ``polnear.py``), widened by up to two characters to take in adjacent marks,
    is cut at its double quotation marks (“ ” " « », and the two apostrophes
    ``''`` that stand for one in the New York Times articles, read as by
    ``newsdb.extract.quotes.reading_text``; before 2026-12-02 they were not,
    and every NYT quotation counted as indirect): every text between an
    opening and a closing mark is a *gold quotation*; a mark left open runs to
    the fragment's end (a quotation continuing in the next paragraph).  A gold
    quotation is *direct* when it covers at least two thirds of its Content
    fragment's non-space characters (the content is the quotation), else it is
    a quoted fragment inside reported speech (*partial*).

Matching rule
    A predicted span matches a gold quotation when they overlap by at least
    half of the shorter of the two (quotation marks excluded on both sides).

Direct quotes
    recall = gold direct quotations matched by a predicted direct statement;
    precision = predicted direct statements matching any gold quotation
    (a direct statement that annotators marked as a quoted fragment is still a
    real quotation).  For textacy, every ``direct_quotations`` triple is a
    predicted direct statement.
All quotes
    the same with every gold quotation and every quotation statement
    (newsdb: direct + partial).
Named speakers
    Over matched (gold quotation, prediction) pairs whose gold Source contains
    a proper noun: the gold name is the last run of proper nouns in the Source
    span ("Trump campaign manager Kellyanne Conway" -> "Kellyanne Conway").
    newsdb is correct when its speaker entity has a mention overlapping the
    gold Source span, or its name/an alias equals the gold name, or one is the
    other's surname (its last words: "Vargas Llosa", "Le Pen").  textacy is correct when its speaker tokens overlap the
    gold Source span or its proper-noun text matches the gold name the same
    way; a pronoun speaker from textacy counts as unresolved, like newsdb's None.
    accuracy = correct / pairs; wrong = wrong speaker / pairs.
Named speakers, per quotation (the second figure)
    PolNeAR nests attributions: in "“...,” Sanders said, according to CNN"
    the quotation is the content of Sanders's attribution and, inside the
    "according to" one, of CNN's, so the first figure counts it twice, once
    right and once wrong, whoever the system names.  The second figure counts
    each quotation once (gold quotations with the same span are one), right
    when the speaker is any of its gold sources, wrong when it is none of
    them; and only sources that are names: a source whose head is a group
    member ("a New Hampshire Democrat", "the Texan": spaCy's NORP) or that
    takes an indefinite determiner ("one senior Republican") describes an
    anonymous speaker, whom a system is right to leave unnamed.
Anonymous sources
    matched quotations whose gold sources are all indefinite descriptions
    ("one former executive", "an Israeli official"), and how many of them the
    system gave to a named person: each is a wrong speaker that the named
    figures above cannot see.
Indirect
    gold attributions whose Content has no quotation mark vs newsdb indirect
    statements, same overlap rule (recall, precision).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span, Token

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from polnear import DEFAULT_ROOT, Attribution, Fragments, PolnearArticle, read_split

from newsdb.extract import roles
from newsdb.extract.entities import find_entities
from newsdb.extract.facts import ArticleFacts, Statement
from newsdb.extract.pipeline import Extractor
from newsdb.extract.quotes import reading_text
from newsdb.extract.statements import find_statements
from newsdb.ingest.article import Article

OPEN_MARKS = "“«"
CLOSE_MARKS = "”»"
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + '"'
DIRECT_COVERAGE = 2 / 3
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "his", "who"})


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    direct: bool
    source: tuple[tuple[int, int], ...]
    source_name: str | None  # the proper-noun name in the Source span, when there is one
    name_spans: tuple[tuple[int, int], ...] = ()  # where the names are ("Flynn" in "Flynn, a top Trump surrogate,")
    named: bool = False  # the Source is a name, not an anonymous description ("a Nevada Democrat")
    anonymous: bool = False  # the Source is an indefinite description: "one former executive", "a Nevada Democrat"


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    direct: bool
    speaker_ok: bool | None  # None: no (or unresolved) speaker; filled per gold pair


@dataclass(slots=True)
class Tally:
    gold_direct: int = 0
    gold_direct_found: int = 0
    pred_direct: int = 0
    pred_direct_ok: int = 0
    gold_all: int = 0
    gold_all_found: int = 0
    pred_all: int = 0
    pred_all_ok: int = 0
    named_pairs: int = 0
    named_correct: int = 0
    named_wrong: int = 0
    quotes_named: int = 0  # per quotation, names only (see the module docstring)
    quotes_correct: int = 0
    quotes_wrong: int = 0
    anonymous: int = 0  # matched quotations whose every gold source is an anonymous description
    anonymous_named: int = 0  # ... to which the system gave a person as speaker
    gold_indirect: int = 0
    gold_indirect_found: int = 0
    pred_indirect: int = 0
    pred_indirect_ok: int = 0
    indirect_named: int = 0  # found indirect fragments whose gold Source is a name
    indirect_correct: int = 0
    indirect_wrong: int = 0
    indirect_anonymous: int = 0  # found indirect fragments whose gold Source is an unnamed someone
    indirect_anonymous_named: int = 0
    gold_turns: int = 0  # transcript turns ("PENCE: Well, look, ..."), scored apart: see the module docstring
    gold_turns_found: int = 0
    pred_turns: int = 0
    pred_turns_ok: int = 0
    turns_named: int = 0
    turns_correct: int = 0
    turns_wrong: int = 0
    wrong_examples: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


# -- gold ---------------------------------------------------------------------


def gold_quotes(article: PolnearArticle, doc: Doc) -> list[GoldQuote]:
    """Quotations inside the gold Content fragments, with the Source's name."""
    found: list[GoldQuote] = []
    text = doc.text  # article.text with the NYT's ASCII ''...'' written "...": a direct quotation too
    for attribution in article.attributions:
        source = _source(doc, attribution)
        for frag_start, frag_end in attribution.content:
            size = max(1, len(text[frag_start:frag_end].replace(" ", "").replace("\n", "")))
            for start, end in _quoted_parts(text, frag_start, frag_end):
                inner = len(text[start:end].replace(" ", "").replace("\n", ""))
                direct = inner / size >= DIRECT_COVERAGE
                found.append(GoldQuote(start, end, direct, *source))
    return found


def _source(doc: Doc, attribution: Attribution) -> tuple[Fragments, str | None, Fragments, bool, bool]:
    """An attribution's Source as GoldQuote holds it: the span, its name, where the names are, named, anonymous."""
    names = source_name(doc, attribution.source)
    name = names[0].text if names else None
    where = tuple((n.start_char, n.end_char) for n in names)
    named = name is not None and is_name(doc, attribution.source)
    return attribution.source, name, where, named, is_anonymous(doc, attribution.source)


def gold_turns(article: PolnearArticle) -> list[tuple[tuple[int, int], str]]:
    """Transcript turns: attributions cued by a colon after a Source in capitals ("PENCE:"), with that Source."""
    found: list[tuple[tuple[int, int], str]] = []
    for attribution in article.attributions:
        source = article.span_text(attribution.source).strip()
        if article.span_text(attribution.cue).strip() == ":" and source.isupper() and attribution.content:
            found.append(((attribution.content[0][0], attribution.content[-1][1]), source))
    return found


def is_turn(statement: Statement, body: str) -> bool:
    """A transcript turn of newsdb's: its speaker's label, a colon, then the statement."""
    return (
        statement.cue == ":"
        and statement.speaker_end is not None
        and statement.speaker_end <= statement.start
        and body[statement.speaker_end : statement.start].strip() == ":"
    )


def gold_indirect(article: PolnearArticle, doc: Doc) -> list[GoldQuote]:
    """Reported speech: the Content fragments of attributions with no quotation mark, with the Source's name."""
    found: list[GoldQuote] = []
    for attribution in article.attributions:
        text = article.span_text(attribution.content)
        if any(m in text for m in ALL_MARKS) or "''" in text:
            continue
        source = _source(doc, attribution)
        found.extend(GoldQuote(start, end, False, *source) for start, end in attribution.content)
    return found


def _quoted_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Texts between quotation marks in ``text[start:end]`` (widened by two characters)."""
    lo, hi = max(0, start - 2), min(len(text), end + 2)
    lo = next((i for i in range(lo, start) if text[i] in ALL_MARKS), start)
    hi = next((i + 1 for i in range(hi - 1, end - 1, -1) if text[i] in ALL_MARKS), end)
    parts: list[tuple[int, int]] = []
    opened: int | None = None
    first = True
    for pos in range(lo, hi):
        char = text[pos]
        if char not in ALL_MARKS:
            continue
        closes = char in CLOSE_MARKS or (char == '"' and opened is not None)
        if closes:
            parts.append((lo if opened is None and first else (opened or lo), pos))
            opened = None
        else:
            opened = pos + 1
        first = False
    if opened is not None:
        parts.append((opened, hi))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def source_name(doc: Doc, source: Sequence[tuple[int, int]]) -> list[Span]:
    """The names the gold Source is, when it is one: its head is a proper noun.

    "Trump campaign manager Kellyanne Conway" -> "Kellyanne Conway"; "Donald
    Trump's campaign manager", "he" and "the president" (however tagged) are
    not names.  The name is the run of
    proper nouns around the head; "Blumenthal and Cohen" are two.
    """
    for start, end in source:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        if roles.is_title_word(root) and root.text[:1].isupper() and root.ent_type_ != "PERSON":
            # "the district GOP Chairman Chuck Williams", "UMWA Director of Government Affairs Phil Smith"
            # parsed with the title as head: the name is the proper noun hanging from it on the right
            named = [
                c for c in root.rights if c.pos_ == "PROPN" and c.dep_ in ("appos", "compound", "flat", "npadvmod")
            ]
            named = [c for c in named if c.i < span.end and c.ent_type_ == "PERSON"]
            if named:
                root = named[0]
        if root.pos_ != "PROPN" or not root.text[:1].isupper():  # "the president", tagged PROPN, names no one
            names = [
                c
                for c in root.rights
                if c.pos_ == "PROPN" and c.text[:1].isupper() and c.dep_ in ("appos", "compound") and c.i < span.end
            ]
            if not names:
                continue
            root = names[0]
        heads = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < span.end)]
        found = []
        for head in heads:
            left = head.i
            while left - 1 >= span.start and doc[left - 1].pos_ == "PROPN" and doc[left - 1].text[:1].isupper():
                left -= 1
            found.append(doc[left : head.i + 1])
        return found
    return []


INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "several", "many"})


def _source_root(doc: Doc, source: Sequence[tuple[int, int]]) -> Token | None:
    """The syntactic head of the Source's first fragment."""
    for start, end in source:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            return span.root
    return None


def _indefinite(root: Token) -> bool:
    return any(c.lower_ in INDEFINITE and c.dep_ in ("det", "nummod") for c in root.children)


def is_name(doc: Doc, source: Sequence[tuple[int, int]]) -> bool:
    """The Source names someone: not a group member ("a Nevada Democrat", "the Texan") or an indefinite."""
    root = _source_root(doc, source)
    if root is None or root.ent_type_ == "NORP" or root.tag_ == "NNPS":
        return False
    return not _indefinite(root)


def is_anonymous(doc: Doc, source: Sequence[tuple[int, int]]) -> bool:
    """The Source is an indefinite description of someone unnamed: "one former executive", "an official"."""
    root = _source_root(doc, source)
    if root is None:
        return False
    # "an angry Hollande", "an aide, John Smith," name someone
    named = root.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in root.children)
    return _indefinite(root) and not named


# -- matching -------------------------------------------------------------------


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter >= shorter / 2


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "gov", "rep", "president", "senator"})


def names_match(gold: str, names: Iterable[str]) -> bool:
    gold_words = [w for w in gold.lower().replace(".", " ").split() if w not in HONORIFICS] or gold.lower().split()
    for name in names:
        words = name.lower().replace(".", " ").split()
        if not words:
            continue
        if words == gold_words or words[-len(gold_words) :] == gold_words or gold_words[-len(words) :] == words:
            return True  # equal, or one is the other's (possibly two-word: "Vargas Llosa") surname
        if len(words) > 1 and words[-1] == gold_words[-1] and words[0] == gold_words[0]:
            return True
    return False


def _on_name(start: int, end: int, gold: GoldQuote) -> bool:
    """The characters ``start:end`` overlap a name of the gold Source (not merely the Source: in "Flynn, a
    top Trump surrogate," Trump is not the source)."""
    return any(start < e and s < end for s, e in gold.name_spans)


def newsdb_speaker_ok(facts: ArticleFacts, statement: Statement, gold: GoldQuote) -> bool | None:
    if statement.speaker is None:
        return None
    for mention in facts.mentions:
        if mention.entity == statement.speaker and _on_name(mention.start, mention.end, gold):
            return True
    entity = facts.entity(statement.speaker)
    return gold.source_name is not None and names_match(gold.source_name, [entity.name, *entity.aliases])


# -- scoring --------------------------------------------------------------------


INTERVIEW_LABELS = frozenset({"Q", "A"})


def score_turns(
    tally: Tally, facts: ArticleFacts, golds: list[tuple[tuple[int, int], str]], ours: list[Statement]
) -> None:
    """Transcript turns against the gold colon-cued attributions: recall, precision, speaker (by the label)."""
    tally.gold_turns += len(golds)
    tally.pred_turns += len(ours)
    for span, source in golds:
        hits = [s for s in ours if overlaps(span, (s.start, s.end))]
        if not hits:
            continue
        tally.gold_turns_found += 1
        if source in INTERVIEW_LABELS:
            continue  # "Q:", "A:": the label names no one, so neither speaker can be checked here
        tally.turns_named += 1
        speaker = hits[0].speaker
        if speaker is not None:
            entity = facts.entity(speaker)
            right = names_match(source.title(), [entity.name, *entity.aliases])
            tally.turns_correct += right
            tally.turns_wrong += not right
    tally.pred_turns_ok += sum(any(overlaps(span, (s.start, s.end)) for span, _ in golds) for s in ours)


def score_quotes(
    tally: Tally,
    golds: list[GoldQuote],
    preds: list[tuple[int, int, bool]],
    judge: Judge,
    also: Sequence[tuple[int, int, bool]] = (),
) -> None:
    """Quotations; ``also`` are predictions that may find a gold quotation but are not quotations themselves
    (newsdb's transcript turns: "PENCE: Well, look, ... “Shark Tank.” ...") and so not in the precision."""
    tally.gold_direct += sum(g.direct for g in golds)
    tally.gold_all += len(golds)
    tally.pred_direct += sum(p[2] for p in preds)
    tally.pred_all += len(preds)
    for gold in golds:
        span = (gold.start, gold.end)
        hits = [p for p in [*preds, *also] if overlaps(span, (p[0], p[1]))]
        if gold.direct and any(p[2] for p in hits):
            tally.gold_direct_found += 1
        if hits:
            tally.gold_all_found += 1
        if gold.direct and not any(p[2] for p in hits):
            judge.missed_direct(gold, hits)
        if hits and gold.source_name is not None:
            tally.named_pairs += 1
            verdict = judge(hits[0], gold)
            if verdict is True:
                tally.named_correct += 1
            elif verdict is False:
                tally.named_wrong += 1
            if verdict is not True:
                judge.missed_speaker(hits[0], gold, verdict)
    for pred in preds:
        if any(overlaps((g.start, g.end), (pred[0], pred[1])) for g in golds):
            tally.pred_all_ok += 1
            tally.pred_direct_ok += pred[2]
    score_per_quotation(tally, golds, [*preds, *also], judge)


def score_per_quotation(tally: Tally, golds: list[GoldQuote], preds: list[tuple[int, int, bool]], judge: Judge) -> None:
    """Named speakers once per quotation, over its named gold sources (nested attributions)."""
    by_span: dict[tuple[int, int], list[GoldQuote]] = {}
    anonymous: dict[tuple[int, int], bool] = {}
    for gold in golds:
        if gold.named:
            by_span.setdefault((gold.start, gold.end), []).append(gold)
        span = (gold.start, gold.end)
        anonymous[span] = anonymous.get(span, True) and gold.anonymous
    for span, unnamed in anonymous.items():
        hits = [p for p in preds if overlaps(span, (p[0], p[1]))]
        if unnamed and hits:
            tally.anonymous += 1
            tally.anonymous_named += judge.names_a_person(hits[0])
    for span, sources in by_span.items():
        hits = [p for p in preds if overlaps(span, (p[0], p[1]))]
        if not hits:
            continue
        tally.quotes_named += 1
        verdicts = [judge.verdict(hits[0], gold) for gold in sources]
        if True in verdicts:
            tally.quotes_correct += 1
        elif False in verdicts:
            tally.quotes_wrong += 1


class Judge:
    """Decides whether the speaker of a prediction is the gold named source."""

    def __call__(self, pred: tuple[int, int, bool], gold: GoldQuote) -> bool | None:
        raise NotImplementedError

    def verdict(self, pred: tuple[int, int, bool], gold: GoldQuote) -> bool | None:
        """The same judgement, without recording examples."""
        return self(pred, gold)

    def names_a_person(self, pred: tuple[int, int, bool]) -> bool:
        """The prediction's speaker is a named person."""
        return False

    def missed_direct(self, gold: GoldQuote, hits: list[tuple[int, int, bool]]) -> None:
        """A gold direct quotation with no predicted direct statement over it."""

    def missed_speaker(self, pred: tuple[int, int, bool], gold: GoldQuote, verdict: bool | None) -> None:
        """A matched quotation with a named gold source whose speaker we got wrong (False) or left open (None)."""


class NewsdbJudge(Judge):
    def __init__(self, facts: ArticleFacts, by_span: dict[tuple[int, int], Statement], tally: Tally) -> None:
        self.facts, self.by_span, self.tally = facts, by_span, tally

    def __call__(self, pred: tuple[int, int, bool], gold: GoldQuote) -> bool | None:
        statement = self.by_span[(pred[0], pred[1])]
        verdict = newsdb_speaker_ok(self.facts, statement, gold)
        if verdict is False and len(self.tally.wrong_examples) < 400:
            self.tally.wrong_examples.append(
                f"{self.facts.article.origin}: {statement.quote[:60]!r} -> {statement.speaker} "
                f"({statement.speaker_text!r}); gold {gold.source_name!r}"
            )
        return verdict

    def verdict(self, pred: tuple[int, int, bool], gold: GoldQuote) -> bool | None:
        return newsdb_speaker_ok(self.facts, self.by_span[(pred[0], pred[1])], gold)

    def names_a_person(self, pred: tuple[int, int, bool]) -> bool:
        statement = self.by_span[(pred[0], pred[1])]
        named = statement.speaker is not None and self.facts.entity(statement.speaker).kind == "person"
        if named:
            self.tally.misses.append(
                f"[ANONYMOUS-NAMED] {self.facts.article.origin}@{pred[0]} ours {statement.speaker} text "
                f"{statement.speaker_text!r} cue {statement.cue!r}\n{_context(self.facts, pred[0], pred[1])}"
            )
        return named

    def missed_direct(self, gold: GoldQuote, hits: list[tuple[int, int, bool]]) -> None:
        ours = "partial" if hits else "none"
        self.tally.misses.append(
            f"[MISS-DIRECT {ours}] {self._where(gold)}\n{_context(self.facts, gold.start, gold.end)}"
        )

    def missed_speaker(self, pred: tuple[int, int, bool], gold: GoldQuote, verdict: bool | None) -> None:
        statement = self.by_span[(pred[0], pred[1])]
        text = self.facts.article.body
        source = " ".join(text[s:e] for s, e in gold.source)
        ours = statement.speaker if statement.speaker is not None else "None"
        label = "WRONG" if verdict is False else "UNRESOLVED"
        self.tally.misses.append(
            f"[{label}] {self._where(gold)} gold {source!r} ({gold.source_name!r}) ours {ours} "
            f"text {statement.speaker_text!r} cue {statement.cue!r} type {statement.type}\n"
            f"{_context(self.facts, gold.start, gold.end)}"
        )

    def _where(self, gold: GoldQuote) -> str:
        return f"{self.facts.article.origin}@{gold.start}"


def _context(facts: ArticleFacts, start: int, end: int, width: int = 160) -> str:
    text = facts.article.body
    before = text[max(0, start - width) : start]
    quote = text[start:end] if end - start <= 2 * width else text[start : start + width] + " … " + text[end - 40 : end]
    after = text[end : end + width]
    return "    " + f"{before}⟦{quote}⟧{after}".replace("\n", "⏎ ")


class TextacyJudge(Judge):
    def __init__(self, speakers: dict[tuple[int, int], tuple[int, int, str]], named: set[tuple[int, int]]) -> None:
        self.speakers, self.named = speakers, named

    def names_a_person(self, pred: tuple[int, int, bool]) -> bool:
        return (pred[0], pred[1]) in self.named  # a proper noun in textacy's speaker

    def __call__(self, pred: tuple[int, int, bool], gold: GoldQuote) -> bool | None:
        start, end, text = self.speakers[(pred[0], pred[1])]
        if text.lower() in PRONOUNS:
            return None
        if _on_name(start, end, gold):
            return True
        return gold.source_name is not None and names_match(gold.source_name, [text])


def newsdb_run(
    tally: Tally,
    facts: ArticleFacts,
    golds: list[GoldQuote],
    indirect: list[GoldQuote],
    turns: list[tuple[tuple[int, int], str]],
) -> None:
    body = facts.article.body
    ours = [s for s in facts.statements if is_turn(s, body)]
    quoted = [s for s in facts.statements if s.type in ("direct", "partial") and s not in ours]
    by_span = {(s.start, s.end): s for s in quoted + ours}
    preds = [(s.start, s.end, s.type == "direct") for s in quoted]
    score_quotes(tally, golds, preds, NewsdbJudge(facts, by_span, tally), also=[(s.start, s.end, True) for s in ours])
    score_turns(tally, facts, turns, ours)
    score_indirect(tally, facts, indirect)


def score_indirect(tally: Tally, facts: ArticleFacts, golds: list[GoldQuote]) -> None:
    """Reported speech: recall and precision of the spans, and the speaker of each one found."""
    reported = [s for s in facts.statements if s.type == "indirect"]
    spans = [(g.start, g.end) for g in golds]
    tally.gold_indirect += len(golds)
    tally.pred_indirect += len(reported)
    tally.pred_indirect_ok += sum(any(overlaps(g, (p.start, p.end)) for g in spans) for p in reported)
    for gold in golds:
        hit = next((p for p in reported if overlaps((gold.start, gold.end), (p.start, p.end))), None)
        if hit is None:
            continue
        tally.gold_indirect_found += 1
        if gold.named:
            tally.indirect_named += 1
            verdict = newsdb_speaker_ok(facts, hit, gold)
            tally.indirect_correct += verdict is True
            tally.indirect_wrong += verdict is False
            if verdict is False:
                source = " ".join(facts.article.body[s:e] for s, e in gold.source)
                tally.misses.append(
                    f"[WRONG-INDIRECT] {facts.article.origin}@{gold.start} gold {source!r} ours {hit.speaker} "
                    f"text {hit.speaker_text!r} cue {hit.cue!r}\n{_context(facts, hit.start, hit.end)}"
                )
        elif gold.anonymous:
            tally.indirect_anonymous += 1
            tally.indirect_anonymous_named += hit.speaker is not None and facts.entity(hit.speaker).kind == "person"


def textacy_run(tally: Tally, doc: Doc, golds: list[GoldQuote]) -> None:
    from textacy.extract.triples import direct_quotations

    speakers: dict[tuple[int, int], tuple[int, int, str]] = {}
    named: set[tuple[int, int]] = set()
    preds: list[tuple[int, int, bool]] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        triples = []  # textacy refuses documents with an odd number of quotation marks
    for triple in triples:
        content = triple.content
        start, end = content.start_char, content.end_char
        text = doc.text
        while start < end and text[start] in ALL_MARKS + " ":
            start += 1
        while end > start and text[end - 1] in ALL_MARKS + " ,":
            end -= 1
        speaker = triple.speaker
        propn = " ".join(t.text for t in speaker if t.pos_ == "PROPN") or " ".join(t.text for t in speaker)
        speakers[(start, end)] = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text), propn)
        if any(t.pos_ == "PROPN" for t in speaker):
            named.add((start, end))
        preds.append((start, end, True))
    score_quotes(tally, golds, preds, TextacyJudge(speakers, named))


# -- report -----------------------------------------------------------------------


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def report(name: str, tally: Tally, indirect: bool) -> str:
    rows = [
        f"{name}",
        f"  direct quotes   recall {ratio(tally.gold_direct_found, tally.gold_direct)} "
        f"({tally.gold_direct_found}/{tally.gold_direct})  precision {ratio(tally.pred_direct_ok, tally.pred_direct)} "
        f"({tally.pred_direct_ok}/{tally.pred_direct})",
        f"  all quotes      recall {ratio(tally.gold_all_found, tally.gold_all)} "
        f"({tally.gold_all_found}/{tally.gold_all})  precision {ratio(tally.pred_all_ok, tally.pred_all)} "
        f"({tally.pred_all_ok}/{tally.pred_all})",
        f"  named speakers  accuracy {ratio(tally.named_correct, tally.named_pairs)} "
        f"wrong {ratio(tally.named_wrong, tally.named_pairs)} "
        f"unresolved {ratio(tally.named_pairs - tally.named_correct - tally.named_wrong, tally.named_pairs)} "
        f"(of {tally.named_pairs} matched quotes with a named gold source)",
        f"  per quotation   accuracy {ratio(tally.quotes_correct, tally.quotes_named)} "
        f"wrong {ratio(tally.quotes_wrong, tally.quotes_named)} "
        f"unresolved {ratio(tally.quotes_named - tally.quotes_correct - tally.quotes_wrong, tally.quotes_named)} "
        f"(of {tally.quotes_named} matched quotations whose gold sources include a name)",
        f"  anonymous       named a person for {tally.anonymous_named} of {tally.anonymous} matched quotations whose "
        "gold source is an unnamed someone ('one former executive')",
    ]
    if indirect:
        rows.append(
            f"  transcript turns recall {ratio(tally.gold_turns_found, tally.gold_turns)} "
            f"({tally.gold_turns_found}/{tally.gold_turns})  precision {ratio(tally.pred_turns_ok, tally.pred_turns)} "
            f"({tally.pred_turns_ok}/{tally.pred_turns})  speaker accuracy "
            f"{ratio(tally.turns_correct, tally.turns_named)} wrong {ratio(tally.turns_wrong, tally.turns_named)}"
        )
        rows.append(
            f"  indirect        recall {ratio(tally.gold_indirect_found, tally.gold_indirect)} "
            f"({tally.gold_indirect_found}/{tally.gold_indirect})  precision "
            f"{ratio(tally.pred_indirect_ok, tally.pred_indirect)} ({tally.pred_indirect_ok}/{tally.pred_indirect})"
        )
        unresolved = tally.indirect_named - tally.indirect_correct - tally.indirect_wrong
        rows.append(
            f"  indirect speakers accuracy {ratio(tally.indirect_correct, tally.indirect_named)} "
            f"wrong {ratio(tally.indirect_wrong, tally.indirect_named)} "
            f"unresolved {ratio(unresolved, tally.indirect_named)} (of {tally.indirect_named} found with a named "
            f"gold source); an unnamed source given a person for {tally.indirect_anonymous_named} of "
            f"{tally.indirect_anonymous}"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="keep parses under this directory")
    parser.add_argument("--show-wrong", action="store_true", help="list wrong newsdb speakers")
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="list unresolved/wrong speakers, missed directs, named anonymous sources",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="PREFIX", help="leave out articles whose name starts so"
    )
    args = parser.parse_args(argv)

    extractor = Extractor()
    ours, baseline = Tally(), Tally()
    started = time.monotonic()
    count = 0
    for item in read_split(args.split, args.root, args.limit):
        if any(item.name.startswith(prefix) for prefix in args.skip):
            continue
        article = Article(body=reading_text(item.text), origin=item.name)  # the NYT's ''...'' read as "..."
        doc = parse_cached(extractor, item, args.cache)
        facts = statement_facts(article, doc)
        golds = gold_quotes(item, doc)
        newsdb_run(ours, facts, golds, gold_indirect(item, doc), gold_turns(item))
        if not args.no_baseline:
            textacy_run(baseline, doc, golds)
        count += 1
    elapsed = time.monotonic() - started
    print(f"PolNeAR {args.split}: {count} articles, {elapsed:.0f}s")
    print(report("newsdb", ours, indirect=True))
    if not args.no_baseline:
        print(report("baseline: spaCy + textacy direct_quotations", baseline, indirect=False))
    if args.show_wrong:
        print("\n".join(ours.wrong_examples))
    if args.show_misses:
        print("\n".join(ours.misses))
    return 0


def parse_cached(extractor: Extractor, item: PolnearArticle, cache: Path | None) -> Doc:
    """The parse of ``item``, read from ``cache`` when it holds one of the same text."""
    if cache is None:
        return extractor.parse(item.text)
    path = cache / item.split / f"{item.name}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(extractor.nlp.vocab))
        if len(docs) == 1 and docs[0].text == reading_text(item.text):
            return docs[0]
    doc = extractor.parse(item.text)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[doc]).to_disk(path)
    return doc


def statement_facts(article: Article, doc: Doc) -> ArticleFacts:
    """Entities and statements only: the stages this benchmark measures (events are skipped)."""
    ents = find_entities(doc, article)
    return ArticleFacts(
        article=article,
        entities=ents.entities,
        mentions=sorted(ents.mentions, key=lambda m: (m.start, m.end)),
        roles=ents.roles,
        statements=find_statements(doc, article, ents),
        events=[],
        extractor="eval_quotes",
    )


if __name__ == "__main__":
    raise SystemExit(main())
