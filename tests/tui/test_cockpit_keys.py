"""Pilot tests: press the real keys at 80x24, then read the database back."""

from __future__ import annotations

from typing import Any

from tui_support import KILL_IDLE, NOW, SIZE, header_text, make_app, notes_of

from cockpit.domain import EventKind, Incident, Severity
from cockpit.runbooks.model import Library
from cockpit.store import Store, StoreError
from cockpit.tui import present
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.screens.dialogs import ConfirmQuit, NoteScreen
from cockpit.tui.screens.help import HelpScreen
from cockpit.tui.widgets.panes import EscalationPane, TimelinePane
from cockpit.tui.widgets.runbook import RunbookPane


def kinds(store: Store, incident: Incident) -> list[EventKind]:
    return [event.kind for event in store.events(incident.id)]


class TestRunbookPane:
    """Space checks steps off (and corrects), c copies commands exactly."""

    async def test_cursor_starts_on_first_unchecked_and_space_checks_it(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            assert pane.has_focus
            assert pane.current_step.key == "assess.2"  # assess.1 was checked
            await pilot.press("space")
            last = store.events(incident.id)[-1]
            assert (last.kind, last.step) == (EventKind.STEP_CHECKED, "assess.2")
            assert last.text == "Checked: How full is the pool?"
            assert last.at == NOW
            timeline = app.screen.query_one(TimelinePane).shown
            assert timeline[-1] == "14:14  Checked: How full is the pool?"
            # The cursor moves on to the next thing to do.
            assert pane.current_step.key == "mitigate.1"

    async def test_unchecking_records_a_correction(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "space")  # back up to the checked step
            last = store.events(incident.id)[-1]
            assert (last.kind, last.step) == (EventKind.STEP_UNCHECKED, "assess.1")
            assert last.text == "Unchecked: Is checkout failing for users?"
            await pilot.press("space")
            assert store.events(incident.id)[-1].kind == EventKind.STEP_CHECKED

    async def test_c_copies_the_command_exactly(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "c")  # assess.2 -> mitigate.1
            assert app.clipboard == KILL_IDLE
            assert ("information", present.copied_notice(KILL_IDLE)) in shown
            await pilot.press("j", "c")  # mitigate.2 has no command
            assert app.clipboard == KILL_IDLE
            assert shown[-1] == ("warning", "This step has no command")

    async def test_g_and_G_go_to_first_and_last_step(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            await pilot.press("G")
            assert pane.current_step.key == "verify.1"
            await pilot.press("g")
            assert pane.current_step.key == "assess.1"
            assert pane.scroll_y == 0  # the who-to-call block is in view
            await pilot.press("down")
            assert pane.current_step.key == "assess.2"

    async def test_no_runbook_says_how_to_choose_one(self, store, clock):
        bare = store.create_incident("Disk alarm", Severity.P2, None, NOW, NOW)
        app = make_app(store, Library({}), bare.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            text = str(pane.get_option_at_index(0).prompt)
            assert "No runbook chosen" in text
            assert "--runbook" in text
            await pilot.press("space", "c")
            assert kinds(store, bare) == [EventKind.ALERT]


class TestMilestones:
    """One key per milestone; the header follows the stored status."""

    async def test_milestone_keys_record_and_change_status(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            assert "INVESTIGATING" in header_text(app)
            await pilot.press("m")
            assert kinds(store, incident)[-1] == EventKind.MITIGATED
            assert "MITIGATED" in header_text(app)
            assert shown[-1] == ("information", "Recorded: Mitigation applied")
            await pilot.press("r", "f")
            assert kinds(store, incident)[-2:] == [
                EventKind.ROOT_CAUSE,
                EventKind.FIX_DEPLOYED,
            ]
            clock.advance(minutes=30)
            await pilot.press("v", "y")  # v asks first
            assert kinds(store, incident)[-1] == EventKind.RESOLVED
            assert "RESOLVED" in header_text(app)
            assert "+42:00" in header_text(app)
            escalation = app.screen.query_one(EscalationPane).shown
            assert escalation == ("Resolved: no further escalation",)
            clock.advance(minutes=5)
            await pilot.press("v", "y")  # recorded again, and the notify says so
            assert kinds(store, incident).count(EventKind.RESOLVED) == 2
            assert shown[-1] == (
                "information",
                "Recorded again: Verified resolved (first at 14:44 UTC)",
            )
            assert "+42:00" in header_text(app)  # the clock stopped at resolution

    async def test_acknowledge_twice_says_so(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            assert shown[-1][1].startswith("Recorded again: Acknowledged")
            assert kinds(store, incident).count(EventKind.ACKNOWLEDGED) == 2


class TestKeyAction:
    """n opens a one-line input; Escape keeps the draft; letters never leak."""

    async def test_n_text_enter_records_action(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"Failed over to db-2", "enter")
            assert isinstance(app.screen, CockpitScreen)
            last = store.events(incident.id)[-1]
            assert (last.kind, last.text) == (EventKind.ACTION, "Failed over to db-2")
            assert (
                app.screen.query_one(TimelinePane)
                .shown[-1]
                .endswith("Failed over to db-2")
            )

    async def test_escape_keeps_the_draft_and_q_does_not_quit(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            before = kinds(store, incident)
            await pilot.press("n", *"quiet amvfre", "escape")
            assert isinstance(app.screen, CockpitScreen)
            assert kinds(store, incident) == before  # nothing typed was a command
            await pilot.press("n")
            field = app.screen.query_one("#note-input")
            assert field.value == "quiet amvfre"
            await pilot.press("enter")
            assert store.events(incident.id)[-1].text == "quiet amvfre"
            await pilot.press("n")
            assert app.screen.query_one("#note-input").value == ""

    async def test_empty_action_is_not_recorded(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            before = kinds(store, incident)
            await pilot.press("n", "space", "enter")
            assert kinds(store, incident) == before

    async def test_store_failure_keeps_the_text(
        self, store, library, incident, clock, monkeypatch
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)

        def disk_full(*args: Any, **kwargs: Any) -> None:
            raise StoreError("cockpit.db: cannot save the entry: disk is full")

        async with app.run_test(size=SIZE) as pilot:
            monkeypatch.setattr(store, "append", disk_full)
            await pilot.press("n", *"restarted pgbouncer", "enter")
            assert isinstance(app.screen, NoteScreen)
            assert app.screen.query_one("#note-input").value == "restarted pgbouncer"
            assert shown[-1] == (
                "error",
                "cockpit.db: cannot save the entry: disk is full",
            )


class TestUpdate:
    """u focuses the composer; Enter posts, copies and suggests the next one."""

    async def test_u_enter_posts_and_copies(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("u")
            field = app.screen.query_one("#update-input")
            assert field.has_focus
            suggestion = field.value
            assert suggestion.startswith("[P1] Checkout DB unresponsive: investigating")
            assert "Next update by 14:44 UTC." in suggestion
            await pilot.press("enter")
            last = store.events(incident.id)[-1]
            assert (last.kind, last.text) == (EventKind.UPDATE, suggestion)
            assert app.clipboard == suggestion
            assert app.screen.query_one("#update").border_title == (
                "Update: next due in 30:00 (14:44 UTC)"
            )

    async def test_typed_letters_stay_in_the_input(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            before = kinds(store, incident)
            await pilot.press("u", "ctrl+a", "ctrl+k", *"am fine q?", "escape")
            assert kinds(store, incident) == before
            assert app.screen.query_one(RunbookPane).has_focus
            assert app.screen.query_one("#update-input").value == "am fine q?"

    async def test_overdue_update_is_flagged(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE):
            clock.advance(minutes=26)
            app.screen.tick()
            pane = app.screen.query_one("#update")
            assert pane.border_title == "Update: OVERDUE by 2:00"
            assert pane.has_class("-overdue")


class TestEscalation:
    """The countdown, the DUE warning and e to record the call."""

    async def test_due_escalation_shows_and_e_records_it(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(EscalationPane)
            assert pane.shown == (
                "Next: engineering lead",
                "in 3:00 (at 14:17 UTC)",
                "unless mitigated",
                "",
                "Call: Database on-call",
                "+1-555-0100  #db-oncall",
            )
            clock.advance(minutes=4)
            app.screen.tick()
            assert pane.shown[0] == "DUE: call engineering lead now"
            assert pane.shown[1] == "+1-555-0101 Dana Smith"
            await pilot.press("e")
            last = store.events(incident.id)[-1]
            assert (last.kind, last.text) == (
                EventKind.ESCALATED,
                "Notified engineering lead",
            )
            assert pane.shown[0] == "Next: director"

    async def test_e_before_anything_is_due_records_nothing(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            before = kinds(store, incident)
            await pilot.press("e")
            assert kinds(store, incident) == before
            assert "engineering lead at 14:17 UTC" in shown[-1][1]

    async def test_p3_is_ticket_only(self, store, library, clock):
        ticket = store.create_incident("Slow report", Severity.P3, None, NOW, NOW)
        app = make_app(store, library, ticket.id, clock)
        async with app.run_test(size=SIZE):
            assert app.screen.query_one(EscalationPane).shown == (
                "Ticket only: no pager",
            )
            title = app.screen.query_one("#update").border_title
            assert title == "Update: no cadence (P3)"


class TestPanesAndQuitting:
    """tab cycles panes; quitting asks while the incident is open."""

    async def test_tab_cycles_the_panes(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            order = []
            for _ in range(4):
                order.append(app.focused.id)
                await pilot.press("tab")
            assert order == ["runbook", "timeline", "escalation", "update-input"]
            assert app.focused.id == "runbook"
            await pilot.press("shift+tab")
            assert app.focused.id == "update-input"

    async def test_ctrl_q_asks_first(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+q")
            assert isinstance(app.screen, ConfirmQuit)
            await pilot.press("n")
            assert isinstance(app.screen, CockpitScreen)
            await pilot.press("q")
            assert isinstance(app.screen, ConfirmQuit)
            await pilot.press("y")
        assert app.return_code == 0

    async def test_resolved_incident_quits_at_once(
        self, store, library, incident, clock
    ):
        store.append(incident.id, EventKind.RESOLVED, "Verified resolved", NOW)
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+q")
            assert not isinstance(app.screen, ConfirmQuit)
        assert app.return_code == 0

    async def test_help_lists_every_key(self, store, library, incident, clock):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, CockpitScreen)
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            rows = app.screen.rows
            keys = " ".join(key for key, _ in rows)
            for key in ("a", "m", "r", "f", "v", "n", "e", "u", "space", "c", "g"):
                assert key in keys.split(), key
            assert ("ctrl+q", "Quit (asks first while the incident is open)") in rows


class TestOtherWriters:
    """Entries written from a shell while the cockpit is open appear on it."""

    async def test_a_note_from_another_program_shows_up(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            with Store.open(store.path) as hook:
                hook.append(incident.id, EventKind.NOTE, "paged by alert hook", NOW)
            app.screen.poll()
            await pilot.pause()
            shown = app.screen.query_one(TimelinePane).shown
            assert shown[-1] == "14:14  paged by alert hook"
