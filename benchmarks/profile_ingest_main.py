"""Where the main process of ``wortlaut ingest --workers N`` spends its time (issue 17).

Runs ``wortlaut ingest`` in this process under cProfile; the forked workers drop
the profiler in their pool initializer, so the profile is the parent's alone
(reading, unpickling the workers' results, the store, linking, e5 for
statements).  Beside the profile it writes, per stored batch, the parent's CPU
and wall seconds inside the batch's store-and-link step (``<out>.flush.tsv``:
articles stored so far, batch size, CPU s, wall s), which shows how the cost
per article grows with the store, and at its end how many texts linking
encoded in the main process by cache kind (``e5-small-q4-query:statement``,
``static-…:article``, …; texts handed over by the workers not counted), the
count issue 17y reduced.  ``--no-profile`` writes only that table
(the profiler roughly doubles Python code's time).  The profiler's timer is the
process's CPU time: a wall-clock profile on a shared machine charges the waits
for a core (and for the workers) to whatever function ran.  Usage::

    .venv/bin/python -m benchmarks.profile_ingest_main OUT.prof INPUT... --db STORE [--workers 2]
    .venv/bin/python -c "import pstats; pstats.Stats('OUT.prof').sort_stats('cumulative').print_stats(40)"

Give a fresh ``--db`` and ``--published`` as for ``wortlaut ingest``; every
argument after ``OUT.prof`` goes to ``wortlaut ingest`` unchanged.
"""

from __future__ import annotations

import cProfile
import resource
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from wortlaut.store import embeddings, loader


def _count_encoded(counts: Counter[str]) -> None:
    """Count, by cache kind, the texts :func:`wortlaut.store.embeddings.prefetch` sends to an encoder."""
    vectors_of = embeddings._vectors_of

    def counted(encoder: Any, missing: list[tuple[str, str, str]], given: Any) -> Any:
        counts.update(kind for kind, _, text in missing if given.get((kind, text)) is None)
        return vectors_of(encoder, missing, given)

    embeddings._vectors_of = counted


def _patch(log: TextIO) -> None:
    """Workers drop the profiler; each batch flush logs the parent's CPU and wall time."""
    adopt, flush = loader._adopt_worker, loader._BatchWriter.flush

    def quiet_adopt(*args: Any) -> None:
        sys.setprofile(None)
        adopt(*args)

    def timed_flush(self: Any) -> None:
        size, cpu, wall = len(self.buffer), time.process_time(), time.perf_counter()
        flush(self)
        print(self.report.stored, size, f"{time.process_time() - cpu:.3f}",
              f"{time.perf_counter() - wall:.3f}", sep="\t", file=log, flush=True)  # fmt: skip

    loader._adopt_worker = quiet_adopt  # type: ignore[assignment]
    loader._BatchWriter.flush = timed_flush  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    profile = "--no-profile" not in args
    args = [arg for arg in args if arg != "--no-profile"]
    if len(args) < 2:
        print(__doc__)
        return 2
    out, ingest_args = args[0], ["ingest", *args[1:]]
    from wortlaut.cli import main as cli

    encoded: Counter[str] = Counter()
    with open(f"{out}.flush.tsv", "w", encoding="utf-8") as log:
        _patch(log)
        _count_encoded(encoded)
        profiler = cProfile.Profile(time.process_time) if profile else None
        if profiler:
            profiler.enable()
        try:
            cli.main(ingest_args, standalone_mode=False)
        finally:
            if profiler:
                profiler.disable()
                profiler.dump_stats(out)
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"main process CPU {own.ru_utime + own.ru_stime:.1f} s, workers "
              f"{children.ru_utime + children.ru_stime:.1f} s", file=log)  # fmt: skip
        print("texts encoded in the main process by cache kind:", dict(sorted(encoded.items())), file=log)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
