"""Words and figures the cockpit shows, derived from the log.

Pure functions of (incident, events, policy, now, tz), kept apart from the widgets so
every line on screen can be tested without running the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path

from cockpit.domain import (
    Escalation,
    EscalationView,
    Event,
    EventKind,
    Incident,
    Policy,
    Status,
    escalation,
    milestone_at,
    next_update,
    status_of,
)
from cockpit.domain.timefmt import clock, countdown, zone
from cockpit.runbooks.model import Contact, Runbook, RunbookError

_MILESTONE_WORDS = (
    (EventKind.MITIGATED, "mitigation applied"),
    (EventKind.ROOT_CAUSE, "root cause identified"),
    (EventKind.FIX_DEPLOYED, "fix deployed"),
    (EventKind.RESOLVED, "resolved"),
)


def at_label(moment: datetime, tz: tzinfo, now: datetime | None = None) -> str:
    """A wall-clock time with its zone named, e.g. "14:17 UTC".

    Given `now`, a time on another local day than `now` carries its date too
    ("Dec 3 20:40 EST"), so yesterday's 20:40 never reads as today's.
    """
    label = f"{clock(moment, tz)} {zone(moment, tz)}"
    day = None if now is None else other_day(moment, now, tz)
    return label if day is None else f"{day} {label}"


def day_label(moment: datetime, tz: tzinfo, now: datetime) -> str:
    """The local date as the cockpit writes it: "Dec 3", with the year if not now's."""
    local, today = moment.astimezone(tz), now.astimezone(tz)
    text = f"{local:%b} {local.day}"
    return text if local.year == today.year else f"{text} {local.year}"


def other_day(moment: datetime, now: datetime, tz: tzinfo) -> str | None:
    """`moment`'s date label when it is not on `now`'s local day, else None."""
    if moment.astimezone(tz).date() == now.astimezone(tz).date():
        return None
    return day_label(moment, tz, now)


def due_label(moment: datetime, tz: tzinfo, now: datetime | None = None) -> str:
    """When something falls due, as every part of the cockpit shows it.

    The one rounding for due times: the minute the wall clock reads at that
    instant (seconds dropped, as `clock` does everywhere). So the escalation pane,
    the update pane's title and the suggested update name the same minute for the
    same instant, and a deadline is never shown later than it really is.
    """
    return at_label(moment, tz, now)


def elapsed_label(
    incident: Incident, events: Sequence[Event], now: datetime, tz: tzinfo
) -> str:
    """The header's clock: time since the alert, frozen once resolved."""
    resolved_at = milestone_at(events, EventKind.RESOLVED)
    end = resolved_at or now
    since = at_label(incident.started_at, tz, now)
    return f"+{countdown(end - incident.started_at)} since {since}"


def suggested_update(
    incident: Incident,
    events: Sequence[Event],
    policy: Policy,
    now: datetime,
    tz: tzinfo,
) -> str:
    """A stakeholder update written from the log, ready to post or edit."""
    status = status_of(events, now)
    # Milestones say how far it got; the bare status only adds news while nothing
    # has been reached yet.
    parts = [status.value] if status is Status.INVESTIGATING else []
    for kind, words in _MILESTONE_WORDS:
        when = milestone_at(events, kind)
        if when is not None:
            parts.append(f"{words} {clock(when, tz)}")
    text = f"[{incident.severity}] {incident.title}: {'; '.join(parts)}."
    every = policy[incident.severity].update_every
    if every is not None and status is not Status.RESOLVED:
        # Posting this update restarts the cadence, so the promise runs from now.
        text += f" Next update by {due_label(now + every, tz, now)}."
    return text


def update_title(
    incident: Incident,
    events: Sequence[Event],
    policy: Policy,
    now: datetime,
    tz: tzinfo,
) -> tuple[str, bool]:
    """The update pane's title and whether the update is overdue."""
    due = next_update(incident, events, policy, now)
    if due.every is None:
        return f"Update: no cadence ({incident.severity})", False
    if due.due_at is None:
        return "Update: none due (resolved)", False
    if due.overdue(now):
        return f"Update: OVERDUE by {countdown(now - due.due_at)}", True
    when = due_label(due.due_at, tz, now)
    return f"Update: next due in {countdown(due.due_at - now)} ({when})", False


@dataclass(frozen=True)
class EscalationLines:
    """What the escalation pane says, as lines tagged with how to show them."""

    lines: tuple[tuple[str, str], ...]
    """(style tag, text); tags: "due", "next", "when", "why", "info", "hint"."""
    pending: Escalation | None
    """The most recent escalation that fell due with no entry recording it."""


