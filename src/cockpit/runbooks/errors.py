"""The exception a runbook loader raises; libraries turn it into a RunbookError."""

from __future__ import annotations

from pathlib import Path

from .model import RunbookError


class RunbookLoadError(Exception):
    """A runbook file could not be loaded; `error` says where and why."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.error = RunbookError(path, line, message)
        super().__init__(str(self.error))
