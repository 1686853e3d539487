"""The start form: a new incident's title, severity and runbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
)
from textual.widgets.option_list import Option

from cockpit.domain import Severity
from cockpit.store import StoreError
from cockpit.tui.literal import literal

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp

NO_RUNBOOK = "-"
"""Option id of the "no runbook" choice (runbook ids never are a bare dash)."""


class SeverityButton(RadioButton):
    """A severity option whose dot is drawn only when it is the one chosen.

    Textual draws every option's dot and tells the chosen one by colour alone,
    which 16 colours, NO_COLOR and colour-blind eyes can lose.
    """

    def __init__(self, label: str, value: bool = False) -> None:
        super().__init__(label, value)
        self._show_dot()

    def watch_value(self) -> None:
        super().watch_value()
        self._show_dot()

    def _show_dot(self) -> None:
        self.BUTTON_INNER = "\u25cf" if self.value else " "
        self.refresh()


class SeverityChoice(RadioSet):
    """The severity buttons; Enter chooses the highlighted one and moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Next: runbook"),
        Binding("space", "toggle_button", "Choose", show=False),
    ]

    def action_choose(self) -> None:
        # Toggling the pressed button is harmless: a RadioSet keeps one pressed.
        self.action_toggle_button()
        self.screen.query_one("#runbooks", OptionList).focus()


class StartScreen(Screen[None]):
    """Shown when no incident is open: start one and go straight to the cockpit.

    Enter walks the form (title, severity, runbook) and on the runbook list starts
    the incident; ctrl+s starts it from anywhere.
    """

    CSS_PATH = Path(__file__).with_name("start.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "severity('P1')", "P1", tooltip="Severity P1: service down"),
        Binding("2", "severity('P2')", "P2", tooltip="Severity P2: degraded"),
        Binding("3", "severity('P3')", "P3", tooltip="Severity P3: no user impact"),
        Binding(
            "ctrl+s", "start", "Start", tooltip="Start the incident", priority=True
        ),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        app = self._cockpit_app
        with VerticalScroll(id="start"):
            yield Label(
                "Enter: next field; Enter on a runbook starts. ctrl+s: start now.",
                id="start-hint",
            )
            yield Label("Title: what users see going wrong")
            yield Input(
                placeholder="e.g. Checkout DB unresponsive",
                id="start-title",
                compact=True,
            )
            yield Label("Severity: arrows or 1, 2, 3 outside the title")
            with SeverityChoice(id="start-severity", compact=True):
                yield SeverityButton("P1 service down, data at risk", value=True)
                yield SeverityButton("P2 degraded or partial outage")
                yield SeverityButton("P3 no user impact: ticket only")
            yield Label("Runbook: arrows, then Enter starts")
            options = [Option("(no runbook)", id=NO_RUNBOOK)]
            for runbook in app.library.runbooks.values():
                prompt = literal(f"{runbook.id}  {runbook.title}")
                options.append(Option(prompt, id=runbook.id))
            yield OptionList(*options, id="runbooks", compact=True)
            with Horizontal(id="start-buttons"):
                yield Button(
                    "Start incident (ctrl+s)",
                    id="start-button",
                    variant="error",
                    compact=True,
                )
        yield Footer(show_command_palette=False)

    @property
    def _cockpit_app(self) -> CockpitApp:
        from cockpit.tui.app import CockpitApp

        assert isinstance(self.app, CockpitApp)
        return self.app

    def on_mount(self) -> None:
        self.query_one("#start", VerticalScroll).border_title = "Start an incident"
        self.query_one("#runbooks", OptionList).highlighted = 0
        self.query_one("#start-title", Input).focus()

    @property
    def severity(self) -> Severity:
        """The severity chosen in the form."""
        index = self.query_one("#start-severity", RadioSet).pressed_index
        return list(Severity)[max(index, 0)]

    def action_severity(self, name: str) -> None:
        buttons = list(self.query_one("#start-severity", RadioSet).query(RadioButton))
        buttons[list(Severity).index(Severity(name))].value = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the title moves on; starting before the severity and runbook
        # were even seen would open a P1 with no runbook by accident.
        event.stop()
        if not event.value.strip():
            self.notify("Give the incident a title first", severity="warning")
            return
        self.query_one("#start-severity", RadioSet).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        """Create the incident with the alert at now, then open the cockpit."""
        app = self._cockpit_app
        title_input = self.query_one("#start-title", Input)
        title = title_input.value.strip()
        if not title:
            self.notify("Give the incident a title first", severity="warning")
            title_input.focus()
            return
        option = self.query_one("#runbooks", OptionList).highlighted_option
        runbook_id = None if option is None or option.id == NO_RUNBOOK else option.id
        now = app.clock()
        try:
            incident = app.store.create_incident(
                title, self.severity, runbook_id, started_at=now, now=now
            )
        except StoreError as err:
            self.notify(str(err), title="Not started", severity="error")
            return
        app.open_incident(incident.id)
