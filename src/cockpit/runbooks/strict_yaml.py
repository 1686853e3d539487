"""Safe, strict YAML parsing for runbook files and Markdown front matter.

Runbooks come from shared repositories, so only the safe constructors are used, and
the mistakes people make by hand (tabs, a key written twice, a date that does not
exist) are reported with the line they are on instead of a traceback or a silent
guess.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from .checks import char_problem
from .errors import RunbookLoadError

# Runbooks are a few levels deep; PyYAML builds nodes recursively, so a file of
# thousands of '[' would otherwise end in RecursionError.
MAX_DEPTH = 50
MERGE_TAG = "tag:yaml.org,2002:merge"


class Refused(yaml.constructor.ConstructorError):
    """A value the runbook loader will not take; its problem is the whole message."""

    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, message, mark)


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys, deep nesting, merge keys and binary."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise Refused(f"nested more than {MAX_DEPTH} levels deep", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG:
                raise Refused(
                    "YAML merge keys (<<) are not supported: write the fields out",
                    key_node.start_mark,
                )
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, str | int | float | bool) and key in seen:
                raise Refused(
                    f"duplicate key '{key}' (first at line {seen[key]})",
                    key_node.start_mark,
                )
            if isinstance(key, str | int | float | bool):
                seen[key] = line
        return super().construct_mapping(node, deep=deep)


Construct = Callable[[StrictLoader, ScalarNode], object]


def _checked(what: str, construct: Construct) -> Construct:
    """`construct`, reporting a value it cannot convert as "invalid date '...'"."""

    def constructor(loader: StrictLoader, node: ScalarNode) -> object:
        try:
            return construct(loader, node)
        # PyYAML's own converters fail with these on values like 2026-02-30,
        # !!bool "maybe", !!int "" or !!timestamp "soon" instead of a YAMLError.
        except (ValueError, LookupError, AttributeError) as exc:
            shown = str(node.value)
            shown = shown if len(shown) <= 40 else shown[:40] + "..."
            raise Refused(f"invalid {what} '{shown}'", node.start_mark) from exc

    return constructor


def _refuse_binary(loader: StrictLoader, node: Node) -> object:
    raise Refused(
        "binary values (!!binary) are not supported in a runbook", node.start_mark
    )


_CHECKED: tuple[tuple[str, str, Construct], ...] = (
    ("bool", "boolean", yaml.SafeLoader.construct_yaml_bool),
    ("int", "integer", yaml.SafeLoader.construct_yaml_int),
    ("float", "number", yaml.SafeLoader.construct_yaml_float),
    ("timestamp", "date", yaml.SafeLoader.construct_yaml_timestamp),
)
for _tag, _what, _construct in _CHECKED:
    StrictLoader.add_constructor(
        f"tag:yaml.org,2002:{_tag}", _checked(_what, _construct)
    )
StrictLoader.add_constructor("tag:yaml.org,2002:binary", _refuse_binary)


class FrontMatterLoader(StrictLoader):
    """StrictLoader that reads plain values as strings (only `~`/empty is null).

    Hugo front matter carries fields cockpit never uses (date, weight, draft); read
    as text, a `date: 2026-02-30` there cannot stop the runbook from loading.
    """


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith(":null")]
    for first, resolvers in StrictLoader.yaml_implicit_resolvers.items()
}


def check_tabs(path: Path, text: str, first_line: int = 1) -> None:
    """Raise if a line is indented with a tab, which YAML forbids but editors hide."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise RunbookLoadError(path, number, "tab character: indent with spaces")


def parse(
    path: Path,
    text: str,
    first_line: int = 1,
    loader_class: type[StrictLoader] = StrictLoader,
) -> tuple[object, Node | None]:
    """Parse one YAML document; return its value and its node tree (for lines).

    `first_line` is the file line the text starts on, so errors in front matter
    point at the right line of the Markdown file.
    """
    check_tabs(path, text, first_line)
    # Blank lines in front keep every mark PyYAML reports equal to the file line.
    padded = "\n" * (first_line - 1) + text
    loader: StrictLoader | None = None
    try:
        loader = loader_class(padded)
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:
        line: int | None = padded.count("\n", 0, exc.position) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else "?"
        message = f"{char_problem(char)} (it would reach the terminal)"
        raise RunbookLoadError(path, line, message) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise RunbookLoadError(path, line, _describe(exc)) from exc
    except yaml.YAMLError as exc:
        raise RunbookLoadError(path, None, f"YAML error: {exc}") from exc
    finally:
        if loader is not None:
            loader.dispose()
    return value, node


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """One line saying what is wrong, without PyYAML's multi-line mark dumps."""
    problem = exc.problem or "invalid YAML"
    if isinstance(exc, Refused):
        return problem
    if "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip()
        return f"tag {tag} is not allowed in a runbook (only plain YAML values)"
    context = f"{exc.context}: " if exc.context else ""
    return f"YAML syntax error: {context}{problem}"
