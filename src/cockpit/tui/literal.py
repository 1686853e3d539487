"""Text from users, the store and runbooks, made to show on screen as itself.

Textual reads square brackets in a plain `str` as content markup: a title such as
"Payments [/api] down" raises MarkupError and "[b]x[/b]" comes out bold. And an
escape sequence in an old log entry or a runbook would reach the terminal of
whoever opens the incident. So every such text goes through this module before it
is drawn: `clean` drops control characters and bidirectional overrides, and
`literal` wraps the result in a `Content`, which Textual never parses as markup.
Rich `Text` built by the widgets is literal already and only needs `clean`.
"""

from __future__ import annotations

from textual.content import Content

from cockpit.domain.text import visible

_BREAKS = frozenset("\n\r\t\v\f\u2028\u2029\x85")
"""Characters that move the cursor: shown as a space (or kept, for newlines)."""


def clean(text: object, *, lines: bool = False) -> str:
    """`text` with nothing a terminal would act on: no controls, no bidi overrides.

    Line breaks and tabs become spaces, so one-line places (the header, a border
    title, a toast line) stay one line; with `lines` newlines are kept.
    """
    kept: list[str] = []
    for char in str(text).replace("\r\n", "\n"):
        if char == "\n" and lines:
            kept.append(char)
        elif char in _BREAKS:
            kept.append(" ")
        elif visible(char):
            kept.append(char)
    return "".join(kept)


def literal(text: object, *, lines: bool = False) -> Content:
    """`text`, cleaned, as content Textual shows character for character."""
    return Content(clean(text, lines=lines))
