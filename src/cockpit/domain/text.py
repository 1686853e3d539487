"""Text from people and scripts, made safe to keep, show and export.

Titles, notes and updates arrive from stressed people and from alert hooks. What is
stored must be one printable line: a newline would break the timeline, an escape
sequence would reach the terminal of whoever opens the incident later, and a
bidirectional override can make text read differently from what it is.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(char: str) -> bool:
    """Whether a character may be shown as it is (not a control or bidi override)."""
    return unicodedata.category(char) != "Cc" and char not in BIDI_CONTROLS


def _valid_unicode(text: str) -> str:
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the bytes as they came
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")  # stray surrogates of any kind
    return raw.decode("utf-8", "replace")


def one_line(text: str) -> str:
    """`text` as one line: whitespace runs collapse to a space, controls go.

    Bytes that were not UTF-8 (a shell argument in another encoding arrives as lone
    surrogates) become U+FFFD, so the text can always be stored and printed.
    """
    text = _valid_unicode(str(text))
    words = ("".join(filter(visible, word)) for word in text.split())
    return " ".join(word for word in words if word)
