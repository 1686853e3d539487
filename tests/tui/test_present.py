"""The cockpit's words and figures, tested without running the app."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

from tui_support import NOW, RUNBOOK

from cockpit.domain import DEFAULT_POLICY, Event, EventKind, Incident, Severity
from cockpit.runbooks.model import Contact, Runbook
from cockpit.tui import present


def incident(severity: Severity = Severity.P1) -> Incident:
    start = NOW - timedelta(minutes=12)
    return Incident(1, "Checkout DB unresponsive", severity, None, start, start)


def event(n: int, kind: EventKind, minutes_ago: float, text: str = "") -> Event:
    return Event(n, 1, kind, NOW - timedelta(minutes=minutes_ago), text or kind.value)


ALERT = event(1, EventKind.ALERT, 12, "Alert fired")


def test_suggestion_names_status_milestones_and_next_update():
    events = [ALERT, event(2, EventKind.ROOT_CAUSE, 2)]
    text = present.suggested_update(incident(), events, DEFAULT_POLICY, NOW, UTC)
    assert text == (
        "[P1] Checkout DB unresponsive: investigating; root cause identified 14:12."
        " Next update by 14:44 UTC."
    )


def test_suggestion_after_mitigation_and_resolution():
    events = [ALERT, event(2, EventKind.MITIGATED, 4), event(3, EventKind.RESOLVED, 1)]
    text = present.suggested_update(incident(), events, DEFAULT_POLICY, NOW, UTC)
    assert text == (
        "[P1] Checkout DB unresponsive: mitigation applied 14:10; resolved 14:13."
    )


def test_update_title_counts_down_then_flags_overdue():
    events = [ALERT]
    title = present.update_title(incident(), events, DEFAULT_POLICY, NOW, UTC)
    assert title == ("Update: next due in 18:00 (14:32 UTC)", False)
    later = NOW + timedelta(minutes=20, seconds=3)
    title = present.update_title(incident(), events, DEFAULT_POLICY, later, UTC)
    assert title == ("Update: OVERDUE by 2:03", True)


def test_escalation_counts_down_to_the_lead():
    lines = present.escalation_lines(
        incident(), [ALERT], DEFAULT_POLICY, NOW, UTC, RUNBOOK
    )
    assert [text for _, text in lines.lines] == [
        "Next: engineering lead",
        "in 3:00 (at 14:17 UTC)",
        "unless mitigated",
        "",
        "Call: Database on-call",
        "+1-555-0100  #db-oncall",
    ]
    assert lines.pending is None


def test_the_on_call_number_stays_on_screen_only_while_nothing_is_due():
    due = present.escalation_lines(
        incident(), [ALERT], DEFAULT_POLICY, NOW + timedelta(minutes=4), UTC, RUNBOOK
    )
    assert due.lines[0] == ("due", "DUE: call engineering lead now")
    assert not any(text.startswith("Call:") for _, text in due.lines)


def test_recorded_escalation_is_no_longer_due():
    later = NOW + timedelta(minutes=5)
    notified = Event(2, 1, EventKind.ESCALATED, later, "Notified engineering lead")
    due = present.escalation_lines(
        incident(), [ALERT], DEFAULT_POLICY, later, UTC, RUNBOOK
    )
    assert due.lines[0] == ("due", "DUE: call engineering lead now")
    done = present.escalation_lines(
        incident(), [ALERT, notified], DEFAULT_POLICY, later, UTC, RUNBOOK
    )
    assert done.pending is None
    assert done.lines[0] == ("next", "Next: director")


def test_contact_found_by_role_or_name_and_no_other():
    book = Runbook(
        id="x",
        title="X",
        source=Path("x.yaml"),
        sections=(),
        contacts=(
            Contact("service owner", "DB on-call", "+1-555-0100"),
            Contact("escalation", "Dana Reyes, DB engineering lead", "+1-555-0101"),
        ),
    )
    assert present.contact_for("engineering lead", book).phone == "+1-555-0101"
    # Nobody in the runbook is the director: no number beats the wrong one.
    assert present.contact_for("director", book) is None
    assert present.contact_for("director", None) is None


def test_elapsed_stops_at_resolution():
    events = [ALERT, event(2, EventKind.RESOLVED, 2)]
    later = NOW + timedelta(hours=3)
    assert present.elapsed_label(incident(), events, later, UTC) == (
        "+10:00 since 14:02 UTC"
    )


def test_the_copy_notice_is_one_short_line():
    long = 'psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"'
    assert present.copied_notice("df -h /var") == "Copied: df -h /var"
    notice = present.copied_notice(long)
    assert notice.startswith("Copied: psql -c") and notice.endswith(
        f"({len(long)} chars)"
    )
    assert len(notice) <= 64
    assert present.copied_notice("$ a\n$ b\n$ c") == "Copied: $ a (+2 lines)"
