"""The cockpit application: opens an incident, or offers to start one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from cockpit.domain import DEFAULT_POLICY, Policy, Status, status_of
from cockpit.runbooks.model import Library
from cockpit.store import Store, StoreError
from cockpit.tui import present
from cockpit.tui.literal import clean
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.screens.dialogs import ConfirmQuit
from cockpit.tui.screens.start import StartScreen


class CockpitApp(App[None]):
    """The incident cockpit for one store, runbook library, clock and display zone.

    `clock` is the only time source (aware UTC); `tz` is the zone times are shown in.
    With `incident_id` None the app opens on the start form.
    """

    TITLE = "cockpit"
    # Toasts cover the runbook pane's top right corner: keep them brief.
    NOTIFICATION_TIMEOUT = 4
    RUNBOOK_ERRORS_SHOWN = 3
    """Load errors listed in the start-up warning; more would cover the cockpit."""
    CSS_PATH = Path(__file__).with_name("app.tcss")

    def __init__(
        self,
        store: Store,
        library: Library,
        incident_id: int | None,
        clock: Callable[[], datetime],
        tz: tzinfo,
        policy: Policy = DEFAULT_POLICY,
    ) -> None:
        super().__init__()
        self.store = store
        """Where the incident log is read from and appended to."""
        self.library = library
        """The runbooks to choose from and show."""
        self.clock = clock
        """Returns the current time, timezone-aware UTC."""
        self.tz = tz
        """The zone every time on screen is shown in."""
        self.policy = policy
        """Escalation and update cadence per severity."""
        self._incident_id = incident_id

    def on_mount(self) -> None:
        if self.library.errors:
            self.notify(
                present.load_errors_notice(
                    self.library.errors, self.RUNBOOK_ERRORS_SHOWN
                ),
                title="Runbooks not loaded",
                severity="warning",
                timeout=10,
            )
        if self._incident_id is None:
            self.push_screen(StartScreen())
        else:
            self.open_incident(self._incident_id)
            self._say_how_many_open(self._incident_id)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast whose text is shown as it is, never read as markup.

        Messages quote titles, commands, notes and load errors, any of which may
        hold square brackets or escape sequences; `markup` is ignored for that
        reason, including Textual's own default of True on widgets' `notify`.
        """
        super().notify(
            clean(message, lines=True),
            title=clean(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help_quit(self) -> None:
        """Say how to quit when ctrl+c is pressed (it copies, it does not quit)."""
        self.notify("ctrl+c copies; ctrl+q quits", title="Do you want to quit?")

    def _say_how_many_open(self, shown: int) -> None:
        """Tell the user once when other incidents are open too."""
        try:
            open_ids = {
                incident.id
                for incident in self.store.incidents()
                if status_of(self.store.events(incident.id)) is not Status.RESOLVED
            }
        except StoreError as err:
            self.notify(str(err), title="Cannot list incidents", severity="error")
            return
        others = len(open_ids - {shown})
        if not others:
            return
        if shown in open_ids:
            noun = "incident" if others == 1 else "incidents"
            message = f"{others} other {noun} open"
        else:
            are = "1 other is" if others == 1 else f"{others} others are"
            message = f"This incident is resolved; {are} open"
        self.notify(f"{message} (cockpit list)", timeout=8)

    def open_incident(self, incident_id: int) -> None:
        """Show the cockpit for an incident (replacing the start form if shown)."""
        try:
            incident = self.store.incident(incident_id)
        except StoreError as err:
            self.notify(str(err), title="Cannot open incident", severity="error")
            if not isinstance(self.screen, StartScreen):
                self.push_screen(StartScreen())
            return
        runbook = None
        if incident.runbook_id is not None:
            runbook = self.library.runbooks.get(incident.runbook_id)
        screen = CockpitScreen(incident, runbook)
        if isinstance(self.screen, StartScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _open_cockpit(self) -> CockpitScreen | None:
        return next(
            (s for s in self.screen_stack if isinstance(s, CockpitScreen)), None
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands: Textual's own, then the cockpit's."""
        yield from super().get_system_commands(screen)
        cockpit = self._open_cockpit()
        if cockpit is not None and screen is cockpit:
            for title, help_text, callback in cockpit.commands():
                yield SystemCommand(title, help_text, callback)

    async def action_quit(self) -> None:
        """Quit, asking first while the incident is open or typed text is unsaved."""
        cockpit = self._open_cockpit()
        if isinstance(self.screen, ConfirmQuit) or cockpit is None:
            self.exit()
            return
        status, drafts = cockpit.status, cockpit.drafts
        if status is Status.RESOLVED and not drafts:
            self.exit()
            return

        def answered(quit_: bool | None) -> None:
            if quit_:
                self.exit()

        still_open = None if status is Status.RESOLVED else status.value
        self.push_screen(ConfirmQuit(still_open, drafts), answered)
