"""How long extraction takes on hostile text: the unit tests check what it finds, this times it.

Prints seconds per input for the hostile texts of tests/extract/test_hostile.py,
a 200,000-word article, and ``find_quotes`` on unbalanced quotation marks at
growing sizes (time per mark should stay flat: linear, not quadratic).

    .venv/bin/python benchmarks/hostile_inputs.py
"""

from __future__ import annotations

import time

from newsdb.extract.pipeline import Extractor
from newsdb.extract.quotes import find_quotes
from newsdb.ingest.article import Article

HOSTILE = {
    "no sentences (5,000 words)": "word " * 5000,
    "unbalanced quotes": "“ “ “ Lavrov said “ he would ” ” come “ to Moscow " * 200,
    "unbalanced marks everywhere": ("“Unbalanced ” marks “ everywhere, said Smith. " * 400).strip(),
    "markup": "<div class='x'><p>Sergei Lavrov met <b>Kim Jong-un</b> in Pyongyang.</p>&nbsp;&amp;</div>" * 50,
    # a transcript printed as one quotation, 3,000 turns, 27 speakers
    "transcript (3,000 turns)": "Mike Pence spoke.\n\n"
    + "\n\n".join(
        f'"{"PENCE" if i % 2 else "SPEAKER " + chr(65 + i % 26) * 2}: We “will” win {i}.' for i in range(3000)
    )
    + '"',
}
PARAGRAPH = (
    "Foreign Minister Sergei Lavrov met North Korean leader Kim Jong-un in Pyongyang on Thursday. "
    "Mr. Lavrov said relations “have reached a new level”, according to KCNA.\n\n"
)


def timed(fn: object, *args: object) -> float:
    started = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    extractor = Extractor()
    extractor.extract(Article(body="Warm-up.", origin="warm-up"))
    print(f"{'input':<36} {'seconds':>8}")
    for name, body in HOSTILE.items():
        print(f"{name:<36} {timed(extractor.extract, Article(body=body, origin=name)):>8.2f}")
    long_body = PARAGRAPH * (200_000 // len(PARAGRAPH.split()) + 1)
    print(f"{'200,000-word article':<36} {timed(extractor.extract, Article(body=long_body, origin='long')):>8.1f}")
    print()
    print(f"{'find_quotes, marks':<36} {'seconds':>8} {'µs/mark':>8}")
    for n in (50_000, 100_000, 200_000, 400_000):
        text = "“ " * n + "” " * (n // 2) + '"a' * (n // 2) + "‘x " * (n // 2)
        seconds = timed(find_quotes, text)
        print(f"{n * 2.5:>36,.0f} {seconds:>8.3f} {seconds / (n * 2.5) * 1e6:>8.2f}")


if __name__ == "__main__":
    main()
