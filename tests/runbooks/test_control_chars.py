"""Characters that would steer the terminal never reach it from a runbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.runbooks import load_library, load_runbook

GOOD = "id: good\ntitle: Good\nsections:\n  assess:\n    - step: Look\n"
STEPS = "id: x\ntitle: T\nsections:\n  assess:\n"


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        pytest.param(
            "a.yaml",
            STEPS + '    - step: "Look \\e[2J here"\n',
            5,
            "control character U+001B in step assess.1",
            id="yaml-escape-in-step",
        ),
        pytest.param(
            "a.yaml",
            STEPS + "    - step: Clear\n      command: echo \x1b[31mred\n",
            6,
            "control character U+001B",
            id="yaml-raw-esc-in-command",
        ),
        pytest.param(
            "a.yaml",
            STEPS
            + "    - step: Run\n      command: |\n        ls\n        echo \x9b2J\n",
            8,
            "control character U+009B",
            id="yaml-c1-in-block-command",
        ),
        pytest.param(
            "a.yaml",
            STEPS
            + "    - step: Run\n      command: |\n        ls\n        rm \u202e*\n",
            8,
            "bidi control character U+202E in command of step assess.1",
            id="yaml-bidi-in-block-command",
        ),
        pytest.param(
            "a.yaml",
            STEPS + '    - step: "Run \\x9b2J"\n',
            5,
            "control character U+009B in step assess.1",
            id="yaml-c1-csi",
        ),
        pytest.param(
            "a.yaml",
            "id: x\ntitle: Safe \u202egnp.exe\n",
            2,
            "bidi control character U+202E in title",
            id="yaml-bidi-in-title",
        ),
        pytest.param(
            "a.md",
            "# T\n\n## Mitigation\n\n- Restart \x1b]0;owned\x07 it\n",
            5,
            "control character U+001B in step mitigate.1",
            id="markdown-raw-esc-in-step",
        ),
        pytest.param(
            "a.md",
            "# T\n\n## Mitigation\n\n```\nrm -rf /tmp/x \u2066# safe\u2069\n```\n",
            6,
            "bidi control character U+2066 in command of step mitigate.1",
            id="markdown-bidi-in-command",
        ),
        pytest.param(
            "a.md",
            "# T\n\nThe cause\n\n## Diagnosis\n\n- Check &#x202E;this\n",
            7,
            "bidi control character U+202E in step diagnose.1",
            id="markdown-bidi-entity",
        ),
        pytest.param(
            "a.md",
            '---\ntitle: "Disk \\e[8m"\n---\n# T\n',
            2,
            "control character U+001B",
            id="front-matter-escape",
        ),
    ],
)
def test_control_character_is_an_error_naming_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, message: str
) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    library = load_library(tmp_path)
    assert list(library.runbooks) == ["good"]
    [error] = library.errors
    assert (error.path, error.line) == (tmp_path / name, line)
    assert message in error.message


def test_error_messages_show_control_characters_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text('id: x\ntitle: T\n"\\e[2Jkey": 1\n', encoding="utf-8")
    [error] = load_library(tmp_path).errors
    assert "\x1b" not in str(error)
    assert "unknown field '\\x1b[2Jkey'" in error.message


def test_tabs_newlines_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(
        STEPS + "    - step: Split\n      command: |\n        cut -f1 <<'E'\n"
        "        a\tb\n        E\n",
        encoding="utf-8",
    )
    assert load_runbook(path, tmp_path).commands == ("cut -f1 <<'E'\na\tb\nE",)
    page = tmp_path / "crlf.md"
    page.write_bytes(b"# T\r\n\r\n## Mitigation\r\n\r\n- Restart\r\n")
    assert load_runbook(page, tmp_path).steps[0].text == "Restart"
