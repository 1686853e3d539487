"""Incidents and the entries of their append-only log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Severity(StrEnum):
    """How bad it is; the severity picks the escalation policy and update cadence."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class EventKind(StrEnum):
    """What an entry in the incident log records."""

    ALERT = "alert"
    ACKNOWLEDGED = "acknowledged"
    ACTION = "action"
    MITIGATED = "mitigated"
    ROOT_CAUSE = "root-cause"
    FIX_DEPLOYED = "fix-deployed"
    RESOLVED = "resolved"
    NOTE = "note"
    STEP_CHECKED = "step-checked"
    STEP_UNCHECKED = "step-unchecked"
    UPDATE = "update"
    ESCALATED = "escalated"


CLI_KINDS: tuple[EventKind, ...] = (
    EventKind.ALERT,
    EventKind.ACKNOWLEDGED,
    EventKind.ACTION,
    EventKind.MITIGATED,
    EventKind.ROOT_CAUSE,
    EventKind.FIX_DEPLOYED,
    EventKind.RESOLVED,
    EventKind.NOTE,
)
"""The kinds a script may record with `cockpit note --kind`."""

MILESTONE_TEXT: dict[EventKind, str] = {
    EventKind.ALERT: "Alert fired",
    EventKind.ACKNOWLEDGED: "Acknowledged",
    EventKind.MITIGATED: "Mitigation applied",
    EventKind.ROOT_CAUSE: "Root cause identified",
    EventKind.FIX_DEPLOYED: "Fix deployed",
    EventKind.RESOLVED: "Verified resolved",
}
"""The words the timeline uses for a milestone recorded without text of its own."""


@dataclass(frozen=True)
class Incident:
    """One incident: what never changes once it is opened.

    Everything that happens later (status, milestones, updates) is an `Event`.
    """

    id: int
    title: str
    severity: Severity
    runbook_id: str | None
    started_at: datetime
    """When the alert fired (timezone-aware, UTC); the clock every figure runs from."""
    created_at: datetime
    """When the incident was entered into the log; later than `started_at` if
    backdated."""


@dataclass(frozen=True)
class Event:
    """One timestamped entry of the incident log. Never changed once written."""

    id: int
    incident_id: int
    kind: EventKind
    at: datetime
    """When it happened (timezone-aware, UTC)."""
    text: str
    step: str | None = None
    """For step-checked and step-unchecked: the runbook step's key."""
    recorded_at: datetime | None = None
    """When it was written, if different from `at`."""
