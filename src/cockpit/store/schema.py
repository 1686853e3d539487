"""The database schema, built by ordered, named migrations.

Each migration runs once, inside the transaction that records its name in
`_migrations`; `PRAGMA user_version` holds how many have run, so a cockpit can tell a
database written by a newer version of itself before touching it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

Migration = Callable[[Database], None]


def _incidents_and_events(db: Database) -> None:
    """The incidents and their append-only log."""
    db.table("incidents").create(
        {
            "id": int,
            "title": str,
            "severity": str,
            "runbook_id": str,
            "started_at": str,
            "created_at": str,
        },
        pk="id",
        not_null={"title", "severity", "started_at", "created_at"},
    )
    db.table("events").create(
        {
            "id": int,
            "incident_id": int,
            "kind": str,
            "at": str,
            "recorded_at": str,
            "text": str,
            "step": str,
        },
        pk="id",
        not_null={"incident_id", "kind", "at", "recorded_at", "text"},
        foreign_keys=[("incident_id", "incidents", "id")],
    )
    db.table("events").create_index(["incident_id", "at"])
    db.table("incidents").create_index(["started_at"])


def _append_only_events(db: Database) -> None:
    """Corrections are new entries: the log refuses to change or lose a row."""
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
            "BEGIN SELECT RAISE(ABORT, 'timeline entries are append-only'); END"
        )


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("incidents_and_events", _incidents_and_events),
    ("append_only_events", _append_only_events),
)
"""Every migration in the order it runs. Append only: never rename or reorder."""

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    """The number of migrations the database says it has run."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, now: datetime) -> list[str]:
    """Run the migrations the database lacks; return their names.

    The caller holds a write transaction, so two cockpits opening the same new file
    cannot both migrate it.
    """
    version = schema_version(db)
    if version == 0 and "_migrations" not in db.table_names():
        db.table("_migrations").create(
            {"name": str, "applied_at": str}, pk="name", not_null={"applied_at"}
        )
    ran = []
    for name, migration in MIGRATIONS[version:]:
        migration(db)
        db.table("_migrations").insert({"name": name, "applied_at": now.isoformat()})
        ran.append(name)
    if ran:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return ran
