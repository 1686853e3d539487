"""The one place that reads the wall clock; everything else is handed the time."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    """The zone times are shown in: $TZ, else the machine's zone, with its DST rules.

    A real zone, not today's fixed offset, so a time typed for July in New York
    is read as EDT even in December.
    """
    named = os.environ.get("TZ", "").lstrip(":")
    if named:
        try:
            return ZoneInfo(named)
        except (ValueError, ZoneInfoNotFoundError):
            pass  # Not a zone name (e.g. "EST5EDT,M3.2.0"); the C library knows.
    else:
        try:
            with open("/etc/localtime", "rb") as file:
                return ZoneInfo.from_file(file, key="localtime")
        except (OSError, ValueError):
            pass  # No zone file here; fall back on the C library's offset.
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC
