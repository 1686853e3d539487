"""Figures computed from a store file are the same after closing and reopening it."""

from __future__ import annotations

from pathlib import Path

from cockpit.domain import (
    DEFAULT_POLICY,
    EventKind,
    Severity,
    checked_steps,
    escalation,
    next_update,
    status_of,
)
from cockpit.store import Store

from .known import ALERT, at


def figures(store: Store, incident_id: int, minutes: float):
    incident = store.incident(incident_id)
    events = store.events(incident_id)
    now = at(minutes)
    return (
        status_of(events, now),
        escalation(incident, events, DEFAULT_POLICY, now),
        next_update(incident, events, DEFAULT_POLICY, now),
        checked_steps(events),
    )


def test_same_figures_after_restart(tmp_path: Path) -> None:
    path = tmp_path / "cockpit.db"
    with Store.open(path) as store:
        incident = store.create_incident(
            "Checkout DB unresponsive", Severity.P1, None, ALERT, at(1)
        )
        store.append(incident.id, EventKind.ACKNOWLEDGED, "", at(2))
        store.append(incident.id, EventKind.STEP_CHECKED, "Checked: a", at(4), "a.1")
        store.append(incident.id, EventKind.UPDATE, "Investigating", at(20))
        before = figures(store, incident.id, 25)
    with Store.open(path) as store:
        after = figures(store, incident.id, 25)
    assert after == before
    _, shown, update, checked = after
    assert (shown.next.who, shown.next.due_at) == ("director", at(60))
    assert [e.who for e in shown.fired] == ["engineering lead"]
    assert update.due_at == at(50)
    assert checked == {"a.1"}
