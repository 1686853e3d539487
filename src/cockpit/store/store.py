"""The incident database: one SQLite file, opened through sqlite-utils.

Every write is one short transaction, committed before the method returns, so what
the cockpit shows is on disk. Every failure becomes a `StoreError` with one line that
names the file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from cockpit.domain import MILESTONE_TEXT, Event, EventKind, Incident, Severity
from cockpit.domain.text import one_line
from cockpit.store.errors import StoreError
from cockpit.store.rows import event_from_row, incident_from_row, to_db
from cockpit.store.schema import SCHEMA_VERSION, migrate, schema_version

BUSY_TIMEOUT_S = 5.0
"""How long a write waits for another cockpit (or `cockpit note`) to finish its own."""

_STEP_KINDS = (EventKind.STEP_CHECKED, EventKind.STEP_UNCHECKED)
_OWN_TABLES = {"_migrations", "incidents", "events"}


class Store:
    """The incidents and their append-only logs, in one SQLite database."""

    def __init__(self, db: Database, label: str) -> None:
        """Wrap an open, migrated database; use `Store.open` to get one."""
        self._db = db
        self._label = label
        # The TUI may call from worker threads; one connection, one writer at a time.
        self._lock = threading.RLock()

    @property
    def path(self) -> str:
        """The database file, or ":memory:"."""
        return self._label

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating and migrating if needed) the database at `path`."""
        if str(path) == ":memory:":
            label = ":memory:"
            conn = _connect(":memory:", label)
        else:
            file = Path(path).expanduser()
            label = str(file)
            _prepare_file(file)
            conn = _connect(str(file), label)
        try:
            db = Database(conn, execute_plugins=False)
            _configure(db, label)
        except sqlite3.Error as exc:
            conn.close()
            raise _explain(label, "cannot open", exc) from exc
        except StoreError:
            conn.close()
            raise
        return cls(db, label)

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def create_incident(
        self,
        title: str,
        severity: Severity | str,
        runbook_id: str | None,
        started_at: datetime,
        now: datetime,
    ) -> Incident:
        """Open an incident whose log begins with "Alert fired" at `started_at`."""
        # One printable line: the title heads the screen and the post-mortem.
        title = one_line(title)
        if not title:
            raise StoreError("an incident needs a title")
        severity = _severity(severity)
        if runbook_id is not None and not runbook_id.strip():
            raise StoreError("runbook id is empty")
        _aware(started_at, "alert time")
        _aware(now, "current time")
        if started_at > now:
            raise StoreError(f"alert time {started_at.isoformat()} is in the future")
        row = {
            "title": title,
            "severity": severity.value,
            "runbook_id": runbook_id,
            "started_at": to_db(started_at),
            "created_at": to_db(now),
        }
        with self._writing("cannot save the incident"):
            incident_id = self._insert("incidents", row)
            alert = _event_row(
                incident_id,
                EventKind.ALERT,
                MILESTONE_TEXT[EventKind.ALERT],
                started_at,
                None,
                now,
            )
            self._insert("events", alert)
        return incident_from_row({"id": incident_id, **row})

    def append(
        self,
        incident_id: int,
        kind: EventKind | str,
        text: str,
        at: datetime,
        step: str | None = None,
        now: datetime | None = None,
    ) -> Event:
        """Add one entry to an incident's log and commit it before returning.

        A milestone given no text gets its usual words ("Mitigation applied").
        """
        kind = _kind(kind)
        text = one_line(text)
        if not text:
            if kind not in MILESTONE_TEXT:
                raise StoreError(f"a {kind.value} entry needs text")
            text = MILESTONE_TEXT[kind]
        if kind in _STEP_KINDS and not step:
            raise StoreError(f"a {kind.value} entry needs the step it refers to")
        _aware(at, "entry time")
        if now is not None:
            _aware(now, "current time")
        recorded_at = now or at
        row = _event_row(incident_id, kind, text, at, step, recorded_at)
        with self._writing("cannot save the entry"):
            self._require(incident_id)
            event_id = self._insert("events", row)
        return event_from_row({"id": event_id, **row})

    def incident(self, incident_id: int) -> Incident:
        """The incident with this id."""
        with self._reading():
            return incident_from_row(self._require(incident_id))

    def incidents(self) -> list[Incident]:
        """Every incident, the most recent alert first."""
        with self._reading():
            rows = self._db.table("incidents").rows_where(
                order_by="started_at DESC, id DESC"
            )
            return [incident_from_row(row) for row in rows]

    def events(self, incident_id: int) -> list[Event]:
        """An incident's log in timeline order (ties in the order written)."""
        with self._reading():
            self._require(incident_id)
            rows = self._db.table("events").rows_where(
                "incident_id = ?", [incident_id], order_by="at, id"
            )
            return [event_from_row(row) for row in rows]

    def latest_open(self) -> Incident | None:
        """The most recent incident not yet verified resolved, if any."""
        with self._reading():
            rows = self._db.table("incidents").rows_where(
                "NOT EXISTS (SELECT 1 FROM events WHERE events.incident_id ="
                " incidents.id AND events.kind = ?)",
                [EventKind.RESOLVED.value],
                order_by="started_at DESC, id DESC",
                limit=1,
            )
            found = next(iter(rows), None)
            return incident_from_row(found) if found else None

    def outside_changes(self) -> int:
        """A number that changes whenever another connection commits to the file.

        Cheap enough to ask every second: an open cockpit uses it to pick up entries
        that `cockpit note` or an alert hook wrote from a shell.
        """
        with self._reading():
            row = self._db.execute("PRAGMA data_version").fetchone()
            return int(row[0])

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row and return its id."""
        return int(cast(int, self._db.table(table).insert(row).last_pk))

    def _require(self, incident_id: int) -> dict[str, Any]:
        found = next(
            self._db.query("SELECT * FROM incidents WHERE id = ?", [incident_id]),
            None,
        )
        if found is None:
            raise StoreError(f"no incident {incident_id} in {self._label}")
        return found

    @contextmanager
    def _writing(self, doing: str) -> Iterator[None]:
        """One write transaction, taken at once so a busy database waits its turn."""
        conn = self._db.conn
        with self._lock:
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise _explain(self._label, doing, exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise _explain(self._label, "cannot read", exc) from exc
            except ValueError as exc:
                # A value this cockpit does not know, e.g. a severity added later.
                raise StoreError(f"{self._label}: unexpected data: {exc}") from exc


def _event_row(
    incident_id: int,
    kind: EventKind,
    text: str,
    at: datetime,
    step: str | None,
    recorded_at: datetime,
) -> dict[str, Any]:
    """An entry as the events table stores it."""
    return {
        "incident_id": incident_id,
        "kind": kind.value,
        "at": to_db(at),
        "recorded_at": to_db(recorded_at),
        "text": text,
        "step": step,
    }


def _prepare_file(file: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite opens it."""
    if file.is_dir():
        raise StoreError(f"{file}: is a folder, not a database file")
    try:
        if not file.parent.exists():
            file.parent.mkdir(mode=0o700, parents=True)
        if not file.exists():
            # SQLite gives the -wal and -shm files the main file's mode.
            fd = os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        elif file.stat().st_mode & 0o077 and file.stat().st_uid == os.getuid():
            # An incident log made by an older tool or a careless copy: it holds
            # names and phone numbers, so it is the owner's alone.
            file.chmod(0o600)
    except FileExistsError:
        return  # Another cockpit created it first; open theirs.
    except OSError as exc:
        raise StoreError(f"{file}: cannot create: {exc.strerror}") from exc


