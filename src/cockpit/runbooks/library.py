"""Find and load every runbook in a folder tree, keeping the good ones if some fail."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from pathlib import Path

from .checks import check_runbook
from .errors import RunbookLoadError
from .markdown_format import load_markdown_runbook, looks_like_markdown
from .model import Library, Runbook, RunbookError
from .yaml_format import ID_PATTERN, load_yaml_runbook

YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# A runbook is a page or two (the largest public one we test against is 14 KB);
# parsing a bigger file would stall the cockpit at startup before it is refused.
MAX_BYTES = 256 * 1024
ID_LINE = re.compile(r"^id\s*:", re.MULTILINE)
ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


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
    try:
        if suffix in YAML_SUFFIXES:
            runbook = load_yaml_runbook(path, text)
        elif suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
            runbook = load_markdown_runbook(path, text, path_id(path, root))
        else:
            raise _NotARunbook
    # The loaders report every mistake they know of with its line; these are what
    # a file nobody foresaw can still raise from the parsers. One bad file must
    # not take the whole library down, so it becomes that file's error.
    except RecursionError as exc:
        raise RunbookLoadError(path, None, "nested too deeply to load") from exc
    except (ValueError, LookupError) as exc:
        message = f"cannot load: {type(exc).__name__}: {exc}"
        raise RunbookLoadError(path, None, message) from exc
    check_runbook(runbook, text)
    return runbook


def load_library(folder: Path) -> Library:
    """Every runbook under `folder` (recursively), and every file that failed.

    Files are read in sorted path order, so ids, duplicates and errors come out the
    same on every machine.
    """
    if not folder.is_dir():
        return Library({}, (RunbookError(folder, None, "runbook folder not found"),))
    loaded: list[Runbook] = []
    paths, errors = _candidates(folder)
    for path in paths:
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
    """The id a Markdown runbook gets from where it is: "kubernetes/KubeAPIDown".

    File names may hold what ids cannot ("Disk full.md"): such runs of characters
    become '-' ("Disk-full"), so the runbook loads under a name one can type.
    """
    relative = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    if relative.suffix.lower() in MARKDOWN_SUFFIXES:
        relative = relative.with_suffix("")
    return _valid_id(relative.as_posix())


def _valid_id(name: str) -> str:
    parts = (ID_UNSAFE.sub("-", part).strip("-") for part in name.split("/"))
    return "/".join(p for p in parts if p).lstrip("._-") or "runbook"


class _NotARunbook(Exception):
    """A file without an extension that is not Markdown (LICENSE, a binary)."""


def _candidates(folder: Path) -> tuple[list[Path], list[RunbookError]]:
    """Files that may be runbooks, and an error for each one that cannot be read.

    Folders are entered whatever their name (a folder "dir.yaml" is a folder), and
    symbolic links are followed unless they lead back into a folder being walked.
    Broken links, link loops, pipes and unreadable folders are errors, not skipped:
    the author expects those runbooks to be there.
    """
    found: list[Path] = []
    errors: list[RunbookError] = []
    pending = [(folder, frozenset({folder.resolve()}))]
    while pending:
        directory, route = pending.pop()
        try:
            with os.scandir(directory) as scan:
                names = sorted(entry.name for entry in scan)
        except OSError as exc:
            errors.append(RunbookError(directory, None, _cannot("read folder", exc)))
            continue
        for name in names:
            # Hidden files and folders hold tooling (.git, .github), never runbooks.
            if name.startswith("."):
                continue
            path = directory / name
            wanted = _may_be_runbook(path)
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                if wanted:
                    errors.append(RunbookError(path, None, _unreachable(path, exc)))
                continue
            if stat.S_ISDIR(mode):
                real = path.resolve()
                if real in route:
                    message = f"symbolic link loop: leads back to {real}"
                    errors.append(RunbookError(path, None, message))
                else:
                    pending.append((path, route | {real}))
            elif not wanted:
                continue
            elif stat.S_ISREG(mode):
                found.append(path)
            else:
                message = "not a regular file (a pipe, socket or device)"
                errors.append(RunbookError(path, None, message))
    found.sort(key=lambda p: p.relative_to(folder).as_posix())
    return found, errors


def _may_be_runbook(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in YAML_SUFFIXES + MARKDOWN_SUFFIXES or suffix == ""


def _unreachable(path: Path, exc: OSError) -> str:
    """Why `path` cannot be opened, in the words an author would use."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    return _cannot("read", exc)


def _cannot(what: str, exc: OSError) -> str:
    return f"cannot {what}: {exc.strerror or exc}"


def _read(path: Path, must_be_text: bool) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RunbookLoadError(
                path,
                None,
                f"file too large for a runbook ({size} bytes, at most {MAX_BYTES}):"
                " split it into sub-runbooks with see:",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RunbookLoadError(path, None, _cannot("read", exc)) from exc
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
    each is known by its exact relative path instead of one failing to load. Names
    that clash because their spaces became '-' ("Disk full.md", "Disk-full.md")
    stay a duplicate: the author has to rename one.
    """
    derived = [r.id == path_id(r.source, folder) for r in runbooks]
    groups: dict[str, list[str]] = {}
    for runbook, is_derived in zip(runbooks, derived, strict=True):
        if is_derived:
            exact = runbook.source.relative_to(folder).as_posix()
            groups.setdefault(runbook.id, []).append(exact)
    result = []
    for runbook, is_derived in zip(runbooks, derived, strict=True):
        exacts = groups[runbook.id] if is_derived else []
        if len(exacts) > 1 and all(ID_PATTERN.fullmatch(e) for e in exacts):
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
