"""Checks across a loaded library, and the figures `cockpit runbooks` lists."""

from __future__ import annotations

from pathlib import PurePosixPath

from .model import Library, Runbook, RunbookError


def describe(runbook: Runbook) -> tuple[str, str, int, int]:
    """(id, title, number of steps, number of commands), for listings."""
    return runbook.id, runbook.title, len(runbook.steps), len(runbook.commands)


def resolve_link(library: Library, runbook: Runbook, ref: str) -> Runbook | None:
    """The runbook a `see:` or Markdown link in `runbook` points to, if loaded.

    YAML runbooks name a sub-runbook by id; Markdown ones by a path relative to
    their own file ("helpers/diagnosis.md", "../CephClusterReadOnly.md").
    """
    if ref in library.runbooks:
        return library.runbooks[ref]
    target = (runbook.source.parent / PurePosixPath(ref.split("#", 1)[0])).resolve()
    return next(
        (r for r in library.runbooks.values() if r.source.resolve() == target), None
    )


def dangling_links(library: Library) -> list[RunbookError]:
    """A warning for each step whose `see:` names no loaded runbook."""
    problems = []
    for runbook in library.runbooks.values():
        for step in runbook.steps:
            if step.see and resolve_link(library, runbook, step.see) is None:
                problems.append(
                    RunbookError(
                        runbook.source,
                        step.line,
                        f"step {step.key} links to '{step.see}', which is not loaded",
                    )
                )
    return problems
