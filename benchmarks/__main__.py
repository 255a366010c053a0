"""Run every ``benchmarks/bench_*.py`` module in turn: ``python -m benchmarks [NAME ...]``.

Each module's ``main`` runs with its defaults (``main([])`` when it takes an argument list,
``main()`` otherwise, so ``sys.argv`` does not leak into it).  Naming modules (``language``,
``bench_ner``) runs only those.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path


def bench_names(selected: list[str]) -> list[str]:
    """The bench_* modules beside this file, optionally only the selected ones."""
    folder = Path(__file__).resolve().parent
    modules = pkgutil.iter_modules([str(folder)])
    names = sorted(info.name for info in modules if info.name.startswith("bench_"))
    wanted = {name if name.startswith("bench_") else f"bench_{name}" for name in selected}
    return [name for name in names if not wanted or name in wanted]


def main(argv: list[str] | None = None) -> int:
    """Import each bench module and call its ``main``; the exit code is the first failure's."""
    status = 0
    for name in bench_names(sys.argv[1:] if argv is None else argv):
        print(f"== {name}", flush=True)
        entry = getattr(importlib.import_module(f"benchmarks.{name}"), "main", None)
        if entry is None:
            continue
        result = entry([]) if inspect.signature(entry).parameters else entry()
        status = status or int(result or 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
