"""HanTa's word analysis against its exact reimplementation on unknown 10kGNAD word forms.

Takes distinct lower-cased word forms of the 10kGNAD test articles that are not
in HanTa's lexicon (its ``cache``) and at most 14 characters long (what the
morphology stage hands HanTa: longer unknown words are analysed by their head),
in a fixed shuffled order, analyses them first with
:class:`wortlaut.morph.forward.FastForward` (memos empty at the start),
then with HanTa's own ``analyze_forward``, and prints CPU ms per word, the
speed-up, how many results differ (must be 0) and the growth of the resident
set during the fast pass.  Usage::

    .venv/bin/python -m benchmarks.bench_morph_forward [--words 12000]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path

from HanTa import HanoverTagger as ht

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.morph.forward import FastForward

#: Longest form handed to HanTa by the morphology stage (``LOWER_HEAD_CHARS``).
MAX_CHARS = 14


def unknown_forms(known: object, count: int) -> list[str]:
    """Distinct lower-cased 10kGNAD forms outside HanTa's lexicon, shuffled with a fixed seed."""
    forms = {
        word.lower()
        for article in gnad_articles()
        for word in re.findall(r"\w+", article.text)
        if len(word) <= MAX_CHARS
    }
    unknown = sorted(form for form in forms if form not in known)  # type: ignore[operator]
    random.Random(2).shuffle(unknown)
    return unknown[:count]


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=12_000)
    args = parser.parse_args(argv)
    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    try:
        words = unknown_forms(tagger.cache, args.words)
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    fast = FastForward(tagger)
    before = _rss_mb()
    started = time.process_time()
    ours = [fast.analyze(word) for word in words]
    fast_seconds = time.process_time() - started
    grown = _rss_mb() - before
    started = time.process_time()
    reference = [tagger.analyze_forward(word) for word in words]
    hanta_seconds = time.process_time() - started
    differ = sum(a != b for a, b in zip(ours, reference, strict=True))
    print(f"{len(words)} unknown word forms: HanTa {1000 * hanta_seconds / len(words):.2f} ms/word, "
          f"FastForward {1000 * fast_seconds / len(words):.2f} ms/word "
          f"({hanta_seconds / fast_seconds:.2f}x), {differ} results differ; "
          f"RSS grew {grown:.0f} MB during the fast pass")  # fmt: skip
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
