"""Small modal dialogs: yes/no questions, and the one-line key-action input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from cockpit.tui.literal import literal


class Confirm(ModalScreen[bool]):
    """A yes/no question; No is the default (Enter, Escape and n all say no)."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, lines: Sequence[str], yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.lines = tuple(lines)
        """What the dialog says, one label per line."""
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            for line in self.lines:
                yield Label(literal(line))
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="yes", variant="error")
                yield Button(f"{self._no} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ConfirmQuit(Confirm):
    """Asks before leaving the cockpit while the incident is open or text is unsaved.

    `status` is the open incident's status (None once resolved); `drafts` names the
    typed text that quitting throws away, e.g. "unposted update".
    """

    def __init__(self, status: str | None, drafts: Sequence[str] = ()) -> None:
        lines = []
        if status is not None:
            lines.append(f"The incident is still open ({status}).")
        if drafts:
            lines.append(f"Your {' and '.join(drafts)} will be lost.")
            lines.append("Quit the cockpit anyway? Everything recorded is kept.")
        else:
            lines.append("Quit the cockpit anyway? Nothing recorded is lost.")
        super().__init__(lines, yes="Quit", no="Stay")


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
                # Selected text would be wiped by the first key typed.
                select_on_focus=False,
            )

    def on_mount(self) -> None:
        pane = self.query_one("#note", Vertical)
        pane.border_title = "Key action: Enter records, Escape keeps the draft"
        field = self.query_one("#note-input", Input)
        field.cursor_position = len(field.value)
        field.focus()

    @property
    def draft(self) -> str:
        """The text typed so far."""
        return self.query_one("#note-input", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.notify("Nothing recorded: the key action is empty")
            self.dismiss("")
        elif self._record(text):
            self.dismiss("")

    def action_cancel(self) -> None:
        self.dismiss(self.draft)
