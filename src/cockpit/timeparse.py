"""Reading the times people type: `--at 14:05` or `--at 2026-12-04T14:05+01:00`."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")

OLDEST = timedelta(days=30)
"""How far back an alert may be backdated; further is almost always a typo."""


class TimeParseError(ValueError):
    """A time the user typed that cockpit cannot read, with what it expects."""


def parse_at(text: str, now: datetime, tz: tzinfo) -> datetime:
    """A past moment from HH:MM (today, or yesterday if that is still to come) or ISO.

    A time without a zone is taken in the local zone `tz`. The result is aware UTC.
    Times in the future are refused: an alert cannot fire after it is logged.
    """
    text = text.strip()
    match = _HHMM.match(text)
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            raise TimeParseError(
                f"'{text}' is not a time of day (use HH:MM, 00:00-23:59)"
            )
        local_now = now.astimezone(tz)
        moment = local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if moment > local_now:
            moment -= timedelta(days=1)
        return moment.astimezone(UTC)
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise TimeParseError(
            f"'{text}' is not a time (use HH:MM today, or ISO like 2026-12-04T14:05)"
        ) from None
    if moment > now:
        raise TimeParseError(f"'{text}' is in the future")
    if now - moment > OLDEST:
        raise TimeParseError(
            f"'{text}' is more than {OLDEST.days} days ago; check the date"
        )
    return moment
