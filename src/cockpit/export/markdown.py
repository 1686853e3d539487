"""The post-mortem, written from the incident log in the team's template."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from cockpit.domain import (
    Event,
    EventKind,
    Incident,
    duration,
    entry_text,
    has_own_words,
    milestone_at,
    time_to_mitigate,
    timeline,
)
from cockpit.domain.timefmt import clock, span, zone
from cockpit.export.escape import inline, line_start

PROMPTS = {
    "Impact": "Who and what was affected, how badly and for how long: users,"
    " requests, revenue, data.",
    "Root Cause": "Why it happened, and why it was not caught sooner. Blameless:"
    " look at systems and processes, not people.",
    "What Went Well": "What helped: alerts, runbook steps, tools, people's calls.",
    "What Went Poorly": "What slowed the response or made it worse: alerting,"
    " runbooks, access, communication.",
    "Action Items": "Each action has one owner and a due date; review them after"
    " 30 days.",
}
"""The italic line under each section a person fills in, saying what goes there."""

ACTION_COLUMNS = ("Action", "Owner", "Due Date", "Status")


def render_postmortem(
    incident: Incident,
    events: Sequence[Event],
    tz: tzinfo,
    now: datetime,
    runbook_title: str | None = None,
) -> str:
    """The post-mortem as GitHub-flavoured Markdown, times shown in `tz`.

    Title, date, duration and timeline come from the log; the other sections are
    prompts for the people who write the review.
    """
    log = timeline(events)
    root_causes = [
        f"> {line_start(e.text)}"
        for e in log
        if e.kind is EventKind.ROOT_CAUSE and has_own_words(e)
    ]
    blocks = [
        f"# {inline(incident.title)}",
        _summary(incident, log, tz, now, runbook_title),
        _section("Impact"),
        "## Timeline",
        *_timeline(incident, log, tz),
        _section("Root Cause"),
        *root_causes,
        _section("What Went Well"),
        _section("What Went Poorly"),
        _section("Action Items"),
        "\n".join(
            _row(cells)
            for cells in (
                ACTION_COLUMNS,
                ("---",) * len(ACTION_COLUMNS),
                ("",) * len(ACTION_COLUMNS),
            )
        ),
    ]
    return "\n\n".join(blocks) + "\n"


def _summary(
    incident: Incident,
    log: Sequence[Event],
    tz: tzinfo,
    now: datetime,
    runbook_title: str | None,
) -> str:
    start = incident.started_at
    local_start = start.astimezone(tz)
    lines = [
        f"- **Date:** {local_start.date().isoformat()} ({zone(start, tz)})",
        f"- **Duration:** {_duration(incident, log, tz, now)}",
        f"- **Time to mitigate:** {_time_to_mitigate(incident, log)}",
        f"- **Severity:** {incident.severity.value}",
    ]
    runbook = runbook_title or incident.runbook_id
    if runbook:
        lines.append(f"- **Runbook:** {inline(runbook)}")
    return "\n".join(lines)


def _duration(
    incident: Incident, log: Sequence[Event], tz: tzinfo, now: datetime
) -> str:
    taken = span(duration(incident, log, now))
    end = milestone_at(log, EventKind.RESOLVED)
    if end is None:
        return f"ongoing: {taken} so far, not resolved"
    start = incident.started_at
    same_day = start.astimezone(tz).date() == end.astimezone(tz).date()
    first, last = (
        (clock(start, tz), clock(end, tz))
        if same_day
        else (_dated(start, tz), _dated(end, tz))
    )
    if zone(start, tz) != zone(end, tz):
        # The clocks changed during the incident: name each side's zone.
        return f"{taken} ({first} {zone(start, tz)} to {last} {zone(end, tz)})"
    return f"{taken} ({first} to {last} {zone(end, tz)})"


def _time_to_mitigate(incident: Incident, log: Sequence[Event]) -> str:
    taken = time_to_mitigate(incident, log)
    return "not mitigated" if taken is None else span(taken)


def _dated(moment: datetime, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz).date().isoformat()} {clock(moment, tz)}"


def _timeline(incident: Incident, log: Sequence[Event], tz: tzinfo) -> list[str]:
    """Blocks of "- HH:MM - entry" lines, each new local day opened by its date."""
    start = incident.started_at
    home_zone = zone(start, tz)
    blocks = [f"All times {_zone_label(start, tz)}."]
    day: date = start.astimezone(tz).date()
    lines: list[str] = []
    for event in log:
        local = event.at.astimezone(tz)
        if local.date() != day:
            day = local.date()
            blocks += ["\n".join(lines), f"**{day.isoformat()}**"]
            lines = []
        when = clock(event.at, tz)
        if zone(event.at, tz) != home_zone:
            when = f"{when} {zone(event.at, tz)}"
        lines.append(f"- {when} - {_entry(event)}")
    return [block for block in [*blocks, "\n".join(lines)] if block]


def _zone_label(moment: datetime, tz: tzinfo) -> str:
    """ "CET (UTC+01:00)", or just "UTC" where the name already says it all."""
    name = zone(moment, tz)
    offset = moment.astimezone(tz).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    hours, rest = divmod(abs(minutes), 60)
    numeric = f"UTC{'-' if minutes < 0 else '+'}{hours:02d}:{rest:02d}"
    if name in ("UTC", numeric):
        return name
    return f"{name} ({numeric})"


def _entry(event: Event) -> str:
    """What a timeline line says for an entry of the log."""
    if event.kind is EventKind.UPDATE:
        return f"Stakeholder update: {inline(event.text)}"
    return inline(entry_text(event))


def _section(title: str) -> str:
    return f"## {title}\n\n_{PROMPTS[title]}_"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
