"""Fixtures for the cockpit's pilot and snapshot tests, and a runner for async tests.

The shared venv has no asyncio plugin for pytest, so `async def` tests run here
under asyncio.run, each in a fresh event loop.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_support import RUNBOOK, Clock, seed

from cockpit.domain import Incident
from cockpit.runbooks.model import Library
from cockpit.store import Store


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    names = inspect.signature(test).parameters
    asyncio.run(test(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def library() -> Library:
    return Library({RUNBOOK.id: RUNBOOK})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cockpit.db")
    yield opened
    opened.close()


@pytest.fixture
def incident(store: Store) -> Incident:
    return seed(store)
