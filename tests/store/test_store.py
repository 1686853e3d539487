"""The incident database: what is written comes back, and nothing is lost quietly."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from cockpit.domain import EventKind, Severity
from cockpit.store import Store, StoreError
from cockpit.store.schema import MIGRATIONS, SCHEMA_VERSION

ALERT = datetime(2026, 12, 4, 13, 2, tzinfo=UTC)
NOW = ALERT + timedelta(minutes=3)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cockpit.db"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


def new_incident(store: Store, title: str = "Checkout DB unresponsive"):
    return store.create_incident(title, Severity.P1, "db-connection-pool", ALERT, NOW)


class TestRoundtrip:
    """What the cockpit writes is exactly what it reads back."""

    def test_new_incident_starts_with_alert_fired(self, store: Store) -> None:
        incident = new_incident(store)
        assert store.incident(incident.id) == incident
        [alert] = store.events(incident.id)
        assert (alert.kind, alert.text, alert.at) == (
            EventKind.ALERT,
            "Alert fired",
            ALERT,
        )
        assert alert.recorded_at == NOW

    def test_entries_come_back_in_timeline_order_with_utc_times(
        self, store: Store
    ) -> None:
        incident = new_incident(store)
        cet = timezone(timedelta(hours=1), "CET")
        late = store.append(incident.id, EventKind.ACTION, "Restarted pgbouncer", NOW)
        backdated = store.append(
            incident.id,
            EventKind.ACKNOWLEDGED,
            "Acknowledged",
            datetime(2026, 12, 4, 14, 4, tzinfo=cet),
            now=NOW,
        )
        events = store.events(incident.id)
        assert [e.id for e in events][1:] == [backdated.id, late.id]
        assert events[1].at == ALERT + timedelta(minutes=2)
        assert events[1].at.tzinfo == UTC
        assert events[1] == backdated

    def test_milestone_without_text_gets_its_usual_words(self, store: Store) -> None:
        incident = new_incident(store)
        event = store.append(incident.id, EventKind.MITIGATED, "  ", NOW)
        assert event.text == "Mitigation applied"

    def test_step_entry_keeps_its_step_key(self, store: Store) -> None:
        incident = new_incident(store)
        store.append(
            incident.id, EventKind.STEP_CHECKED, "Checked: x", NOW, step="assess.1"
        )
        assert store.events(incident.id)[-1].step == "assess.1"

    def test_title_is_one_line(self, store: Store) -> None:
        incident = new_incident(store, "  Checkout\n  DB\tdown \x1b[2J")
        assert incident.title == "Checkout DB down [2J"

    def test_incidents_newest_first_and_latest_open_skips_resolved(
        self, store: Store
    ) -> None:
        older = new_incident(store, "older")
        newer = store.create_incident(
            "newer", Severity.P2, None, ALERT + timedelta(minutes=1), NOW
        )
        assert [i.id for i in store.incidents()] == [newer.id, older.id]
        assert store.latest_open() == newer
        store.append(newer.id, EventKind.RESOLVED, "", NOW)
        assert store.latest_open() == older
        store.append(older.id, EventKind.RESOLVED, "", NOW)
        assert store.latest_open() is None

    def test_memory_database(self) -> None:
        with Store.open(":memory:") as store:
            incident = new_incident(store)
            assert store.incidents() == [incident]

    def test_reopen_keeps_everything(self, db_path: Path) -> None:
        with Store.open(db_path) as store:
            incident = new_incident(store)
            store.append(incident.id, EventKind.NOTE, "seen by two", NOW)
            before = store.events(incident.id)
        with Store.open(db_path) as store:
            assert store.incident(incident.id) == incident
            assert store.events(incident.id) == before

    def test_a_second_connection_sees_each_entry_once_committed(
        self, store: Store, db_path: Path
    ) -> None:
        incident = new_incident(store)
        store.append(incident.id, EventKind.NOTE, "committed", NOW)
        other = sqlite3.connect(db_path)
        texts = [row[0] for row in other.execute("SELECT text FROM events")]
        other.close()
        assert texts == ["Alert fired", "committed"]


class TestFileAndSchema:
    """The file is private, in WAL mode, and carries its schema version."""

    def test_file_0600_and_new_folder_0700(self, store: Store, db_path: Path) -> None:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700

    def test_wal_mode_and_foreign_keys(self, store: Store, db_path: Path) -> None:
        other = sqlite3.connect(db_path)
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        other.close()
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1

    def test_schema_version_and_migrations_recorded(
        self, store: Store, db_path: Path
    ) -> None:
        other = sqlite3.connect(db_path)
        version = other.execute("PRAGMA user_version").fetchone()[0]
        names = [
            r[0] for r in other.execute("SELECT name FROM _migrations ORDER BY rowid")
        ]
        other.close()
        assert version == SCHEMA_VERSION == len(MIGRATIONS)
        assert names == [name for name, _ in MIGRATIONS]

    def test_reopen_runs_no_migration_twice(self, db_path: Path) -> None:
        Store.open(db_path).close()
        Store.open(db_path).close()
        other = sqlite3.connect(db_path)
        count = other.execute("SELECT count(*) FROM _migrations").fetchone()[0]
        other.close()
        assert count == len(MIGRATIONS)


class TestAppendOnly:
    """Corrections are new entries: the database refuses to change the log."""

    @pytest.mark.parametrize(
        "sql", ["UPDATE events SET text = 'rewritten'", "DELETE FROM events"]
    )
    def test_log_rows_cannot_change(self, store: Store, db_path: Path, sql) -> None:
        incident = new_incident(store)
        other = sqlite3.connect(db_path)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            other.execute(sql)
        other.close()
        assert [e.text for e in store.events(incident.id)] == ["Alert fired"]


class TestErrors:
    """Every failure is one StoreError line; the file is named where it is at fault."""

    def test_garbage_file(self, tmp_path: Path) -> None:
        garbage = tmp_path / "notes.db"
        garbage.write_text("these are my notes, not a database\n" * 40)
        with pytest.raises(StoreError) as caught:
            Store.open(garbage)
        message = str(caught.value)
        assert str(garbage) in message and "not a cockpit database" in message
        assert "\n" not in message

    def test_other_programs_database(self, tmp_path: Path) -> None:
        foreign = tmp_path / "other.db"
        conn = sqlite3.connect(foreign)
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.close()
        with pytest.raises(StoreError, match="not a cockpit database"):
            Store.open(foreign)

    def test_newer_schema(self, db_path: Path) -> None:
        Store.open(db_path).close()
        conn = sqlite3.connect(db_path)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
        with pytest.raises(StoreError) as caught:
            Store.open(db_path)
        assert str(db_path) in str(caught.value)
        assert "newer cockpit" in str(caught.value)

    def test_folder_instead_of_file(self, tmp_path: Path) -> None:
        with pytest.raises(StoreError, match="is a folder"):
            Store.open(tmp_path)

    def test_unknown_incident(self, store: Store) -> None:
        with pytest.raises(StoreError, match="no incident 7"):
            store.append(7, EventKind.NOTE, "lost?", NOW)
        with pytest.raises(StoreError, match="no incident 7"):
            store.incident(7)
        with pytest.raises(StoreError, match="no incident 7"):
            store.events(7)

    def test_disk_full_is_reported_and_nothing_half_written(
        self, store: Store, db_path: Path
    ) -> None:
        incident = new_incident(store)
        # SQLite's page limit fails writes exactly as a full disk does (SQLITE_FULL).
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError) as caught:
            store.append(incident.id, EventKind.NOTE, "x" * 200_000, NOW)
        assert str(caught.value) == f"{db_path}: cannot save the entry: disk full"
        assert [e.text for e in store.events(incident.id)] == ["Alert fired"]

    def test_refused_write_is_reported(self, store: Store, db_path: Path) -> None:
        incident = new_incident(store)
        # query_only refuses writes as a read-only file does (SQLITE_READONLY),
        # and works when the tests run as root.
        store._db.execute("PRAGMA query_only = 1")
        with pytest.raises(StoreError) as caught:
            store.append(incident.id, EventKind.NOTE, "x", NOW)
        assert str(caught.value) == (
            f"{db_path}: cannot save the entry: the file or its folder is read-only"
        )

    def test_naive_times_rejected(self, store: Store) -> None:
        naive = datetime(2026, 12, 4, 13, 2)
        with pytest.raises(StoreError, match="timezone-aware"):
            store.create_incident("t", Severity.P1, None, naive, NOW)
        incident = new_incident(store)
        with pytest.raises(StoreError, match="timezone-aware"):
            store.append(incident.id, EventKind.NOTE, "x", naive)
        assert len(store.events(incident.id)) == 1

    @pytest.mark.parametrize(
        ("title", "severity", "started", "match"),
        [
            (" \n ", Severity.P1, ALERT, "needs a title"),
            ("t", "P9", ALERT, "unknown severity 'P9'"),
            ("t", Severity.P1, NOW + timedelta(minutes=1), "in the future"),
        ],
    )
    def test_bad_incident_rejected(self, store, title, severity, started, match):
        with pytest.raises(StoreError, match=match):
            store.create_incident(title, severity, None, started, NOW)
        assert store.incidents() == []

    @pytest.mark.parametrize(
        ("kind", "text", "step", "match"),
        [
            ("paged", "x", None, "unknown entry kind 'paged'"),
            (EventKind.NOTE, "  ", None, "needs text"),
            (EventKind.STEP_CHECKED, "Checked: x", None, "needs the step"),
        ],
    )
    def test_bad_entry_rejected(self, store, kind, text, step, match):
        incident = new_incident(store)
        with pytest.raises(StoreError, match=match):
            store.append(incident.id, kind, text, NOW, step=step)
        assert len(store.events(incident.id)) == 1


def test_outside_changes_moves_only_when_another_connection_commits(
    tmp_path: Path,
) -> None:
    with (
        Store.open(tmp_path / "a.db") as cockpit,
        Store.open(tmp_path / "a.db") as hook,
    ):
        incident = new_incident(cockpit)
        before = cockpit.outside_changes()
        cockpit.append(incident.id, EventKind.NOTE, "mine", NOW)
        assert cockpit.outside_changes() == before
        hook.append(incident.id, EventKind.NOTE, "from a shell", NOW)
        assert cockpit.outside_changes() != before


def test_an_existing_database_readable_by_others_is_made_private(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "a.db") as store:
        new_incident(store)
    (tmp_path / "a.db").chmod(0o644)
    with Store.open(tmp_path / "a.db"):
        pass
    assert stat.S_IMODE((tmp_path / "a.db").stat().st_mode) == 0o600


def test_control_characters_never_reach_the_log(store: Store) -> None:
    incident = new_incident(store)
    hostile = "harmless \x1b]52;c;cm0gLXJmIH4=\x07 then \x1b[2J\u202eevil\nline"
    event = store.append(incident.id, EventKind.NOTE, hostile, NOW)
    assert event.text == "harmless ]52;c;cm0gLXJmIH4= then [2Jevil line"
    assert store.events(incident.id)[-1].text == event.text
