"""Load a runbook kept as Markdown, the way many teams write them.

Headings become sections, matched to the five kinds by their words; fenced code
becomes commands exactly as written; list and checklist items become steps; the rest
stays readable text. Hugo front matter gives the title (and may give an id).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from yaml.nodes import MappingNode, Node, ScalarNode

from .checks import char_problem, forbidden_char
from .errors import RunbookLoadError
from .markdown_steps import SectionBuilder
from .markdown_text import render_inline
from .model import SECTION_ORDER, Runbook, Section
from .strict_yaml import FrontMatterLoader, parse
from .yaml_format import ID_PATTERN

# Word stems that say which of the five kinds a heading is; the first word of the
# heading that matches one decides ("Diagnosis and mitigation" is a diagnosis).
KIND_STEMS: dict[str, tuple[str, ...]] = {
    "assess": ("impact", "severity", "assess", "triage", "scope", "symptom"),
    "mitigate": ("mitigat", "workaround", "immediate"),
    "diagnose": ("diagnos", "investigat", "troubleshoot", "debug", "cause"),
    "resolve": ("resolution", "resolv", "fix", "remediat", "recover"),
    "verify": ("verif", "validat", "confirm", "check"),
}
FENCE_LINE = re.compile(r"^(---|\.\.\.)\s*$")
_MD = MarkdownIt("commonmark").enable("table")
# markdown-it caps nested blocks but not nested emphasis, and its syntax tree (and
# ours) is built recursively: "*a *a *a ..." 400 deep ends in RecursionError.
MAX_NESTING = 40


def looks_like_markdown(text: str) -> bool:
    """Whether a file without an extension is a Markdown runbook (front matter or #)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.rstrip() == "---" or re.match(r"#{1,6}(\s|$)", first) is not None


def section_kind(title: str) -> str | None:
    """Which of SECTION_ORDER a heading names, or None ("Meaning", "References")."""
    for word in re.findall(r"[a-z]+", title.lower()):
        for kind, stems in KIND_STEMS.items():
            if word.startswith(stems):
                return kind
    return None


def load_markdown_runbook(path: Path, text: str, default_id: str) -> Runbook:
    """A Runbook from Markdown text; `default_id` unless front matter sets an id."""
    meta, body = _front_matter(path, text)
    tokens = _MD.parse(body)
    _check_nesting(path, tokens)
    blocks = list(SyntaxTreeNode(tokens).children)
    doc_heading = _document_heading(blocks)
    headings = [b for b in blocks if b.type == "heading" and b is not doc_heading]
    level = min((_level(h) for h in headings), default=0)

    builders = [SectionBuilder(None, "Overview")]
    for block in blocks:
        if block is doc_heading:
            continue
        if block.type == "heading" and _level(block) == level:
            title = _heading_text(block)
            builders.append(SectionBuilder(section_kind(title), title))
        else:
            builders[-1].block(block)

    title = meta.text("title") or (
        _heading_text(doc_heading) if doc_heading is not None else ""
    )
    if not title:
        title = path.parent.name if path.stem == "_index" else path.stem
    runbook_id = meta.text("id") or default_id
    if not ID_PATTERN.fullmatch(runbook_id):
        message = f"id '{runbook_id}' is not a valid runbook id"
        raise RunbookLoadError(path, meta.line("id"), message)
    links = [link for b in builders for link in b.links]
    return Runbook(
        id=runbook_id,
        title=title,
        source=path,
        sections=_arrange(builders),
        service=meta.text("service"),
        owner=meta.text("owner"),
        links=tuple(dict.fromkeys(links)),
    )


class _FrontMatter:
    """Front matter values and the line each top-level field is on."""

    def __init__(
        self, path: Path, values: dict[object, object], node: Node | None
    ) -> None:
        self.path = path
        self.values = values
        self.lines: dict[object, int] = {}
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    self.lines[key.value] = value.start_mark.line + 1

    def line(self, name: str) -> int:
        return self.lines.get(name, 2)

    def text(self, name: str) -> str:
        """A field cockpit shows, as one safe string ("" if absent)."""
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, dict | list):
            message = f"front matter '{name}' must be a string"
            raise RunbookLoadError(self.path, self.line(name), message)
        text = str(value).strip()
        found = forbidden_char(text)
        if found is not None:
            message = f"{char_problem(found[1])} in front matter '{name}'"
            raise RunbookLoadError(self.path, self.line(name), message)
        return text


def _front_matter(path: Path, text: str) -> tuple[_FrontMatter, str]:
    """Split off `---` YAML front matter, blanking its lines so line numbers match."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return _FrontMatter(path, {}, None), text
    end = next((i for i in range(1, len(lines)) if FENCE_LINE.match(lines[i])), None)
    if end is None:
        raise RunbookLoadError(
            path, 1, "front matter opened with '---' is never closed"
        )
    value, node = parse(path, "".join(lines[1:end]), 2, FrontMatterLoader)
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise RunbookLoadError(path, 2, "front matter must be a mapping (title: ...)")
    body = "\n" * (end + 1) + "".join(lines[end + 1 :])
    return _FrontMatter(path, value, node), body


def _check_nesting(path: Path, tokens: list[Token]) -> None:
    """Refuse Markdown nested too deeply to turn into a tree without recursing out."""
    for token in tokens:
        inner = max((child.level for child in token.children or ()), default=0)
        if token.level + inner > MAX_NESTING:
            line = token.map[0] + 1 if token.map else None
            message = f"Markdown nested more than {MAX_NESTING} levels deep"
            raise RunbookLoadError(path, line, message)


def _document_heading(blocks: list[SyntaxTreeNode]) -> SyntaxTreeNode | None:
    """The page's own `#` heading: the first heading, if it is the only level-1 one."""
    headings = [b for b in blocks if b.type == "heading"]
    if not headings or _level(headings[0]) != 1:
        return None
    if sum(1 for h in headings if _level(h) == 1) > 1:
        return None
    return headings[0]


def _level(heading: SyntaxTreeNode) -> int:
    return int(heading.tag[1:])


def _heading_text(heading: SyntaxTreeNode) -> str:
    inline = next((c for c in heading.children if c.type == "inline"), None)
    return render_inline(inline).text


def _arrange(builders: list[SectionBuilder]) -> tuple[Section, ...]:
    """Other text first in file order, then the five kinds in SECTION_ORDER, merged."""
    sections: list[Section] = []
    used: set[str] = set(SECTION_ORDER)
    for builder in builders:
        if builder.kind is None and not builder.empty:
            prefix = _unique(_slug(builder.title), used)
            sections.append(builder.section(prefix, builder.title, builder.drafts))
    for kind in SECTION_ORDER:
        same = [b for b in builders if b.kind == kind and not b.empty]
        if same:
            merged = SectionBuilder.merge(same)
            sections.append(merged.section(kind, same[0].title, merged.drafts))
    return tuple(sections)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "notes"


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
