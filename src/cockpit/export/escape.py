"""User text made safe to place inside a Markdown document.

Titles, notes and updates are typed under stress or sent by scripts; whatever they
contain must stay text. Newlines collapse to spaces, invisible control characters go,
and every character GitHub-flavoured Markdown gives a meaning to inline is escaped
with a backslash, which renders as the character itself.
"""

from __future__ import annotations

import re

from cockpit.domain.text import one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#$])")
"""Inline syntax: code, emphasis, links, HTML, entities, tables, strikes, math."""

_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
"""What turns the start of a line into a list item or a rule."""


def inline(text: str) -> str:
    """`text` as one line of literal Markdown text, for use after other content."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def line_start(text: str) -> str:
    """`text` as literal Markdown text that may begin a line (e.g. a quote)."""
    escaped = inline(text)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1):
        return "\\" + escaped
    digits = match.group(2)
    return f"{digits}\\{escaped[len(digits) :]}"
