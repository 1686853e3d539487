"""The `cockpit` command line: its verbs, options and one-line errors."""

from __future__ import annotations

import argparse
from typing import NoReturn

from cockpit import __version__
from cockpit.domain import CLI_KINDS, EventKind, Severity

EXIT_USAGE = 2


class UsageError(Exception):
    """Something the user asked for that cockpit cannot do; one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n"
        )


def build_parser() -> tuple[
    argparse.ArgumentParser, dict[str, argparse.ArgumentParser]
]:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="incident database (default: $COCKPIT_DB, else the user data directory)",
    )
    common.add_argument(
        "--runbooks",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="runbook folder (default: $COCKPIT_RUNBOOKS, else the bundled runbooks)",
    )
    parser = _Parser(
        prog="cockpit",
        parents=[common],
        description="An incident cockpit for the terminal. With no verb, reopens "
        "the latest open incident, or offers to start one.",
    )
    parser.add_argument("--version", action="version", version=f"cockpit {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    start = verbs.add_parser(
        "start", parents=[common], help="start a new incident and open the cockpit"
    )
    start.add_argument("title", help='what is wrong, e.g. "Checkout DB unresponsive"')
    start.add_argument(
        "--severity",
        "-s",
        required=True,
        type=_severity,
        metavar="P1|P2|P3",
        help="P1 service down, P2 degraded, P3 no user impact",
    )
    start.add_argument("--runbook", "-r", metavar="ID", help="runbook to follow")
    start.add_argument(
        "--at", metavar="TIME", help="when the alert fired: HH:MM today, or ISO time"
    )
    start.add_argument(
        "--no-ui", action="store_true", help="only create it and print its id"
    )

    open_ = verbs.add_parser("open", parents=[common], help="reopen an incident")
    open_.add_argument(
        "id", nargs="?", type=_incident_id, help="incident id (default: latest open)"
    )

    verbs.add_parser("list", parents=[common], help="list incidents")

    note = verbs.add_parser(
        "note", parents=[common], help="add a timeline entry (for scripts and hooks)"
    )
    note.add_argument("id", type=_incident_id, help="incident id")
    note.add_argument("text", nargs="?", help="the entry (milestones have a default)")
    note.add_argument(
        "--kind",
        "-k",
        default=EventKind.NOTE.value,
        choices=[kind.value for kind in CLI_KINDS],
        metavar="KIND",
        help="one of: "
        + ", ".join(kind.value for kind in CLI_KINDS)
        + " (default: note)",
    )
    note.add_argument(
        "--at", metavar="TIME", help="when it happened: HH:MM today, or ISO time"
    )

    export = verbs.add_parser(
        "export", parents=[common], help="write the post-mortem in Markdown"
    )
    export.add_argument("id", type=_incident_id, help="incident id")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write (default: standard output)",
    )
    export.add_argument(
        "--force", action="store_true", help="overwrite FILE if it already exists"
    )

    runbooks = verbs.add_parser(
        "runbooks", parents=[common], help="list the runbooks and any that fail to load"
    )
    runbooks.add_argument(
        "dir", nargs="?", help="folder to check (default: as --runbooks)"
    )

    demo = verbs.add_parser(
        "demo", parents=[common], help="open the cockpit on a throwaway demo incident"
    )
    demo.add_argument(
        "--keep", action="store_true", help="keep the demo database and print its path"
    )

    verbs.add_parser(
        "paths", parents=[common], help="print where the database and runbooks are"
    )
    return parser, dict(verbs.choices)


def _severity(text: str) -> Severity:
    try:
        return Severity(text.upper())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a severity (use P1, P2 or P3)"
        ) from None


def _incident_id(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 2**63:
        raise argparse.ArgumentTypeError(f"'{text}' is not an incident id (a number)")
    return int(text)
