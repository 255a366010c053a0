"""Entity and coreference stage throughput on one core over the 1,028 10kGNAD articles.

The articles first go through the stages before them (structure, tokens,
morph), untimed; then the entity stage (KB gazetteer, patterns, appositions;
with and without the NER tagger when its model is installed) and the
coreference stage are timed on their own.  Times are CPU seconds of this
process (``time.process_time``), so other work on a shared machine does not
inflate them; the stages are single-threaded, so that is one core.  Usage::

    .venv/bin/python -m benchmarks.bench_entities [--limit N]
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from benchmarks.stagebench import limit_parser, prepared_gnad, timed
from wortlaut.ner.words import default_tagger
from wortlaut.stages.coref import CorefStage
from wortlaut.stages.entities import EntitiesStage

BEFORE = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
)


def main(argv: Sequence[str] | None = None) -> int:
    args = limit_parser(__doc__).parse_args(argv)
    articles = prepared_gnad(args.limit, BEFORE)
    if articles is None:
        return 0
    started = time.perf_counter()
    plain, coref = EntitiesStage(tagger=None), CorefStage()
    print(f"KB, patterns and description matcher loaded in {time.perf_counter() - started:.2f}s")
    with_entities = timed("entities.crf.v1 (no tagger)", plain, articles)
    tagger = default_tagger()
    if tagger is not None:
        with_entities = timed("entities.crf.v1 (with NER tagger)", EntitiesStage(tagger=tagger), articles)
    else:
        print("entities.crf.v1 with NER tagger: skipped, no NER model installed")
    timed("coref.rules.v1", coref, with_entities)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
