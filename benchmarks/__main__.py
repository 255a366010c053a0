"""Run every ``benchmarks/bench_*.py`` module in turn: ``python -m benchmarks``."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    """Import each bench module and call its ``main()``; the exit code is the first failure's."""
    status = 0
    folder = Path(__file__).resolve().parent
    for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda item: item.name):
        if not info.name.startswith("bench_"):
            continue
        print(f"== {info.name}", flush=True)
        module = importlib.import_module(f"benchmarks.{info.name}")
        result = module.main([]) if hasattr(module, "main") else 0
        status = status or int(result or 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
