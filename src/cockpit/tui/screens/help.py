"""The help screen: every key of the cockpit and what it does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from cockpit.tui.widgets.panes import ScrollPane

HelpGroup = tuple[str, Sequence[tuple[str, str]]]
"""A heading and its (keys, what they do) rows."""


def binding_rows(
    bindings: Iterable[BindingType], display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """Rows for the help table from key bindings, keys of one action together."""
    rows: dict[str, tuple[list[str], str]] = {}
    for item in Binding.make_bindings(bindings):
        what = item.tooltip or item.description
        keys, _ = rows.setdefault(item.action, ([], what))
        keys.append(display(item))
    return [(" ".join(keys), what) for keys, what in rows.values()]


class HelpScreen(Screen[None]):
    """Lists every key by pane; scrolls with the arrows, j/k, g/G; Escape closes."""

    CSS_PATH = Path(__file__).with_name("help.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Close help"),
        Binding("q", "close", "Close help", show=False),
    ]

    def __init__(self, groups: Sequence[HelpGroup]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        yield ScrollPane(id="help")
        yield Footer(show_command_palette=False)

    @property
    def rows(self) -> list[tuple[str, str]]:
        """Every (keys, what they do) row listed, all groups together."""
        return [row for _, rows in self._groups for row in rows]

    def on_mount(self) -> None:
        pane = self.query_one("#help", ScrollPane)
        pane.border_title = "Keys: scroll with j/k, g/G; Escape closes"
        pane.body.update(self._table())
        pane.focus()
        self.watch(pane, "scroll_y", self._say_where)
        self.call_after_refresh(self._say_where)

    def _say_where(self) -> None:
        """Say on the border when more keys are below or above the visible part."""
        pane = self.query_one("#help", ScrollPane)
        if pane.max_scroll_y == 0:
            pane.border_subtitle = ""
        elif pane.scroll_y < pane.max_scroll_y:
            pane.border_subtitle = "more below: j or down"
        else:
            pane.border_subtitle = "end: k or up goes back"

    def _table(self) -> Group:
        width = max(len(keys) for keys, _ in self.rows)
        parts: list[Text | Table] = []
        for index, (heading, rows) in enumerate(self._groups):
            heading_text = Text(heading, style="bold underline")
            parts.append(heading_text if not index else Text("\n") + heading_text)
            table = Table.grid(padding=(0, 2))
            table.add_column(no_wrap=True, style="bold", width=width)
            table.add_column(ratio=1)
            for keys, what in rows:
                table.add_row(Text(keys), Text(what))
            parts.append(table)
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)


# Keys that belong to Textual widgets or the app rather than to cockpit bindings.
EXTRA_ROWS: dict[str, list[tuple[str, str]]] = {
    "runbook": [("up down", "Move between steps")],
    "scroll": [("up down", "Scroll a line")],
    "update": [
        ("enter", "Post the update: record it, copy it, suggest the next one"),
        ("escape", "Leave the update pane (the text is kept)"),
    ],
    "anywhere": [
        ("ctrl+p", "Command palette: every command by name"),
        ("ctrl+q", "Quit (asks first while the incident is open)"),
    ],
}
