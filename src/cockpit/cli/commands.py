"""What each `cockpit` verb does, once its arguments are read."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from cockpit import paths
from cockpit.cli.parser import UsageError
from cockpit.clock import local_zone, system_clock
from cockpit.domain import MILESTONE_TEXT, EventKind, milestone_at, status_of, timefmt
from cockpit.domain.text import one_line
from cockpit.export import render_postmortem, write_export
from cockpit.runbooks import load_library
from cockpit.runbooks.model import Library
from cockpit.store import Store
from cockpit.timeparse import parse_at


def open_library(args: argparse.Namespace) -> Library:
    folder = paths.runbooks_dir(getattr(args, "runbooks", None))
    if not folder.is_dir():
        raise UsageError(f"runbook folder {folder} does not exist")
    return load_library(folder)


def require_terminal() -> None:
    """Refuse before anything is written: a hook that forgot --no-ui must not
    create an incident it never hears the id of."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the cockpit needs a terminal; from a script use 'cockpit start --no-ui', "
            "'cockpit note' or 'cockpit export'"
        )


def run_ui(args: argparse.Namespace, store: Store, incident_id: int | None) -> int:
    require_terminal()
    from cockpit.domain import DEFAULT_POLICY
    from cockpit.tui.app import CockpitApp

    app = CockpitApp(
        store=store,
        library=open_library(args),
        incident_id=incident_id,
        clock=system_clock,
        tz=local_zone(),
        policy=DEFAULT_POLICY,
    )
    app.run()
    return app.return_code or 0


def cmd_start(args: argparse.Namespace, store: Store) -> int:
    if not args.no_ui:
        require_terminal()
    now = system_clock()
    library = open_library(args)
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
    return run_ui(args, store, incident.id)


def cmd_list(store: Store) -> int:
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


def cmd_note(args: argparse.Namespace, store: Store) -> int:
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


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    incident = store.incident(args.id)
    runbook_title = None
    if incident.runbook_id:
        library = open_library(args)
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


def cmd_runbooks(args: argparse.Namespace) -> int:
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


def cmd_demo(args: argparse.Namespace) -> int:
    from cockpit.demo import seed_demo

    folder = Path(tempfile.mkdtemp(prefix="cockpit-demo-"))
    db = folder / "demo.db"
    store = Store.open(db)
    try:
        library = open_library(args)
        incident = seed_demo(store, library, system_clock())
        code = run_ui(args, store, incident.id)
    finally:
        store.close()
        if args.keep:
            print(f"Demo database kept at {db}", file=sys.stderr)
        else:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
    return code
