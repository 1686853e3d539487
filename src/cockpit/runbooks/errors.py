"""The exception a runbook loader raises; libraries turn it into a RunbookError."""

from __future__ import annotations

import re
from pathlib import Path

from .model import RunbookError

# Characters that steer a terminal or reorder what it shows: C0 controls except tab
# and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates
# ("Trojan Source" characters). Runbooks may not contain them (checks.py), and error
# messages, which quote file content, show them as escapes.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown_safely(text: str) -> str:
    """`text` with FORBIDDEN characters written as escapes ("\\x1b")."""
    return FORBIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


class RunbookLoadError(Exception):
    """A runbook file could not be loaded; `error` says where and why."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.error = RunbookError(path, line, shown_safely(message))
        super().__init__(str(self.error))
