"""Pilot tests for what a fresh user tripped over at 80x24: text fields, the runbook
pane's commands and cursor, confirmations, the palette, and times on other days."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.geometry import Region
from tui_support import NOW, SIZE, Clock, header_text, make_app, notes_of

from cockpit.domain import EventKind, Severity
from cockpit.paths import bundled_runbooks
from cockpit.runbooks import load_library
from cockpit.tui.app import CockpitApp
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.screens.dialogs import Confirm, ConfirmQuit
from cockpit.tui.widgets.runbook import RunbookPane

LONG_QUERY_RUNBOOK = "http-5xx-after-deploy"


def pane_lines(app: CockpitApp, selector: str = "#runbook") -> list[str]:
    """The text a widget draws right now, one string per row, border included."""
    widget = app.screen.query_one(selector)
    return [
        strip.text for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
    ]


class TestTextFieldsKeepWhatWasTyped:
    """Reopening a field puts the cursor at the end; the next key adds, not wipes."""

    async def test_reopened_key_action_draft_is_not_selected(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", *"Failed over", "escape", "n")
            field = app.screen.query_one("#note-input")
            assert field.selection.is_empty
            assert field.cursor_position == len("Failed over")
            await pilot.press(*" to db-2")
            assert field.value == "Failed over to db-2"

    async def test_update_suggestion_is_not_selected_on_u(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("u")
            field = app.screen.query_one("#update-input")
            suggestion = field.value
            assert field.selection.is_empty
            assert field.cursor_position == len(suggestion)
            await pilot.press(*" Rollback done.")
            assert field.value == suggestion + " Rollback done."


class TestRunbookCommands:
    """Commands are read before they are pasted: shown in full, readable when
    highlighted."""

    @pytest.mark.parametrize("size", [SIZE, (120, 40)])
    async def test_long_command_wraps_in_full(self, store, clock, size):
        library = load_library(bundled_runbooks())
        runbook = library.runbooks[LONG_QUERY_RUNBOOK]
        command = runbook.steps[0].command
        assert command is not None and len(command) > 120
        opened = store.create_incident("5xx", Severity.P1, runbook.id, NOW, NOW)
        app = make_app(store, library, opened.id, clock)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            drawn = "\n".join(pane_lines(app))
            assert "…" not in drawn
            inside = "".join(line[1:-1] for line in drawn.splitlines())
            assert "".join(f"${command}".split()) in "".join(inside.split())

    async def test_highlighted_row_is_marked_and_takes_the_highlight_colours(
        self, store, library, incident, clock
    ):
        """No colour of its own (cyan on cyan in 16 colours); ">" marks it without
        colour at all (NO_COLOR)."""
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = app.screen.query_one(RunbookPane)
            strips = pane.render_lines(Region(0, 0, *pane.outer_size))
            marked = [i for i, s in enumerate(strips) if s.text[1:].lstrip()[:1] == ">"]
            assert len(marked) == 1
            row = marked[0]
            assert "How full is the pool?" in strips[row].text
            command = strips[row + 1]
            assert "$ psql" in command.text
            colours = {
                seg.style.color
                for seg in [*strips[row], *command]
                if seg.text.strip() and seg.style and seg.text.strip() not in "┃│"
            }
            assert len(colours) == 1  # step text and command alike
            await pilot.press("j")
            assert pane.current_step.key == "mitigate.1"
            texts = pane_lines(app)
            assert sum(1 for t in texts if t[1:].lstrip()[:1] == ">") == 1

    async def test_space_checks_and_moves_on_and_unchecks_a_checked_step(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            await pilot.press("space", "space")  # assess.2, then mitigate.1
            checked = [
                e.step
                for e in store.events(incident.id)
                if e.kind == EventKind.STEP_CHECKED
            ]
            assert checked[-2:] == ["assess.2", "mitigate.1"]
            assert pane.current_step.key == "mitigate.2"
            await pilot.press("k", "space")
            last = store.events(incident.id)[-1]
            assert (last.kind, last.step) == (EventKind.STEP_UNCHECKED, "mitigate.1")
            assert pane.current_step.key == "mitigate.1"  # stays for a re-check
            assert "[ ] Kill idle" in "\n".join(pane_lines(app))


class TestResolvingAsksFirst:
    """v stops the clocks, so it asks; No is the default."""

    async def test_v_asks_and_no_is_the_default(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            before = len(store.events(incident.id))
            await pilot.press("v")
            assert isinstance(app.screen, Confirm)
            assert app.screen.lines == (
                "Mark verified resolved?",
                "Escalation and update countdowns stop.",
            )
            await pilot.press("enter")  # No has the focus
            await pilot.press("v", "escape", "v", "n")
            assert isinstance(app.screen, CockpitScreen)
            assert len(store.events(incident.id)) == before
            await pilot.press("v", "y")
            assert store.events(incident.id)[-1].kind == EventKind.RESOLVED
            assert "RESOLVED" in header_text(app)

    async def test_other_milestones_stay_one_key(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            assert isinstance(app.screen, CockpitScreen)
            assert store.events(incident.id)[-1].kind == EventKind.MITIGATED


class TestQuitSaysWhatIsLost:
    async def test_drafts_are_named(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+q")
            assert "Nothing recorded is lost" in " ".join(app.screen.lines)
            await pilot.press("n", "u", *" Rollback done.", "escape")
            await pilot.press("n", *"restarted pgbouncer", "escape", "ctrl+q")
            assert isinstance(app.screen, ConfirmQuit)
            said = " ".join(app.screen.lines)
            assert "Your unposted update and key-action draft will be lost." in said
            assert "Nothing recorded is lost" not in said

    async def test_open_key_action_counts_and_resolved_still_asks(
        self, store, library, incident, clock
    ):
        store.append(incident.id, EventKind.RESOLVED, "Verified resolved", NOW)
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", *"half typed", "ctrl+q")
            assert isinstance(app.screen, ConfirmQuit)
            assert app.screen.lines[0] == "Your key-action draft will be lost."
            await pilot.press("y")
        assert app.return_code == 0


class TestPalette:
    """ctrl+p finds the cockpit's commands by name."""

    @pytest.mark.parametrize(
        ("typed", "kind"),
        [("ack", EventKind.ACKNOWLEDGED), ("mitig", EventKind.MITIGATED)],
    )
    async def test_typing_finds_and_runs_the_milestone(
        self, store, library, incident, clock, typed, kind
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            before = len(store.events(incident.id))
            await pilot.press("ctrl+p", *typed)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            events = store.events(incident.id)
            assert len(events) == before + 1
            assert events[-1].kind == kind

    async def test_every_cockpit_command_is_offered(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE):
            titles = [c.title for c in app.get_system_commands(app.screen)]
            for wanted in (
                "Record: Acknowledged",
                "Record: Mitigation applied",
                "Record: Root cause identified",
                "Record: Fix deployed",
                "Record: Verified resolved",
                "Record: key action",
                "Stakeholder update",
                "Record: escalation notified",
                "Help: keys",
            ):
                assert wanted in titles


class TestWhichIncident:
    async def test_header_names_the_incident_and_others_open_are_notified(
        self, store, library, clock
    ):
        for title in ("Disk", "Queue"):
            store.create_incident(title, Severity.P2, None, NOW, NOW)
        shut = store.create_incident("Old", Severity.P3, None, NOW, NOW)
        store.append(shut.id, EventKind.RESOLVED, "Verified resolved", NOW)
        shown_one = store.create_incident("Checkout", Severity.P1, None, NOW, NOW)
        app = make_app(store, library, shown_one.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE):
            assert f"#{shown_one.id} Checkout" in header_text(app)
            says = [m for _, m in shown if "open (cockpit list)" in m]
            assert says == ["2 other incidents open (cockpit list)"]

    async def test_one_open_incident_is_not_announced(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE):
            assert not [m for _, m in shown if "open (cockpit list)" in m]


class TestTimes:
    async def test_posted_update_promise_and_title_agree(
        self, store, library, incident, clock
    ):
        clock.now = NOW.replace(hour=15, minute=45, second=58)
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("u", "enter")
            suggestion = app.screen.query_one("#update-input").value
            title = app.screen.query_one("#update").border_title
            # Due 16:15:58: both name the minute the clock reads then.
            assert "Next update by 16:15 UTC." in suggestion
            assert title.endswith("(16:15 UTC)")

    async def test_yesterdays_times_carry_their_date(self, store, library):
        started = NOW - timedelta(hours=17, minutes=34)  # Dec 3, 20:40
        opened = store.create_incident("Slow", Severity.P2, None, started, started)
        store.append(opened.id, EventKind.ACKNOWLEDGED, "Acknowledged", started)
        store.append(opened.id, EventKind.ACTION, "rebooted", NOW)
        app = make_app(store, library, opened.id, Clock())
        async with app.run_test(size=SIZE):
            assert "since Dec 3 20:40 UTC" in header_text(app)
            timeline = app.screen.query_one("#timeline").shown
            assert timeline == (
                "Dec 3",
                "20:40  Alert fired",
                "20:40  Acknowledged",
                "Dec 4",
                "14:14  rebooted",
            )
