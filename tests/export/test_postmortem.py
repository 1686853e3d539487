"""The post-mortem export: the team's template, filled from the log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from markdown_it import MarkdownIt

from cockpit.domain import EventKind
from cockpit.export import render_postmortem

from .known import ALERT, CET, KNOWN_LOG, incident, log

EXPECTED = Path(__file__).parent / "expected"
RUNBOOK = "Primary database connection pool exhausted"
SECTIONS = [
    "Impact",
    "Timeline",
    "Root Cause",
    "What Went Well",
    "What Went Poorly",
    "Action Items",
]


def render(events=KNOWN_LOG, tz=CET, minutes_now=180, **changes) -> str:
    return render_postmortem(
        incident(**changes), events, tz, ALERT + timedelta(minutes=minutes_now), RUNBOOK
    )


def tokens(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(markdown: str) -> list[tuple[str, str]]:
    found = tokens(markdown)
    return [
        (tok.tag, found[i + 1].content)
        for i, tok in enumerate(found)
        if tok.type == "heading_open"
    ]


class TestKnownIncident:
    """A resolved P1 renders exactly as the team's template expects."""

    def test_equals_expected_markdown(self) -> None:
        expected = (EXPECTED / "checkout-db.md").read_text(encoding="utf-8")
        assert render() == expected

    def test_sections_in_template_order(self) -> None:
        assert headings(render()) == [
            ("h1", "Checkout DB unresponsive"),
            *(("h2", name) for name in SECTIONS),
        ]

    def test_action_items_table_columns(self) -> None:
        found = tokens(render())
        header = []
        inside_head = False
        for tok in found:
            inside_head = {"thead_open": True, "thead_close": False}.get(
                tok.type, inside_head
            )
            if inside_head and tok.type == "inline":
                header.append(tok.content)
        assert header == ["Action", "Owner", "Due Date", "Status"]
        rows = [tok for tok in found if tok.type == "tr_open"]
        assert len(rows) == 2  # the header and one empty row to fill in

    def test_timeline_lists_every_entry_in_order(self) -> None:
        items = [
            tok.content
            for tok in tokens(render())
            if tok.type == "inline" and tok.content[:2].isdigit()
        ]
        assert len(items) == len(KNOWN_LOG)
        assert items[0] == "14:02 - Alert fired"
        assert items[-1] == "15:14 - Verified resolved"

    def test_without_runbook_the_line_is_left_out(self) -> None:
        text = render_postmortem(
            incident(runbook_id=None), KNOWN_LOG, CET, ALERT + timedelta(hours=3)
        )
        assert "**Runbook:**" not in text

    def test_runbook_id_shown_when_title_unknown(self) -> None:
        text = render_postmortem(incident(), KNOWN_LOG, CET, ALERT)
        assert "- **Runbook:** db-connection-pool" in text


class TestUnresolved:
    """An incident still open says so instead of inventing an end."""

    def test_duration_is_ongoing(self) -> None:
        events = log((2, EventKind.ACKNOWLEDGED, "Acknowledged"))
        text = render(events, minutes_now=42)
        assert "- **Duration:** ongoing: 42 min so far, not resolved" in text

    def test_default_root_cause_is_not_quoted(self) -> None:
        events = log((30, EventKind.ROOT_CAUSE, "Root cause identified"))
        text = render(events)
        assert "- 14:32 - Root cause identified\n" in text
        assert "\n> " not in text


class TestAcrossMidnight:
    """Entries after midnight sit under their own date, and the duration spans both."""

    def test_date_line_before_next_day(self) -> None:
        start = ALERT.replace(hour=22, minute=50)  # 23:50 CET
        events = [
            e.__class__(e.id, e.incident_id, e.kind, start + (e.at - ALERT), e.text)
            for e in log(
                (5, EventKind.ACKNOWLEDGED, "Acknowledged"),
                (20, EventKind.MITIGATED, "Mitigation applied"),
                (50, EventKind.RESOLVED, "Verified resolved"),
            )
        ]
        text = render_postmortem(
            incident(started_at=start), events, CET, start + timedelta(hours=2)
        )
        assert "- **Date:** 2026-12-04 (CET)" in text
        assert (
            "- **Duration:** 50 min (2026-12-04 23:50 to 2026-12-05 00:40 CET)" in text
        )
        assert (
            "- 23:50 - Alert fired\n- 23:55 - Acknowledged\n\n**2026-12-05**\n\n"
            "- 00:10 - Mitigation applied\n- 00:40 - Verified resolved\n"
        ) in text

    def test_clock_change_names_both_zones(self) -> None:
        berlin = ZoneInfo("Europe/Berlin")
        # 2026-10-25: clocks in Berlin go back from 03:00 CEST to 02:00 CET.
        start = ALERT.replace(month=10, day=24, hour=23, minute=30)
        events = [
            e.__class__(e.id, e.incident_id, e.kind, start + (e.at - ALERT), e.text)
            for e in log((150, EventKind.RESOLVED, "Verified resolved"))
        ]
        text = render_postmortem(
            incident(started_at=start), events, berlin, start + timedelta(hours=3)
        )
        assert "All times CEST (UTC+02:00)." in text
        assert "- **Duration:** 2 h 30 min (01:30 CEST to 03:00 CET)" in text
        assert "- 03:00 CET - Verified resolved" in text


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![img](http://127.0.0.1/x.png)",
    "# not a heading",
    "line one\n\n## Injected section\n| a | b |\n| - | - |",
    "`code` and ```fence```",
    "*bold* _em_ ~~gone~~ $x^2$ &lt;b&gt;",
    "pipes | in | text",
    "1. looks like a list",
    "- looks like an item",
    "back\\slash and \x1b[31mred\x1b[0m and \u202eevil",
]


class TestHostileText:
    """User text stays text: it cannot add links, HTML, code, sections or cells."""

    @staticmethod
    def shape(user_text: str) -> list[str]:
        """The document's structure, down to inline tokens, with `user_text` in it."""
        events = log(
            (3, EventKind.ACTION, user_text),
            (5, EventKind.UPDATE, user_text),
            (7, EventKind.ROOT_CAUSE, user_text),
        )
        shape = []
        for tok in tokens(render(events, title=user_text)):
            shape.append(tok.type)
            shape += [child.type for child in tok.children or ()]
        return shape

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_structure_same_as_with_plain_words(self, hostile: str) -> None:
        assert self.shape(hostile) == self.shape("plain words")

    @pytest.mark.parametrize("hostile", HOSTILE)
    def test_no_control_characters_pass_through(self, hostile: str) -> None:
        text = render(log((3, EventKind.ACTION, hostile)), title=hostile)
        assert "\x1b" not in text and "\u202e" not in text
        assert [name for _, name in headings(text)][1:] == SECTIONS

    def test_ordinary_text_reads_the_same_once_rendered(self) -> None:
        said = "Rolled back v1.2.3 - error rate 0.5% (was 12%); see #db-oncall"
        text = render(log((3, EventKind.ACTION, said)), title="Checkout: 5xx errors")
        html = MarkdownIt("commonmark").render(text)
        assert "<h1>Checkout: 5xx errors</h1>" in html
        assert f"<li>14:05 - {said}</li>" in html

    def test_hostile_title_renders_literally(self) -> None:
        html = MarkdownIt("commonmark").render(render(title="<b>x</b> | # y #"))
        assert "<h1>&lt;b&gt;x&lt;/b&gt; | # y #</h1>" in html
