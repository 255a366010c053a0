"""Shared fixtures: the ``../shared`` folder (skipped with a reason when absent) and small articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
