"""The one-line incident header: severity, status, title and time since the alert."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from cockpit.domain import Severity, Status
from cockpit.tui.literal import literal


class IncidentHeader(Horizontal):
    """Severity and status as coloured badges, the incident number and title, and a
    ticking clock."""

    def compose(self) -> ComposeResult:
        yield Label(id="severity")
        yield Label(id="status")
        yield Label(id="number")
        yield Label(id="title")
        yield Label(id="elapsed")

    def show(
        self,
        severity: Severity,
        status: Status,
        number: int,
        title: str,
        elapsed: str,
    ) -> None:
        """Redraw; the labels only repaint when their text changes."""
        badge = self.query_one("#severity", Label)
        badge.update(f" {severity} ")
        for level in Severity:
            badge.set_class(level is severity, f"-{level.value.lower()}")
        state = self.query_one("#status", Label)
        state.update(f" {status.value.upper()} ")
        for each in Status:
            state.set_class(each is status, f"-{each.value}")
        self.query_one("#number", Label).update(f"#{number}")
        self.query_one("#title", Label).update(literal(title))
        self.query_one("#elapsed", Label).update(literal(elapsed))
