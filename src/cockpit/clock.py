"""The one place that reads the wall clock; everything else is handed the time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone, tzinfo

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at `moment`, for tests, snapshots and screenshots."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs a timezone-aware time")
    return lambda: moment


def local_zone() -> tzinfo:
    """The zone times are shown in: the machine's local zone (honours $TZ)."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else timezone.utc
