"""The cockpit: an incident's runbook, timeline, escalation and update on one screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input

from cockpit.domain import (
    MILESTONE_TEXT,
    Event,
    EventKind,
    Incident,
    Status,
    checked_steps,
    escalation,
    milestone_at,
    status_of,
    timeline,
)
from cockpit.domain.timefmt import zone
from cockpit.runbooks.model import Runbook, Step
from cockpit.store import StoreError
from cockpit.tui import present
from cockpit.tui.screens import cockpit_keys
from cockpit.tui.screens.dialogs import Confirm, NoteScreen
from cockpit.tui.screens.help import HelpScreen
from cockpit.tui.widgets.header import IncidentHeader
from cockpit.tui.widgets.panes import EscalationPane, TimelinePane
from cockpit.tui.widgets.runbook import RunbookPane
from cockpit.tui.widgets.update import UpdatePane

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp


class CockpitScreen(Screen[None]):
    """Everything an on-call engineer needs for one incident, at 80x24.

    Every key that records something appends to the store first and then redraws
    from the stored log, so the screen never shows an entry that was not saved.
    """

    CSS_PATH = Path(__file__).with_name("cockpit.tcss")
    BINDINGS: ClassVar[list[BindingType]] = cockpit_keys.BINDINGS

    def __init__(self, incident: Incident, runbook: Runbook | None) -> None:
        super().__init__()
        self.incident = incident
        """The incident shown; what never changes about it."""
        self.events: list[Event] = []
        """The stored log, in timeline order, as last read from the store."""
        self._runbook = runbook
        self._note_draft = ""
        self._outside_changes: int | None = None

    @property
    def cockpit_app(self) -> CockpitApp:
        from cockpit.tui.app import CockpitApp

        assert isinstance(self.app, CockpitApp)
        return self.app

    @property
    def status(self) -> Status:
        """The incident's status from the stored log."""
        return status_of(self.events)

    def compose(self) -> ComposeResult:
        incident = self.incident
        missing = None
        if self._runbook is None and incident.runbook_id:
            missing = (incident.runbook_id, incident.id)
        self._read()
        runbook = RunbookPane(self._runbook, self._record_step, missing=missing)
        # Before mount, so the cursor starts on the first unchecked step.
        runbook.set_initial_checked(checked_steps(self.events))
        yield IncidentHeader()
        yield runbook
        with Horizontal(id="bottom"):
            yield TimelinePane(id="timeline", classes="pane")
            yield EscalationPane(id="escalation", classes="pane")
        yield UpdatePane()
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#escalation", EscalationPane).border_title = "Escalation"
        self._redraw()
        self.query_one(RunbookPane).focus()
        self.set_interval(1, self.tick)
        self.poll()
        self.set_interval(2, self.poll)

    def _read(self) -> bool:
        """Read the log back from the store; False (and say why) if it cannot."""
        try:
            self.events = timeline(self.cockpit_app.store.events(self.incident.id))
        except StoreError as err:
            self.notify(str(err), title="Cannot read the log", severity="error")
            return False
        return True

    def _reload(self) -> bool:
        """Read the log back from the store and redraw everything from it."""
        if not self._read():
            return False
        self._redraw()
        return True

    def _redraw(self) -> None:
        app = self.cockpit_app
        now = app.clock()
        self.query_one(RunbookPane).show_checked(checked_steps(self.events))
        self.query_one(TimelinePane).show(self.events, app.tz, zone(now, app.tz), now)
        self.tick()

    def poll(self) -> None:
        """Pick up entries written by other programs (`cockpit note`, alert hooks)."""
        try:
            seen = self.cockpit_app.store.outside_changes()
        except StoreError:
            return  # The next read says what is wrong, once, where it matters.
        if seen != self._outside_changes:
            first = self._outside_changes is None
            self._outside_changes = seen
            if not first:
                self._reload()

    def tick(self) -> None:
        """Redraw the figures that move with the clock (cheap: no log read)."""
        app = self.cockpit_app
        now, tz, events, incident = app.clock(), app.tz, self.events, self.incident
        self.query_one(IncidentHeader).show(
            incident.severity,
            status_of(events, now),
            incident.id,
            incident.title,
            present.elapsed_label(incident, events, now, tz),
        )
        lines = present.escalation_lines(
            incident, events, app.policy, now, tz, self._runbook
        )
        self.query_one(EscalationPane).show(lines)
        pane = self.query_one(UpdatePane)
        pane.show_due(*present.update_title(incident, events, app.policy, now, tz))
        if not pane.input.has_focus:
            pane.suggest(
                present.suggested_update(incident, events, app.policy, now, tz)
            )

    def record(self, kind: EventKind, text: str, step: str | None = None) -> bool:
        """Append one entry, then redraw from the store; False if it was not saved.

        Done before the key that asked for it returns, so the next key (even one
        of the same burst) sees this entry in `events`.
        """
        app = self.cockpit_app
        now = app.clock()
        try:
            stored = app.store.append(
                self.incident.id, kind, text, at=now, step=step, now=now
            )
        except StoreError as err:
            self.notify(str(err), title="Not recorded", severity="error")
            return False
        # Kept even if reading the log back fails, so no key records it twice.
        self.events = timeline([*self.events, stored])
        self._read()
        self._redraw()
        return True

    def _record_step(self, step: Step, checked: bool) -> bool:
        """Record a step checked off, or unchecked as a correction."""
        if checked:
            return self.record(
                EventKind.STEP_CHECKED, f"Checked: {step.text}", step.key
            )
        return self.record(
            EventKind.STEP_UNCHECKED, f"Unchecked: {step.text}", step.key
        )

    def on_runbook_pane_copy_requested(
        self, message: RunbookPane.CopyRequested
    ) -> None:
        command = message.step.command
        if command is None:
            self.notify("This step has no command", severity="warning")
            return
        self.app.copy_to_clipboard(command)
        self.notify(present.copied_notice(command))

    def action_milestone(self, kind_name: str) -> None:
        kind = EventKind(kind_name)
        text = MILESTONE_TEXT[kind]
        first = milestone_at(self.events, kind)
        if not self.record(kind, text):
            return
        if first is None:
            self.notify(f"Recorded: {text}")
        else:
            app = self.cockpit_app
            when = present.at_label(first, app.tz, app.clock())
            self.notify(f"Recorded again: {text} (first at {when})")

    def action_resolve(self) -> None:
        """Record "Verified resolved" once the user confirms: it stops the clocks."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_milestone(EventKind.RESOLVED.value)

        question = Confirm(
            ["Mark verified resolved?", "Escalation and update countdowns stop."]
        )
        self.app.push_screen(question, answered)

    @property
    def drafts(self) -> list[str]:
        """Typed text that is not recorded yet, named for the quit dialog."""
        unsaved = []
        if self.query_one(UpdatePane).edited:
            unsaved.append("unposted update")
        note = next(
            (s for s in self.app.screen_stack if isinstance(s, NoteScreen)), None
        )
        if (note.draft if note is not None else self._note_draft).strip():
            unsaved.append("key-action draft")
        return unsaved

    def commands(self) -> list[cockpit_keys.Command]:
        """What the command palette offers: (title, help, callback)."""
        return cockpit_keys.palette_commands(self)

    def action_note(self) -> None:
        def keep_draft(draft: str | None) -> None:
            self._note_draft = draft or ""

        self.app.push_screen(
            NoteScreen(self._note_draft, self._record_action), keep_draft
        )

    def _record_action(self, text: str) -> bool:
        if self.record(EventKind.ACTION, text):
            self.notify(f"Recorded: {text}")
            return True
        return False

    def action_escalate(self) -> None:
        app = self.cockpit_app
        now, incident, events = app.clock(), self.incident, self.events
        view = escalation(incident, events, app.policy, now)
        pending = present.pending_escalation(view, events)
        if pending is not None:
            text = present.notified_text(pending.who)
            if self.record(EventKind.ESCALATED, text):
                self.notify(f"Recorded: {text}")
            return
        if view.fired:
            last = view.fired[-1]
            self.notify(f"Already recorded: {present.notified_text(last.who)}")
            return
        upcoming = view.next
        if upcoming is None:
            self.notify("No escalation is due")
        else:
            when = present.due_label(upcoming.due_at, app.tz, now)
            self.notify(f"No escalation is due yet: {upcoming.who} at {when}")

    def action_focus_update(self) -> None:
        self.query_one(UpdatePane).input.focus()

    def action_leave_update(self) -> None:
        if self.query_one(UpdatePane).input.has_focus:
            self.query_one(RunbookPane).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "update-input":
            return
        event.stop()
        text = event.value.strip()
        if not text:
            self.notify("Nothing posted: the update is empty", severity="warning")
            return
        if not self.record(EventKind.UPDATE, text):
            return
        app = self.cockpit_app
        app.copy_to_clipboard(text)
        self.notify("Update posted and copied to the clipboard")
        now = app.clock()
        fresh = present.suggested_update(
            self.incident, self.events, app.policy, now, app.tz
        )
        self.query_one(UpdatePane).suggest(fresh, force=True)

    def action_help(self) -> None:
        self.app.push_screen(
            HelpScreen(cockpit_keys.help_groups(self.app.get_key_display))
        )
