"""Named-entity precision/recall/F1 on the GUM news subset: newsdb vs plain spaCy NER.

Run: .venv/bin/python benchmarks/eval_entities.py [--data ../shared/eval-data] [--model NAME] [--limit N]

Gold: GUM entity mentions (``dep/*.conllu``, the ``Entity=`` annotation) of
type person, organization or place whose head (the ``minspan`` token) is a
proper noun: GUM marks every mention ("a group of Afghan teenagers"), and only
named ones are comparable to NER.  The text is rebuilt from the tokens
(``SpaceAfter=No``, paragraphs from ``# newpar``), so offsets are ours.

A predicted mention matches a gold one (one-to-one) when it covers the gold
head token, lies inside the gold mention, and has the same type ("untyped"
drops the type check).

The gold head is the last token of GUM's minimal span, and must be a PROPN.

* newsdb: mentions of our person/organization/place entities, without
  descriptor mentions ("the Russian minister") and, on the first line, without
  demonym mentions ("Russian" as a mention of Russia), which GUM does not mark
  as mentions of the country; the second line keeps them.
* baseline: raw spaCy NER spans, PERSON -> person, ORG -> organization,
  GPE/LOC/FAC -> place, nothing else; no cleaning, no rules.

The data stays in ../shared/eval-data (research data; never copied here).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdb.extract import places  # noqa: E402
from newsdb.extract.facts import ArticleFacts  # noqa: E402
from newsdb.extract.pipeline import DEFAULT_MODEL, Extractor  # noqa: E402
from newsdb.ingest.article import Article  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"
TYPES = {"person", "organization", "place"}
BASELINE_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_ENTITY_PART = re.compile(r"\((\d+)-([a-z]+)-([^()]*?)(\))?(?=\(|\d+\)|$)|(\d+)\)")


@dataclass(frozen=True, slots=True)
class Gold:
    type: str
    start: int
    end: int
    head_start: int
    head_end: int


@dataclass(frozen=True, slots=True)
class Pred:
    type: str
    start: int
    end: int


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    upos: str


@dataclass(slots=True)
class _Open:
    eid: str
    type: str
    minspan: list[int]
    first: int  # index into the document's token list


def read_conllu(path: Path) -> tuple[str, list[Gold]]:
    """Text rebuilt from the tokens, and the named person/organization/place mentions."""
    parts: list[str] = []
    pos = 0
    tokens: list[_Token] = []
    open_: dict[str, list[_Open]] = {}
    gold: list[Gold] = []
    mwt_end = -1
    mwt_span: tuple[int, int] | None = None
    mwt_text, mwt_pos = "", 0

    def emit(text: str, space: bool) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(text)
        pos += len(text)
        if space:
            parts.append(" ")
            pos += 1
        return start, start + len(text)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            if parts and not "".join(parts[-2:]).endswith("\n\n"):
                parts.append("\n\n")
                pos += 2
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # empty node
        misc = cols[9]
        space = "SpaceAfter=No" not in misc
        if "-" in cols[0]:
            mwt_end = int(cols[0].split("-")[1])
            mwt_span = emit(cols[1], space)
            mwt_text, mwt_pos = cols[1], 0
            continue
        word_id = int(cols[0])
        if mwt_span is not None and word_id <= mwt_end:
            # "Trump's" = "Trump" + "'s": give each word its part when the forms spell the surface
            if mwt_text.startswith(cols[1], mwt_pos):
                span = (mwt_span[0] + mwt_pos, mwt_span[0] + mwt_pos + len(cols[1]))
                mwt_pos += len(cols[1])
            else:
                span = mwt_span
            if word_id == mwt_end:
                mwt_span = None
        else:
            span = emit(cols[1], space)
        tokens.append(_Token(span[0], span[1], cols[3]))
        entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for m in _ENTITY_PART.finditer(entity):
            if m.group(1):
                attrs = m.group(3).split("-")
                minspan = [int(x) for x in attrs[3].split(",") if x.isdigit()] if len(attrs) > 3 else []
                opened = _Open(m.group(1), m.group(2), minspan, len(tokens) - 1)
                open_.setdefault(opened.eid, []).append(opened)
                if m.group(4):
                    gold.extend(_close(open_, opened.eid, tokens))
            else:
                gold.extend(_close(open_, m.group(5), tokens))
    text = "".join(parts)
    return text, [g for g in gold if g.type in TYPES]


def _close(open_: dict[str, list[_Open]], eid: str, tokens: list[_Token]) -> list[Gold]:
    stack = open_.get(eid)
    if not stack:
        return []
    opened = stack.pop()
    span_tokens = tokens[opened.first :]
    heads = [span_tokens[i - 1] for i in opened.minspan if 0 < i <= len(span_tokens)] or span_tokens[-1:]
    head = heads[-1]  # the last token of the minimal span: the head of an English name
    if head.upos != "PROPN":
        return []
    return [Gold(opened.type, span_tokens[0].start, span_tokens[-1].end, head.start, head.end)]


def ours(facts: ArticleFacts, demonyms: bool) -> list[Pred]:
    out = []
    for m in facts.mentions:
        entity = facts.entity(m.entity)
        if m.text[:4].lower() == "the " or not m.text[:1].isupper():
            continue  # descriptor mention
        if not demonyms and entity.kind == "place" and places.demonym_country(m.text) is not None:
            continue
        out.append(Pred(entity.kind, m.start, m.end))
    return out


def baseline(doc_ents: Iterable[tuple[str, int, int]]) -> list[Pred]:
    return [Pred(BASELINE_LABELS[label], s, e) for label, s, e in doc_ents if label in BASELINE_LABELS]


def score(gold: list[Gold], pred: list[Pred], typed: bool) -> tuple[int, int, int]:
    """(matched, predicted, gold) with greedy one-to-one matching."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or (typed and p.type != g.type):
                continue
            if p.start <= g.head_start and p.end >= g.head_end and p.start >= g.start and p.end <= g.end:
                used.add(i)
                matched += 1
                break
    return matched, len(pred), len(gold)


