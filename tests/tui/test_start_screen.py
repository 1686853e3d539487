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
            await pilot.press("enter")
            assert store.incidents() == []
            await pilot.press(*"q1", "enter")  # q and 1 are text in the title
            (created,) = store.incidents()
            assert (created.title, created.severity) == ("q1", Severity.P1)
            assert created.runbook_id is None


@pytest.mark.parametrize("incident_open", [True, False])
async def test_runbook_errors_are_notified_once(store, clock, incident_open):
    opened = None
    if incident_open:
        opened = store.create_incident("Disk", Severity.P2, None, NOW, NOW).id
    app = make_app(store, broken_library(), opened, clock)
    shown = notes_of(app)
    async with app.run_test(size=SIZE):
        warnings = [message for severity, message in shown if severity == "warning"]
        assert warnings == [
            "runbooks/bad.yaml:4: duplicate key 'title' (first at line 2)\n"
            "runbooks/tabs.yaml:7: tab character at line 7"
        ]
