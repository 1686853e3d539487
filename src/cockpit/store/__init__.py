"""The incident database: SQLite through sqlite-utils, append-only log, WAL."""

from cockpit.store.errors import StoreError
from cockpit.store.store import Store

__all__ = ["Store", "StoreError"]