def prf(matched: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    files = sorted((args.data / "gum_news" / "dep").glob("*.conllu"))[: args.limit]
    extractor = Extractor(args.model)
    systems = ["newsdb (names)", "newsdb (+demonyms)", "baseline spaCy NER"]
    totals = {(s, typed): [0, 0, 0] for s in systems for typed in (True, False)}
    per_type = {(s, t): [0, 0, 0] for s in systems for t in sorted(TYPES)}
    n_gold = 0
    for path in files:
        text, gold = read_conllu(path)
        n_gold += len(gold)
        doc = extractor.parse(text)
        facts = extractor.facts(Article(body=text, origin=str(path)), doc)
        preds = {
            systems[0]: ours(facts, demonyms=False),
            systems[1]: ours(facts, demonyms=True),
            systems[2]: baseline((e.label_, e.start_char, e.end_char) for e in doc.ents),
        }
        for system, pred in preds.items():
            for typed in (True, False):
                for i, v in enumerate(score(gold, pred, typed)):
                    totals[(system, typed)][i] += v
            for t in TYPES:
                counts = score([g for g in gold if g.type == t], [p for p in pred if p.type == t], True)
                for i, v in enumerate(counts):
                    per_type[(system, t)][i] += v
    print(f"GUM news: {len(files)} documents, {n_gold} named person/organization/place mentions (gold)\n")
    print(f"{'system':22} {'match':8} {'P':>6} {'R':>6} {'F1':>6}   matched/pred/gold")
    for system in systems:
        for typed in (True, False):
            m, p, g = totals[(system, typed)]
            pr, rc, f1 = prf(m, p, g)
            print(f"{system:22} {'typed' if typed else 'untyped':8} {pr:6.3f} {rc:6.3f} {f1:6.3f}   {m}/{p}/{g}")
    print(f"\n{'system':22} {'type':13} {'P':>6} {'R':>6} {'F1':>6}   matched/pred/gold")
    for system in systems:
        for t in sorted(TYPES):
            m, p, g = per_type[(system, t)]
            pr, rc, f1 = prf(m, p, g)
            print(f"{system:22} {t:13} {pr:6.3f} {rc:6.3f} {f1:6.3f}   {m}/{p}/{g}")


if __name__ == "__main__":
    main()
