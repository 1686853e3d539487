"""Writing the export: private, all or nothing, and one clear line on failure."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from cockpit.export import ExportError, write_export


def test_writes_text_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "postmortem.md"
    write_export(target, "# Title\n")
    assert target.read_text(encoding="utf-8") == "# Title\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["postmortem.md"]


def test_replaces_an_older_export(tmp_path: Path) -> None:
    target = tmp_path / "postmortem.md"
    target.write_text("old")
    target.chmod(0o644)
    write_export(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "postmortem.md"
    with pytest.raises(ExportError) as caught:
        write_export(target, "text")
    assert str(caught.value) == (
        f"{target}: cannot write: folder {target.parent} does not exist"
    )


def test_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        write_export(tmp_path, "text")


def test_disk_full_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "postmortem.md"
    target.write_text("previous export")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    # The data reaches the disk at fsync; a full disk fails there.
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError) as caught:
        write_export(target, "x" * 10_000)
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text() == "previous export"
    assert os.listdir(tmp_path) == ["postmortem.md"]


def test_a_device_or_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="not a regular file"):
        write_export(pipe, "text")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    with pytest.raises(ExportError, match="not a regular file"):
        write_export(Path("/dev/null"), "text")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_export(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
