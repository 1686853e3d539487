"""Small modal dialogs: confirm quitting, and the one-line key-action input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class ConfirmQuit(ModalScreen[bool]):
    """Asks before leaving the cockpit while the incident is still open."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Quit"),
        Binding("n", "answer(False)", "Stay"),
        Binding("escape", "answer(False)", "Stay", show=False),
    ]

    def __init__(self, status: str) -> None:
        super().__init__()
        self._status = status

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(f"The incident is still open ({self._status}).")
            yield Label("Quit the cockpit anyway? Nothing recorded is lost.")
            with Horizontal(id="confirm-buttons"):
                yield Button("Quit (y)", id="yes", variant="error")
                yield Button("Stay (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, quit_: bool) -> None:
        self.dismiss(quit_)


class NoteScreen(ModalScreen[str]):
    """A one-line input docked at the bottom for a free-text key action.

    `record` writes the text and says whether it was stored; on failure the dialog
    stays open with the text. Dismissed with the draft to keep (empty once stored).
    """

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel (keep draft)"),
    ]

    def __init__(self, draft: str, record: Callable[[str], bool]) -> None:
        super().__init__()
        self._draft = draft
        self._record = record

    def compose(self) -> ComposeResult:
        with Vertical(id="note"):
            yield Input(
                self._draft,
                placeholder="What was done, e.g. Failed over to replica db-2",
                id="note-input",
            )

    def on_mount(self) -> None:
        pane = self.query_one("#note", Vertical)
        pane.border_title = "Key action: Enter records, Escape keeps the draft"
        self.query_one("#note-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.notify("Nothing recorded: the key action is empty")
            self.dismiss("")
        elif self._record(text):
            self.dismiss("")

    def action_cancel(self) -> None:
        self.dismiss(self.query_one("#note-input", Input).value)
