"""How times and spans read on screen and in exports."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo


def clock(moment: datetime, tz: tzinfo) -> str:
    """The wall-clock time, HH:MM, in the display zone."""
    return moment.astimezone(tz).strftime("%H:%M")


def zone(moment: datetime, tz: tzinfo) -> str:
    """The display zone's name at `moment`, e.g. "UTC" or "CET"."""
    return moment.astimezone(tz).tzname() or moment.astimezone(tz).strftime("%z")


def countdown(delta: timedelta) -> str:
    """A span as a ticking clock: 4:05, 12:34 or 1:02:03 (never negative)."""
    seconds = max(int(delta.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def span(delta: timedelta) -> str:
    """A span in words for a report: "45 min", "1 h 12 min", "2 d 3 h"."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"
