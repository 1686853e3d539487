"""Status, timeline order, milestones, checked steps and duration from the log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cockpit.domain import (
    EventKind,
    Status,
    checked_steps,
    duration,
    milestone_at,
    status_of,
    time_to_mitigate,
    timeline,
)
from cockpit.domain.events import Event, Incident, Severity

from .known import ALERT, at, incident, log

K = EventKind


def test_status_follows_milestones() -> None:
    events = log((5, K.ACKNOWLEDGED), (12, K.MITIGATED), (72, K.RESOLVED))
    assert status_of(events[:2]) is Status.INVESTIGATING
    assert status_of(events[:3]) is Status.MITIGATED
    assert status_of(events) is Status.RESOLVED
    assert status_of(events, at=at(30)) is Status.MITIGATED


def test_resolved_without_mitigation_is_resolved() -> None:
    assert status_of(log((30, K.RESOLVED))) is Status.RESOLVED


def test_timeline_orders_by_time_then_by_writing() -> None:
    written = [
        Event(3, 1, K.ACTION, at(10), "late"),
        Event(1, 1, K.ALERT, ALERT, "Alert fired"),
        Event(4, 1, K.NOTE, at(5), "second at 5"),
        Event(2, 1, K.NOTE, at(5), "first at 5"),
    ]
    assert [e.id for e in timeline(written)] == [1, 2, 4, 3]


def test_checked_steps_apply_corrections_in_order() -> None:
    events = log(
        (3, K.STEP_CHECKED, "assess.1"),
        (4, K.STEP_CHECKED, "mitigate.1"),
        (6, K.STEP_UNCHECKED, "assess.1"),
        (8, K.STEP_CHECKED, "mitigate.2"),
        (9, K.STEP_UNCHECKED, "mitigate.2"),
        (10, K.STEP_CHECKED, "mitigate.2"),
    )
    assert checked_steps(events) == {"mitigate.1", "mitigate.2"}


def test_milestone_is_the_first_of_its_kind() -> None:
    events = log((12, K.MITIGATED), (20, K.MITIGATED))
    assert milestone_at(events, K.MITIGATED) == at(12)
    assert milestone_at(events, K.RESOLVED) is None


def test_duration_to_resolution_or_now() -> None:
    assert duration(incident(), log((72, K.RESOLVED)), at(500)) == timedelta(minutes=72)
    assert duration(incident(), log(), at(42)) == timedelta(minutes=42)
    assert duration(incident(), log(), at(-5)) == timedelta(0)


def test_time_to_mitigate_runs_from_the_alert_to_the_first_mitigation() -> None:
    start = datetime(2026, 12, 4, 23, 50, tzinfo=timezone.utc)
    incident = Incident(1, "t", Severity.P1, None, start, start)
    alert = Event(1, 1, EventKind.ALERT, start, "Alert fired")
    assert time_to_mitigate(incident, [alert]) is None
    mitigated = Event(2, 1, EventKind.MITIGATED, start + timedelta(minutes=25), "x")
    resolved = Event(3, 1, EventKind.RESOLVED, start + timedelta(minutes=70), "x")
    assert time_to_mitigate(incident, [alert, resolved, mitigated]) == timedelta(
        minutes=25
    )
    assert time_to_mitigate(incident, [alert, resolved]) == timedelta(minutes=70)


def test_a_milestone_in_its_own_words_keeps_its_name() -> None:
    from cockpit.domain import entry_text

    start = datetime(2026, 12, 4, 14, 0, tzinfo=timezone.utc)
    own = Event(2, 1, EventKind.RESOLVED, start, "again")
    plain = Event(3, 1, EventKind.RESOLVED, start, "Verified resolved")
    note = Event(4, 1, EventKind.NOTE, start, "paged DBA")
    assert entry_text(own) == "Verified resolved: again"
    assert entry_text(plain) == "Verified resolved"
    assert entry_text(note) == "paged DBA"
