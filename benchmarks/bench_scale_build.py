"""What building ``default_pipeline()`` costs in a fresh process, stage by stage.

Every Ray actor builds its own pipeline (the own pool builds one and forks),
so this is the part of an actor's start-up that wortlaut controls.  In this
process: CPU seconds of importing :mod:`wortlaut.pipeline`, of each stage's
module import and construction, of the whole build, and, apart, of
simplemma's German dictionary (the largest single resource) decoded from its
shipped file against loading the decoded dictionary from ``marshal`` and
``pickle`` bytes (what a cache of it would cost).  Usage::

    .venv/bin/python -m benchmarks.bench_scale_build
"""

from __future__ import annotations

import functools
import marshal
import os
import pickle
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def _cpu(label: str, work: Callable[[], T], found: dict[str, float]) -> T:
    started = time.process_time()
    result = work()
    found[label] = round(time.process_time() - started, 2)
    return result


def build_costs() -> dict[str, float]:
    """CPU seconds per step of a first ``default_pipeline()`` in this process."""
    found: dict[str, float] = {}
    pipeline = _cpu("import wortlaut.pipeline", lambda: __import__("wortlaut.pipeline").pipeline, found)
    stage_class, construct = pipeline.stage_class, pipeline._construct

    def timed_class(name: str, module: str | None = None) -> Any:
        return _cpu(f"import {name}", lambda: stage_class(name, module), found)

    def timed_construct(cls: Any, options: Mapping[str, object]) -> Any:
        return _cpu(f"build {cls.name}", lambda: construct(cls, options), found)

    pipeline.stage_class, pipeline._construct = timed_class, timed_construct
    try:
        _cpu("default_pipeline() in all", pipeline.default_pipeline, found)
    finally:
        pipeline.stage_class, pipeline._construct = stage_class, construct
    return found


def simplemma_costs() -> dict[str, float]:
    """simplemma's German dictionary: decoded from its file, and from marshal or pickle bytes."""
    from simplemma.strategies.dictionaries import dictionary_factory as factory

    found: dict[str, float] = {}
    decoded = _cpu("simplemma de: decode its file", lambda: factory._load_dictionary_from_disk("de"), found)
    for name, module in (("marshal", marshal), ("pickle", pickle)):
        data = module.dumps(decoded)
        load = functools.partial(module.loads, data)
        _cpu(f"simplemma de: {name}.loads ({len(data) / 2**20:.0f} MiB)", load, found)
    return found


def main() -> int:
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(f"{now}, load {'/'.join(f'{value:.2f}' for value in os.getloadavg())} (CPU seconds)")
    for label, seconds in {**build_costs(), **simplemma_costs()}.items():
        print(f"  {seconds:6.2f}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
