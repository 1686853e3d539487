"""The incident, its log and everything derived from it.

Pure code: no Textual, no SQL, no clock reads. Every function that needs the time
takes `now` as an argument, so every figure on screen can be tested.
"""

from cockpit.domain.events import (
    CLI_KINDS,
    MILESTONE_TEXT,
    Event,
    EventKind,
    Incident,
    Severity,
)
from cockpit.domain.policy import (
    DEFAULT_POLICY,
    Policy,
    Repeat,
    Rung,
    SeverityPolicy,
    Status,
)
from cockpit.domain.state import (
    PROGRESS_KINDS,
    Escalation,
    EscalationView,
    UpdateDue,
    checked_steps,
    duration,
    entry_text,
    escalation,
    has_own_words,
    milestone_at,
    next_update,
    status_of,
    time_to_mitigate,
    timeline,
)

__all__ = [
    "CLI_KINDS",
    "DEFAULT_POLICY",
    "MILESTONE_TEXT",
    "PROGRESS_KINDS",
    "Escalation",
    "EscalationView",
    "Event",
    "EventKind",
    "Incident",
    "Policy",
    "Repeat",
    "Rung",
    "Severity",
    "SeverityPolicy",
    "Status",
    "UpdateDue",
    "checked_steps",
    "duration",
    "entry_text",
    "escalation",
    "has_own_words",
    "milestone_at",
    "next_update",
    "status_of",
    "time_to_mitigate",
    "timeline",
]
