"""The runbook pane: who to call, then every section's steps with a step cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cockpit.runbooks.model import SECTION_TITLES, Runbook, Section, Step
from cockpit.tui.literal import clean, literal


class RunbookPane(OptionList):
    """Shows one runbook and turns keys into step commands.

    Headings, the who-to-call block and prose are disabled options, so the cursor
    only ever rests on a step.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_step", "Check", tooltip="Check or uncheck the step"),
        Binding("c", "copy_command", "Copy", tooltip="Copy the step's command"),
        Binding("j", "cursor_down", "Next step", show=False),
        Binding("k", "cursor_up", "Previous step", show=False),
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
    ]
    """
    | Key | What it does |
    | :- | :- |
    | up/down, j/k | Move between steps. |
    | g/G | First step (and the who-to-call block) / last step. |
    | space | Check the step off, or uncheck it (a correction). |
    | c | Copy the step's command. |
    """

    class CopyRequested(Message):
        """The user asked for the highlighted step's command."""

        def __init__(self, step: Step) -> None:
            super().__init__()
            self.step = step

    def __init__(
        self,
        runbook: Runbook | None,
        record: Callable[[Step, bool], bool],
        missing: tuple[str, int] | None = None,
    ) -> None:
        """`record(step, checked)` stores a check or uncheck and says if it did;
        `missing` is (runbook id, incident number) when the incident's runbook is
        not in the folder that was loaded."""
        super().__init__(id="runbook", classes="pane")
        self.runbook = runbook
        """The runbook shown, or None when the incident has none."""
        self._record = record
        self._missing = missing
        self._marked: str | None = None
        self._checked: set[str] = set()
        self._steps: dict[str, Step] = {}
        if runbook is not None:
            self._steps = {step.key: step for step in runbook.steps}
            self.border_title = literal(f"Runbook: {runbook.title}")
        else:
            self.border_title = "Runbook"

    def on_mount(self) -> None:
        self.add_options(self._build_options())
        self._cursor_to_first_unchecked()

    def show_checked(self, checked: set[str]) -> None:
        """Redraw the steps whose checked state differs from what is shown."""
        changed = (checked ^ self._checked) & self._steps.keys()
        self._checked = set(checked)
        for key in changed:
            self._redraw_step(key)

    def _redraw_step(self, key: str) -> None:
        step = self._steps[key]
        prompt = _step_prompt(step, key in self._checked, key == self._marked)
        self.replace_option_prompt(key, prompt)

    def on_option_list_option_highlighted(
        self, event: OptionList.OptionHighlighted
    ) -> None:
        # The row under the cursor is drawn without colours of its own, so the
        # highlight stays readable in 16 colours and under NO_COLOR.
        event.stop()
        key = event.option.id if event.option.id in self._steps else None
        previous, self._marked = self._marked, key
        for each in dict.fromkeys((previous, key)):
            if each is not None:
                self._redraw_step(each)

    def set_initial_checked(self, checked: set[str]) -> None:
        """Set the checked steps before mount, and put the cursor after them."""
        self._checked = set(checked) & self._steps.keys()

    @property
    def current_step(self) -> Step | None:
        """The step under the cursor."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self._steps.get(option.id)

    def action_toggle_step(self) -> None:
        """Check (or uncheck) the step, recorded before the next key is read.

        Recording here, not from a message handled later, is what makes keys that
        arrive in one burst each act on the state the previous one left.
        """
        step = self.current_step
        if step is None:
            return
        check = step.key not in self._checked
        wanted = self._checked | {step.key} if check else self._checked - {step.key}
        if not self._record(step, check):
            return
        # Stored: show it even if reading the log back failed just after.
        self.show_checked(wanted)
        if check:
            # The next step to do is the one worth looking at.
            self.action_cursor_down()

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def _move(self, direction: Literal[-1, 1]) -> None:
        """Move to the next step up or down, stopping at the first and the last."""
        if self.highlighted is None:
            self.action_first()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_copy_command(self) -> None:
        step = self.current_step
        if step is not None:
            self.post_message(self.CopyRequested(step))

    def action_top(self) -> None:
        self.action_first()
        # The who-to-call block sits above the first step; show it too.
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.action_last()
        self.scroll_end(animate=False)

    def _cursor_to_first_unchecked(self) -> None:
        for index, option in enumerate(self.options):
            if option.id in self._steps and option.id not in self._checked:
                self.highlighted = index
                break
        else:
            self.action_first()
        if self.highlighted is not None:
            self.call_after_refresh(self.scroll_to_highlight)

    def _build_options(self) -> list[Option]:
        if self.runbook is None:
            return [Option(_no_runbook(self._missing), disabled=True)]
        options = [Option(_who_to_call(self.runbook), disabled=True)]
        for section in self.runbook.sections:
            options.append(Option(_heading(section), disabled=True))
            if section.text:
                prose = Text(clean(section.text.strip(), lines=True))
                options.append(Option(prose, disabled=True))
            for step in section.steps:
                prompt = _step_prompt(step, step.key in self._checked, False)
                options.append(Option(prompt, id=step.key))
        return options


def _heading(section: Section) -> Text:
    title = SECTION_TITLES.get(section.kind or "", section.title) or section.title
    return Text(clean(title), style="bold underline")


def _step_prompt(step: Step, checked: bool, cursor: bool) -> RenderableType:
    """A step as "[x] text" with its command on the line below, "$ command".

    The command wraps in full, long tokens folded, never cut short: it is read
    before it is pasted. Under the cursor (`cursor`) the row is marked with ">" and
    uses no colours, only bold, so the highlight's own colours decide.
    """
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    pointer = Text(">" if cursor else " ", style="bold")
    mark = Text("[x]" if checked else "[ ]", style="bold" if checked else "")
    body = Text(
        clean(step.text, lines=True), style="dim" if checked and not cursor else ""
    )
    body.overflow = "fold"
    if step.see:
        body.append(f"  (see {clean(step.see)})", style="italic")
    if step.command is not None:
        body.append("\n")
        body.append(
            f"$ {clean(step.command, lines=True)}", style="bold" if cursor else "cyan"
        )
    grid.add_row(pointer, mark, body)
    return grid


def _who_to_call(runbook: Runbook) -> Text:
    text = Text()
    if runbook.owner:
        text.append("Owner: ", style="bold")
        text.append(clean(runbook.owner))
        if runbook.service:
            text.append(f" ({clean(runbook.service)})")
        text.append("\n")
    for contact in runbook.contacts:
        text.append(f"{clean(contact.role)}: ", style="bold")
        details = [contact.name, contact.phone, contact.chat]
        text.append(clean("  ".join(d for d in details if d)))
        text.append("\n")
    if runbook.escalate_when:
        text.append("Escalate when: ", style="bold")
        text.append(clean("; ".join(runbook.escalate_when)))
        text.append("\n")
    if not text.plain:
        text.append("No owner or contacts in this runbook.", style="italic")
    text.rstrip()
    return text


def _no_runbook(missing: tuple[str, int] | None) -> Text:
    if missing is not None:
        runbook_id, number = missing
        lines = (
            f"Runbook '{clean(runbook_id)}' is not in the runbook folder.",
            "Reopen with the folder that has it:",
            f"cockpit --runbooks DIR open {number}",
        )
    else:
        lines = (
            "No runbook chosen for this incident.",
            "Choose one when starting: cockpit start --runbook ID ...",
            "List the runbooks that load with: cockpit runbooks",
        )
    return Text("\n".join(lines), style="italic")
