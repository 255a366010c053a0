"""Guard the public API re-exported from ``wortlaut/__init__.py``."""

from __future__ import annotations

import wortlaut


def test_every_name_in_all_is_importable() -> None:
    for name in wortlaut.__all__:
        assert hasattr(wortlaut, name), name


def test_all_is_sorted_and_unique() -> None:
    assert list(wortlaut.__all__) == sorted(set(wortlaut.__all__))