def _connect(target: str, label: str) -> sqlite3.Connection:
    try:
        return sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_S,
            # Transactions are begun and committed explicitly by the store.
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise _explain(label, "cannot open", exc) from exc


def _configure(db: Database, label: str) -> None:
    """Check the file is ours and current, then set it up and migrate it."""
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    db.execute("PRAGMA foreign_keys = ON")
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{label}: written by a newer cockpit (schema {version}, this one knows"
            f" up to {SCHEMA_VERSION}); upgrade cockpit to open it"
        )
    if version == 0:
        foreign = sorted(set(db.table_names()) - _OWN_TABLES)
        if foreign:
            raise StoreError(
                f"{label}: not a cockpit database (it holds tables"
                f" {', '.join(foreign[:3])})"
            )
    if label != ":memory:":
        db.enable_wal()
    if version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another cockpit may have just migrated.
            if schema_version(db) < SCHEMA_VERSION:
                migrate(db, datetime.now(UTC))
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


def _explain(label: str, doing: str, exc: sqlite3.Error) -> StoreError:
    """One line a user can act on, for an error SQLite reported."""
    message = str(exc)
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered:
        reason = f"not a cockpit database, or damaged ({message})"
    elif "disk is full" in lowered:
        reason = "disk full"
    elif "readonly" in lowered or "read-only" in lowered:
        reason = "the file or its folder is read-only"
    elif "unable to open" in lowered:
        reason = "cannot open the file (check the folder and permissions)"
    elif "locked" in lowered or "busy" in lowered:
        reason = f"another program held the database for over {BUSY_TIMEOUT_S:g} s"
    else:
        reason = message
    return StoreError(f"{label}: {doing}: {reason}")


def _aware(moment: datetime, what: str) -> None:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise StoreError(f"{what} must be a timezone-aware datetime, got {moment!r}")


def _severity(value: Severity | str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise StoreError(f"unknown severity {value!r} (one of {known})") from None


def _kind(value: EventKind | str) -> EventKind:
    try:
        return EventKind(value)
    except ValueError:
        known = ", ".join(k.value for k in EventKind)
        raise StoreError(f"unknown entry kind {value!r} (one of {known})") from None
