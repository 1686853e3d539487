"""Test data for the cockpit's pilot and snapshot tests: a runbook, a clock, a log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual import events
from textual.geometry import Region
from textual.widget import Widget

from cockpit.domain import DEFAULT_POLICY, EventKind, Incident, Severity
from cockpit.runbooks.model import (
    Contact,
    Library,
    Runbook,
    RunbookError,
    Section,
    Step,
)
from cockpit.store import Store
from cockpit.tui.app import CockpitApp

SIZE = (80, 24)
"""The terminal size every pilot test runs at."""

NOW = datetime(2026, 12, 4, 14, 14, 30, tzinfo=UTC)
"""The fixed time every snapshot is taken at."""

KILL_IDLE = (
    'psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity '
    "WHERE state = 'idle in transaction'\""
)


def _step(key: str, text: str, command: str | None = None, **more: str) -> Step:
    return Step(key=key, text=text, command=command, **more)


RUNBOOK = Runbook(
    id="db-connection-pool",
    title="Primary database connection pool exhausted",
    source=Path("runbooks/db-connection-pool.yaml"),
    service="orders-db",
    owner="Database team",
    contacts=(
        Contact("service owner", "Database on-call", "+1-555-0100", "#db-oncall"),
        Contact("engineering lead", "Dana Smith", "+1-555-0101", "@dana"),
    ),
    escalate_when=("connections above 80% of max_connections for 5 min",),
    sections=(
        Section(
            "assess",
            "Severity assessment",
            (
                _step(
                    "assess.1",
                    "Is checkout failing for users?",
                    "curl -s https://status.example.com/checkout | jq .error_rate",
                ),
                _step(
                    "assess.2",
                    "How full is the pool?",
                    'psql -c "SELECT count(*) FROM pg_stat_activity"',
                ),
            ),
        ),
        Section(
            "mitigate",
            "Immediate mitigation",
            (
                _step("mitigate.1", "Kill idle-in-transaction sessions", KILL_IDLE),
                _step("mitigate.2", "Tell support checkout is degraded"),
            ),
        ),
        Section(
            "diagnose",
            "Diagnosis",
            (
                _step(
                    "diagnose.1",
                    "Find the longest running queries",
                    "psql -f long_queries.sql",
                    see="db-long-queries",
                ),
            ),
        ),
        Section(
            "verify",
            "Verification",
            (_step("verify.1", "Error rate back under 1% for 10 min"),),
        ),
    ),
)


@dataclass
class Clock:
    """A clock the test moves by hand; the app's only time source."""

    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def seed(store: Store, severity: Severity = Severity.P1) -> Incident:
    """A P1 twelve minutes in: acknowledged, first step checked, one update."""
    started = NOW - timedelta(minutes=12)
    incident = store.create_incident(
        "Checkout DB unresponsive",
        severity,
        RUNBOOK.id,
        started_at=started,
        now=started,
    )
    store.append(
        incident.id, EventKind.ACKNOWLEDGED, "Acknowledged", NOW - timedelta(minutes=10)
    )
    store.append(
        incident.id,
        EventKind.STEP_CHECKED,
        "Checked: Is checkout failing for users?",
        NOW - timedelta(minutes=8),
        step="assess.1",
    )
    store.append(
        incident.id,
        EventKind.ACTION,
        "Checkout error rate 34%; pool at 500/500 connections",
        NOW - timedelta(minutes=6),
    )
    store.append(
        incident.id,
        EventKind.UPDATE,
        "[P1] Checkout DB unresponsive: investigating. Next update by 14:38 UTC.",
        NOW - timedelta(minutes=6),
    )
    return incident


def make_app(
    store: Store,
    library: Library,
    incident_id: int | None,
    clock: Clock,
) -> CockpitApp:
    return CockpitApp(
        store=store,
        library=library,
        incident_id=incident_id,
        clock=clock,
        tz=UTC,
        policy=DEFAULT_POLICY,
    )


def broken_library() -> Library:
    """The fixture runbook plus two files that failed to load."""
    errors = (
        RunbookError(
            Path("runbooks/bad.yaml"), 4, "duplicate key 'title' (first at line 2)"
        ),
        RunbookError(Path("runbooks/tabs.yaml"), 7, "tab character at line 7"),
    )
    return Library({RUNBOOK.id: RUNBOOK}, errors)


def notes_of(app: CockpitApp) -> list[tuple[str, str]]:
    """Record every notification the app shows, as (severity, message)."""
    shown: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        shown.append((kwargs.get("severity", "information"), message))
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return shown


def header_text(app) -> str:
    """The header as one line of plain text."""
    labels = app.screen.query("IncidentHeader Label")
    return " ".join(str(label.content).strip() for label in labels)


def burst(app: CockpitApp, *keys: str) -> None:
    """Send keys the way a terminal delivers a paste or a fast typist: all at once.

    `pilot.press` lets the app go idle after every key; this does not, so each key
    is read while the previous one's work may still be queued. Await a pause after.
    """
    for key in keys:
        char = " " if key == "space" else key if len(key) == 1 else None
        app.post_message(events.Key(key, char))


def drawn(widget: Widget) -> list[str]:
    """The rows a widget draws right now, border included."""
    return [
        strip.text for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
    ]
