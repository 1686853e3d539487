"""Where cockpit keeps its data and finds its runbooks.

Nothing here touches the disk at import time; folders are created only when the
store opens its file.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

DB_ENV = "COCKPIT_DB"
RUNBOOKS_ENV = "COCKPIT_RUNBOOKS"


def default_db_path() -> Path:
    """The incident log in the user's data directory."""
    return platformdirs.user_data_path("cockpit") / "incidents.db"


def db_path(option: str | None) -> Path:
    """The database to use: `--db`, else $COCKPIT_DB, else the default."""
    chosen = option or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_db_path()


def bundled_runbooks() -> Path:
    """The runbooks shipped with cockpit.

    In a source checkout they are the repository's runbooks/ folder; in an installed
    wheel they are packaged as cockpit/bundled_runbooks.
    """
    checkout = Path(__file__).resolve().parents[2] / "runbooks"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("cockpit") / "bundled_runbooks"))


def runbooks_dir(option: str | None) -> Path:
    """The runbook folder: `--runbooks`, else $COCKPIT_RUNBOOKS, else bundled."""
    chosen = option or os.environ.get(RUNBOOKS_ENV)
    return Path(chosen).expanduser() if chosen else bundled_runbooks()
