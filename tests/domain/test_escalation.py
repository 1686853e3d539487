"""Who is notified next, and when, for each severity's policy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cockpit.domain import DEFAULT_POLICY, EventKind, Severity, Status, escalation

from .known import at, incident, log

K = EventKind


def view(events, minutes: float, severity: Severity = Severity.P1):
    return escalation(incident(severity), events, DEFAULT_POLICY, at(minutes))


def fired(events, minutes: float, severity: Severity = Severity.P1):
    return [(e.who, e.due_at) for e in view(events, minutes, severity).fired]


class TestP1Ladder:
    """P1: lead at 15 min unless mitigated, director at 1 h, then every 30 min up."""

    def test_engineering_lead_next_at_15_min(self) -> None:
        shown = view(log(), 10)
        assert shown.pager and shown.status is Status.INVESTIGATING
        assert (shown.next.who, shown.next.due_at) == ("engineering lead", at(15))
        assert shown.next.reason == "unless mitigated"
        assert shown.fired == ()

    def test_mitigated_before_15_min_skips_the_lead(self) -> None:
        events = log((10, K.MITIGATED))
        shown = view(events, 20)
        assert shown.status is Status.MITIGATED
        assert fired(events, 20) == []
        assert (shown.next.who, shown.next.due_at) == ("director", at(60))

    def test_mitigated_after_15_min_lead_was_already_called(self) -> None:
        events = log((20, K.MITIGATED))
        assert fired(events, 25) == [("engineering lead", at(15))]
        assert view(events, 25).next.who == "director"

    def test_director_at_one_hour_then_each_level_every_30_min(self) -> None:
        events = log((5, K.ACKNOWLEDGED))
        assert view(events, 59).next.who == "director"
        assert fired(events, 125) == [
            ("engineering lead", at(15)),
            ("director", at(60)),
            ("VP of engineering", at(90)),
            ("CTO", at(120)),
        ]
        # Past the last level, the top of the ladder is called again every 30 min.
        assert (view(events, 125).next.who, view(events, 125).next.due_at) == (
            "CTO",
            at(150),
        )

    def test_resolved_stops_everything(self) -> None:
        events = log((10, K.MITIGATED), (50, K.RESOLVED))
        shown = view(events, 300)
        assert shown.status is Status.RESOLVED
        assert shown.next is None and shown.fired == ()
        assert shown.summary == "resolved: no further escalation"

    def test_resolved_late_keeps_what_was_already_called(self) -> None:
        events = log((70, K.RESOLVED))
        assert fired(events, 100) == [
            ("engineering lead", at(15)),
            ("director", at(60)),
        ]
        assert view(events, 100).next is None


class TestP2:
    """P2: team lead after 2 h without progress, then daily check-ins."""

    def test_team_lead_two_hours_after_alert(self) -> None:
        shown = view(log((3, K.ACKNOWLEDGED)), 30, Severity.P2)
        assert (shown.next.who, shown.next.due_at) == ("team lead", at(120))
        assert shown.next.reason == "after 2 h without progress"

    def test_progress_restarts_the_two_hours(self) -> None:
        events = log((60, K.ACTION))
        assert view(events, 150, Severity.P2).next.due_at == at(180)
        assert fired(events, 150, Severity.P2) == []
        assert fired(events, 200, Severity.P2) == [("team lead", at(180))]

    def test_acknowledging_is_not_progress(self) -> None:
        events = log((60, K.ACKNOWLEDGED))
        assert view(events, 90, Severity.P2).next.due_at == at(120)

    def test_daily_check_in_after_the_lead(self) -> None:
        events = log((60, K.STEP_CHECKED, "assess.1"))
        shown = view(events, 200, Severity.P2)
        assert shown.next.who == "daily check-in with team lead"
        assert shown.next.due_at == at(24 * 60)
        assert fired(events, 24 * 60 + 1, Severity.P2)[-1] == (
            "daily check-in with team lead",
            at(24 * 60),
        )

    def test_resolved_stops_check_ins(self) -> None:
        events = log((100, K.RESOLVED))
        assert view(events, 3 * 24 * 60, Severity.P2).next is None


def test_p3_is_a_ticket_without_pager() -> None:
    shown = view(log(), 500, Severity.P3)
    assert not shown.pager
    assert shown.summary == "ticket only: no pager"
    assert shown.next is None and shown.fired == ()


@pytest.mark.parametrize(
    ("check", "who", "due"),
    [
        (datetime(2026, 12, 4, 23, 59, tzinfo=UTC), "engineering lead", (0, 5)),
        (datetime(2026, 12, 5, 0, 10, tzinfo=UTC), "director", (0, 50)),
    ],
)
def test_across_midnight(check: datetime, who: str, due: tuple[int, int]) -> None:
    """Alert at 23:50 UTC: the ladder runs on into the next day unchanged."""
    start = datetime(2026, 12, 4, 23, 50, tzinfo=UTC)
    shown = escalation(incident(start=start), log(start=start), DEFAULT_POLICY, check)
    assert shown.next.who == who
    assert shown.next.due_at == datetime(2026, 12, 5, *due, tzinfo=UTC)


class TestLongOpenIncidents:
    """An incident open for years (a wrong --at) is counted, not enumerated."""

    def test_years_of_repeats_show_each_level_once_and_the_latest(self) -> None:
        years = 60 * 24 * 365 * 3  # minutes
        shown = view(log(), years + 5)
        who = [e.who for e in shown.fired]
        assert who[:4] == ["engineering lead", "director", "VP of engineering", "CTO"]
        assert len(shown.fired) == 5
        latest = shown.fired[-1]
        assert latest.who == "CTO" and latest.due_at <= at(years + 5)
        assert shown.next.due_at - latest.due_at == at(30) - at(0)

    def test_repeats_stop_at_resolution(self) -> None:
        events = log((100, K.RESOLVED))
        shown = view(events, 60 * 24 * 30)
        assert shown.next is None
        assert [e.due_at for e in shown.fired][-1] == at(90)
