"""Pilot tests for the help screen's scrolling, the update pane's footer keys and
the size of notifications at 80x24."""

from __future__ import annotations

from tui_support import SIZE, make_app

from cockpit.tui.screens.help import HelpScreen


class TestHelpScrolls:
    async def test_title_says_it_scrolls_and_j_G_g_scroll(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            pane = app.screen.query_one("#help")
            assert "scroll" in pane.border_title
            assert pane.max_scroll_y > 0  # more keys than fit at 80x24
            assert pane.border_subtitle == "more below: j or down"
            assert pane.scrollbars_enabled[0]  # a vertical scrollbar is drawn
            await pilot.press("j", "j")
            assert pane.scroll_y == 2
            await pilot.press("G")
            await pilot.pause()
            assert pane.scroll_y == pane.max_scroll_y
            assert pane.border_subtitle == "end: k or up goes back"
            await pilot.press("g")
            assert pane.scroll_y == 0


class TestUpdateFooter:
    async def test_footer_shows_post_and_leave_in_the_update_pane(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("u")
            shown = {
                key: active.binding.description
                for key, active in app.screen.active_bindings.items()
                if active.binding.show
            }
            assert shown["enter"] == "Post"
            assert shown["escape"] == "Leave"
            await pilot.press("escape")
            assert app.screen.query_one("#runbook").has_focus
            shown_keys = {
                key
                for key, active in app.screen.active_bindings.items()
                if active.binding.show
            }
            assert "escape" not in shown_keys


class TestToasts:
    async def test_a_notification_is_one_line_and_at_most_half_the_width(
        self, store, library, incident, clock
    ):
        app = make_app(store, library, incident.id, clock)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("m")  # "Recorded: Mitigation applied"
            for _ in range(3):  # the toast rack mounts the toast after a refresh
                await pilot.pause()
            (toast,) = app.screen.query("Toast")
            assert toast.region.height == 1
            assert toast.region.width <= len("Recorded: Mitigation applied") + 4
            assert app.NOTIFICATION_TIMEOUT == 4
