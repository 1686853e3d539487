"""What a folder scan meets besides plain files: links, odd folders, bad names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cockpit.runbooks import RunbookError, load_library

GOOD = "id: good\ntitle: Good\nsections:\n  assess:\n    - step: Look\n"
PAGE = "# {title}\n\n## Mitigation\n\n- Free some space\n"


def with_good(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def only_error(folder: Path) -> RunbookError:
    library = load_library(folder)
    assert list(library.runbooks) == ["good"]
    [error] = library.errors
    return error


def test_dangling_symlink_is_an_error(tmp_path: Path) -> None:
    (with_good(tmp_path) / "x.yaml").symlink_to("gone.yaml")
    (tmp_path / "logo.png").symlink_to("gone.png")
    error = only_error(tmp_path)
    assert error.path == tmp_path / "x.yaml"
    assert error.message == "broken symbolic link (to gone.yaml, which does not exist)"


def test_symlink_loop_is_an_error(tmp_path: Path) -> None:
    (with_good(tmp_path) / "loop.yaml").symlink_to("loop.yaml")
    error = only_error(tmp_path)
    assert (error.path, error.message) == (tmp_path / "loop.yaml", "symbolic link loop")


def test_folder_link_back_up_the_tree_is_an_error_not_endless(tmp_path: Path) -> None:
    (with_good(tmp_path) / "ops").mkdir()
    (tmp_path / "ops" / "up").symlink_to("..")
    error = only_error(tmp_path)
    assert error.path == tmp_path / "ops" / "up"
    assert error.message.startswith("symbolic link loop: leads back to")


def test_folder_named_like_a_runbook_is_entered_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    (tmp_path / "dir.yaml" / "Disk.md").write_text(PAGE.format(title="Disk"), "utf-8")
    library = load_library(tmp_path)
    assert library.errors == ()
    assert list(library.runbooks) == ["dir.yaml/Disk"]


def test_linked_folder_is_followed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "Disk.md").write_text(PAGE.format(title="Disk"), "utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "team").symlink_to(shared)
    library = load_library(root)
    assert library.errors == ()
    assert list(library.runbooks) == ["team/Disk"]


def test_pipe_named_like_a_runbook_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(with_good(tmp_path) / "pipe.yaml")
    error = only_error(tmp_path)
    assert error.path == tmp_path / "pipe.yaml"
    assert "not a regular file" in error.message


def test_unreadable_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = with_good(tmp_path) / "locked.yaml"
    locked.write_text(GOOD.replace("good", "locked"), encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    error = only_error(tmp_path)
    assert (error.path, error.message) == (locked, "cannot read: Permission denied")


def test_unreadable_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = with_good(tmp_path) / "locked"
    locked.mkdir()
    (locked / "Disk.md").write_text(PAGE.format(title="Disk"), "utf-8")
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    error = only_error(tmp_path)
    assert (error.path, error.message) == (
        locked,
        "cannot read folder: Permission denied",
    )


def test_file_name_with_spaces_gets_a_usable_id(tmp_path: Path) -> None:
    (tmp_path / "Disk full.md").write_text(PAGE.format(title="Disk full"), "utf-8")
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "(old) notes.md").write_text(PAGE.format(title="N"), "utf-8")
    library = load_library(tmp_path)
    assert library.errors == ()
    assert list(library.runbooks) == ["Disk-full", "ops/old-notes"]
    assert library.runbooks["Disk-full"].title == "Disk full"


def test_names_that_become_the_same_id_are_still_a_duplicate(tmp_path: Path) -> None:
    first = tmp_path / "Disk full.md"
    first.write_text(PAGE.format(title="One"), "utf-8")
    (tmp_path / "Disk-full.md").write_text(PAGE.format(title="Two"), "utf-8")
    library = load_library(tmp_path)
    assert [r.title for r in library.runbooks.values()] == ["One"]
    [error] = library.errors
    assert error.path == tmp_path / "Disk-full.md"
    assert f"duplicate id 'Disk-full' (already used by {first})" in error.message


def test_a_file_name_with_escape_sequences_is_shown_inert(tmp_path) -> None:
    from cockpit.runbooks import load_library

    bad = tmp_path / "evil\x1b]52;c;cm0=\x07.yaml"
    bad.write_text("id: x\n")
    (error,) = load_library(tmp_path).errors
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert "\\x1b]52" in str(error)
