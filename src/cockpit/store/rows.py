"""Conversion between database rows and domain objects.

Times are stored as ISO 8601 text in UTC with the offset written out; the fixed width
(microseconds always present) keeps text order the same as time order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cockpit.domain import Event, EventKind, Incident, Severity


def to_db(moment: datetime) -> str:
    """A timezone-aware time as stored text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    """Stored text as an aware UTC time."""
    return datetime.fromisoformat(text).astimezone(UTC)


def incident_from_row(row: dict[str, Any]) -> Incident:
    return Incident(
        id=row["id"],
        title=row["title"],
        severity=Severity(row["severity"]),
        runbook_id=row["runbook_id"],
        started_at=from_db(row["started_at"]),
        created_at=from_db(row["created_at"]),
    )


def event_from_row(row: dict[str, Any]) -> Event:
    at = from_db(row["at"])
    recorded_at = from_db(row["recorded_at"])
    return Event(
        id=row["id"],
        incident_id=row["incident_id"],
        kind=EventKind(row["kind"]),
        at=at,
        text=row["text"],
        step=row["step"],
        recorded_at=None if recorded_at == at else recorded_at,
    )
