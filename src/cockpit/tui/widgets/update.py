"""The stakeholder update composer, docked above the footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Input


class UpdatePane(Container):
    """A one-line update, prefilled with a suggestion, and when the next is due.

    The suggestion is only replaced while the user has not edited it, so a refresh
    never throws away what they typed.
    """

    def __init__(self) -> None:
        super().__init__(id="update", classes="pane")
        self._suggestion = ""

    def compose(self) -> ComposeResult:
        yield Input(id="update-input", placeholder="Stakeholder update")

    @property
    def input(self) -> Input:
        return self.query_one("#update-input", Input)

    def suggest(self, text: str, force: bool = False) -> None:
        """Offer a fresh suggestion unless the user is editing their own text."""
        field = self.input
        if force or field.value in ("", self._suggestion):
            field.value = text
            # Show the start of a long suggestion; End reaches the rest.
            field.cursor_position = 0
        self._suggestion = text

    def show_due(self, title: str, overdue: bool) -> None:
        """Set the border title: the countdown to the next update."""
        self.border_title = title
        self.set_class(overdue, "-overdue")
