"""Checks every loaded runbook must pass, whichever format it came from.

Runbook text is drawn on the responder's terminal, so characters that steer the
terminal (ESC and the other C0/C1 controls) or reorder what is shown (bidi overrides)
are refused. A runbook is also read on one screen per section, so one that is really
a whole wiki is refused with a hint to split it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import FORBIDDEN, RunbookLoadError
from .model import Runbook

# The same set as HTML numeric references, which Markdown turns into characters.
NUMERIC_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
MAX_STEPS = 200
MAX_SECTION_STEPS = 50
SPLIT_HINT = "split it into sub-runbooks with see:"


def char_problem(char: str) -> str:
    """How to name a refused character: "control character U+001B"."""
    code = ord(char)
    kind = "bidi control character" if code >= 0x202A else "control character"
    return f"{kind} U+{code:04X}"


def forbidden_char(text: str) -> tuple[int, str] | None:
    """Where the first refused character in `text` is, and which it is."""
    match = FORBIDDEN.search(text)
    return (match.start(), match.group()) if match else None


def check_runbook(runbook: Runbook, source: str) -> None:
    """Raise RunbookLoadError if `runbook` would be unsafe or unusable on screen.

    `source` is the file text, used to find the line a bad character came from.
    """
    for what, value, line in _strings(runbook):
        found = forbidden_char(value)
        if found is not None:
            char = found[1]
            raise RunbookLoadError(
                runbook.source,
                _line_of(source, char) or line,
                f"{char_problem(char)} in {what} (it would reach the terminal)",
            )
    _check_size(runbook)


def _strings(runbook: Runbook) -> Iterator[tuple[str, str, int | None]]:
    """Every text the screen may show: (what it is, the text, its line if known)."""
    yield "the title", runbook.title, None
    yield "the id", runbook.id, None
    yield "service", runbook.service, None
    yield "owner", runbook.owner, None
    for rule in runbook.escalate_when:
        yield "escalate_when", rule, None
    for contact in runbook.contacts:
        for value in (contact.role, contact.name, contact.phone, contact.chat):
            yield f"contact '{contact.role}'", value, None
    for link in runbook.links:
        yield "a link", link, None
    for section in runbook.sections:
        yield f"heading '{section.title}'", section.title, None
        yield f"the text of '{section.title}'", section.text, None
        for step in section.steps:
            yield f"step {step.key}", step.text, step.line
            yield f"command of step {step.key}", step.command or "", step.line
            yield f"see of step {step.key}", step.see or "", step.line


def _line_of(source: str, char: str) -> int | None:
    """The line `char` is on in the file, written plainly or as &#...; reference."""
    index = source.find(char)
    if index < 0:
        index = next(
            (m.start() for m in NUMERIC_REFERENCE.finditer(source) if _refers(m, char)),
            -1,
        )
    return source.count("\n", 0, index) + 1 if index >= 0 else None


def _refers(match: re.Match[str], char: str) -> bool:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return code == ord(char)


def _check_size(runbook: Runbook) -> None:
    steps = runbook.steps
    if len(steps) > MAX_STEPS:
        raise RunbookLoadError(
            runbook.source,
            steps[MAX_STEPS].line,
            f"too many steps ({len(steps)}, at most {MAX_STEPS}): {SPLIT_HINT}",
        )
    for section in runbook.sections:
        if len(section.steps) > MAX_SECTION_STEPS:
            raise RunbookLoadError(
                runbook.source,
                section.steps[MAX_SECTION_STEPS].line,
                f"too many steps in section '{section.title}' "
                f"({len(section.steps)}, at most {MAX_SECTION_STEPS}): {SPLIT_HINT}",
            )
