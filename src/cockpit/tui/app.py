"""The cockpit application: opens an incident, or offers to start one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from textual.app import App

from cockpit.domain import DEFAULT_POLICY, Policy, Status
from cockpit.runbooks.model import Library
from cockpit.store import Store, StoreError
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.screens.dialogs import ConfirmQuit
from cockpit.tui.screens.start import StartScreen


class CockpitApp(App[None]):
    """The incident cockpit for one store, runbook library, clock and display zone.

    `clock` is the only time source (aware UTC); `tz` is the zone times are shown in.
    With `incident_id` None the app opens on the start form.
    """

    TITLE = "cockpit"
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
            lines = "\n".join(str(error) for error in self.library.errors)
            self.notify(
                lines, title="Runbooks not loaded", severity="warning", timeout=15
            )
        if self._incident_id is None:
            self.push_screen(StartScreen())
        else:
            self.open_incident(self._incident_id)

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

    async def action_quit(self) -> None:
        """Quit, asking first while the incident on screen is not resolved."""
        cockpit = self._open_cockpit()
        if isinstance(self.screen, ConfirmQuit) or cockpit is None:
            self.exit()
            return
        status = cockpit.status
        if status is Status.RESOLVED:
            self.exit()
            return

        def answered(quit_: bool | None) -> None:
            if quit_:
                self.exit()

        self.push_screen(ConfirmQuit(status.value), answered)
