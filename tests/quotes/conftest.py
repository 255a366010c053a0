"""Fixtures shared by the quotation tests."""

from __future__ import annotations

import pytest

from wortlaut.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The default pipeline, as a user gets it: the quotation tests run whole articles through it."""
    return default_pipeline()
