"""Write the README's screenshots: the demo incident as the cockpit itself draws it.

Run from the repository root: `python scripts/screenshots.py [OUT_DIR]` (default
screenshots/). The clock is fixed and the zone is UTC, so the files only change
when the screen does.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from cockpit.clock import fixed_clock
from cockpit.demo import seed_demo
from cockpit.domain import DEFAULT_POLICY
from cockpit.paths import bundled_runbooks
from cockpit.runbooks import load_library
from cockpit.store import Store
from cockpit.tui.app import CockpitApp

NOW = datetime(2026, 12, 4, 14, 14, 30, tzinfo=UTC)
"""The moment every screenshot shows."""

SHOTS: tuple[tuple[str, tuple[int, int], tuple[str, ...]], ...] = (
    ("cockpit-80x24.svg", (80, 24), ()),
    ("cockpit-120x40.svg", (120, 40), ()),
    ("help-80x24.svg", (80, 24), ("question_mark",)),
)
"""File name, terminal size and the keys pressed before the shot."""


async def shoot(
    out: Path, name: str, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    """Run the cockpit headless on a fresh demo incident and save one screenshot."""
    store = Store.open(":memory:")
    try:
        library = load_library(bundled_runbooks())
        incident = seed_demo(store, library, NOW)
        app = CockpitApp(
            store=store,
            library=library,
            incident_id=incident.id,
            clock=fixed_clock(NOW),
            tz=UTC,
            policy=DEFAULT_POLICY,
        )
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            app.save_screenshot(name, path=str(out))
    finally:
        store.close()
    # Screenshots are committed; keep line endings the same on every platform.
    target = out / name
    target.write_bytes(target.read_bytes().replace(b"\r\n", b"\n"))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for name, size, keys in SHOTS:
        asyncio.run(shoot(out, name, size, keys))
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
