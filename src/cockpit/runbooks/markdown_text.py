"""Readable plain text from Markdown inline content, and what the loader needs of it.

Links are reduced to their text (the screen cannot follow them), links to other
Markdown files are collected because they point at sub-runbooks, and inline code is
kept as written so a command in it can be copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown_it.tree import SyntaxTreeNode

# Hugo writes links to other pages as [text]({{< ref "page.md" >}}), which CommonMark
# does not see as a link; it would otherwise reach the screen as raw braces.
HUGO_REF = re.compile(r"\[([^\]]*)\]\(\{\{<\s*(?:rel)?ref\s+\"([^\"]+)\"\s*>\}\}\)")
FORMATTING_TAG = re.compile(
    r"</?(br|b|i|em|strong|code|kbd|sup|sub|p|span|a|img|u|s|small|mark)\b[^>]*>",
    re.IGNORECASE,
)
ANY_TAG = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"[.!?](?=\s)")
CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
# Words a shell command starts with: a program name or path, optionally after "$ ".
COMMAND_HEAD = re.compile(r"(\$ )?[A-Za-z0-9_./][A-Za-z0-9_./+-]*")


@dataclass
class Inline:
    """The readable text of an inline run, with its code spans and page links."""

    text: str = ""
    codes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    web_only: bool = False
    """Nothing but links to web pages ("[1](https://...)"): a reference, not a step."""


def render_inline(node: SyntaxTreeNode | None) -> Inline:
    """Plain text of a paragraph or heading, links reduced to their text."""
    result = Inline()
    parts: list[str] = []
    for child in node.children if node is not None else ():
        _render(child, parts, result)
    text = "".join(parts)
    if node is not None and text.strip():
        result.web_only = _only_web_links(node.children)
    text = HUGO_REF.sub(lambda m: _hugo_link(m, result), text)
    result.text = re.sub(r"[ \t]+\n", "\n", text).strip()
    return result


def _hugo_link(match: re.Match[str], result: Inline) -> str:
    result.links.append(match.group(2))
    return match.group(1)


def _render(node: SyntaxTreeNode, parts: list[str], result: Inline) -> None:
    kind = node.type
    if kind == "text":
        parts.append(node.content)
    elif kind == "code_inline":
        result.codes.append(node.content)
        parts.append(f"`{node.content}`")
    elif kind in ("softbreak",):
        parts.append(" ")
    elif kind == "hardbreak":
        parts.append("\n")
    elif kind == "html_inline":
        # Formatting tags are noise on a terminal; anything else ("<pod>") is text.
        if not FORMATTING_TAG.fullmatch(node.content):
            parts.append(node.content)
    elif kind == "image":
        parts.append(str(node.attrs.get("alt", "")) or _plain(node))
    else:
        if kind == "link":
            target = page_link(str(node.attrs.get("href", "")))
            if target:
                result.links.append(target)
        for child in node.children:
            _render(child, parts, result)


def _only_web_links(nodes: list[SyntaxTreeNode]) -> bool:
    """Whether inline content is links to web pages and nothing else to read.

    Emphasis is looked into: "**[docs](https://...)**" is a reference, while
    "**Page the DBA on-call now**" is words, and so a step.
    """
    for node in nodes:
        if node.type == "link":
            if page_link(str(node.attrs.get("href", ""))) is not None:
                return False
        elif node.type in ("em", "strong"):
            if not _only_web_links(node.children):
                return False
        elif node.type not in ("softbreak", "hardbreak") and node.content.strip():
            return False
    return True


def _plain(node: SyntaxTreeNode) -> str:
    return "".join(c.content for c in node.children if c.type == "text")


def page_link(href: str) -> str | None:
    """The relative path of a link to another Markdown page, or None.

    Web addresses and anchors within the same page are not sub-runbooks.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if not path.lower().endswith((".md", ".markdown")):
        return None
    return path


def shell_command(code: str) -> str | None:
    """`code` if it reads like a shell command, kept exactly; else None.

    A command has a program name and at least one argument ("kubectl logs -f <pod>");
    label-like spans ("long: 1h", "> 0.01") and single words are not commands.
    """
    stripped = code.strip()
    if " " not in stripped:
        return None
    head = stripped.split(" ", 1)[0] if not stripped.startswith("$ ") else "$ "
    if head == "$ ":
        rest = stripped[2:].split(" ", 1)[0]
        return code if COMMAND_HEAD.fullmatch(rest) else None
    if head.endswith(":") or not COMMAND_HEAD.fullmatch(head):
        return None
    if not any(ch.isalpha() for ch in head):
        return None
    return code


def strip_checkbox(text: str) -> str:
    """Item text without a leading task-list box ("[ ] ", "[x] ")."""
    return CHECKBOX.sub("", text, count=1)


def first_sentence(text: str, limit: int = 100) -> tuple[str, bool]:
    """The text, or one sentence of it if longer than `limit`; and whether it was cut.

    The sentence is the first one, unless the last one ends in a colon: that one
    introduces the command that follows ("... can be watched in PromQL:").
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat, False
    if flat.endswith(":"):
        ends = [m.end() for m in SENTENCE_END.finditer(flat)]
        if ends:
            return flat[ends[-1] :].strip(), True
    match = SENTENCE_END.search(flat)
    if match is None or match.end() >= len(flat):
        return flat, False
    return flat[: match.end()], True


def html_text(html: str) -> str:
    """Readable text of a raw HTML block such as <details><summary>...</summary>."""
    lines = (ANY_TAG.sub("", line).strip() for line in html.splitlines())
    return "\n".join(line for line in lines if line)


def table_text(node: SyntaxTreeNode) -> str:
    """A table as one line per row, cells separated by " | "."""
    rows = []
    for row in _descendants(node, "tr"):
        cells = [render_inline(_inline_of(cell)).text for cell in row.children]
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def _descendants(node: SyntaxTreeNode, kind: str) -> list[SyntaxTreeNode]:
    found = []
    for child in node.children:
        if child.type == kind:
            found.append(child)
        else:
            found.extend(_descendants(child, kind))
    return found


def _inline_of(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    return next((c for c in node.children if c.type == "inline"), None)
