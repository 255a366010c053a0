"""Wrong time values on text the rules were not written from: each own set under the rules it first met.

:mod:`wortlaut.eval.timex_errors` sorts the wrong values of the development pool by decision, but today's
rules were written by reading those very documents, so their errors there are what reading left (issue 15m).
Every own set was annotated and committed before any rule ran on it; the rules of that revision (or of the
last one before its errors were first read) had never seen it. This runs those rules on the set, in a fresh
process with ``git archive``'s copy of that revision's ``src`` on the path, and sorts their wrong values
with today's classes and today's readings (``timex_errors.classify``; where today's finder has no candidate
at the place, the value-only test). So it gives the error profile of the rules on fresh text, set by set.
The held-back sets (C, E, G, M) and the KRAUTS halves (read from the start) are not in it. Usage::

    .venv/bin/python -m wortlaut.eval.timex_fresh            # needs git history and ../shared
    .venv/bin/python -m wortlaut.eval.timex_fresh --lines
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from wortlaut.article import TimeExpr
from wortlaut.eval import timex as evaluation
from wortlaut.eval.timex_errors import CLASSES, ProbingFinder, classify
from wortlaut.eval.timex_sets import SHARED_DATA, own_documents
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.timeml import TimeMLDocument

#: Development set -> the revision whose rules first met it unread: the commit that added the set (annotated
#: before any rule ran on it), or for the sets held back at first the last commit before their errors were
#: read (I and K: 90d85c3, the start of 15j; L: 0f27efb, the start of 15k).
FRESH_RULES = {
    "own": "d607974",
    "own-b": "cabf311",
    "own-d": "0f092e8",
    "own-f": "620a7b7",
    "own-h": "58d1273",
    "own-i": "90d85c3",
    "own-j": "6b81850",
    "own-k": "90d85c3",
    "own-l": "0f27efb",
}
#: Runs the finder of whatever ``wortlaut`` is on the path over ``[name, dct, text]`` rows from stdin and
#: writes each text's finds as JSON (old revisions lack ``timeml_value`` and ``anchors.parse_day``).
RUNNER = """
import json, sys
from datetime import date
from wortlaut.timex.finder import TimeFinder
def day(value):
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
finder, out = TimeFinder(), {}
for name, dct, text in json.load(sys.stdin):
    found = finder.find(text, anchor=lambda _o, d=day(dct): d)
    out[name] = [[e.start, e.end, e.text, e.type, e.value, getattr(e, "timeml_value", None)] for e in found]
json.dump(out, sys.stdout)
"""


def old_finds(src: Path, docs: Sequence[TimeMLDocument]) -> dict[str, list[TimeExpr]]:
    """The finds of the finder in ``src`` (a checkout's ``src`` folder) on each document, by document name."""
    rows = [[doc.name, doc.dct, doc.text] for doc in docs]
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(rows),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return {
        name: [
            TimeExpr(start=s, end=e, text=t, type=k, value=v, timeml_value=m) for s, e, t, k, v, m in finds
        ]
        for name, finds in json.loads(result.stdout).items()
    }


def archived_src(revision: str, into: Path) -> Path:
    """``src`` of a revision of this repository, unpacked under ``into``."""
    archive = subprocess.run(["git", "archive", revision, "src"], capture_output=True, check=True).stdout
    target = into / revision
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "src"


def profile_set(
    docs: Sequence[TimeMLDocument], finds: dict[str, list[TimeExpr]], label: str
) -> tuple[Counter[str], list[str]]:
    """Counts by class (and ``wrong``, ``missed``, ``spurious``, ``right``, ``found``, ``gold``) of the given
    finds, classified with today's readings, and one line per wrong value."""
    probe, counts, lines = ProbingFinder(), Counter[str](), []
    for doc in docs:
        probe.find(doc.text, anchor=evaluation._constant(parse_day(doc.dct)))
        predicted = finds.get(doc.name, [])
        pairs = evaluation.align(doc.timexes, predicted)
        counts.update(gold=len(doc.timexes), found=len(predicted), matched=len(pairs))
        counts.update(missed=len(doc.timexes) - len(pairs), spurious=len(predicted) - len(pairs))
        for gold, pred in pairs:
            got = evaluation.timeml_reading(pred) or ""
            if got == gold.value:
                counts["right"] += 1
                continue
            kind = classify(gold, pred, probe.alternatives.get(pred.start))
            counts.update([kind, "wrong"])
            lines.append(f"{kind}\t{label}\t{doc.name}\t{gold.text!r}\tgold {gold.value}\tgot {got}")
    return counts, lines


def table(per_set: dict[str, Counter[str]]) -> list[str]:
    """One row per class and per count, one column per set and the total."""
    names = list(per_set)
    out = [f"{'':28s} {'all':>5s} " + " ".join(f"{name:>6s}" for name in names)]
    for key in (*CLASSES, "wrong", "missed", "spurious", "right", "gold"):
        row = [per_set[name][key] for name in names]
        out.append(f"{key:28s} {sum(row):5d} " + " ".join(f"{count:6d}" for count in row))
    f1 = [
        2 * c["right"] / (c["found"] + c["gold"]) if c["found"] + c["gold"] else 0.0 for c in per_set.values()
    ]
    out.append(f"{'value F1':28s} {'':5s} " + " ".join(f"{score:6.3f}" for score in f1))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", action="store_true", help="one line per wrong value")
    args = parser.parse_args(argv)
    if not (SHARED_DATA / "news-10kgnad").is_dir():
        print(f"{SHARED_DATA}: shared data not found")
        return 1
    per_set, lines = {}, []
    with tempfile.TemporaryDirectory() as folder:
        for name, revision in FRESH_RULES.items():
            src = Path(folder) / revision / "src"
            if not src.is_dir():
                src = archived_src(revision, Path(folder))
            docs = own_documents(SHARED_DATA, name=name)
            per_set[name], found = profile_set(docs, old_finds(src, docs), f"{name}@{revision}")
            lines += found
    print("\n".join(table(per_set)))
    if args.lines:
        print("\n".join(sorted(lines)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
