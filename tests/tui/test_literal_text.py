"""Pilot tests: text from users, the log and runbooks is shown as it is, at 80x24.

Square brackets must never be read as markup (a crash, or text restyled), and
escape sequences in an old log or a runbook must never reach the terminal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.widget import Widget
from tui_support import NOW, SIZE, Clock, make_app, notes_of

from cockpit.domain import EventKind, Severity
from cockpit.runbooks.model import (
    Contact,
    Library,
    Runbook,
    RunbookError,
    Section,
    Step,
)
from cockpit.store import Store
from cockpit.tui import present
from cockpit.tui.app import CockpitApp
from cockpit.tui.literal import clean, literal
from cockpit.tui.screens.cockpit import CockpitScreen
from cockpit.tui.widgets.runbook import RunbookPane

BRACKET_TITLES = [
    "Payments [/api] down",
    "[bold red]RED[/]",
    "[link=https://x.io]go[/link]",
    "[@click=app.quit]quit[/]",
    "trailing backslash \\",
]

LS_TMP = "ls [/tmp]"
JSONPATH = (
    "kubectl get pods -o jsonpath='{.items[?(@.status.id==\"[/x]\")].metadata.name}'"
)
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"

HOSTILE = Runbook(
    id="disk-full",
    title="Disk [/var] full",
    source=Path("runbooks/disk-full.yaml"),
    owner="[b]Storage[/b] team",
    contacts=(Contact("on-call [/x]", "Sam [i]", "+1-555-0199", "#disk"),),
    sections=(
        Section(None, "[b]Meaning[/b]", text="The [/var] volume is [i]full[/i]."),
        Section(
            "mitigate",
            "Immediate mitigation",
            (
                Step("mitigate.1", "List [/tmp] [b]x[/b]", LS_TMP),
                Step("mitigate.2", "Find failed pods", JSONPATH),
            ),
        ),
    ),
)


def drawn(widget: Widget) -> list[str]:
    """The rows a widget draws right now, border included."""
    return [
        strip.text for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
    ]


def screen_text(app: CockpitApp) -> str:
    """What every widget on the screen draws (borders, labels, panes' bodies)."""
    return "\n".join("\n".join(drawn(widget)) for widget in app.screen.query("*"))


def squeezed(text: str) -> str:
    """`text` without whitespace and borders, for text that wraps or folds."""
    return "".join(char for char in text if not char.isspace() and char not in "▌┃│")


async def toasts(pilot) -> list[str]:
    """The text of every toast on screen, rows joined with newlines."""
    for _ in range(3):  # the toast rack mounts a toast after a refresh
        await pilot.pause()
    return ["\n".join(drawn(toast)) for toast in pilot.app.screen.query("Toast")]


def timeouts_of(app: CockpitApp) -> list[float | None]:
    """Record how long each notification is asked to stay up."""
    asked: list[float | None] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        asked.append(kwargs.get("timeout"))
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return asked


@pytest.fixture
def hostile_library() -> Library:
    return Library({HOSTILE.id: HOSTILE})


class TestIncidentTitles:
    """A title is shown letter for letter: in the header and the update."""

    @pytest.mark.parametrize("title", BRACKET_TITLES)
    async def test_title_with_brackets_opens(self, store, clock, title):
        opened = store.create_incident(title, Severity.P1, None, NOW, NOW)
        app = make_app(store, Library({}), opened.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CockpitScreen)
            shown = app.screen.query_one("IncidentHeader #title")
            assert shown.content.plain == title
            assert not shown.content.spans  # no style taken from the brackets
            assert title in "\n".join(drawn(shown))
            assert title in app.screen.query_one("#update-input").value

    async def test_title_typed_in_the_start_form(self, store, clock):
        app = make_app(store, Library({}), None, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"Payments [/api] down", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, CockpitScreen)
            assert "Payments [/api] down" in screen_text(app)


class TestRunbookText:
    """Runbook titles, headings, steps and contacts are shown, never parsed."""

    async def test_runbook_with_brackets_is_shown_literally(
        self, store, clock, hostile_library
    ):
        opened = store.create_incident("Disk", Severity.P2, HOSTILE.id, NOW, NOW)
        app = make_app(store, hostile_library, opened.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = app.screen.query_one(RunbookPane)
            rows = drawn(pane)
            assert "Runbook: Disk [/var] full" in rows[0]
            text = "\n".join(rows)
            for part in ("[b]Storage[/b] team", "on-call [/x]:", "[b]Meaning[/b]"):
                assert part in text
            await pilot.press("G")
            await pilot.pause()
            assert squeezed(f"$ {JSONPATH}") in squeezed("".join(drawn(pane)))

    async def test_start_form_lists_the_runbook_title_as_it_is(
        self, store, clock, hostile_library
    ):
        app = make_app(store, hostile_library, None, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            listed = "\n".join(drawn(app.screen.query_one("#runbooks")))
            assert "disk-full  Disk [/var] full" in listed

    @pytest.mark.parametrize("key, command", [("g", LS_TMP), ("G", JSONPATH)])
    async def test_c_copies_the_exact_command_and_says_so(
        self, store, clock, hostile_library, key, command
    ):
        opened = store.create_incident("Disk", Severity.P2, HOSTILE.id, NOW, NOW)
        app = make_app(store, hostile_library, opened.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press(key, "c")
            assert app.clipboard == command
            notice = present.copied_notice(command)
            assert shown[-1] == ("information", notice)
            (toast,) = await toasts(pilot)
            assert squeezed(notice) in squeezed(toast)


class TestLoadErrors:
    """The start-up warning quotes files as they are, and only the first few."""

    @staticmethod
    def errors(count: int) -> tuple[RunbookError, ...]:
        return tuple(
            RunbookError(Path(f"runbooks/bad{n}.yaml"), n, 'unknown key "[/oops]"')
            for n in range(1, count + 1)
        )

    async def test_error_with_brackets_is_quoted(self, store, clock, incident):
        library = Library({}, self.errors(1))
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            (toast,) = await toasts(pilot)
            assert squeezed('bad1.yaml:1: unknown key "[/oops]"') in squeezed(toast)

    async def test_many_errors_show_three_and_how_to_see_all(
        self, store, clock, incident
    ):
        library = Library({}, self.errors(12))
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        timeouts = timeouts_of(app)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            ((severity, message),) = shown
            assert severity == "warning"
            assert message.splitlines() == [
                # Named without the folder: it is the --runbooks folder.
                *(f'bad{n}.yaml:{n}: unknown key "[/oops]"' for n in (1, 2, 3)),
                "… and 9 more: see `cockpit runbooks`",
            ]
            (toast,) = await toasts(pilot)
            assert "Runbooks not loaded" in toast  # the first error is not cut off
            assert squeezed(message) in squeezed(toast)
            assert toast.count("\n") < SIZE[1] // 2
            assert timeouts == [10]  # long enough to read three lines


def _old_log(path: Path, incident_id: int, title: str, texts: list[str]) -> None:
    """Write what an older cockpit may have stored, before text was cleaned."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE incidents SET title = ? WHERE id = ?", (title, incident_id))
        for text in texts:
            db.execute(
                "INSERT INTO events (incident_id, kind, at, recorded_at, text)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    incident_id,
                    EventKind.ACTION.value,
                    NOW.isoformat(),
                    NOW.isoformat(),
                    text,
                ),
            )


class TestControlCharacters:
    """Escape sequences in an old log never reach the terminal."""

    async def test_escapes_in_old_entries_are_dropped(self, tmp_path, clock: Clock):
        path = tmp_path / "old.db"
        store = Store.open(path)
        opened = store.create_incident("Disk", Severity.P1, None, NOW, NOW)
        texts = [f"ran {OSC52}this", f"{CLEAR}cleared \u202eevil", "bell\x07 [/x]"]
        _old_log(path, opened.id, f"Disk {CLEAR}full\x9b", texts)
        app = make_app(store, Library({}), opened.id, clock)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                text = screen_text(app)
                assert "ran ]52;c;cm0gLXJmIH4=this" in text
                assert "[2Jcleared evil" in text
                assert "bell [/x]" in text
                assert "Disk [2Jfull" in text
                segments = [
                    segment.text
                    for widget in app.screen.query("*")
                    for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
                    for segment in strip
                ]
                bad = [s for s in segments if any(c in s for c in "\x1b\x07\x9b\u202e")]
                assert bad == []
                suggestion = app.screen.query_one("#update-input").value
                assert "\x1b" not in suggestion and "Disk [2Jfull" in suggestion
        finally:
            store.close()

    async def test_note_with_brackets_is_recorded_and_confirmed(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("n", *"[/x] [b]restarted[/b]", "enter")
            assert store.events(incident.id)[-1].text == "[/x] [b]restarted[/b]"
            assert shown[-1] == ("information", "Recorded: [/x] [b]restarted[/b]")
            (toast,) = await toasts(pilot)
            assert "Recorded: [/x] [b]restarted[/b]" in toast
            assert "[/x] [b]restarted[/b]" in screen_text(app)


class TestCtrlC:
    async def test_ctrl_c_says_how_to_quit_without_markup(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        shown = notes_of(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+c")
            assert shown[-1] == ("information", "ctrl+c copies; ctrl+q quits")
            assert isinstance(app.screen, CockpitScreen)


@pytest.mark.parametrize(
    "raw, one_line, lines",
    [
        (f"a{OSC52}b", "a]52;c;cm0gLXJmIH4=b", "a]52;c;cm0gLXJmIH4=b"),
        ("up\r\ndown\tx", "up down x", "up\ndown x"),
        ("\u202eevil\u2066 \x9b31m\x7f", "evil 31m", "evil 31m"),
        ("[b]kept[/b] as is", "[b]kept[/b] as is", "[b]kept[/b] as is"),
    ],
)
def test_clean_drops_controls_and_keeps_lines_only_when_asked(raw, one_line, lines):
    assert clean(raw) == one_line
    assert clean(raw, lines=True) == lines
    assert literal(raw).plain == one_line
