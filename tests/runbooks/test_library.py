"""Finding runbooks in a folder tree: formats, ids, duplicates, files to ignore."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.runbooks import RunbookLoadError, describe, load_library, load_runbook

YAML = "id: {id}\ntitle: {title}\nsections:\n  assess:\n    - step: Look\n"


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_loads_every_format_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "z.yaml", YAML.format(id="zed", title="Zed"))
    write(tmp_path, "kubernetes/KubeAPIDown.md", "# KubeAPIDown\n\n## Impact\n")
    write(tmp_path, "kubernetes/_index.md", "---\ntitle: kubernetes\n---\n")
    write(tmp_path, "a/b.markdown", "---\nid: custom-id\n---\n# B\n")
    write(tmp_path, "notes/Plain", "# Plain runbook\n\n- Do a thing\n")
    library = load_library(tmp_path)
    assert library.errors == ()
    assert list(library.runbooks) == [
        "custom-id",
        "kubernetes/KubeAPIDown",
        "kubernetes/_index",
        "notes/Plain",
        "zed",
    ]
    assert library.runbooks["kubernetes/_index"].title == "kubernetes"


def test_other_files_are_ignored_silently(tmp_path: Path) -> None:
    write(tmp_path, "LICENSE", "Apache License\nVersion 2.0\n")
    write(tmp_path, "logo", b"\x89PNG\r\n\x1a\n\xff\xfe")
    write(tmp_path, "shot.png", b"\x89PNG")
    write(tmp_path, ".git/config.yaml", "not: [valid")
    write(tmp_path, "ok.yaml", YAML.format(id="ok", title="Ok"))
    library = load_library(tmp_path)
    assert list(library.runbooks) == ["ok"]
    assert library.errors == ()


def test_duplicate_id_is_an_error_on_the_later_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", YAML.format(id="db", title="First"))
    write(tmp_path, "b.yaml", "# second copy\n" + YAML.format(id="db", title="Two"))
    library = load_library(tmp_path)
    assert library.runbooks["db"].title == "First"
    [error] = library.errors
    assert error.path == tmp_path / "b.yaml"
    assert error.line == 2
    assert f"duplicate id 'db' (already used by {first})" in error.message


def test_same_name_with_and_without_extension_both_load(tmp_path: Path) -> None:
    write(tmp_path, "ops/Sync", "# Sync\n\n## Meaning\n\nOld copy.\n")
    write(tmp_path, "ops/Sync.md", "---\ntitle: Sync failed\n---\n# Sync\n")
    library = load_library(tmp_path)
    assert library.errors == ()
    assert library.runbooks["ops/Sync.md"].title == "Sync failed"
    assert library.runbooks["ops/Sync"].title == "Sync"


def test_undecodable_markdown_is_an_error_with_line(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", b"# Title\n\nbad \xff byte\n")
    [error] = load_library(tmp_path).errors
    assert (error.path.name, error.line) == ("bad.md", 3)
    assert "not UTF-8" in error.message


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")
    assert library.runbooks == {}
    assert "runbook folder not found" in str(library.errors[0])


def test_load_runbook_refuses_a_file_that_is_not_a_runbook(tmp_path: Path) -> None:
    path = write(tmp_path, "LICENSE", "Apache License\n")
    with pytest.raises(RunbookLoadError) as caught:
        load_runbook(path, tmp_path)
    assert caught.value.error.path == path
    assert "not a runbook" in str(caught.value)


def test_describe_counts_steps_and_commands(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "id: r\ntitle: R\nsections:\n  assess:\n    - step: a\n      command: ls\n"
        "    - step: b\n",
    )
    assert describe(load_runbook(path, tmp_path)) == ("r", "R", 2, 1)
