"""A known incident, built entry by entry as the cockpit would log it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from cockpit.domain import Event, EventKind, Incident, Severity

CET = timezone(timedelta(hours=1), "CET")
ALERT = datetime(2026, 12, 4, 13, 2, tzinfo=UTC)


def incident(title: str = "Checkout DB unresponsive", **changes) -> Incident:
    fields = {
        "id": 1,
        "title": title,
        "severity": Severity.P1,
        "runbook_id": "db-connection-pool",
        "started_at": ALERT,
        "created_at": ALERT + timedelta(minutes=1),
    }
    return Incident(**{**fields, **changes})


def log(*entries: tuple[int, EventKind, str] | tuple[int, EventKind, str, str]):
    """Events from (minutes after the alert, kind, text[, step]) tuples."""
    events = [Event(1, 1, EventKind.ALERT, ALERT, "Alert fired")]
    for n, (minutes, kind, text, *step) in enumerate(entries, start=2):
        at = ALERT + timedelta(minutes=minutes)
        events.append(Event(n, 1, kind, at, text, step[0] if step else None))
    return events


KNOWN_LOG = log(
    (2, EventKind.ACKNOWLEDGED, "Acknowledged"),
    (4, EventKind.STEP_CHECKED, "Checked: Is checkout failing for users?", "assess.1"),
    (9, EventKind.ACTION, "Killed queries running longer than 30 s"),
    (12, EventKind.MITIGATED, "Mitigation applied"),
    (20, EventKind.UPDATE, "Checkout recovering.\nNext update at 14:50 CET."),
    (40, EventKind.ROOT_CAUSE, "Nightly report job held 400 idle connections"),
    (60, EventKind.FIX_DEPLOYED, "Fix deployed"),
    (72, EventKind.RESOLVED, "Verified resolved"),
)
"""A P1 resolved 72 minutes after the alert, with a root cause in words."""
