"""Pilot tests for what the second test round found at 80x24: keys in one burst,
the escalation ladder, milestone words, where toasts go, and smaller slips."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import RadioButton
from textual.widgets._footer import FooterKey
from tui_support import (
    KILL_IDLE,
    NOW,
    RUNBOOK,
    SIZE,
    burst,
    drawn,
    make_app,
    notes_of,
)

from cockpit.domain import (
    EventKind,
    Incident,
    Policy,
    Rung,
    Severity,
    SeverityPolicy,
    checked_steps,
)
from cockpit.runbooks.model import Contact, Library, Runbook, RunbookError
from cockpit.store import StoreError
from cockpit.tui import present
from cockpit.tui.screens.help import HelpScreen
from cockpit.tui.widgets.panes import EscalationPane, TimelinePane
from cockpit.tui.widgets.runbook import RunbookPane


async def settle(pilot, rounds: int = 4) -> None:
    """Let the app work through everything a burst of keys queued."""
    for _ in range(rounds):
        await pilot.pause()


def steps_of(store, incident, kind: EventKind) -> list[str | None]:
    return [e.step for e in store.events(incident.id) if e.kind is kind]


class TestKeysInOneBurst:
    """Each key acts on the state the previous key left, however fast they come."""

    async def test_three_spaces_at_once_check_three_different_steps(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            assert pane.current_step.key == "assess.2"
            burst(app, "space", "space", "space")
            await settle(pilot)
            assert steps_of(store, incident, EventKind.STEP_CHECKED) == [
                "assess.1",  # from the seeded log
                "assess.2",
                "mitigate.1",
                "mitigate.2",
            ]
            assert pane.current_step.key == "diagnose.1"
            timeline = app.screen.query_one(TimelinePane).shown
            assert timeline[-1] == "14:14  Checked: Tell support checkout is degraded"

    async def test_pilot_press_without_pauses_checks_three_steps(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space", "space")
            checked = checked_steps(store.events(incident.id))
            assert checked == {"assess.1", "assess.2", "mitigate.1", "mitigate.2"}

    async def test_two_spaces_on_the_checked_last_step_uncheck_then_recheck(
        self, store, library, incident, clock
    ):
        store.append(
            incident.id,
            EventKind.STEP_CHECKED,
            "Checked: Error rate back under 1% for 10 min",
            NOW - timedelta(minutes=1),
            step="verify.1",
        )
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("G")
            burst(app, "space", "space")
            await settle(pilot)
            kinds = [e.kind for e in store.events(incident.id) if e.step == "verify.1"]
            assert kinds == [
                EventKind.STEP_CHECKED,
                EventKind.STEP_UNCHECKED,
                EventKind.STEP_CHECKED,
            ]
            assert "verify.1" in checked_steps(store.events(incident.id))

    async def test_a_failed_write_checks_nothing_and_keeps_the_cursor(
        self, store, library, incident, clock, monkeypatch
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)

        def disk_full(*args: Any, **kwargs: Any) -> None:
            raise StoreError("cockpit.db: cannot save the entry: disk is full")

        async with app.run_test(size=SIZE) as pilot:
            monkeypatch.setattr(store, "append", disk_full)
            pane = app.screen.query_one(RunbookPane)
            burst(app, "space", "space")
            await settle(pilot)
            assert pane.current_step.key == "assess.2"
            assert "[ ] How full is the pool?" in "\n".join(drawn(pane))
            assert [s for s, _ in shown].count("error") == 2

    async def test_e_in_a_burst_records_the_call_once(self, store, library, clock):
        started = NOW - timedelta(hours=11)
        late = store.create_incident(
            "Payments down", Severity.P1, None, started, started
        )
        app = make_app(store, library, late.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "e", "e", "e")
            await settle(pilot)
            escalated = [
                e.text for e in store.events(late.id) if e.kind is EventKind.ESCALATED
            ]
            assert escalated == ["Notified CTO"]
            assert [m for _, m in shown] == [
                "Recorded: Notified CTO",
                "Already recorded: Notified CTO",
                "Already recorded: Notified CTO",
            ]

    async def test_m_twice_in_a_burst_says_the_second_is_again(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "m", "m")
            await settle(pilot)
            kinds = [e.kind for e in store.events(incident.id)]
            assert kinds.count(EventKind.MITIGATED) == 2
            assert [m for _, m in shown] == [
                "Recorded: Mitigation applied",
                "Recorded again: Mitigation applied (first at 14:14 UTC)",
            ]


class TestEscalationLadder:
    """Only the latest escalation due is asked for, with no stranger's number."""

    async def test_backdated_p1_asks_for_the_cto_only(self, store, library, clock):
        started = NOW - timedelta(hours=11)
        late = store.create_incident(
            "Payments down", Severity.P1, RUNBOOK.id, started, started
        )
        app = make_app(store, library, late.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(EscalationPane)
            assert pane.shown[0] == "DUE: call CTO now"
            # Nobody in the runbook is the CTO: no service owner's number offered.
            assert not any("+1-555" in line for line in pane.shown[:2])
            await pilot.press("e")
            assert not any(line.startswith("DUE") for line in pane.shown)
            await pilot.press("e", "e")
            escalated = [
                e.text for e in store.events(late.id) if e.kind is EventKind.ESCALATED
            ]
            assert escalated == ["Notified CTO"]
            assert shown[-1][1] == "Already recorded: Notified CTO"

    def test_a_contact_who_is_due_is_shown_with_their_number(self):
        start = NOW - timedelta(hours=11)
        cto = Contact("CTO", "Sam Lee", "+1-555-0199")
        cto_book = Runbook(
            id="x",
            title="X",
            source=Path("x.yaml"),
            sections=(),
            contacts=(*RUNBOOK.contacts, cto),
        )
        lines = present.escalation_lines(
            _incident(start), [], _one_rung_policy(), NOW, UTC, cto_book
        )
        assert [t for _, t in lines.lines][:2] == [
            "DUE: call CTO now",
            "+1-555-0199 Sam Lee",
        ]
        assert present.contact_for("CTO", RUNBOOK) is None


class TestTimeline:
    async def test_a_milestone_with_its_own_words_keeps_its_name(
        self, store, library, incident, clock
    ):
        store.append(incident.id, EventKind.RESOLVED, "again", NOW)
        store.append(incident.id, EventKind.UPDATE, "All clear", NOW)
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE):
            shown = app.screen.query_one(TimelinePane).shown
            assert shown[-2:] == (
                "14:14  Verified resolved: again",
                "14:14  Update: All clear",
            )
            assert "14:04  Acknowledged" in shown


