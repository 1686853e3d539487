"""Pilot tests of the start form and of runbook load errors at start-up."""

from __future__ import annotations

import pytest
from tui_support import NOW, SIZE, broken_library, make_app, notes_of

from cockpit.domain import Severity
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.widgets.panes import TimelinePane


class TestStart:
    """With no incident open, the start form creates one and opens the cockpit."""

    async def test_start_form_creates_an_incident(self, store, library, clock):
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"Checkout 500s", "tab", "2", "tab", "down", "enter")
            assert isinstance(app.screen, CockpitScreen)
            (created,) = store.incidents()
            assert created.title == "Checkout 500s"
            assert created.severity is Severity.P2
            assert created.runbook_id == "db-connection-pool"
            assert created.started_at == NOW
            assert app.screen.query_one(TimelinePane).shown == ("14:14  Alert fired",)

    async def test_title_is_required(self, store, library, clock):
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "ctrl+s")
            assert store.incidents() == []
            assert app.focused.id == "start-title"
            await pilot.press(*"q1", "ctrl+s")  # q and 1 are text in the title
            (created,) = store.incidents()
            assert (created.title, created.severity) == ("q1", Severity.P1)
            assert created.runbook_id is None

    async def test_enter_walks_the_form_before_starting(self, store, library, clock):
        """Enter in the title goes to severity, then to the runbook, then starts."""
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            hint = str(app.screen.query_one("#start-hint").content)
            assert "Enter: next field" in hint and "ctrl+s: start now" in hint
            await pilot.press(*"Checkout 500s", "enter")
            assert store.incidents() == []
            assert app.focused.id == "start-severity"
            await pilot.press("down", "enter")  # P2, and on to the runbooks
            assert store.incidents() == []
            assert app.focused.id == "runbooks"
            await pilot.press("down", "enter")
            (created,) = store.incidents()
            assert (created.severity, created.runbook_id) == (
                Severity.P2,
                "db-connection-pool",
            )
            assert isinstance(app.screen, CockpitScreen)

    async def test_ctrl_s_starts_from_the_title(self, store, library, clock):
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"Disk full", "ctrl+s")
            (created,) = store.incidents()
            assert created.title == "Disk full"
            assert isinstance(app.screen, CockpitScreen)

    async def test_header_is_laid_out_at_once_after_starting(
        self, store, library, clock
    ):
        """The start form's CSS must not leak into the cockpit's header."""
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            title = "Checkout DB unresponsive in EU"
            await pilot.press(*title, "ctrl+s")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CockpitScreen)
            badge = screen.query_one("IncidentHeader #severity")
            shown_title = screen.query_one("IncidentHeader #title")
            assert str(badge.content) == " P1 "
            assert badge.region.width == 4
            # 80 columns hold badge, status, number, the whole title and the clock.
            assert shown_title.region.width >= len(title) + 2
            assert str(shown_title.content) == title
            number = screen.query_one("IncidentHeader #number")
            assert str(number.content) == f"#{store.incidents()[0].id}"
            elapsed = screen.query_one("IncidentHeader #elapsed")
            assert elapsed.region.right == SIZE[0]


@pytest.mark.parametrize("incident_open", [True, False])
async def test_runbook_errors_are_notified_once(store, clock, incident_open):
    opened = None
    if incident_open:
        opened = store.create_incident("Disk", Severity.P2, None, NOW, NOW).id
    app = make_app(store, broken_library(), opened, clock)
    shown = notes_of(app)
    async with app.run_test(size=SIZE):
        warnings = [message for severity, message in shown if severity == "warning"]
        # One line per error, cut to the toast's width; `cockpit runbooks` has all.
        assert warnings == [
            "bad.yaml:4: duplicate key 'title' (first a…\n"
            "tabs.yaml:7: tab character at line 7"
        ]
