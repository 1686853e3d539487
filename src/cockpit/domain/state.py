"""What the log says now: status, timeline, escalation and update countdowns.

Every function here is a pure function of the incident, its events, the policy and
`now`, so quitting and reopening the cockpit shows the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cockpit.domain.events import MILESTONE_TEXT, Event, EventKind, Incident
from cockpit.domain.policy import Policy, Repeat, Rung, Status
from cockpit.domain.timefmt import span

PROGRESS_KINDS = frozenset(
    {
        EventKind.ACTION,
        EventKind.MITIGATED,
        EventKind.ROOT_CAUSE,
        EventKind.FIX_DEPLOYED,
        EventKind.RESOLVED,
        EventKind.STEP_CHECKED,
    }
)
"""Entries that count as progress for a "without progress" escalation."""

_STATUS_OF_KIND = {
    EventKind.MITIGATED: Status.MITIGATED,
    EventKind.RESOLVED: Status.RESOLVED,
}


def timeline(events: Iterable[Event]) -> list[Event]:
    """The log in the order things happened (ties keep the order they were written)."""
    return sorted(events, key=lambda e: (e.at, e.id))


def has_own_words(event: Event) -> bool:
    """Whether a milestone entry says more than its usual words."""
    return event.text.strip() not in ("", MILESTONE_TEXT.get(event.kind))


def entry_text(event: Event) -> str:
    """What the timeline says for an entry, wherever it is shown.

    A milestone recorded with words of its own ("cockpit note 3 'rolled back'
    --kind mitigated") keeps its name in front, so it never reads as a plain note.
    """
    milestone = MILESTONE_TEXT.get(event.kind)
    if milestone is not None and has_own_words(event):
        return f"{milestone}: {event.text}"
    return event.text


def status_of(events: Iterable[Event], at: datetime | None = None) -> Status:
    """The incident's status from its log, as of `at` (default: everything logged)."""
    status = Status.INVESTIGATING
    for event in events:
        if at is not None and event.at > at:
            continue
        reached = _STATUS_OF_KIND.get(event.kind)
        if reached is not None and reached.rank > status.rank:
            status = reached
    return status


def milestone_at(events: Iterable[Event], kind: EventKind) -> datetime | None:
    """When the first entry of `kind` happened, if any."""
    times = [e.at for e in events if e.kind == kind]
    return min(times) if times else None


def checked_steps(events: Iterable[Event]) -> set[str]:
    """Keys of the runbook steps checked off, corrections applied in order."""
    checked: set[str] = set()
    for event in timeline(events):
        if event.step is None:
            continue
        if event.kind == EventKind.STEP_CHECKED:
            checked.add(event.step)
        elif event.kind == EventKind.STEP_UNCHECKED:
            checked.discard(event.step)
    return checked


def duration(incident: Incident, events: Iterable[Event], now: datetime) -> timedelta:
    """From the alert to verified resolution, or to `now` while unresolved."""
    end = milestone_at(events, EventKind.RESOLVED) or now
    return max(end - incident.started_at, timedelta(0))


def time_to_mitigate(incident: Incident, events: Iterable[Event]) -> timedelta | None:
    """From the alert to the first mitigation (or resolution, if it came first).

    The headline metric of the team's process; None while nothing has stopped the
    impact.
    """
    ends = [e.at for e in events if e.kind in (EventKind.MITIGATED, EventKind.RESOLVED)]
    if not ends:
        return None
    return max(min(ends) - incident.started_at, timedelta(0))


@dataclass(frozen=True)
class Escalation:
    """One notification the policy calls for: who, when, and on what condition."""

    who: str
    due_at: datetime
    reason: str


@dataclass(frozen=True)
class EscalationView:
    """Who has been, and who will next be, notified under the severity's policy."""

    status: Status
    pager: bool
    summary: str
    fired: tuple[Escalation, ...]
    """Notifications whose time has come, oldest first (of the repeats that only
    call the last level again, just the latest)."""
    next: Escalation | None
    """The next notification still to come; None when there is nothing more."""


def escalation(
    incident: Incident, events: Sequence[Event], policy: Policy, now: datetime
) -> EscalationView:
    """Apply the severity's escalation ladder to the log as of `now`."""
    rules = policy[incident.severity]
    status = status_of(events, now)
    if not rules.pager:
        return EscalationView(status, False, rules.summary, (), None)

    due: list[tuple[Escalation, Status]] = []
    for rung in rules.rungs:
        for due_at in _rung_times(rung, incident, events, now):
            if status_of(events, due_at).rank >= rung.until.rank:
                continue
            due.append((Escalation(rung.who, due_at, _reason(rung)), rung.until))

    if rules.repeat is not None:
        resolved_at = milestone_at(events, EventKind.RESOLVED)
        for due_at, who in _repeat_times(rules.repeat, incident, now, resolved_at):
            item = Escalation(who, due_at, rules.repeat.reason)
            due.append((item, Status.RESOLVED))

    due.sort(key=lambda item: item[0].due_at)
    fired = tuple(item for item, _ in due if item.due_at <= now)
    upcoming = [
        item for item, until in due if item.due_at > now and status.rank < until.rank
    ]
    summary = rules.summary
    if status is Status.RESOLVED:
        summary = "resolved: no further escalation"
    return EscalationView(
        status, True, summary, fired, upcoming[0] if upcoming else None
    )


def _rung_times(
    rung: Rung, incident: Incident, events: Sequence[Event], now: datetime
) -> list[datetime]:
    """When a rung falls due; a "without progress" rung falls due once per gap."""
    if rung.since == "alert":
        return [incident.started_at + rung.after]
    progress = sorted(e.at for e in events if e.kind in PROGRESS_KINDS and e.at <= now)
    anchors = [incident.started_at, *progress]
    times = []
    for i, anchor in enumerate(anchors):
        due_at = anchor + rung.after
        following = anchors[i + 1] if i + 1 < len(anchors) else None
        if following is None or due_at < following:
            times.append(due_at)
    return times


def _repeat_times(
    repeat: Repeat, incident: Incident, now: datetime, resolved_at: datetime | None
) -> list[tuple[datetime, str]]:
    """The repeats worth showing: each level's first, the latest, and the next.

    Counted, not enumerated: an incident left open for days (or backdated by
    mistake) must not cost one step per interval on every redraw. Repeats before
    the latest one that only notify the same last level again are left out.
    """
    first = incident.started_at + repeat.first_after
    limit = now if resolved_at is None else min(now, resolved_at)
    last = (limit - first) // repeat.every if limit >= first else -1
    wanted = set(range(min(len(repeat.levels), last + 1))) | {last, last + 1}
    times = []
    for n in sorted(i for i in wanted if i >= 0):
        due_at = first + n * repeat.every
        if resolved_at is not None and due_at >= resolved_at:
            continue
        times.append((due_at, repeat.levels[min(n, len(repeat.levels) - 1)]))
    return times


def _reason(rung: Rung) -> str:
    if rung.since == "progress":
        return f"after {span(rung.after)} without progress"
    return f"unless {rung.until.value}"


@dataclass(frozen=True)
class UpdateDue:
    """When the next stakeholder update is due under the severity's cadence."""

    every: timedelta | None
    last_at: datetime | None
    due_at: datetime | None
    """None when the severity has no cadence or the incident is resolved."""

    def overdue(self, now: datetime) -> bool:
        return self.due_at is not None and now > self.due_at


def next_update(
    incident: Incident, events: Sequence[Event], policy: Policy, now: datetime
) -> UpdateDue:
    """The last stakeholder update posted and when the next one is due."""
    every = policy[incident.severity].update_every
    posted = [e.at for e in events if e.kind == EventKind.UPDATE and e.at <= now]
    last_at = max(posted) if posted else None
    if every is None or status_of(events, now) is Status.RESOLVED:
        return UpdateDue(every, last_at, None)
    return UpdateDue(every, last_at, (last_at or incident.started_at) + every)
