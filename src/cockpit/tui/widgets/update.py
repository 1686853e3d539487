"""The stakeholder update composer, docked above the footer."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.widgets import Input

from cockpit.tui.literal import clean, literal


class UpdateInput(Input):
    """The update's text field; its footer says how to post and how to leave."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Post", tooltip="Post the update"),
        Binding(
            "escape",
            "screen.leave_update",
            "Leave",
            tooltip="Leave the update pane (the text is kept)",
        ),
    ]


class UpdatePane(Container):
    """A one-line update, prefilled with a suggestion, and when the next is due.

    The suggestion is only replaced while the user has not edited it, so a refresh
    never throws away what they typed.
    """

    def __init__(self) -> None:
        super().__init__(id="update", classes="pane")
        self._suggestion = ""

    def compose(self) -> ComposeResult:
        # Selecting the text on focus would let the first key typed wipe it.
        yield UpdateInput(
            id="update-input", placeholder="Stakeholder update", select_on_focus=False
        )

    @property
    def input(self) -> Input:
        return self.query_one("#update-input", Input)

    @property
    def edited(self) -> bool:
        """True when the field holds text of the user's own, not yet posted."""
        return self.input.value.strip() not in ("", self._suggestion.strip())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Ready to add to the end of the suggestion; Home reaches the start.
        field = self.input
        field.cursor_position = len(field.value)

    def suggest(self, text: str, force: bool = False) -> None:
        """Offer a fresh suggestion unless the user is editing their own text."""
        # The suggestion quotes the incident's title, which an old log may hold
        # controls in; what is posted is what was shown.
        text = clean(text)
        field = self.input
        if force or field.value in ("", self._suggestion):
            field.value = text
            # Show the start of a long suggestion while the pane is not in use.
            field.cursor_position = len(text) if field.has_focus else 0
        self._suggestion = text

    def show_due(self, title: str, overdue: bool) -> None:
        """Set the border title: the countdown to the next update."""
        self.border_title = literal(title)
        self.set_class(overdue, "-overdue")
