"""Reader for PolNeAR (Political News Attribution Relations corpus), brat standoff.

Layout (``/work/shared/eval-data/polnear/data``)::

    metadata.tsv                       compartment, filename, annotators ("a|b|c"), ...
    <split>/text/<article>.txt         the article text all offsets index into
    <split>/attributions/<article>_<annotator>.ann

An ``.ann`` file holds text-bound annotations (``T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<text>``)
for Source, Cue and Content spans, and relations
(``E<n>\\tAttribution:T<a> Content:T<c> Cue:T<q> Source:T<s>``; ``Attribution-no-source``
has no Source).  Spans are read from their offsets, never from the text column:
span texts may contain newlines, which breaks the line-oriented text column.

Several annotators annotated a few articles; we take one annotation per
article, the first annotator listed in ``metadata.tsv`` (annotations are not
merged: merging would double-count attributions the annotators split differently).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path("/work/shared/eval-data/polnear/data")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation: where the source, cue and content are (possibly discontinuous)."""

    id: str
    content: Fragments
    cue: Fragments = ()
    source: Fragments = ()


@dataclass(slots=True)
class PolnearArticle:
    name: str
    split: str
    annotator: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)

    def span_text(self, fragments: Fragments) -> str:
        return " ".join(self.text[s:e] for s, e in fragments)


def read_split(split: str, root: Path = DEFAULT_ROOT, limit: int | None = None) -> Iterator[PolnearArticle]:
    """Articles of ``split`` ("train", "dev") in metadata order, one annotator each."""
    count = 0
    for name, annotator in _articles(root, split):
        if limit is not None and count >= limit:
            return
        text_path = root / split / "text" / f"{name}.txt"
        ann_path = root / split / "attributions" / f"{name}_{annotator}.ann"
        if not text_path.exists() or not ann_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_ann(ann_path.read_text(encoding="utf-8"))
        yield PolnearArticle(name, split, annotator, text, attributions)
        count += 1


def _articles(root: Path, split: str) -> Iterator[tuple[str, str]]:
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] == split:
                yield row["filename"], row["annotators"].split("|")[0]


def parse_ann(ann: str) -> list[Attribution]:
    """Attributions of one brat ``.ann`` file, from offsets only."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[tuple[str, dict[str, str]]] = []
    for line in ann.split("\n"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue  # continuation of a span text that contained a newline
        ident, body = parts[0], parts[1]
        if ident.startswith("T"):
            parsed = _text_bound(body)
            if parsed is not None:
                spans[ident] = parsed
        elif ident.startswith("E"):
            args = body.split()
            roles = dict(arg.split(":", 1) for arg in args[1:] if ":" in arg)
            relations.append((ident, roles))
    attributions: list[Attribution] = []
    for ident, roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(roles.get("Cue", ""), ("", ()))[1]
        source = spans.get(roles.get("Source", ""), ("", ()))[1]
        attributions.append(Attribution(ident, content[1], cue, source))
    return attributions


def _text_bound(body: str) -> tuple[str, Fragments] | None:
    label, _, offsets = body.partition(" ")
    fragments: list[tuple[int, int]] = []
    for piece in offsets.split(";"):
        numbers = piece.split()
        if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
            return None
        fragments.append((int(numbers[0]), int(numbers[1])))
    return label, tuple(fragments)
