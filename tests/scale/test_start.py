"""Ray Data's imports run in a thread while ``ray.init`` waits, and never start Ray themselves."""

from __future__ import annotations

import sys

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'wortlaut[scale]')")
from wortlaut.scale.job import RAY_DATA_MODULES, _import_ray_data_meanwhile  # noqa: E402


def test_ray_data_is_imported_in_a_thread_without_starting_ray() -> None:
    was_running = ray.is_initialized()
    thread = _import_ray_data_meanwhile()
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert thread.daemon  # a hung import cannot keep the process alive
    assert "ray.data" in sys.modules
    assert set(RAY_DATA_MODULES) <= set(sys.modules)
    assert ray.is_initialized() == was_running  # DataContext.get_current() did not start Ray
