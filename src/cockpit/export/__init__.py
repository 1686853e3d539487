"""Post-mortem exports of an incident, written from its log."""

from cockpit.export.files import ExportError, write_export
from cockpit.export.markdown import render_postmortem

__all__ = ["ExportError", "render_postmortem", "write_export"]
