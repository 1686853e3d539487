"""The runbooks shipped in runbooks/ load, are complete, and fit an 80x24 screen."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from cockpit.runbooks import SECTION_ORDER, Library, dangling_links, load_library

BUNDLED = Path(__file__).parents[2] / "runbooks"
REQUIRED = (
    "db-connection-pool",
    "disk-full",
    "http-5xx-after-deploy",
    "tls-cert-expiry",
    "queue-backlog",
)
# An 80-column pane minus its border and padding; "[ ] " and "$ " prefixes.
WIDTH = 76
SCREEN_LINES = 20


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(BUNDLED)


def test_all_bundled_runbooks_load(library: Library) -> None:
    assert library.errors == ()
    assert set(REQUIRED) <= set(library.runbooks)
    assert dangling_links(library) == []


@pytest.mark.parametrize("runbook_id", REQUIRED)
def test_each_has_five_sections_and_who_to_call(
    library: Library, runbook_id: str
) -> None:
    runbook = library.runbooks[runbook_id]
    assert tuple(s.kind for s in runbook.sections) == SECTION_ORDER
    assert runbook.owner
    assert runbook.escalate_when
    assert any(c.phone for c in runbook.contacts), "P1 needs a phone number"
    assert runbook.last_reviewed is not None
    assert runbook.last_reviewed.year == 2026
    assert len(runbook.commands) >= 8


def test_each_section_fits_one_80x24_screen(library: Library) -> None:
    for runbook in library.runbooks.values():
        for section in runbook.sections:
            lines = 1 + sum(
                math.ceil((4 + len(step.text)) / WIDTH)
                + (math.ceil((4 + len(step.command)) / WIDTH) if step.command else 0)
                for step in section.steps
            )
            where = f"{runbook.id} {section.kind}"
            assert lines <= SCREEN_LINES, f"{where}: {lines} lines"
            assert len(section.steps) <= 5, where
            assert all(len(s.text) <= 70 for s in section.steps), where


def test_only_example_hosts_and_phone_numbers(library: Library) -> None:
    for runbook in library.runbooks.values():
        text = runbook.source.read_text(encoding="utf-8")
        urls = re.findall(r"https?://([^/:\s'\"]+)", text)
        host_ports = re.findall(r"([a-z0-9-]+(?:\.[a-z0-9-]+)+):\d+", text)
        for host in urls + host_ports:
            assert host == "example.com" or host.endswith(".example.com"), host
        for phone in (c.phone for c in runbook.contacts if c.phone):
            assert re.fullmatch(r"\+1-555-01\d\d", phone), phone
