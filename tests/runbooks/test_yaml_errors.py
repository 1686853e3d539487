"""A broken YAML runbook gets one clear message naming its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.runbooks import RunbookLoadError, load_library, load_runbook

GOOD = """\
id: good
title: A good runbook
sections:
  assess:
    - step: Look at the dashboard
      command: curl -s https://status.example.com/
"""


def error_for(tmp_path: Path, text: str, name: str = "bad.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RunbookLoadError) as caught:
        load_runbook(path, tmp_path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        pytest.param(
            "id: x\ntitle: [unclosed\n", ":3:", "YAML syntax error", id="syntax"
        ),
        pytest.param(
            "id: x\ntitle: T\nsections:\n\tassess: []\n",
            ":4:",
            "tab character: indent with spaces",
            id="tab",
        ),
        pytest.param(
            "id: x\nowner: a\ntitle: One\ntitle: Two\n",
            ":4:",
            "duplicate key 'title' (first at line 3)",
            id="duplicate-key",
        ),
        pytest.param("id: x\nowner: a\n", ":1:", "no title", id="no-title"),
        pytest.param("id: x\ntitle: ''\n", ":2:", "no title", id="empty-title"),
        pytest.param("title: T\n", ":1:", "missing id", id="no-id"),
        pytest.param(
            "id: x\ntitle: T\nsections:\n  fix:\n    - step: a\n",
            ":4:",
            "unknown section 'fix' (expected one of: assess, mitigate, diagnose,"
            " resolve, verify)",
            id="unknown-section",
        ),
        pytest.param(
            "id: x\ntitle: T\nsections:\n  assess:\n    - command: ls -l\n",
            ":5:",
            "step assess.1 has no text",
            id="step-without-text",
        ),
        pytest.param(
            "id: x\ntitle: T\nsections:\n  verify:\n    - step: a\n"
            "      command: [ls, -l]\n",
            ":6:",
            "command of step verify.1 must be a string",
            id="command-not-string",
        ),
        pytest.param(
            "id: x\ntitle: T\ncontacts:\n  role: owner\n",
            ":4:",
            "contacts must be a list",
            id="contacts-not-list",
        ),
        pytest.param(
            "id: x\ntitle: T\ncontacts:\n  - role: owner\n    phone: 5550100\n",
            ":5:",
            "phone must be a string, not int (quote it)",
            id="phone-number-unquoted",
        ),
        pytest.param(
            "id: x\ntitle: T\nlast_reviewed: soon\n",
            ":3:",
            "last_reviewed must be a date",
            id="bad-date",
        ),
        pytest.param(
            "id: x\ntitle: T\nsectoins: {}\n",
            ":3:",
            "unknown field 'sectoins'",
            id="misspelt-field",
        ),
        pytest.param("", ":1:", "no title", id="empty-file"),
        pytest.param("- just\n- a list\n", ":1:", "must be a mapping", id="not-map"),
    ],
)
def test_each_mistake_names_file_line_and_cause(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    error = error_for(tmp_path, text)
    assert error.startswith(str(tmp_path / "bad.yaml") + where), error
    assert message in error
    assert "\n" not in error


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"id: x\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
    error = error_for(tmp_path, text)
    assert ":2:" in error
    assert "not allowed" in error
    assert not marker.exists()


def test_library_keeps_good_runbooks_beside_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "a-good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-bad.yaml").write_text("id: bad\ntitle: T\n\tx: 1\n", "utf-8")
    library = load_library(tmp_path)
    assert list(library.runbooks) == ["good"]
    [error] = library.errors
    assert error.path == tmp_path / "b-bad.yaml"
    assert error.line == 3
    assert str(error).startswith(f"{tmp_path / 'b-bad.yaml'}:3: tab character")


def test_step_keys_lines_and_section_order(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(
        "id: r\ntitle: R\nsections:\n"
        "  verify:\n    - step: Check it works\n"
        "  mitigate: []\n"
        "  assess:\n    - Plain step text\n    - step: Second\n"
        "      command: |\n        psql -c 'SELECT 1'\n"
        "      see: other-runbook\n",
        encoding="utf-8",
    )
    runbook = load_runbook(path, tmp_path)
    assert [s.kind for s in runbook.sections] == ["assess", "verify"]
    first, second = runbook.sections[0].steps
    assert (first.key, first.text, first.line) == ("assess.1", "Plain step text", 8)
    assert (second.key, second.line, second.see) == ("assess.2", 9, "other-runbook")
    assert second.command == "psql -c 'SELECT 1'"
    assert runbook.links == ("other-runbook",)
    assert runbook.step("verify.1").text == "Check it works"
