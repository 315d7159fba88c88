"""Load throughput of `newsdb load` with extraction off (or on), on real news text.

Builds N articles as seed-format text files from the PolNeAR corpus (US
political news, 924 articles, read at run time from ../shared/eval-data and
never copied into the repository): each real article once, then again with
its paragraphs rotated and another article's lead paragraph appended, so
every file is a realistic article of its own (PolNeAR holds one story twice,
under two dates: those copies are skipped, as they should be). Loads them
into a fresh database on a fresh embedded server and prints articles/s.

    .venv/bin/python benchmarks/load_throughput.py [--articles 3000] [--extract] [--workers 1] [--batch-size 200]
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
POLNEAR = REPO.parent / "shared" / "eval-data" / "polnear" / "data"


def real_articles() -> list[tuple[str, str, list[str]]]:
    """(publisher, title, paragraphs) for every PolNeAR article."""
    out = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        title, _, body = text.partition("\n\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        if paragraphs:
            out.append((path.name.split("_", 1)[0], title.strip(), paragraphs))
    if not out:
        sys.exit(f"no PolNeAR texts under {POLNEAR}")
    return out


def write_inputs(folder: Path, n: int) -> int:
    articles = real_articles()
    total_bytes = 0
    for i in range(n):
        publisher, title, paras = articles[i % len(articles)]
        round_ = i // len(articles)
        shift = round_ % len(paras)
        if round_:  # later rounds: rotated, plus the lead of another article, so no two texts are equal
            paras = [*paras[shift:], *paras[:shift], articles[(i + round_) % len(articles)][2][0]]
        body = "\n\n".join(paras)
        text = f"{title}\n\n{body}\n\nsource {publisher}\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        total_bytes += len(text.encode())
    return total_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--extract", action="store_true", help="run extraction too (default: --no-extract)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    from tests.pg import TestServer

    work = Path(tempfile.mkdtemp(prefix="newsdb-loadbench-"))
    try:
        size = write_inputs(work, args.articles)
        cmd = [sys.executable, "-m", "newsdb", "--database-url", "", "load", str(work)]
        cmd += ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
        if not args.extract:
            cmd.append("--no-extract")
        with TestServer.start() as server:
            db = server.create_migrated_template()
            cmd[4] = server.url(db).render_as_string(hide_password=False)
            start = time.perf_counter()
            result = subprocess.run(cmd, capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            server.drop(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if result.returncode != 0:
        sys.exit(result.stderr[-2000:])
    mode = "with extraction" if args.extract else "extraction off"
    print(f"{args.articles:,} articles ({size / 1e6:.1f} MB), {mode}, {args.workers} worker(s)")
    print(f"newsdb says: {result.stdout.strip()}")
    print(f"wall time {elapsed:.1f} s including start-up: {args.articles / elapsed:.1f} articles/s")


if __name__ == "__main__":
    main()
