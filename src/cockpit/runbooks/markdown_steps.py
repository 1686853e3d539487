"""Turn the blocks under one Markdown heading into steps and readable text.

The rules, in the order a reader meets them: a list item is a step; a fenced block
inside or right after a list item is that step's command; a fenced block after a
paragraph is a step whose text is that paragraph; inline code that reads like a shell
command is the command of the item it is in. In sections that are not one of the five
kinds ("Meaning"), only items and paragraphs that carry a command become steps, so an
explanation stays an explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from .markdown_text import (
    Inline,
    first_sentence,
    html_text,
    render_inline,
    shell_command,
    strip_checkbox,
    table_text,
)
from .model import Section, Step

RUN = "Run:"


@dataclass
class Draft:
    """A step before its key is known (keys depend on how sections merge)."""

    text: str
    line: int
    command: str | None = None
    see: str | None = None


class SectionBuilder:
    """Collects the steps, text and links found under one heading."""

    def __init__(self, kind: str | None, title: str) -> None:
        self.kind = kind
        self.title = title
        self.drafts: list[Draft] = []
        self.texts: list[str] = []
        self.links: list[str] = []
        # The last paragraph, not yet known to be a step's text or plain prose.
        self._pending: tuple[str, int] | None = None
        # The step a fenced block right after it would belong to.
        self._open: Draft | None = None

    @property
    def empty(self) -> bool:
        self._flush()
        return not self.drafts and not self.texts

    @classmethod
    def merge(cls, builders: list[SectionBuilder]) -> SectionBuilder:
        """One builder holding several headings of the same kind, in file order."""
        merged = cls(builders[0].kind, builders[0].title)
        for builder in builders:
            builder._flush()
            if builder is not builders[0]:
                merged.texts.append(builder.title)
            merged.drafts.extend(builder.drafts)
            merged.texts.extend(builder.texts)
        return merged

    def section(self, prefix: str, title: str, drafts: list[Draft]) -> Section:
        self._flush()
        steps = tuple(
            Step(f"{prefix}.{n}", d.text, command=d.command, see=d.see, line=d.line)
            for n, d in enumerate(drafts, 1)
        )
        return Section(self.kind, title, steps, "\n\n".join(self.texts))

    def block(self, node: SyntaxTreeNode) -> None:
        """Take in one block (paragraph, list, fence, table...) in file order."""
        kind = node.type
        if kind == "paragraph":
            self._paragraph(node)
        elif kind == "heading":
            self._flush()
            text = self._inline(node).text
            self._pending = (text, _line(node))
        elif kind in ("fence", "code_block"):
            self._code(node)
        elif kind in ("bullet_list", "ordered_list"):
            self._flush()
            self._list(node, 0)
        elif kind == "blockquote":
            for child in node.children:
                self.block(child)
        else:
            self._flush()
            self._open = None
            if kind == "table":
                self._text(table_text(node))
            elif kind == "html_block":
                self._text(html_text(node.content))

    def _inline(self, node: SyntaxTreeNode) -> Inline:
        inline = render_inline(
            next((c for c in node.children if c.type == "inline"), None)
        )
        self.links.extend(inline.links)
        return inline

    def _text(self, text: str) -> None:
        if text.strip():
            self.texts.append(text)

    def _flush(self) -> None:
        if self._pending is not None:
            self._text(self._pending[0])
            self._pending = None

    def _paragraph(self, node: SyntaxTreeNode) -> None:
        self._flush()
        self._open = None
        inline = self._inline(node)
        command = next(filter(None, map(shell_command, inline.codes)), None)
        see = inline.links[0] if inline.links else None
        if self.kind is not None and (command or see):
            text, cut = first_sentence(inline.text)
            if cut:
                self._text(inline.text)
            draft = Draft(_step_text(text), _line(node), command, see)
            self.drafts.append(draft)
            self._open = draft if command is None else None
        else:
            self._pending = (inline.text, _line(node))

    def _code(self, node: SyntaxTreeNode) -> None:
        command = node.content.removesuffix("\n")
        if not command.strip():
            self._flush()
            return
        if self._open is not None and self._open.command is None:
            self._open.command = command
        elif self._pending is not None:
            text, cut = first_sentence(self._pending[0])
            if cut:
                self._text(self._pending[0])
            self.drafts.append(Draft(_step_text(text), self._pending[1], command))
            self._pending = None
        else:
            self.drafts.append(Draft(RUN, _line(node), command))
        self._open = None

    def _list(self, node: SyntaxTreeNode, depth: int) -> None:
        last: Draft | None = None
        for item in node.children:
            last = self._item(item, depth)
        self._open = last if last is not None and last.command is None else None

    def _item(self, item: SyntaxTreeNode, depth: int) -> Draft | None:
        """Make a step of one list item; returns it, or None if it stayed text."""
        children = list(item.children)
        inline = Inline()
        if children and children[0].type == "paragraph":
            inline = self._inline(children.pop(0))
        text = strip_checkbox(inline.text)
        draft = Draft(text, _line(item), see=inline.links[0] if inline.links else None)
        self.drafts.append(draft)
        text_at = len(self.texts)
        for child in children:
            if child.type in ("fence", "code_block") and draft.command is None:
                command = child.content.removesuffix("\n")
                draft.command = command if command.strip() else None
            elif child.type in ("bullet_list", "ordered_list"):
                self._flush()
                self._list(child, depth + 1)
            else:
                self.block(child)
        self._flush()
        self._open = None
        if draft.command is None:
            draft.command = next(filter(None, map(shell_command, inline.codes)), None)
        if not draft.text:
            draft.text = RUN
        reference = inline.web_only and draft.command is None
        if reference or (self.kind is None and draft.command is None and not draft.see):
            self.drafts = [d for d in self.drafts if d is not draft]
            if text:
                self.texts.insert(text_at, "  " * depth + f"- {text}")
            return None
        draft.text = _step_text(draft.text)
        return draft


def _step_text(text: str) -> str:
    """Step text on one line, without the colon that introduced a command."""
    flat = " ".join(text.split())
    return flat.removesuffix(":").rstrip() or RUN


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0
