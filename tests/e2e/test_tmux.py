"""The real cockpit in tmux at 80x24, typed at with send-keys, read with capture-pane.

This is how an on-call engineer meets it: over SSH in a tmux pane, no mouse. Each test
gets its own tmux server (its own socket), so nothing touches the user's sessions.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


class Tmux:
    """One private tmux server running one 80x24 window."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"cockpit-e2e-{os.getpid()}-{id(self)}"
        self.conf = workdir / "tmux.conf"
        self.conf.write_text(
            "set -g default-terminal screen-256color\n"
            "set -g set-clipboard on\n"
            "set -g remain-on-exit on\n"
            "set -g status off\n"
        )

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        shell = f"env {exports} {' '.join(_quote(part) for part in command)}"
        self.run("new-session", "-d", "-x", "80", "-y", "24", shell)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-l", text)

    def screen(self) -> str:
        return self.run("capture-pane", "-p")

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + 30
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"waited 30 s for {what}; the screen shows:\n{screen}")

    def pane_dead(self) -> bool:
        return self.run("display-message", "-p", "#{pane_dead}").strip() == "1"

    def kill(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30
        )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed; .ci/run installs it")
    server = Tmux(tmp_path)
    yield server
    server.kill()


def _events(db: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT kind, text, step FROM events ORDER BY id"
        ).fetchall()


def _runbook_steps() -> list:
    from cockpit.runbooks import load_library

    return list(load_library(REPO / "runbooks").runbooks["db-connection-pool"].steps)


def test_an_incident_worked_through_in_tmux(tmux: Tmux, tmp_path: Path) -> None:
    db = tmp_path / "incidents.db"
    env = {
        "TERM": "screen-256color",
        "COCKPIT_DB": str(db),
        "COCKPIT_RUNBOOKS": str(REPO / "runbooks"),
        "TZ": "UTC",
        "PYTHONPATH": str(REPO / "src"),
    }
    tmux.start(
        [
            sys.executable,
            "-m",
            "cockpit",
            "start",
            "--severity",
            "P1",
            "--runbook",
            "db-connection-pool",
            "Checkout DB unresponsive",
        ],
        env,
    )
    first = tmux.wait_for(
        lambda s: "Timeline" in s and "Alert fired" in s, "the cockpit"
    )
    assert "Checkout DB unresponsive" in first
    assert "P1" in first
    assert "INVESTIGATING" in first.upper()
    assert len(first.splitlines()) <= 24
    assert all(len(line) <= 80 for line in first.splitlines())

    # One key records a milestone: committed to the database and shown on screen.
    tmux.keys("a")
    tmux.wait_for(lambda s: "Acknowledged" in s, "the acknowledged entry")
    assert ("acknowledged", "Acknowledged", None) in _events(db)

    # space checks off the highlighted runbook step.
    tmux.keys("Space")
    tmux.wait_for(lambda s: "Checked:" in s, "the step on the timeline")
    checked = [row for row in _events(db) if row[0] == "step-checked"]
    assert len(checked) == 1 and checked[0][2]

    # c copies the highlighted step's command through OSC 52 into tmux's buffer.
    tmux.keys("j")
    tmux.keys("c")
    tmux.wait_for(lambda s: "Copied" in s, "the copy notice")
    # The first step was checked, the cursor moved on to the second, j to the third.
    expected = _runbook_steps()[2].command
    assert tmux.run("show-buffer") == expected

    # n opens a one-line input; q typed there is text, not quit.
    tmux.keys("n")
    time.sleep(0.5)
    tmux.type("raised pool size to 800, quick fix")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "raised pool size" in s, "the key action on the timeline")
    assert ("action", "raised pool size to 800, quick fix", None) in _events(db)

    # m: mitigation applied, and the header follows.
    tmux.keys("m")
    tmux.wait_for(lambda s: "MITIGATED" in s.upper(), "the mitigated status")

    # ctrl+q asks first while the incident is open; y confirms.
    tmux.keys("C-q")
    tmux.wait_for(lambda s: "Quit" in s or "quit" in s, "the quit question")
    assert not tmux.pane_dead()
    tmux.keys("y")
    deadline = time.monotonic() + 15
    while not tmux.pane_dead() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert tmux.pane_dead(), "the cockpit did not quit after confirming"

    kinds = [row[0] for row in _events(db)]
    assert kinds[0] == "alert"
    assert {"acknowledged", "step-checked", "action", "mitigated"} <= set(kinds)
