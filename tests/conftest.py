"""Shared fixtures: the ``../shared`` folder (skipped with a reason when absent) and small articles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pgserver
from tests.pgserver import Server
from wortlaut.pipeline import CHECK_VARIABLE
from wortlaut.settings import get_settings

#: The suite holds every stage of the default pipeline to its declared contract (see wortlaut.contracts);
#: set the variable to 0 to time the suite without the checks.
os.environ.setdefault(CHECK_VARIABLE, "1")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = get_settings().paths.shared or PROJECT_ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, skipping the calling test with a visible reason when it is missing."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data beside the project); not present here")
    return path


@pytest.fixture
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A throwaway PostgreSQL server for the session; the test skips, saying why, when none can start."""
    started = pgserver.start()
    if isinstance(started, str):
        pytest.skip(f"PostgreSQL store tests: {started}")
    yield started
    started.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: a SQLite file, then a fresh PostgreSQL schema (both engines)."""
    if request.param == "sqlite":
        return str(tmp_path / "s.sqlite")
    server: Server = request.getfixturevalue("pg_server")
    return server.url()
