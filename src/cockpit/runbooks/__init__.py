"""Runbooks: loading YAML and Markdown files into one model, and checking them."""

from .errors import RunbookLoadError
from .library import load_library, load_runbook
from .lint import dangling_links, describe, resolve_link
from .model import (
    SECTION_ORDER,
    SECTION_TITLES,
    Contact,
    Library,
    Runbook,
    RunbookError,
    Section,
    Step,
)

__all__ = [
    "SECTION_ORDER",
    "SECTION_TITLES",
    "Contact",
    "Library",
    "Runbook",
    "RunbookError",
    "RunbookLoadError",
    "Section",
    "Step",
    "dangling_links",
    "describe",
    "load_library",
    "load_runbook",
    "resolve_link",
]
