"""Incidents and logs for domain tests, written as minutes after the alert."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cockpit.domain import Event, EventKind, Incident, Severity

ALERT = datetime(2026, 12, 4, 13, 2, tzinfo=UTC)


def at(minutes: float, start: datetime = ALERT) -> datetime:
    return start + timedelta(minutes=minutes)


def incident(severity: Severity = Severity.P1, start: datetime = ALERT) -> Incident:
    return Incident(1, "Checkout DB unresponsive", severity, None, start, start)


def log(*entries: tuple, start: datetime = ALERT) -> list[Event]:
    """The alert, then (minutes, kind[, step]) entries in the order written."""
    events = [Event(1, 1, EventKind.ALERT, start, "Alert fired")]
    for n, (minutes, kind, *step) in enumerate(entries, start=2):
        events.append(
            Event(n, 1, kind, at(minutes, start), kind.value, step[0] if step else None)
        )
    return events