def pending_escalation(
    view: EscalationView, events: Sequence[Event]
) -> Escalation | None:
    """The latest escalation due, while it is not yet recorded as notified.

    Only the latest counts: once a later level is due (or recorded), calling the
    earlier ones is moot, so `e` never walks back down the ladder.
    """
    if view.fired and not _recorded(view.fired[-1], events):
        return view.fired[-1]
    return None


def _recorded(item: Escalation, events: Sequence[Event]) -> bool:
    text = notified_text(item.who)
    return any(
        e.kind == EventKind.ESCALATED and e.text == text and e.at >= item.due_at
        for e in events
    )


def notified_text(who: str) -> str:
    """The timeline entry that records an escalation."""
    return f"Notified {who}"


def escalation_lines(
    incident: Incident,
    events: Sequence[Event],
    policy: Policy,
    now: datetime,
    tz: tzinfo,
    runbook: Runbook | None,
) -> EscalationLines:
    """The escalation pane's content for the log as of `now`."""
    view = escalation(incident, events, policy, now)
    if not view.pager:
        return EscalationLines((("info", "Ticket only: no pager"),), None)
    if view.status is Status.RESOLVED:
        return EscalationLines((("info", "Resolved: no further escalation"),), None)
    lines: list[tuple[str, str]] = []
    pending = pending_escalation(view, events)
    if pending is not None:
        lines.append(("due", f"DUE: call {pending.who} now"))
        contact = contact_for(pending.who, runbook)
        if contact is not None:
            name = contact.name or contact.role
            lines.append(("why", f"{contact.phone} {name}".rstrip()))
        lines.append(("hint", "press e once notified"))
    if view.next is not None:
        upcoming = view.next
        lines.append(("next", f"Next: {upcoming.who}"))
        when = due_label(upcoming.due_at, tz, now)
        lines.append(("when", f"in {countdown(upcoming.due_at - now)} (at {when})"))
        lines.append(("why", upcoming.reason))
    if pending is None:
        lines.extend(_on_call_lines(runbook))
    return EscalationLines(tuple(lines), pending)


def _on_call_lines(runbook: Runbook | None) -> list[tuple[str, str]]:
    """The runbook's first contact, so a phone number is always on screen.

    At 80x24 the runbook's who-to-call block scrolls away as the steps are worked
    through; the escalation pane has room for the one number that matters most.
    """
    if runbook is None:
        return []
    contact = next((c for c in runbook.contacts if c.phone or c.chat), None)
    if contact is None:
        return []
    reach = "  ".join(part for part in (contact.phone, contact.chat) if part)
    return [("", ""), ("info", f"Call: {contact.name or contact.role}"), ("", reach)]


def contact_for(who: str, runbook: Runbook | None) -> Contact | None:
    """The runbook contact with a phone who is `who`, if the runbook names one.

    The contact whose role is `who`, else one whose role or name mentions it (e.g.
    "Dana Reyes, DB engineering lead"). No other number is offered: a director is
    not reached on the service owner's phone.
    """
    if runbook is None:
        return None
    wanted = who.casefold()
    with_phone = [c for c in runbook.contacts if c.phone]
    exact = [c for c in with_phone if c.role.casefold() == wanted]
    mentioned = [c for c in with_phone if wanted in f"{c.role} {c.name}".casefold()]
    for found in (exact, mentioned):
        if found:
            return found[0]
    return None


NOTICE_WIDTH = 43
"""Characters a toast line holds at 80 columns: toasts are at most 60% of the
toast rack (the screen less its 2-column scrollbar gutter), less their coloured
edge and padding."""


def one_line(text: str, width: int = NOTICE_WIDTH) -> str:
    """`text` cut to `width` characters, the cut marked with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def copied_notice(command: str, width: int = NOTICE_WIDTH) -> str:
    """The one-line toast after `c`: enough of the command to know which it was.

    A long command in full would cover the runbook for seconds; it is on screen in
    the runbook pane already. The whole notice fits in `width`.
    """
    first, *rest = command.strip().splitlines() or [""]
    head = "Copied: "
    if rest:
        more = len(rest)
        tail = f" (+{more} line{'s' if more > 1 else ''})"
    elif len(head) + len(first) > width:
        tail = f" ({len(command)} chars)"
    else:
        tail = ""
    return head + one_line(first, width - len(head) - len(tail)) + tail


def load_errors_notice(errors: Sequence[RunbookError], shown: int) -> str:
    """The start-up warning: the first `shown` runbook load errors, one line each.

    Files are named without their folder (the one given with --runbooks), and
    each line is cut to the toast's width (`cockpit runbooks` prints them in
    full), so the line naming the rest is never cut off at the bottom.
    """
    lines = [
        one_line(str(replace(error, path=Path(error.path.name))))
        for error in errors[:shown]
    ]
    more = len(errors) - len(lines)
    if more:
        lines.append(f"… and {more} more: see `cockpit runbooks`")
    return "\n".join(lines)
