"""Reading `--at`: people type HH:MM, scripts pass ISO times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from cockpit.timeparse import TimeParseError, parse_at

UTC = UTC
CET = timezone(timedelta(hours=1), "CET")
NOW = datetime(2026, 12, 4, 14, 30, tzinfo=UTC)


def test_hh_mm_is_today_in_the_local_zone() -> None:
    assert parse_at("14:05", NOW, CET) == datetime(2026, 12, 4, 13, 5, tzinfo=UTC)


def test_hh_mm_still_to_come_is_yesterday() -> None:
    just_after_midnight = datetime(2026, 12, 5, 0, 10, tzinfo=UTC)
    assert parse_at("23:50", just_after_midnight, UTC) == datetime(
        2026, 12, 4, 23, 50, tzinfo=UTC
    )


def test_iso_with_and_without_zone() -> None:
    assert parse_at("2026-12-04T14:05+00:00", NOW, CET) == datetime(
        2026, 12, 4, 14, 5, tzinfo=UTC
    )
    assert parse_at("2026-12-04T14:05", NOW, CET) == datetime(
        2026, 12, 4, 13, 5, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "text",
    [
        "24:00",
        "7pm",
        "",
        "2026-13-01",
        "2027-01-01T00:00",
        "0001-01-01T00:00+01:00",
        "9999-12-31T23:59-12:00",
        "1970-01-01",
        "2026-11-01T00:00",
    ],
)
def test_unreadable_or_future_times_are_refused(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_at(text, NOW, UTC)
