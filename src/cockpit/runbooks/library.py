"""Find and load every runbook in a folder tree, keeping the good ones if some fail."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from .errors import RunbookLoadError
from .markdown_format import load_markdown_runbook, looks_like_markdown
from .model import Library, Runbook, RunbookError
from .yaml_format import load_yaml_runbook

YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# A runbook is a page or two; anything bigger is not one, and reading it whole
# would stall the cockpit at startup.
MAX_BYTES = 1_000_000
ID_LINE = re.compile(r"^id\s*:", re.MULTILINE)


def load_runbook(path: Path, root: Path | None = None) -> Runbook:
    """Load one runbook file; `root` is the folder its path-derived id is relative to.

    Raises RunbookLoadError, whose `error` names the file and line.
    """
    try:
        return _load(path, root if root is not None else path.parent)
    except _NotARunbook as exc:
        raise RunbookLoadError(
            path, None, "not a runbook (expected .yaml, .yml, .md or Markdown text)"
        ) from exc


def _load(path: Path, root: Path) -> Runbook:
    """Load one file; raises _NotARunbook for files a folder scan should skip."""
    suffix = path.suffix.lower()
    text = _read(path, must_be_text=suffix in YAML_SUFFIXES + MARKDOWN_SUFFIXES)
    if suffix in YAML_SUFFIXES:
        return load_yaml_runbook(path, text)
    if suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        return load_markdown_runbook(path, text, path_id(path, root))
    raise _NotARunbook


def load_library(folder: Path) -> Library:
    """Every runbook under `folder` (recursively), and every file that failed.

    Files are read in sorted path order, so ids, duplicates and errors come out the
    same on every machine.
    """
    if not folder.is_dir():
        return Library({}, (RunbookError(folder, None, "runbook folder not found"),))
    loaded: list[Runbook] = []
    errors: list[RunbookError] = []
    for path in _candidates(folder):
        try:
            loaded.append(_load(path, folder))
        except RunbookLoadError as exc:
            errors.append(exc.error)
        except _NotARunbook:
            continue
    runbooks: dict[str, Runbook] = {}
    for runbook in _disambiguate(loaded, folder):
        earlier = runbooks.get(runbook.id)
        if earlier is not None:
            line = _id_line(runbook)
            message = f"duplicate id '{runbook.id}' (already used by {earlier.source})"
            errors.append(RunbookError(runbook.source, line, message))
        else:
            runbooks[runbook.id] = runbook
    errors.sort(key=lambda e: (str(e.path), e.line or 0))
    return Library(runbooks, tuple(errors))


def path_id(path: Path, root: Path) -> str:
    """The id a Markdown runbook gets from where it is: "kubernetes/KubeAPIDown"."""
    relative = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    if relative.suffix.lower() in MARKDOWN_SUFFIXES:
        relative = relative.with_suffix("")
    return relative.as_posix()


class _NotARunbook(Exception):
    """A file without an extension that is not Markdown (LICENSE, a binary)."""


def _candidates(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirs, files in os.walk(folder):
        # Hidden folders hold tooling (.git, .github), never runbooks.
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in files:
            path = Path(directory, name)
            if name.startswith(".") or not path.is_file():
                continue
            suffix = path.suffix.lower()
            if suffix in YAML_SUFFIXES + MARKDOWN_SUFFIXES or suffix == "":
                found.append(path)
    found.sort(key=lambda p: p.relative_to(folder).as_posix())
    return found


def _read(path: Path, must_be_text: bool) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RunbookLoadError(
                path, None, f"file too large for a runbook ({size} bytes)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RunbookLoadError(path, None, f"cannot read: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not must_be_text:
            raise _NotARunbook from exc
        line = data[: exc.start].count(b"\n") + 1
        raise RunbookLoadError(path, line, "not UTF-8 text") from exc
    return text


def _disambiguate(runbooks: list[Runbook], folder: Path) -> list[Runbook]:
    """Give path-derived ids that clash only by extension their full file name.

    "X.md" and a stray copy "X" beside it would both be "X"; neither is wrong, so
    each is known by its exact relative path instead of one failing to load.
    """
    derived = [r.id == path_id(r.source, folder) for r in runbooks]
    counts: dict[str, int] = {}
    for runbook, is_derived in zip(runbooks, derived, strict=True):
        if is_derived:
            counts[runbook.id] = counts.get(runbook.id, 0) + 1
    result = []
    for runbook, is_derived in zip(runbooks, derived, strict=True):
        if is_derived and counts[runbook.id] > 1:
            exact = runbook.source.relative_to(folder).as_posix()
            runbook = dataclasses.replace(runbook, id=exact)
        result.append(runbook)
    return result


def _id_line(runbook: Runbook) -> int | None:
    """The line of the `id:` field, for pointing at a duplicate."""
    try:
        text = runbook.source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = ID_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
