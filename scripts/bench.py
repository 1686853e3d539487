"""Benchmarks: what cockpit costs, as ratios to a baseline measured in the same run.

Ratios, not seconds, so a slow or busy machine does not change the verdict. Run with
`make bench`. Nothing here is part of the test suite.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from cockpit.domain import DEFAULT_POLICY, EventKind, Severity, escalation, next_update
from cockpit.paths import bundled_runbooks
from cockpit.runbooks import load_library
from cockpit.store import Store

NOW = datetime(2026, 12, 4, 14, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of several runs, in seconds: the least disturbed measurement."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def report(name: str, ours: float, baseline: float, what: str) -> None:
    print(f"{name:<34} {ours / baseline:6.2f}x   ({what})")


def bench_runbooks() -> None:
    folder = bundled_runbooks()
    files = sorted(folder.glob("*.yaml"))
    ours = best_of(20, lambda: load_library(folder))
    plain = best_of(20, lambda: [yaml.safe_load(f.read_text()) for f in files])
    report("load bundled runbooks", ours, plain, "vs bare yaml.safe_load of the files")
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "runbooks"
    if corpus.is_dir():
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark")
        files = list(corpus.rglob("*.md"))
        ours = best_of(3, lambda: load_library(corpus))
        plain = best_of(3, lambda: [parser.parse(p.read_text()) for p in files])
        report("load the Markdown corpus", ours, plain, "vs markdown-it parsing alone")


def bench_append(folder: Path) -> None:
    count = 300
    with Store.open(folder / "bench.db") as store:
        incident = store.create_incident("bench", Severity.P1, None, NOW, NOW)

        def ours() -> None:
            for i in range(count):
                store.append(incident.id, EventKind.NOTE, f"entry {i}", NOW)

        ours_s = best_of(3, ours)
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE e (id INTEGER PRIMARY KEY, at TEXT, text TEXT)")

    def raw() -> None:
        for i in range(count):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO e (at, text) VALUES (?, ?)", (NOW.isoformat(), i))
            conn.execute("COMMIT")

    raw_s = best_of(3, raw)
    conn.close()
    report(
        "append one committed entry", ours_s, raw_s, "vs a raw sqlite3 insert+commit"
    )


def bench_tick(folder: Path) -> None:
    def log_of(size: int):
        with Store.open(folder / f"tick-{size}.db") as store:
            incident = store.create_incident("t", Severity.P2, None, NOW, NOW)
            for i in range(size):
                at = NOW + timedelta(seconds=i)
                store.append(incident.id, EventKind.ACTION, f"step {i}", at)
            return incident, store.events(incident.id)

    def tick(incident, events) -> Callable[[], object]:
        later = NOW + timedelta(hours=3)
        return lambda: (
            escalation(incident, events, DEFAULT_POLICY, later),
            next_update(incident, events, DEFAULT_POLICY, later),
        )

    small = best_of(50, tick(*log_of(10)))
    large = best_of(10, tick(*log_of(2000)))
    report("countdowns, 2000 vs 10 entries", large, small, "per-second redraw cost")


def main() -> int:
    print("cockpit benchmarks (ratio = cockpit / baseline, same run)")
    bench_runbooks()
    with tempfile.TemporaryDirectory() as tmp:
        bench_append(Path(tmp))
        bench_tick(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
