"""The `cockpit` command from a shell: what scripts, hooks and people type."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cockpit.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "data" / "incidents.db"
    monkeypatch.setenv("COCKPIT_DB", str(db))
    monkeypatch.setenv("COCKPIT_RUNBOOKS", str(REPO / "runbooks"))
    monkeypatch.setenv("TZ", "UTC")
    return db


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    return lines[0]


def test_start_without_ui_prints_the_id_and_logs_the_alert(env: Path, capsys) -> None:
    code = main(["start", "-s", "P1", "-r", "db-connection-pool", "--no-ui", "DB down"])
    assert code == 0
    assert capsys.readouterr().out.strip() == "1"
    with sqlite3.connect(env) as conn:
        (title, severity, runbook) = conn.execute(
            "SELECT title, severity, runbook_id FROM incidents"
        ).fetchone()
        kinds = conn.execute("SELECT kind, text FROM events").fetchall()
    assert (title, severity, runbook) == ("DB down", "P1", "db-connection-pool")
    assert kinds == [("alert", "Alert fired")]


def test_the_database_is_readable_by_its_owner_only(env: Path) -> None:
    assert main(["start", "-s", "P3", "--no-ui", "Flaky cron"]) == 0
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    assert stat.S_IMODE(env.parent.stat().st_mode) == 0o700


def test_backdated_alert(env: Path, capsys) -> None:
    two_hours_ago = datetime.now(UTC) - timedelta(hours=2)
    at = two_hours_ago.strftime("%Y-%m-%dT%H:%M+00:00")
    assert main(["start", "-s", "P2", "--at", at, "--no-ui", "x"]) == 0
    with sqlite3.connect(env) as conn:
        (started,) = conn.execute("SELECT started_at FROM incidents").fetchone()
    assert started.startswith(at[:16])


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["start", "-s", "P4", "x"], "not a severity"),
        (["start", "x"], "--severity"),
        (["start", "-s", "P1", "-r", "no-such-book", "--no-ui", "x"], "no runbook"),
        (["start", "-s", "P1", "--at", "25:99", "--no-ui", "x"], "not a time of day"),
        (["start", "-s", "P1", "--at", "2999-01-01T00:00", "--no-ui", "x"], "future"),
        (["start", "-s", "P1", "--no-ui", "   "], "title"),
        (["note", "abc", "text"], "not an incident id"),
        (["note", "9", "text"], "9"),
        (["note", "1", "x", "--kind", "party"], "invalid choice"),
        (["export", "42"], "42"),
        (["bogus"], "invalid choice"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(env, capsys, argv, words) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert words in _one_line_error(capsys)


def test_note_from_a_shell_appends_to_the_log(env: Path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "Queue backlog"])
    assert main(["note", "1", "Paused the producer", "--kind", "action"]) == 0
    assert main(["note", "1", "--kind", "mitigated"]) == 0
    assert main(["note", "1", "plain note"]) == 0
    with sqlite3.connect(env) as conn:
        rows = conn.execute("SELECT kind, text FROM events ORDER BY id").fetchall()
    assert rows[1:] == [
        ("action", "Paused the producer"),
        ("mitigated", "Mitigation applied"),
        ("note", "plain note"),
    ]
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Queue backlog" in out and "mitigated" in out and "P1" in out


def test_note_without_text_for_a_plain_note_is_refused(env: Path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    capsys.readouterr()
    assert main(["note", "1"]) == 2
    assert "needs text" in _one_line_error(capsys)


def test_export_writes_the_post_mortem(env: Path, tmp_path: Path, capsys) -> None:
    main(["start", "-s", "P1", "-r", "db-connection-pool", "--no-ui", "Checkout down"])
    main(["note", "1", "--kind", "resolved"])
    out = tmp_path / "pm.md"
    assert main(["export", "1", "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith("# Checkout down")
    for heading in ("## Timeline", "## Root Cause", "## Action Items"):
        assert heading in text
    assert "Alert fired" in text and "Verified resolved" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    capsys.readouterr()
    assert main(["export", "1"]) == 0
    assert capsys.readouterr().out == text


def test_export_to_a_missing_folder_is_one_clear_line(env, tmp_path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    capsys.readouterr()
    target = tmp_path / "nope" / "pm.md"
    assert main(["export", "1", "-o", str(target)]) == 2
    assert str(target) in _one_line_error(capsys)


def test_runbooks_lists_the_bundled_ones(env: Path, capsys) -> None:
    assert main(["runbooks"]) == 0
    out = capsys.readouterr().out
    for rid in (
        "db-connection-pool",
        "disk-full",
        "http-5xx-after-deploy",
        "tls-cert-expiry",
        "queue-backlog",
    ):
        assert rid in out


def test_runbooks_names_the_broken_file_and_line(env, tmp_path, capsys) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    (folder / "good.yaml").write_text(
        "id: good\ntitle: Good\nsections:\n  assess:\n    - step: Look\n"
    )
    (folder / "bad.yaml").write_text("id: bad\ntitle: Bad\ntitle: Again\n")
    assert main(["runbooks", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "good" in out
    assert f"{folder / 'bad.yaml'}:3" in out


def test_help_lists_the_verbs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cockpit", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        timeout=60,
    )
    assert done.returncode == 0
    for verb in ("start", "open", "list", "note", "export", "runbooks"):
        assert verb in done.stdout


def test_note_text_may_follow_the_kind(env: Path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    assert main(["note", "1", "--kind", "root-cause", "Leaked connections"]) == 0
    with sqlite3.connect(env) as conn:
        last = conn.execute("SELECT kind, text FROM events ORDER BY id DESC").fetchone()
    assert last == ("root-cause", "Leaked connections")


def test_an_unknown_argument_points_at_the_verbs_help(env: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["list", "--bogus"])
    assert exited.value.code == 2
    line = _one_line_error(capsys)
    assert "--bogus" in line and "cockpit list --help" in line


def test_a_milestone_recorded_twice_from_a_shell_is_pointed_out(env, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    assert main(["note", "1", "--kind", "resolved"]) == 0
    capsys.readouterr()
    assert main(["note", "1", "--kind", "resolved"]) == 0
    assert "already recorded" in _one_line_error(capsys)


def test_export_never_overwrites_without_force(env, tmp_path: Path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    out = tmp_path / "pm.md"
    out.write_text("my edited post-mortem")
    capsys.readouterr()
    assert main(["export", "1", "-o", str(out)]) == 2
    assert "--force" in _one_line_error(capsys)
    assert out.read_text() == "my edited post-mortem"
    assert main(["export", "1", "-o", str(out), "--force"]) == 0
    assert out.read_text().startswith("# x")


def test_the_cockpit_without_a_terminal_says_what_to_use_instead(env, capsys) -> None:
    # A hook that forgets --no-ui must not hang a pager-less script.
    assert main(["start", "-s", "P1", "Payments down"]) == 2
    assert "--no-ui" in _one_line_error(capsys)


@pytest.mark.parametrize(
    "argv", [["open", "9223372036854775808"], ["--db", "", "list"]]
)
def test_absurd_ids_and_empty_paths_are_one_line(env, capsys, argv) -> None:
    with pytest.raises(SystemExit) as exited:
        raise SystemExit(main(argv))
    assert exited.value.code == 2
    _one_line_error(capsys)


def test_output_to_a_full_device_is_one_line(env: Path) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    done = subprocess.run(
        f"{sys.executable} -m cockpit list > /dev/full",
        shell=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "cockpit: cannot write the output: No space left on device"
    ]


def test_without_a_terminal_nothing_is_created(env: Path, capsys) -> None:
    assert main(["start", "-s", "P1", "No tty"]) == 2
    capsys.readouterr()
    main(["list"])
    assert "No incidents yet" in capsys.readouterr().out


def test_arguments_that_are_not_utf8_are_stored_replaced(env: Path, capsys) -> None:
    title = b"\xff\xfe disk".decode("utf-8", "surrogateescape")
    assert main(["start", "-s", "P3", "--no-ui", title]) == 0
    assert main(["note", "1", b"\x9b2J ok".decode("utf-8", "surrogateescape")]) == 0
    with sqlite3.connect(env) as conn:
        (stored,) = conn.execute("SELECT title FROM incidents").fetchone()
        (note,) = conn.execute("SELECT text FROM events WHERE kind='note'").fetchone()
    assert stored.endswith(" disk") and "\ufffd" in stored
    assert note.endswith("2J ok")


def test_an_empty_at_is_refused_not_taken_as_now(env: Path, capsys) -> None:
    assert main(["start", "-s", "P1", "--at", "", "--no-ui", "x"]) == 2
    assert "not a time" in _one_line_error(capsys)


def test_export_to_a_folder_does_not_suggest_force(env, tmp_path, capsys) -> None:
    main(["start", "-s", "P1", "--no-ui", "x"])
    capsys.readouterr()
    assert main(["export", "1", "-o", str(tmp_path)]) == 2
    line = _one_line_error(capsys)
    assert "folder" in line and "--force" not in line
