"""What a runbook is, whichever file format it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cockpit.domain.text import visible

SECTION_ORDER: tuple[str, ...] = ("assess", "mitigate", "diagnose", "resolve", "verify")
"""The five sections of a runbook, in the order a responder works through them."""

SECTION_TITLES: dict[str, str] = {
    "assess": "Severity assessment",
    "mitigate": "Immediate mitigation",
    "diagnose": "Diagnosis",
    "resolve": "Resolution",
    "verify": "Verification",
}


@dataclass(frozen=True)
class Step:
    """One thing to do, with the command to copy if there is one."""

    key: str
    """Stable within the runbook, e.g. "mitigate.2"; the log refers to steps by it."""
    text: str
    command: str | None = None
    """Copied exactly as written in the file."""
    see: str | None = None
    """Id (or relative path) of a sub-runbook that goes deeper into this step."""
    line: int | None = None
    """Line of the file the step starts on (1-based)."""


@dataclass(frozen=True)
class Section:
    """A run of steps and readable text under one heading."""

    kind: str | None
    """One of SECTION_ORDER, or None for other text (e.g. "Meaning")."""
    title: str
    steps: tuple[Step, ...] = ()
    text: str = ""
    """Readable prose that is not a step (Markdown runbooks), shown as is."""


@dataclass(frozen=True)
class Contact:
    """Someone to call: the "who to call" block."""

    role: str
    name: str = ""
    phone: str = ""
    chat: str = ""


@dataclass(frozen=True)
class Runbook:
    """A loaded runbook. Sections are in SECTION_ORDER, other text first."""

    id: str
    title: str
    source: Path
    sections: tuple[Section, ...]
    service: str = ""
    owner: str = ""
    last_reviewed: date | None = None
    contacts: tuple[Contact, ...] = ()
    escalate_when: tuple[str, ...] = ()
    links: tuple[str, ...] = field(default_factory=tuple)
    """Sub-runbooks this one points to."""

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for section in self.sections for step in section.steps)

    @property
    def commands(self) -> tuple[str, ...]:
        return tuple(s.command for s in self.steps if s.command is not None)

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)


@dataclass(frozen=True)
class RunbookError:
    """Why one runbook file could not be loaded, pointing at the place in it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        # A file name can hold anything, escape sequences included: show it inert.
        path = "".join(c if visible(c) else repr(c)[1:-1] for c in str(self.path))
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Library:
    """Every runbook found in a folder, and every file that failed to load."""

    runbooks: dict[str, Runbook]
    errors: tuple[RunbookError, ...] = ()
