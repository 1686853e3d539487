"""Writing an export to disk without ever leaving half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """The export could not be written; the message is one line naming the file."""


def write_export(path: Path | str, text: str) -> None:
    """Write `text` to `path` (mode 0600) in one step, or leave `path` as it was.

    The text goes to a temporary file in the same folder, which is then renamed over
    `path`, so a full disk or a crash leaves either the old file or the new one.
    """
    given = Path(path).expanduser()
    # Follow a link to the file it names, so the link stays a link.
    target = given.resolve() if given.is_symlink() else given
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: cannot write: folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"{target}: cannot write: it is a folder")
    if target.exists() and not target.is_file():
        # Renaming over a device or a pipe would replace it (as root, /dev/null).
        raise ExportError(
            f"{target}: cannot write: not a regular file (leave out -o to write"
            " to standard output)"
        )
    try:
        # mkstemp creates the file 0600: post-mortems can name people and systems.
        fd, temp = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise ExportError(f"{target}: cannot write: {exc.strerror or exc}") from exc
