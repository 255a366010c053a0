"""One time finder for all timex tests (loading its lexicon and patterns takes a while)."""

from __future__ import annotations

import pytest

from wortlaut.timex.finder import TimeFinder


@pytest.fixture(scope="session")
def finder() -> TimeFinder:
    return TimeFinder()
