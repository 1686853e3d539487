"""The `cockpit` command: open the cockpit, or feed and read the log from a shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cockpit import paths
from cockpit.cli import commands
from cockpit.cli.parser import EXIT_USAGE, UsageError, build_parser
from cockpit.export import ExportError
from cockpit.store import Store, StoreError
from cockpit.timeparse import TimeParseError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `cockpit` command; returns the exit status."""
    parser, verbs = build_parser()
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
        return commands.cmd_runbooks(args)
    if verb == "paths":
        print(f"database  {paths.db_path(getattr(args, 'db', None))}")
        print(f"runbooks  {paths.runbooks_dir(getattr(args, 'runbooks', None))}")
        return 0
    if verb == "demo":
        return commands.cmd_demo(args)
    if getattr(args, "db", None) == "":
        raise UsageError("--db needs a file path")
    store = Store.open(paths.db_path(getattr(args, "db", None)))
    try:
        if verb == "start":
            return commands.cmd_start(args, store)
        if verb == "list":
            return commands.cmd_list(store)
        if verb == "note":
            return commands.cmd_note(args, store)
        if verb == "export":
            return commands.cmd_export(args, store)
        incident_id = getattr(args, "id", None)
        if incident_id is not None:
            store.incident(incident_id)
        else:
            latest = store.latest_open()
            incident_id = latest.id if latest else None
        return commands.run_ui(args, store, incident_id)
    finally:
        store.close()
