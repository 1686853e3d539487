"""The cockpit's keys: its bindings, what the help screen lists, and the palette.

Kept apart from the screen so the screen module holds only what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from cockpit.domain import MILESTONE_TEXT, EventKind
from cockpit.tui.screens.help import EXTRA_ROWS, HelpGroup, binding_rows
from cockpit.tui.widgets.panes import ScrollPane
from cockpit.tui.widgets.runbook import RunbookPane

if TYPE_CHECKING:
    from cockpit.tui.screens.cockpit import CockpitScreen

Command = tuple[str, str, Callable[[], object]]
"""A command palette entry: (title, help, callback)."""


def _milestone(key: str, kind: EventKind, label: str) -> Binding:
    what = f"Record: {MILESTONE_TEXT[kind]}"
    return Binding(key, f"milestone('{kind.value}')", label, tooltip=what)


MILESTONE_KEYS = (
    (EventKind.ACKNOWLEDGED, "a"),
    (EventKind.MITIGATED, "m"),
    (EventKind.ROOT_CAUSE, "r"),
    (EventKind.FIX_DEPLOYED, "f"),
    (EventKind.RESOLVED, "v"),
)
"""Each milestone and its key, in the order they are usually reached."""

# Footer labels are short so that, with the runbook pane's space and c, every
# milestone key and n, u, ? fit on one line at 80 columns.
BINDINGS: list[BindingType] = [
    Binding(
        "tab",
        "app.focus_next",
        "Pane",
        show=False,
        tooltip="Next pane: runbook, timeline, escalation, update",
    ),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
    _milestone("a", EventKind.ACKNOWLEDGED, "Ack"),
    _milestone("m", EventKind.MITIGATED, "Mitig"),
    _milestone("r", EventKind.ROOT_CAUSE, "Cause"),
    _milestone("f", EventKind.FIX_DEPLOYED, "Fix"),
    Binding(
        "v",
        "resolve",
        "Resolved",
        tooltip="Record: Verified resolved (asks first: countdowns stop)",
    ),
    Binding("n", "note", "Note", tooltip="Record a key action (one line of text)"),
    Binding(
        "e",
        "escalate",
        "Escalated",
        show=False,
        tooltip="Record that the escalation now due was notified",
    ),
    Binding("u", "focus_update", "Update", tooltip="Write the stakeholder update"),
    Binding("question_mark,f1", "help", "Help", tooltip="This list of keys"),
    Binding("q", "app.quit", "Quit", show=False, tooltip="Quit (asks first)"),
]


def help_groups(display: Callable[[Binding], str]) -> list[HelpGroup]:
    """Every key of the cockpit, grouped by where it works."""
    return [
        ("Incident", binding_rows(BINDINGS, display)),
        (
            "Runbook pane",
            EXTRA_ROWS["runbook"] + binding_rows(RunbookPane.BINDINGS, display),
        ),
        (
            "Timeline and escalation panes",
            EXTRA_ROWS["scroll"] + binding_rows(ScrollPane.BINDINGS, display),
        ),
        ("Update pane", EXTRA_ROWS["update"]),
        ("Anywhere", EXTRA_ROWS["anywhere"]),
    ]


def palette_commands(screen: CockpitScreen) -> list[Command]:
    """What the command palette offers on the cockpit."""
    found: list[Command] = []
    for kind, key in MILESTONE_KEYS:
        callback = (
            screen.action_resolve
            if kind is EventKind.RESOLVED
            else partial(screen.action_milestone, kind.value)
        )
        help_text = f"Record the milestone on the timeline (key {key})"
        found.append((f"Record: {MILESTONE_TEXT[kind]}", help_text, callback))
    found += [
        (
            "Record: key action",
            "What was done, one line of text (key n)",
            screen.action_note,
        ),
        (
            "Stakeholder update",
            "Write and post the update (key u)",
            screen.action_focus_update,
        ),
        (
            "Record: escalation notified",
            "Record that the escalation now due was notified (key e)",
            screen.action_escalate,
        ),
        ("Help: keys", "Every key and what it does (key ?)", screen.action_help),
    ]
    return found
