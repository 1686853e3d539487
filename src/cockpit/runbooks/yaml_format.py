"""Load a runbook written in the YAML format of DESIGN.md.

Every mistake is reported once, with the file and the line it is on, so the author
can fix it without reading a traceback.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .checks import char_problem, forbidden_char
from .errors import RunbookLoadError
from .model import SECTION_ORDER, SECTION_TITLES, Contact, Runbook, Section, Step
from .strict_yaml import StrictLoader, parse

FIELDS = (
    "id",
    "title",
    "service",
    "owner",
    "last_reviewed",
    "contacts",
    "escalate_when",
    "sections",
)
STEP_FIELDS = ("step", "command", "see")
CONTACT_FIELDS = ("role", "name", "phone", "chat")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def load_yaml_runbook(path: Path, text: str) -> Runbook:
    """Build a Runbook from the text of a YAML runbook file at `path`."""
    _, root = parse(path, text)
    if root is None:
        raise RunbookLoadError(path, 1, "empty file: no title")
    return _Reader(path).runbook(root)


class _Reader:
    """Walks the YAML node tree, which keeps the line of every value."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loader = StrictLoader("")

    def fail(self, node: Node, message: str) -> RunbookLoadError:
        return RunbookLoadError(self.path, node.start_mark.line + 1, message)

    def runbook(self, root: Node) -> Runbook:
        fields = self.mapping(root, "a runbook", FIELDS)
        title_node = fields.get("title")
        title = self.text(title_node, "title") if title_node else ""
        if not title:
            raise self.fail(title_node or root, "no title")
        if "id" not in fields:
            raise self.fail(root, "missing id (e.g. id: db-connection-pool)")
        runbook_id = self.text(fields["id"], "id")
        if not ID_PATTERN.fullmatch(runbook_id):
            raise self.fail(
                fields["id"],
                f"id '{runbook_id}' must be letters, digits, '.', '_', '-' or '/'",
            )
        sections = self.sections(fields["sections"]) if "sections" in fields else ()
        links = tuple(
            dict.fromkeys(s.see for sec in sections for s in sec.steps if s.see)
        )
        return Runbook(
            id=runbook_id,
            title=title,
            source=self.path,
            sections=sections,
            service=self.optional_text(fields, "service"),
            owner=self.optional_text(fields, "owner"),
            last_reviewed=self.reviewed(fields.get("last_reviewed")),
            contacts=self.contacts(fields.get("contacts")),
            escalate_when=self.escalate_when(fields.get("escalate_when")),
            links=links,
        )

    def mapping(
        self, node: Node, what: str, allowed: tuple[str, ...]
    ) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping of 'field: value' lines")
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key not in allowed:
                expected = ", ".join(allowed)
                raise self.fail(
                    key_node, f"unknown field '{key}' in {what} (expected: {expected})"
                )
            fields[str(key)] = value_node
        return fields

    def scalar(self, node: Node) -> object:
        if not isinstance(node, ScalarNode):
            return node
        return self.loader.construct_object(node, deep=True)

    def text(self, node: Node, what: str) -> str:
        value = self.scalar(node)
        if value is None:
            return ""
        if not isinstance(value, str):
            shown = "a list" if isinstance(node, SequenceNode) else type(value).__name__
            if isinstance(node, MappingNode):
                shown = "a mapping"
            raise self.fail(node, f"{what} must be a string, not {shown} (quote it)")
        found = forbidden_char(value)
        if found is not None:
            index, char = found
            line = node.start_mark.line + 1
            if isinstance(node, ScalarNode) and node.style == "|":
                # A literal block starts on the line after its '|'.
                line += 1 + value.count("\n", 0, index)
            message = f"{char_problem(char)} in {what} (it would reach the terminal)"
            raise RunbookLoadError(self.path, line, message)
        return value

    def optional_text(
        self, fields: dict[str, Node], name: str, what: str | None = None
    ) -> str:
        if name not in fields:
            return ""
        return self.text(fields[name], what or name).strip()

    def items(self, node: Node | None, what: str) -> list[Node]:
        if node is None or self.scalar(node) is None:
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what} must be a list ('- ...' lines)")
        return list(node.value)

    def reviewed(self, node: Node | None) -> date | None:
        if node is None:
            return None
        value = self.scalar(node)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(node, "last_reviewed must be a date like 2026-03-01")

    def contacts(self, node: Node | None) -> tuple[Contact, ...]:
        contacts = []
        for item in self.items(node, "contacts"):
            fields = self.mapping(item, "a contact", CONTACT_FIELDS)
            role = self.optional_text(fields, "role")
            if not role:
                raise self.fail(item, "contact without a role (e.g. role: owner)")
            contacts.append(
                Contact(
                    role=role,
                    name=self.optional_text(fields, "name"),
                    phone=self.optional_text(fields, "phone"),
                    chat=self.optional_text(fields, "chat"),
                )
            )
        return tuple(contacts)

    def escalate_when(self, node: Node | None) -> tuple[str, ...]:
        if node is not None and isinstance(node, ScalarNode):
            single = self.text(node, "escalate_when").strip()
            return (single,) if single else ()
        rules = (
            self.text(i, "escalate_when entry").strip()
            for i in self.items(node, "escalate_when")
        )
        return tuple(rule for rule in rules if rule)

    def sections(self, node: Node) -> tuple[Section, ...]:
        if self.scalar(node) is None:
            return ()
        if not isinstance(node, MappingNode):
            raise self.fail(node, "sections must be a mapping of section: steps")
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if name not in SECTION_ORDER:
                expected = ", ".join(SECTION_ORDER)
                raise self.fail(
                    key_node,
                    f"unknown section '{name}' (expected one of: {expected})",
                )
            found[str(name)] = value_node
        sections = []
        for kind in SECTION_ORDER:
            if kind in found:
                steps = self.steps(kind, found[kind])
                if steps:
                    sections.append(Section(kind, SECTION_TITLES[kind], steps))
        return tuple(sections)

    def steps(self, kind: str, node: Node) -> tuple[Step, ...]:
        steps = []
        for number, item in enumerate(self.items(node, f"section '{kind}'"), 1):
            key = f"{kind}.{number}"
            line = item.start_mark.line + 1
            if isinstance(item, ScalarNode):
                text = self.text(item, f"step {key}").strip()
                if not text:
                    raise self.fail(item, f"step {key} has no text")
                steps.append(Step(key, text, line=line))
                continue
            fields = self.mapping(item, f"step {key}", STEP_FIELDS)
            text = self.optional_text(fields, "step", f"step {key}")
            if not text:
                raise self.fail(item, f"step {key} has no text (add 'step: ...')")
            command = None
            if "command" in fields:
                command = self.text(fields["command"], f"command of step {key}")
                # A block scalar (|) ends with a newline that nobody means to paste.
                command = command.removesuffix("\n") or None
            see = self.optional_text(fields, "see", f"see of step {key}") or None
            steps.append(Step(key, text, command=command, see=see, line=line))
        return tuple(steps)