class TestToasts:
    """Toasts stack at the top right, over the runbook, never over an input."""

    async def test_a_toast_does_not_cover_the_key_action_input(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            runbook = app.screen.query_one("#runbook").region
            await pilot.press("a", "n")
            await settle(pilot)
            (toast,) = app.screen.query("Toast")
            field = app.screen.query_one("#note")
            assert not toast.region.overlaps(field.region)
            assert runbook.contains_region(toast.region)
            assert toast.region.right >= SIZE[0] - 2  # at the right edge

    async def test_the_copied_notice_fits_on_one_line(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("j", "c")  # the long KILL_IDLE command
            await settle(pilot)
            (toast,) = app.screen.query("Toast")
            notice = present.copied_notice(KILL_IDLE)
            assert toast.region.height == 1
            assert drawn(toast)[0].strip(" ▌") == notice
            assert notice.endswith(f"({len(KILL_IDLE)} chars)")

    async def test_load_errors_are_one_line_each_and_the_last_line_shows(
        self, store, clock, incident
    ):
        errors = tuple(
            RunbookError(
                Path(f"runbooks/team-{n}/very-long-runbook-name.yaml"),
                n,
                "unknown key 'escalation_contacts' (did you mean 'contacts'?)",
            )
            for n in range(1, 16)
        )
        app = make_app(store, Library({}, errors), incident.id, clock)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            (toast,) = app.screen.query("Toast")
            rows = [row.strip(" ▌") for row in drawn(toast)]
            assert rows[0] == "Runbooks not loaded"
            assert len(rows) == 5  # title, three errors, how to see the rest
            assert all(row.endswith("…") for row in rows[1:4])
            assert rows[4] == "… and 12 more: see `cockpit runbooks`"


class TestWhichIncident:
    async def test_a_resolved_incident_counts_the_others_open(
        self, store, library, clock
    ):
        for title in ("Disk", "Queue", "Cache"):
            store.create_incident(title, Severity.P2, None, NOW, NOW)
        shut = store.create_incident("Old", Severity.P3, None, NOW, NOW)
        store.append(shut.id, EventKind.RESOLVED, "Verified resolved", NOW)
        app = make_app(store, library, shut.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE):
            assert [m for _, m in shown] == [
                "This incident is resolved; 3 others are open (cockpit list)"
            ]


class TestDueTimes:
    def test_escalation_and_update_name_the_same_minute_for_one_instant(self):
        incident = _incident(NOW)  # 14:14:30: both fall due at 14:44:30
        later = NOW + timedelta(minutes=10)
        policy = _one_rung_policy()
        lines = present.escalation_lines(incident, [], policy, later, UTC, None)
        title, _ = present.update_title(incident, [], policy, later, UTC)
        assert ("when", "in 20:00 (at 14:44 UTC)") in lines.lines
        assert title == "Update: next due in 20:00 (14:44 UTC)"


class TestRunbookPaneSlips:
    async def test_missing_runbook_says_how_to_reopen(self, store, clock):
        lost = store.create_incident("Disk", Severity.P2, "disk-full", NOW, NOW)
        app = make_app(store, Library({}), lost.id, clock)
        async with app.run_test(size=SIZE):
            text = "\n".join(drawn(app.screen.query_one(RunbookPane)))
            assert "Runbook 'disk-full' is not in the runbook folder." in text
            assert f"cockpit --runbooks DIR open {lost.id}" in text
            assert "cockpit start" not in text

    async def test_the_cursor_stops_at_the_first_and_last_step(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(RunbookPane)
            await pilot.press("g", "k", "up")
            assert pane.current_step.key == "assess.1"
            await pilot.press("G", "j", "down")
            assert pane.current_step.key == "verify.1"


class TestFooterAndForms:
    async def test_footer_shows_the_milestone_keys_within_80_columns(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE):
            keys = [key for key in app.screen.query(FooterKey) if key.display]
            assert [key.key_display for key in keys] == [
                "space", "c", "a", "m", "r", "f", "v", "n", "u", "?",
            ]  # fmt: skip
            assert [key.description for key in keys][2:7] == [
                "Ack", "Mitig", "Cause", "Fix", "Resolved",
            ]  # fmt: skip
            assert all(0 < key.region.right <= SIZE[0] for key in keys)
            assert all(key.region.y == SIZE[1] - 1 for key in keys)

    async def test_the_chosen_severity_shows_without_colour(
        self, store, library, clock
    ):
        app = make_app(store, library, None, clock)
        async with app.run_test(size=SIZE) as pilot:

            def dots() -> list[bool]:
                buttons = app.screen.query(RadioButton)
                return ["●" in "".join(drawn(button)) for button in buttons]

            assert dots() == [True, False, False]
            await pilot.press("tab", "3")
            assert dots() == [False, False, True]

    async def test_help_says_end_as_soon_as_G_lands(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            pane = app.screen.query_one("#help")
            assert pane.border_subtitle == "more below: j or down"
            hints: list[tuple[float, str]] = []

            def seen() -> None:
                hints.append((pane.scroll_y, pane.border_subtitle))

            app.screen.watch(pane, "scroll_y", seen, init=False)
            await pilot.press("G")
            await settle(pilot)
            # One jump, no animated scroll passing through places it leaves.
            assert [y for y, _ in hints] == [pane.max_scroll_y]
            assert pane.border_subtitle == "end: k or up goes back"


def _incident(start: datetime) -> Incident:
    return Incident(1, "Payments down", Severity.P1, None, start, start)


def _one_rung_policy() -> Policy:
    """P1 with one rung, the CTO, due when the first update is: 30 min in."""
    return Policy(
        {
            Severity.P1: SeverityPolicy(
                Severity.P1,
                True,
                "P1",
                rungs=(Rung("CTO", timedelta(minutes=30)),),
                update_every=timedelta(minutes=30),
            )
        }
    )
