"""Hostile or careless runbook content: one clear error per file, never a crash.

Each case puts one bad file beside a good runbook and checks the library still loads
the good one and reports the bad one once, naming its file and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cockpit.runbooks.library as library_module
from cockpit.runbooks import RunbookError, RunbookLoadError, load_library, load_runbook

GOOD = "id: good\ntitle: Good\nsections:\n  assess:\n    - step: Look\n"


def only_error(tmp_path: Path, name: str, text: str | bytes) -> RunbookError:
    """Load `text` as `name` next to a good runbook; return the one error."""
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    if isinstance(text, bytes):
        bad.write_bytes(text)
    else:
        bad.write_text(text, encoding="utf-8", newline="")
    library = load_library(tmp_path)
    assert list(library.runbooks) == ["good"]
    [error] = library.errors
    assert error.path == bad
    assert "\n" not in str(error)
    return error


def test_deeply_nested_yaml_is_an_error_not_a_recursion_crash(tmp_path: Path) -> None:
    error = only_error(
        tmp_path, "deep.yaml", "id: x\ntitle: T\nsections: " + "[" * 5000
    )
    assert error.line == 3
    assert "nested more than 50 levels deep" in error.message


def test_deeply_nested_emphasis_is_an_error_not_a_recursion_crash(
    tmp_path: Path,
) -> None:
    text = "- " + "*a " * 400 + "x" + " b*" * 400 + "\n"
    assert len(text) < 2500
    error = only_error(tmp_path, "deep.md", text)
    assert error.line == 1
    assert "Markdown nested more than 40 levels deep" in error.message


def test_impossible_review_date_names_the_line(tmp_path: Path) -> None:
    error = only_error(
        tmp_path, "d.yaml", "id: d\ntitle: T\nlast_reviewed: 2026-02-30\n"
    )
    assert str(error) == f"{tmp_path / 'd.yaml'}:3: invalid date '2026-02-30'"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('!!bool "maybe"', "invalid boolean 'maybe'"),
        ('!!int "zz"', "invalid integer 'zz'"),
        ('!!int ""', "invalid integer ''"),
        ('!!float "abc"', "invalid number 'abc'"),
        ('!!timestamp "2026-13-45"', "invalid date '2026-13-45'"),
        ('!!timestamp "soon"', "invalid date 'soon'"),
    ],
)
def test_explicit_tag_with_a_bad_value_names_the_line(
    tmp_path: Path, value: str, message: str
) -> None:
    error = only_error(tmp_path, "t.yaml", f"id: t\ntitle: T\nowner: {value}\n")
    assert (error.line, error.message) == (3, message)


def test_hugo_date_cockpit_does_not_use_cannot_break_a_markdown_runbook(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.md"
    path.write_text(
        "---\ntitle: Disk pressure\ndate: 2026-02-30\nweight: 10\n---\n"
        "# Disk\n\n## Mitigation\n\n- Free space\n",
        encoding="utf-8",
    )
    runbook = load_runbook(path, tmp_path)
    assert runbook.title == "Disk pressure"
    assert [s.text for s in runbook.steps] == ["Free space"]


def test_front_matter_with_a_bad_explicit_tag_names_the_line(tmp_path: Path) -> None:
    text = "---\ntitle: T\ndate: !!timestamp 2026-02-30\n---\n# T\n"
    error = only_error(tmp_path, "page.md", text)
    assert (error.line, error.message) == (3, "invalid date '2026-02-30'")


@pytest.mark.parametrize(
    "failure", [ValueError("day is out of range"), KeyError("maybe"), RecursionError()]
)
def test_an_unforeseen_parser_failure_is_that_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    def explode(path: Path, text: str, default_id: str) -> None:
        raise failure

    monkeypatch.setattr(library_module, "load_markdown_runbook", explode)
    error = only_error(tmp_path, "odd.md", "# Odd\n")
    assert error.message.startswith(("cannot load: ", "nested too deeply"))
    with pytest.raises(RunbookLoadError) as caught:
        load_runbook(tmp_path / "odd.md", tmp_path)
    assert caught.value.error == error


def test_merge_keys_are_refused_by_name(tmp_path: Path) -> None:
    text = (
        "id: m\ntitle: T\nsections:\n  assess:\n    - &base {step: a}\n"
        "    - <<: *base\n      command: ls\n"
    )
    error = only_error(tmp_path, "m.yaml", text)
    assert error.line == 6
    assert error.message.startswith("YAML merge keys (<<) are not supported")


def test_binary_values_are_refused_by_name(tmp_path: Path) -> None:
    error = only_error(tmp_path, "b.yaml", "id: b\ntitle: T\nowner: !!binary aGk=\n")
    assert error.line == 3
    assert error.message.startswith("binary values (!!binary) are not supported")


def steps_yaml(counts: dict[str, int]) -> str:
    lines = ["id: big", "title: Big", "sections:"]
    for section, count in counts.items():
        lines.append(f"  {section}:")
        lines.extend(f"    - step: Check item {n}" for n in range(count))
    return "\n".join(lines) + "\n"


def test_too_many_steps_in_total_is_refused(tmp_path: Path) -> None:
    sections = ("assess", "mitigate", "diagnose", "resolve", "verify")
    error = only_error(tmp_path, "big.yaml", steps_yaml(dict.fromkeys(sections, 41)))
    assert error.message == (
        "too many steps (205, at most 200): split it into sub-runbooks with see:"
    )
    assert error.line == 4 + 4 * 42 + 37  # the 201st step


def test_too_many_steps_in_a_section_is_refused(tmp_path: Path) -> None:
    text = "# Big\n\n## Diagnosis\n\n" + "".join(f"- Check {n}\n" for n in range(51))
    error = only_error(tmp_path, "big.md", text)
    assert error.message.startswith("too many steps in section 'Diagnosis' (51, at")
    assert "split it into sub-runbooks with see:" in error.message
    assert error.line == 55


def test_the_largest_allowed_runbook_loads(tmp_path: Path) -> None:
    sections = ("assess", "mitigate", "diagnose", "resolve")
    path = tmp_path / "big.yaml"
    path.write_text(steps_yaml(dict.fromkeys(sections, 50)), encoding="utf-8")
    assert len(load_runbook(path, tmp_path).steps) == 200
