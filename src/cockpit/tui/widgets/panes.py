"""The bottom row: the timeline and the escalation countdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from cockpit.domain import MILESTONE_TEXT, Event, EventKind, entry_text
from cockpit.domain.timefmt import clock
from cockpit.tui.literal import clean, literal
from cockpit.tui.present import EscalationLines, day_label


class ScrollPane(VerticalScroll, can_focus=True):
    """A focusable pane of text that scrolls with the arrows, j/k and g/G."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]
    """
    | Key | What it does |
    | :- | :- |
    | up/down, j/k | Scroll a line. |
    | g/G, home/end | Top / bottom. |
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="body")

    # Jumps are not animated: a second of scrolling is a second in which the
    # pane (and the help's "more below" hint) shows a place it is leaving.
    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    @property
    def body(self) -> Static:
        return self.query_one(".body", Static)


_KIND_STYLE = {
    EventKind.ALERT: "bold red",
    EventKind.RESOLVED: "bold green",
    EventKind.UPDATE: "cyan",
    EventKind.ESCALATED: "bold yellow",
    EventKind.STEP_CHECKED: "",
    EventKind.STEP_UNCHECKED: "dim italic",
}


class TimelinePane(ScrollPane):
    """The incident log, oldest first, kept scrolled to the newest entry."""

    shown: tuple[str, ...] = ()
    """The entries on display as plain "HH:MM  text" lines, and date lines."""

    def show(
        self, events: Sequence[Event], tz: tzinfo, zone_name: str, now: datetime
    ) -> None:
        """Redraw from the stored log (the only source of what is shown).

        A date line opens each local day, the first one too unless it is today's
        (`now`'s), so times from another day never pass for today's.
        """
        self.border_title = literal(f"Timeline (times in {zone_name})")
        shown: list[str] = []
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(ratio=1)
        day = now.astimezone(tz).date()
        for event in events:
            if event.at.astimezone(tz).date() != day:
                day = event.at.astimezone(tz).date()
                label = day_label(event.at, tz, now)
                shown.append(label)
                grid.add_row(Text(label, style="bold underline"), "")
            style = _KIND_STYLE.get(event.kind)
            if style is None:
                style = "bold" if event.kind in MILESTONE_TEXT else ""
            text = clean(_entry_text(event))
            shown.append(f"{clock(event.at, tz)}  {text}")
            grid.add_row(Text(clock(event.at, tz)), Text(text, style=style))
        self.shown = tuple(shown)
        self.body.update(grid)
        self.call_after_refresh(self.scroll_end, animate=False)


def _entry_text(event: Event) -> str:
    """What the timeline says for an entry; updates are named, colour or not."""
    if event.kind is EventKind.UPDATE:
        return f"Update: {event.text}"
    return entry_text(event)


_LINE_STYLE = {
    "due": "bold red",
    "next": "bold",
    "when": "",
    "why": "dim",
    "info": "bold",
    "hint": "italic",
}


class EscalationPane(ScrollPane):
    """Who gets called next and when, or who is due to be called now."""

    shown: tuple[str, ...] = ()
    """The lines on display, as plain text."""

    def show(self, content: EscalationLines) -> None:
        """Redraw the pane; cheap enough to run every second."""
        self.shown = tuple(clean(line) for _, line in content.lines)
        text = Text()
        for index, (tag, line) in enumerate(content.lines):
            if index:
                text.append("\n")
            text.append(clean(line), style=_LINE_STYLE.get(tag, ""))
        self.body.update(text)
        self.set_class(content.pending is not None, "-due")
