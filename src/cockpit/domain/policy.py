"""Escalation and update policies, one per severity.

The defaults follow the team's incident process; a team changes them in config.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Literal

from cockpit.domain.events import Severity


class Status(StrEnum):
    """Where an incident stands; each status includes the ones before it."""

    INVESTIGATING = "investigating"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"

    @property
    def rank(self) -> int:
        return list(Status).index(self)


@dataclass(frozen=True)
class Rung:
    """One step of an escalation ladder: notify `who` after a while, unless..."""

    who: str
    after: timedelta
    until: Status = Status.RESOLVED
    """The rung is moot if the incident reached this status before it fell due."""
    since: Literal["alert", "progress"] = "alert"
    """Count `after` from the alert, or from the last sign of progress."""


@dataclass(frozen=True)
class Repeat:
    """Further notifications at a fixed interval until the incident is resolved.

    The n-th repeat goes to `levels[n]`; once the levels run out, the last one is
    notified again at each interval.
    """

    first_after: timedelta
    every: timedelta
    levels: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class SeverityPolicy:
    """What a severity means for paging, escalation and stakeholder updates."""

    severity: Severity
    pager: bool
    summary: str
    rungs: tuple[Rung, ...] = ()
    repeat: Repeat | None = None
    update_every: timedelta | None = None


@dataclass(frozen=True)
class Policy:
    """The escalation and update policy for each severity."""

    severities: dict[Severity, SeverityPolicy] = field(default_factory=dict)

    def __getitem__(self, severity: Severity) -> SeverityPolicy:
        return self.severities[severity]


DEFAULT_POLICY = Policy(
    {
        Severity.P1: SeverityPolicy(
            severity=Severity.P1,
            pager=True,
            summary="P1: service down or data at risk",
            rungs=(
                Rung("engineering lead", timedelta(minutes=15), until=Status.MITIGATED),
                Rung("director", timedelta(hours=1), until=Status.RESOLVED),
            ),
            repeat=Repeat(
                first_after=timedelta(minutes=90),
                every=timedelta(minutes=30),
                levels=("VP of engineering", "CTO"),
                reason="unless resolved",
            ),
            update_every=timedelta(minutes=30),
        ),
        Severity.P2: SeverityPolicy(
            severity=Severity.P2,
            pager=True,
            summary="P2: degraded or partial outage; on-call owns it",
            rungs=(
                Rung(
                    "team lead",
                    timedelta(hours=2),
                    until=Status.RESOLVED,
                    since="progress",
                ),
            ),
            repeat=Repeat(
                first_after=timedelta(days=1),
                every=timedelta(days=1),
                levels=("daily check-in with team lead",),
                reason="until resolved",
            ),
            update_every=timedelta(hours=2),
        ),
        Severity.P3: SeverityPolicy(
            severity=Severity.P3,
            pager=False,
            summary="ticket only: no pager",
        ),
    }
)
