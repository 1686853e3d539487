"""How times and spans read on screen and in exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from cockpit.domain.timefmt import clock, countdown, span, zone

CET = timezone(timedelta(hours=1), "CET")
MOMENT = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)


def test_clock_and_zone_in_display_zone() -> None:
    assert clock(MOMENT, CET) == "00:30"
    assert zone(MOMENT, CET) == "CET"
    assert (clock(MOMENT, UTC), zone(MOMENT, UTC)) == ("23:30", "UTC")


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(245, "4:05"), (754, "12:34"), (3723, "1:02:03"), (0, "0:00"), (-30, "0:00")],
)
def test_countdown(seconds: int, shown: str) -> None:
    assert countdown(timedelta(seconds=seconds)) == shown


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [
        (45, "45 min"),
        (72, "1 h 12 min"),
        (60, "1 h"),
        (24 * 60 * 2 + 180, "2 d 3 h"),
        (24 * 60, "1 d"),
        (-3, "0 min"),
    ],
)
def test_span(minutes: int, shown: str) -> None:
    assert span(timedelta(minutes=minutes)) == shown


def test_text_from_another_encoding_becomes_replacement_characters() -> None:
    from cockpit.domain.text import one_line

    raw = b"\xff disk \x9b2J".decode("utf-8", "surrogateescape")
    assert one_line(raw) == "\ufffd disk \ufffd2J"
    assert one_line("a\n\tb \x1b[2J\u202ec") == "a b [2Jc"
