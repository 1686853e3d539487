"""The one error the store raises, so callers catch a single type."""

from __future__ import annotations


class StoreError(Exception):
    """Something the user can act on went wrong with the incident database.

    The message is one line and names the database file where the file is at fault.
    """
