"""Article-level who/where/when check on the Giveme5W1H gold standard: newsdb events vs a lead baseline.

Run: .venv/bin/python benchmarks/eval_events.py [--half dev|test|all] [--data ../shared/eval-data] [--model NAME]

The set has no split of its own, so files sorted by name are cut in two:
rules are developed on the first half (``--half dev``) only, and the second
half (``--half test``) is the honest figure.  The default prints both.

Giveme5W1H annotates, per article, phrases answering who / where / when of the
main event ("Donald Trump", "at the White House", "Thursday").  Those are
phrases, not typed events, so this is an article-level check:

* newsdb (first event): who = the actor (else first participant) of the first
  event that has one; where = the place of the first event with a place; when =
  the date text of the first event with a date;
* newsdb (any event): the answer is right if any event's participant / place /
  date matches (an upper bound on what the events hold);
* baseline (lead entity): the first PERSON/ORG/NORP, the first GPE/LOC/FAC and
  the first DATE entity of plain spaCy NER on the same text.

An answer matches a gold phrase when one contains the other (case-folded), for
entities by any of their names, aliases or mention texts; for "when" also when
our normalised date equals the annotators' parsed date.  Precision = right
answers / answers given; recall = right answers / articles with a gold phrase.
Text = title, blank line, text; publication date = ``date_publish``.
The data stays in ../shared/eval-data (never copied here).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdb.extract.facts import ArticleFacts, Event  # noqa: E402
from newsdb.extract.pipeline import DEFAULT_MODEL, Extractor  # noqa: E402
from newsdb.ingest.article import Article  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"
QUESTIONS = ("who", "where", "when")
WHO_LABELS = {"PERSON", "ORG", "NORP"}
WHERE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(slots=True)
class Answer:
    """Strings that stand for one answer, plus a normalised date for "when"."""

    texts: set[str] = field(default_factory=set)
    date: str | None = None


@dataclass(slots=True)
class Tally:
    answered: int = 0
    right: int = 0
    gold: int = 0

    def row(self) -> tuple[float, float, float]:
        p = self.right / self.answered if self.answered else 0.0
        r = self.right / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def matches(answers: list[Answer], gold: list[dict[str, Any]]) -> bool:
    for answer in answers:
        for g in gold:
            phrase = _fold(g.get("text") or "")
            if answer.date is not None and answer.date == g.get("parsed"):
                return True
            for text in answer.texts:
                t = _fold(text)
                if len(t) >= 2 and phrase and (t in phrase or phrase in t):
                    return True
    return False


def entity_answer(facts: ArticleFacts, key: str) -> Answer:
    entity = facts.entity(key)
    texts = {entity.name, *entity.aliases}
    texts |= {m.text for m in facts.mentions if m.entity == key}
    return Answer(texts)


def _who(event: Event) -> str | None:
    actors = [p.entity for p in event.participants if p.role == "actor"]
    others = [p.entity for p in event.participants]
    return (actors or others)[0] if actors or others else None


def ours(facts: ArticleFacts, first_only: bool) -> dict[str, list[Answer]]:
    out: dict[str, list[Answer]] = {q: [] for q in QUESTIONS}
    for event in facts.events:
        who = _who(event) if first_only else None
        keys = [who] if first_only else [p.entity for p in event.participants]
        out["who"].extend(entity_answer(facts, k) for k in keys if k is not None)
        if event.place is not None:
            out["where"].append(entity_answer(facts, event.place))
        if event.date_text is not None:
            day = event.date.isoformat() if event.date and event.date_precision == "day" else None
            out["when"].append(Answer({event.date_text}, day))
    if first_only:
        out = {q: answers[:1] for q, answers in out.items()}
    return out


def baseline(ents: Iterable[tuple[str, str]]) -> dict[str, list[Answer]]:
    out: dict[str, list[Answer]] = {q: [] for q in QUESTIONS}
    for label, text in ents:
        question = "who" if label in WHO_LABELS else "where" if label in WHERE_LABELS else "when"
        if label in WHO_LABELS | WHERE_LABELS | {"DATE"} and not out[question]:
            out[question].append(Answer({text}))
    return out


def load(path: Path) -> tuple[Article, dict[str, list[dict[str, Any]]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    published = None
    if data.get("date_publish") not in (None, "", "None"):
        published = datetime.fromisoformat(data["date_publish"]).replace(tzinfo=UTC)
    body = f"{data.get('title') or ''}\n\n{data.get('text') or ''}".strip()
    article = Article(body=body, origin=str(path), title=data.get("title"), published_at=published)
    gold = {q: [a for a in data["fiveWoneH"][q]["annotated"] if a.get("text") or a.get("parsed")] for q in QUESTIONS}
    return article, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument(
        "--half",
        choices=("dev", "test", "all", "both"),
        default="both",
        help="dev/test half, all files, or both halves",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the chosen set")
    args = parser.parse_args()
    extractor = Extractor(args.model)
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    for i, half in enumerate(halves):
        if i:
            print()
        files = split(sorted((args.data / "giveme5w1h_gold" / "data").glob("*.json")), half)[: args.limit]
        evaluate(extractor, files, half)


def split(files: list[Path], half: str) -> list[Path]:
    """The development half (first of the sorted files), the test half (the rest) or all."""
    middle = (len(files) + 1) // 2
    return {"dev": files[:middle], "test": files[middle:]}.get(half, files)


def evaluate(extractor: Extractor, files: list[Path], half: str) -> None:
    systems = ["newsdb (first event)", "newsdb (any event)", "baseline (lead entity)"]
    tallies = {(s, q): Tally() for s in systems for q in QUESTIONS}
    n_events = 0
    for path in files:
        article, gold = load(path)
        doc = extractor.parse(article.body)
        facts = extractor.facts(article, doc)
        n_events += len(facts.events)
        answers = {
            systems[0]: ours(facts, first_only=True),
            systems[1]: ours(facts, first_only=False),
            systems[2]: baseline((e.label_, e.text) for e in doc.ents),
        }
        for system, by_question in answers.items():
            for q in QUESTIONS:
                tally = tallies[(system, q)]
                tally.gold += bool(gold[q])
                if by_question[q]:
                    tally.answered += 1
                    tally.right += bool(gold[q]) and matches(by_question[q], gold[q])
    print(f"Giveme5W1H gold, {half} half: {len(files)} articles; newsdb found {n_events} events\n")
    print(f"{'system':24} {'question':8} {'P':>6} {'R':>6} {'F1':>6}   right/answered/gold")
    for system in systems:
        for q in QUESTIONS:
            t = tallies[(system, q)]
            p, r, f1 = t.row()
            print(f"{system:24} {q:8} {p:6.3f} {r:6.3f} {f1:6.3f}   {t.right}/{t.answered}/{t.gold}")


if __name__ == "__main__":
    main()
