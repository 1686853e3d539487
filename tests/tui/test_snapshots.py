"""Snapshot tests: the cockpit as the user sees it, at a fixed time and size.

Clock fixed at 2026-12-04 14:14:30 UTC, zone UTC, text cursors not blinking.
Regenerate with `--snapshot-update` and look at every changed SVG before keeping it.
"""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import RUNBOOK, Clock, make_app, seed

from cockpit.domain import MILESTONE_TEXT, EventKind, Severity
from cockpit.runbooks.model import Library
from cockpit.store import Store

SMALL = (80, 24)
LARGE = (120, 40)


def steady_cursors(pilot: Pilot) -> None:
    """Stop text cursors blinking so a snapshot never catches one half-drawn."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def demo_app(tmp_path, clock: Clock | None = None):
    store = Store.open(tmp_path / "snap.db")
    incident = seed(store)
    library = Library({RUNBOOK.id: RUNBOOK})
    return make_app(store, library, incident.id, clock or Clock()), store, incident


class TestCockpit:
    """The main screen on the demo incident: every pane fits and nothing overflows."""

    def test_cockpit_80x24(self, snap_compare, tmp_path):
        app, _, _ = demo_app(tmp_path)
        assert snap_compare(app, terminal_size=SMALL)

    def test_cockpit_120x40(self, snap_compare, tmp_path):
        app, _, _ = demo_app(tmp_path)
        assert snap_compare(app, terminal_size=LARGE)

    def test_escalation_due_and_update_overdue(self, snap_compare, tmp_path):
        """Forty minutes in, unmitigated: the lead is due (red) and so is an update."""
        clock = Clock()
        clock.advance(minutes=28)
        app, _, _ = demo_app(tmp_path, clock)
        assert snap_compare(app, terminal_size=SMALL)

    def test_resolved(self, snap_compare, tmp_path):
        app, store, incident = demo_app(tmp_path)
        at = Clock().now - timedelta(minutes=1)
        for kind in (EventKind.MITIGATED, EventKind.RESOLVED):
            store.append(incident.id, kind, MILESTONE_TEXT[kind], at)
        assert snap_compare(app, terminal_size=SMALL)

    def test_copied_toast_top_right(self, snap_compare, tmp_path):
        """c on a long command: a one-line toast over the runbook's top right."""
        app, _, _ = demo_app(tmp_path)
        assert snap_compare(app, terminal_size=SMALL, press=["j", "c"])

    def test_focus_moves_to_timeline(self, snap_compare, tmp_path):
        """tab: the timeline's border is drawn heavy and in the accent colour."""
        app, _, _ = demo_app(tmp_path)
        assert snap_compare(app, terminal_size=SMALL, press=["tab"])


class TestDialogs:
    """Help, the key-action input and the start form."""

    def test_help_80x24(self, snap_compare, tmp_path):
        app, _, _ = demo_app(tmp_path)
        assert snap_compare(app, terminal_size=SMALL, press=["question_mark"])

    def test_key_action_input(self, snap_compare, tmp_path):
        app, _, _ = demo_app(tmp_path)
        keys = ["n", *"Failed over to db-2"]
        assert snap_compare(
            app, terminal_size=SMALL, press=keys, run_before=steady_cursors
        )

    def test_start_80x24(self, snap_compare, tmp_path):
        store = Store.open(tmp_path / "snap.db")
        library = Library({RUNBOOK.id: RUNBOOK})
        app = make_app(store, library, None, Clock())
        assert snap_compare(app, terminal_size=SMALL, run_before=steady_cursors)

    def test_p3_ticket(self, snap_compare, tmp_path):
        store = Store.open(tmp_path / "snap.db")
        incident = seed(store, Severity.P3)
        app = make_app(store, Library({}), incident.id, Clock())
        assert snap_compare(app, terminal_size=SMALL)
