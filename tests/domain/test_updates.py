"""When the next stakeholder update is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cockpit.domain import DEFAULT_POLICY, EventKind, Severity, next_update

from .known import at, incident, log

K = EventKind


def due(events, minutes: float, severity: Severity = Severity.P1):
    return next_update(incident(severity), events, DEFAULT_POLICY, at(minutes))


def test_p1_first_update_30_min_after_alert() -> None:
    shown = due(log(), 10)
    assert shown.every == timedelta(minutes=30)
    assert (shown.last_at, shown.due_at) == (None, at(30))
    assert not shown.overdue(at(10))
    assert shown.overdue(at(31))


def test_posting_restarts_the_cadence() -> None:
    events = log((20, K.UPDATE), (45, K.UPDATE))
    shown = due(events, 50)
    assert (shown.last_at, shown.due_at) == (at(45), at(75))


def test_update_after_now_is_not_counted() -> None:
    assert due(log((20, K.UPDATE)), 10).due_at == at(30)


def test_p2_every_two_hours_and_p3_none() -> None:
    assert due(log(), 10, Severity.P2).due_at == at(120)
    assert due(log(), 10, Severity.P3).due_at is None


def test_resolved_needs_no_more_updates() -> None:
    shown = due(log((20, K.UPDATE), (40, K.RESOLVED)), 90)
    assert (shown.last_at, shown.due_at) == (at(20), None)
    assert not shown.overdue(at(90))


def test_across_midnight() -> None:
    start = datetime(2026, 12, 4, 23, 50, tzinfo=UTC)
    shown = next_update(
        incident(start=start),
        log(start=start),
        DEFAULT_POLICY,
        datetime(2026, 12, 5, 0, 10, tzinfo=UTC),
    )
    assert shown.due_at == datetime(2026, 12, 5, 0, 20, tzinfo=UTC)
