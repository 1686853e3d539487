"""Safe, strict YAML parsing for runbook files and Markdown front matter.

Runbooks come from shared repositories, so only the safe constructors are used, and
the mistakes people make by hand (tabs, a key written twice) are reported with the
line they are on instead of being silently accepted.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node

from .errors import RunbookLoadError


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key}' (first at line {seen[key]})",
                    key_node.start_mark,
                )
            if isinstance(key, str | int | float | bool):
                seen[key] = line
        return super().construct_mapping(node, deep=deep)


def check_tabs(path: Path, text: str, first_line: int = 1) -> None:
    """Raise if a line is indented with a tab, which YAML forbids but editors hide."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise RunbookLoadError(
                path, number, "tab character: indent with spaces"
            )


def parse(path: Path, text: str, first_line: int = 1) -> tuple[object, Node | None]:
    """Parse one YAML document; return its value and its node tree (for lines).

    `first_line` is the file line the text starts on, so errors in front matter
    point at the right line of the Markdown file.
    """
    check_tabs(path, text, first_line)
    # Blank lines in front keep every mark PyYAML reports equal to the file line.
    loader = StrictLoader("\n" * (first_line - 1) + text)
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise RunbookLoadError(path, line, _describe(exc)) from exc
    except yaml.YAMLError as exc:
        raise RunbookLoadError(path, None, f"YAML error: {exc}") from exc
    finally:
        loader.dispose()
    return value, node


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """One line saying what is wrong, without PyYAML's multi-line mark dumps."""
    problem = exc.problem or "invalid YAML"
    if problem.startswith("duplicate key"):
        return problem
    if "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip()
        return f"tag {tag} is not allowed in a runbook (only plain YAML values)"
    context = f"{exc.context}: " if exc.context else ""
    return f"YAML syntax error: {context}{problem}"
