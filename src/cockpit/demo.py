"""The demo incident that `make demo` and the screenshots open on."""

from __future__ import annotations

from datetime import datetime, timedelta

from cockpit.domain import EventKind, Incident, Severity
from cockpit.runbooks.model import Library
from cockpit.store import Store

DEMO_RUNBOOK = "db-connection-pool"


def seed_demo(store: Store, library: Library, now: datetime) -> Incident:
    """A P1 in progress: alert 12 minutes ago, acknowledged, one step checked off."""

    def ago(minutes: float) -> datetime:
        return now - timedelta(minutes=minutes)

    runbook = library.runbooks.get(DEMO_RUNBOOK)
    incident = store.create_incident(
        "Checkout DB unresponsive",
        Severity.P1,
        runbook.id if runbook else None,
        started_at=ago(12),
        now=ago(11.5),
    )
    store.append(incident.id, EventKind.ACKNOWLEDGED, "Acknowledged", ago(10))
    if runbook and runbook.steps:
        step = runbook.steps[0]
        store.append(
            incident.id,
            EventKind.STEP_CHECKED,
            f"Checked: {step.text}",
            ago(8),
            step=step.key,
        )
    store.append(
        incident.id,
        EventKind.ACTION,
        "Checkout error rate 34%; pool at 500/500 connections",
        ago(6),
    )
    store.append(
        incident.id,
        EventKind.UPDATE,
        "[P1] Checkout DB unresponsive: investigating; checkout failing for about "
        "a third of users. Next update in 30 min.",
        ago(5),
    )
    return incident
