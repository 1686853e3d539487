"""The `cockpit` command: open the cockpit, or feed and read the log from a shell."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from cockpit import __version__, paths
from cockpit.clock import local_zone, system_clock
from cockpit.domain import (
    CLI_KINDS,
    MILESTONE_TEXT,
    EventKind,
    Severity,
    milestone_at,
    status_of,
    timefmt,
)
from cockpit.domain.text import one_line
from cockpit.export import ExportError, render_postmortem, write_export
from cockpit.runbooks import load_library
from cockpit.runbooks.model import Library
from cockpit.store import Store, StoreError
from cockpit.timeparse import TimeParseError, parse_at

EXIT_USAGE = 2


class UsageError(Exception):
    """Something the user asked for that cockpit cannot do; one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n"
        )


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `cockpit` command; returns the exit status."""
    parser, verbs = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        verb = verbs.get(args.verb or "", parser)
        # argparse cannot take a positional after an option that follows another
        # positional ("note 3 --kind action 'Rolled back'"); the text is what is left.
        if args.verb == "note" and args.text is None and not extra[0].startswith("-"):
            args.text, extra = extra[0], extra[1:]
        if extra:
            verb.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        code = _dispatch(args)
        sys.stdout.flush()
        return code
    except (UsageError, StoreError, ExportError, TimeParseError) as error:
        print(f"cockpit: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        # Standard output closed or full (`cockpit list > /dev/full`, a pipe to
        # `head`): say so once instead of a traceback.
        print(f"cockpit: cannot write the output: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    verb = args.verb or "open"
    if verb == "runbooks":
        return _cmd_runbooks(args)
    if verb == "paths":
        print(f"database  {paths.db_path(getattr(args, 'db', None))}")
        print(f"runbooks  {paths.runbooks_dir(getattr(args, 'runbooks', None))}")
        return 0
    if verb == "demo":
        return _cmd_demo(args)
    if getattr(args, "db", None) == "":
        raise UsageError("--db needs a file path")
    store = Store.open(paths.db_path(getattr(args, "db", None)))
    try:
        if verb == "start":
            return _cmd_start(args, store)
        if verb == "list":
            return _cmd_list(store)
        if verb == "note":
            return _cmd_note(args, store)
        if verb == "export":
            return _cmd_export(args, store)
        incident_id = getattr(args, "id", None)
        if incident_id is not None:
            store.incident(incident_id)
        else:
            latest = store.latest_open()
            incident_id = latest.id if latest else None
        return _run_ui(args, store, incident_id)
    finally:
        store.close()


def _library(args: argparse.Namespace) -> Library:
    folder = paths.runbooks_dir(getattr(args, "runbooks", None))
    if not folder.is_dir():
        raise UsageError(f"runbook folder {folder} does not exist")
    return load_library(folder)


def _require_terminal() -> None:
    """Refuse before anything is written: a hook that forgot --no-ui must not
    create an incident it never hears the id of."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the cockpit needs a terminal; from a script use 'cockpit start --no-ui', "
            "'cockpit note' or 'cockpit export'"
        )


def _run_ui(args: argparse.Namespace, store: Store, incident_id: int | None) -> int:
    _require_terminal()
    from cockpit.domain import DEFAULT_POLICY
    from cockpit.tui.app import CockpitApp

    app = CockpitApp(
        store=store,
        library=_library(args),
        incident_id=incident_id,
        clock=system_clock,
        tz=local_zone(),
        policy=DEFAULT_POLICY,
    )
    app.run()
    return app.return_code or 0


def _cmd_start(args: argparse.Namespace, store: Store) -> int:
    if not args.no_ui:
        _require_terminal()
    now = system_clock()
    library = _library(args)
    if args.runbook is not None and args.runbook not in library.runbooks:
        known = ", ".join(sorted(library.runbooks)) or "none"
        raise UsageError(f"no runbook '{args.runbook}' (known: {known})")
    started_at = parse_at(args.at, now, local_zone()) if args.at is not None else now
    title = one_line(args.title)
    if not title:
        raise UsageError("the incident needs a title")
    incident = store.create_incident(
        title, args.severity, args.runbook, started_at=started_at, now=now
    )
    if args.no_ui:
        print(incident.id)
        return 0
    return _run_ui(args, store, incident.id)


