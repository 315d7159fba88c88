"""read → parse in worker processes (`--workers`), without a database: order kept, a dead worker survived."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from newsdb.extract.facts import ArticleFacts
from newsdb.ingest.errors import InputError
from newsdb.load.run import LoadOptions, processed_batches


def test_a_killed_worker_costs_nothing_and_order_is_kept(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"s{i:04d}.txt").write_text(f"Title {i}\n\nBody number {i}.\n")
    (tmp_path / "s0150.txt").write_bytes(b"")  # one rejected input, in the middle
    titles: list[str | None] = []
    problems: list[str] = []
    killed = False
    for batch in processed_batches([str(tmp_path)], LoadOptions(extract=False, workers=2, batch_size=10)):
        for item in batch:
            if isinstance(item, ArticleFacts):
                titles.append(item.article.title)
            else:
                assert isinstance(item, InputError)
                problems.append(f"{item.origin}: {item.message}")
        if len(titles) >= 50 and not killed:
            os.kill(multiprocessing.active_children()[0].pid or 0, signal.SIGKILL)
            killed = True
    assert killed
    # The batch in flight when the worker died was run again: nothing lost, nothing twice, order kept.
    assert titles == [f"Title {i}" for i in range(300) if i != 150]
    assert problems == [f"{tmp_path / 's0150.txt'}: the input is empty"]
