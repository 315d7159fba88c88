"""Speaker accuracy on quotations newsdb was not developed on: Giveme5W1H and GUM news, labelled by hand.

Usage::

    .venv/bin/python benchmarks/eval_fresh_quotes.py [--show] [--data ../shared/eval-data]

PolNeAR's dev split has been read to find rules (docs/quality.md), so it no
longer measures what newsdb does on news it has not seen.  These quotations
come from other corpora and were labelled before newsdb was run on them:
seven sets of Giveme5W1H articles (British and US news of November 2016: a
tram crash, the Trump-Obama transition, Toblerone, Formula One, the World
Series; ``benchmarks/data/giveme5w1h_quote_speakers*.json``, offsets into
``giveme5w1h_gold/data/<file>``'s "text") and one of the 24 GUM news
documents (Wikinews, 2004-2017; ``benchmarks/data/gum_news_quote_speakers.json``,
offsets into the text ``eval_entities.read_conllu`` rebuilds from
``gum_news/dep/<name>.conllu``).  No text is copied; each set is reported on
its own.  A set's first run is a clean measurement of the code of that day;
its later runs are not, since its misses were read for rules
(docs/quality.md has each set's first run and commit).

For each labelled quotation, newsdb's direct or partial statement over it
(the two overlap by at least half of the shorter) is looked up:

* named: the label names a person or organization; ours is right when its
  speaker's name or an alias matches (equal, or one is the other's surname),
  wrong when it names anyone else, unresolved when it names no one;
* unnamed: the label is someone unnamed ("a spokesman"); ours is wrong when
  it names anyone;
* not found: no statement of ours over the quotation.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_entities import read_conllu  # noqa: E402
from eval_quotes import names_match, overlaps  # noqa: E402

from newsdb.extract.pipeline import Extractor  # noqa: E402
from newsdb.ingest.article import Article  # noqa: E402

LABELS = [
    *sorted((ROOT / "benchmarks" / "data").glob("giveme5w1h_quote_speakers*.json")),
    ROOT / "benchmarks" / "data" / "gum_news_quote_speakers.json",
]
DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the eval-data folder (default: %(default)s)")
    parser.add_argument("--show", action="store_true", help="print every quotation not right, with our speaker")
    args = parser.parse_args(argv)
    extractor = Extractor()
    for path in LABELS:
        score(extractor, path, args.data, args.show)
    return 0


def article_text(data: Path, name: str) -> str:
    """The text the labels' offsets index: a Giveme5W1H article's "text", or a GUM document rebuilt."""
    if name.startswith("GUM_"):
        return read_conllu(data / "gum_news" / "dep" / f"{name}.conllu")[0]
    return str(json.loads((data / "giveme5w1h_gold" / "data" / name).read_text())["text"])


def score(extractor: Extractor, path: Path, data: Path, show: bool) -> None:
    """Print the figures for one file of labels."""
    labels = {k: v for k, v in json.loads(path.read_text()).items() if not k.startswith("_")}
    counts = dict.fromkeys(("named", "right", "wrong", "unresolved", "unnamed", "named anyway", "not found"), 0)
    shown: list[str] = []
    for name, quotations in labels.items():
        text = article_text(data, name)
        facts = extractor.extract(Article(body=text, origin=name))
        statements = [s for s in facts.statements if s.type in ("direct", "partial")]
        for start, end, speaker in quotations:
            hit = next((s for s in statements if overlaps((start, end), (s.start, s.end))), None)
            if hit is None:
                counts["not found"] += 1
                shown.append(f"[NOT FOUND] {name}@{start} gold {speaker!r}: {text[start:end][:80]!r}")
                continue
            ours = facts.entity(hit.speaker) if hit.speaker is not None else None
            if speaker is None:
                counts["unnamed"] += 1
                if ours is not None:
                    counts["named anyway"] += 1
                    shown.append(f"[NAMED ANONYMOUS] {name}@{start} ours {ours.name!r}: {text[start:end][:80]!r}")
                continue
            counts["named"] += 1
            if ours is None:
                counts["unresolved"] += 1
                verdict = "UNRESOLVED"
            elif names_match(speaker, [ours.name, *ours.aliases]):
                counts["right"] += 1
                continue
            else:
                counts["wrong"] += 1
                verdict = "WRONG"
            shown.append(
                f"[{verdict}] {name}@{start} gold {speaker!r} ours {ours.name if ours else None!r} "
                f"(text {hit.speaker_text!r}, cue {hit.cue!r}): {text[start:end][:80]!r}"
            )
    total = sum(len(v) for v in labels.values())
    named = counts["named"]
    corpus = "GUM news (Wikinews)" if path.name.startswith("gum") else "Giveme5W1H"
    print(f"{corpus}, hand-labelled ({path.name}): {len(labels)} articles, {total} quotations")
    print(f"  found (a statement over the quotation)  {total - counts['not found']}/{total}")
    print(
        f"  named speakers  accuracy {counts['right'] / named:.3f} wrong {counts['wrong'] / named:.3f} "
        f"unresolved {counts['unresolved'] / named:.3f} (of {named} found quotations with a named speaker)"
    )
    print(f"  unnamed speakers given a name: {counts['named anyway']} of {counts['unnamed']}")
    if show:
        print("\n".join(shown))


if __name__ == "__main__":
    raise SystemExit(main())