def _cmd_list(store: Store) -> int:
    incidents = store.incidents()
    if not incidents:
        print('No incidents yet. Start one: cockpit start -s P1 "What is wrong"')
        return 0
    tz = local_zone()
    print(f"{'ID':>4}  SEV  {'STATUS':<13}  {'STARTED':<20}  TITLE")
    for incident in incidents:
        status = status_of(store.events(incident.id)).value
        local = incident.started_at.astimezone(tz)
        started = f"{local:%Y-%m-%d %H:%M} {timefmt.zone(incident.started_at, tz)}"
        print(
            f"{incident.id:>4}  {incident.severity.value:<3}  {status:<13}  "
            f"{started:<20}  {incident.title}"
        )
    return 0


def _cmd_note(args: argparse.Namespace, store: Store) -> int:
    kind = EventKind(args.kind)
    text = one_line(args.text or "") or MILESTONE_TEXT.get(kind, "")
    if not text:
        raise UsageError(f"--kind {kind.value} needs text (what happened)")
    now = system_clock()
    at = parse_at(args.at, now, local_zone()) if args.at is not None else now
    store.incident(args.id)
    first = (
        milestone_at(store.events(args.id), kind) if kind in MILESTONE_TEXT else None
    )
    event = store.append(args.id, kind, text, at, now=now)
    tz = local_zone()
    print(f"#{event.id} {timefmt.clock(event.at, tz)} {event.text}")
    if first is not None:
        print(
            f"cockpit: note: {kind.value} was already recorded at "
            f"{timefmt.clock(first, tz)} {timefmt.zone(first, tz)}; recorded again",
            file=sys.stderr,
        )
    return 0


def _cmd_export(args: argparse.Namespace, store: Store) -> int:
    incident = store.incident(args.id)
    runbook_title = None
    if incident.runbook_id:
        library = _library(args)
        found = library.runbooks.get(incident.runbook_id)
        runbook_title = found.title if found else incident.runbook_id
    text = render_postmortem(
        incident,
        store.events(incident.id),
        tz=local_zone(),
        now=system_clock(),
        runbook_title=runbook_title,
    )
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_file() and not args.force:
        raise UsageError(
            f"{target} already exists; add --force to overwrite it "
            "(it may hold an edited post-mortem)"
        )
    write_export(target, text)
    print(
        f"Wrote the post-mortem of incident {incident.id} to {args.output}",
        file=sys.stderr,
    )
    return 0


def _cmd_runbooks(args: argparse.Namespace) -> int:
    folder = (
        Path(args.dir).expanduser()
        if args.dir
        else paths.runbooks_dir(getattr(args, "runbooks", None))
    )
    if not folder.is_dir():
        raise UsageError(f"runbook folder {folder} does not exist")
    library = load_library(folder)
    count = len(library.runbooks)
    print(f"{count} runbook{'' if count == 1 else 's'} in {folder}")
    if library.runbooks:
        width = max(len(rid) for rid in library.runbooks)
        print(f"{'ID':<{width}}  STEPS  CMDS  TITLE")
        for rid, runbook in sorted(library.runbooks.items()):
            print(
                f"{rid:<{width}}  {len(runbook.steps):>5}  "
                f"{len(runbook.commands):>4}  {runbook.title}"
            )
    if library.errors:
        print(f"\n{len(library.errors)} could not be loaded:")
        for error in library.errors:
            print(f"  {error}")
        return 1
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from cockpit.demo import seed_demo

    folder = Path(tempfile.mkdtemp(prefix="cockpit-demo-"))
    db = folder / "demo.db"
    store = Store.open(db)
    try:
        library = _library(args)
        incident = seed_demo(store, library, system_clock())
        code = _run_ui(args, store, incident.id)
    finally:
        store.close()
        if args.keep:
            print(f"Demo database kept at {db}", file=sys.stderr)
        else:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
