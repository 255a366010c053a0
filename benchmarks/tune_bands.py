"""Choose the cascade's bands with e5 as the teacher, by cross-validation on unlabelled news (issue 17y).

The cascade (:mod:`wortlaut.link.cascade`) must make e5's decision wherever the
static encoder's could differ; the story collection's dev half is too small to
show where that is.  This tool replays the main process of a finished ingest
(the analysed articles read back from its store, ``add_and_link`` on batches of
32 into a fresh store, the cascade with the given bands; e5 vectors the run
cached are read from it, other texts encoded) and records, with e5's verdict
beside the cascade's:

- every compared statement pair that may merge (:func:`wortlaut.link.statements._may_merge`):
  its static and its e5 margin;
- every lead judged against active stories: the cheap score's distance to the
  threshold and whether e5's vector would choose the same story (or a new one)
  given the same stories.

It then prints, for 5 folds by article, the smallest grid value keeping every
training fold's disagreements inside the band and how many held-out ones fall
outside.  Usage (stores made by ``wortlaut ingest --workers 2 --published
2024-06-01`` with the cascade, e.g. of the 1,028 10kGNAD and the 700 WikiNews
train texts; ``--band`` and ``--leads`` replay with other bands than the code's, e.g. the ones the
stores were ingested with)::

    .venv/bin/python -m benchmarks.tune_bands STORE.sqlite [...] [--band 0.2 0.0 --leads 0.05 0.05]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wortlaut.article import Article
from wortlaut.link import statements, stories
from wortlaut.link.cascade import BAND_ABOVE, BAND_BELOW, LEAD_BAND, CascadeEncoder
from wortlaut.link.encoder import E5Encoder
from wortlaut.link.flow import add_and_link
from wortlaut.store import Store
from wortlaut.store.embeddings import text_key

FOLDS = 5
STATEMENT_GRID = (0.05, 0.1, 0.15, 0.2)
LEAD_GRID = (0.01, 0.02, 0.03, 0.04, 0.05)

#: (source, article id, first id, second id, static margin, e5 margin) of the compared statement pairs.
Pair = tuple[str, str, str, str, float, float]
#: (source, article id, cheap best score - threshold, whether e5 makes the same choice).
Lead = tuple[str, str, float, bool]


class CachedE5:
    """e5 reading the vectors an ingest cached (by text hash), encoding only texts it never encoded."""

    def __init__(self, store: Path) -> None:
        self.inner = E5Encoder()
        self.name, self.family, self.dim = self.inner.name, self.inner.family, self.inner.dim
        with sqlite3.connect(store) as db:
            rows = db.execute("SELECT item_id, vector FROM embeddings WHERE kind LIKE ?", (f"{self.name}:%",))
            self.cache = {key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text_key(text) not in self.cache]
        if missing:
            self.cache.update(zip(map(text_key, missing), self.inner.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.cache[text_key(text)] for text in texts])


def _record_pairs(source: str, pairs: list[Pair]) -> Callable[..., Any]:
    """A wrapper of ``statements.choice_for_batch`` that records each batch's pairs once."""
    choose, seen = statements.choice_for_batch, set()

    def recording(connection: Any, encoder: Any, batch: statements.SpeakerBatch, *decided: Any) -> Any:
        chosen = choose(connection, encoder, batch, *decided)
        key = tuple(row.id for row in batch.rows)
        if isinstance(encoder, CascadeEncoder) and key not in seen:
            seen.add(key)
            pairs.extend(_pairs(source, encoder, batch))
        return chosen

    return recording


def _pairs(source: str, encoder: CascadeEncoder, batch: statements.SpeakerBatch) -> list[Pair]:
    items, count = statements._items(batch), len(batch.rows)
    texts = [item.text for item in items]
    margins = [
        statements.margins(np.asarray(side.encode(texts), dtype=np.float32), items, count,
                           statements.thresholds(side.family))
        for side in (encoder.cheap, encoder.precise)
    ]  # fmt: skip
    far = statements._too_far(items, count)
    stem_sets = [statements._stems(item.text, item.language) for item in items]
    return [
        (source, batch.rows[row].article_id, items[row].id, items[column].id,
         float(margins[0][row, column]), float(margins[1][row, column]))
        for row in range(count) for column in range(len(items))
        if column != row and not far[row, column] and statements._may_merge(items, stem_sets, row, column)
    ]  # fmt: skip


def _record_leads(source: str, leads: dict[str, Lead], encoder: CascadeEncoder) -> Callable[..., Any]:
    """A wrapper of ``stories._choose`` that records, per lead, the cheap and the e5 choice (last call)."""
    choose = stories._choose

    def recording(connection: Any, active: Any, vector: Any, row: Any, original: Any, assigned: Any,
                  threshold: float) -> Any:  # fmt: skip
        found = choose(connection, active, vector, row, original, assigned, threshold)
        if found[2] is not None and original is None:
            precise = np.asarray(encoder.precise.encode([stories.article_text(row, encoder.family)])[0])
            if not np.array_equal(precise, vector):  # the cheap vector's judgement, not the refined one's
                exact = choose(connection, active, precise, row, None, assigned, threshold)
                leads[row.id] = (source, row.id, found[2] - threshold, exact[0] == found[0])
        return found

    return recording


def replay(store: Path, pairs: list[Pair], leads: dict[str, Lead], bands: dict[str, Any]) -> None:
    """Replay ``store``'s ingest with the cascade (``bands``: its bands), recording pairs and leads."""
    source = store.stem
    with sqlite3.connect(store) as db:
        records = [json.loads(row[0]) for row in db.execute("SELECT json FROM articles ORDER BY rid")]
    articles = [Article.from_json(record) for record in records]
    encoder = CascadeEncoder(precise=CachedE5(store), **bands)
    saved = statements.choice_for_batch, stories._choose
    statements.choice_for_batch = _record_pairs(source, pairs)
    stories._choose = _record_leads(source, leads, encoder)
    try:
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "replay.sqlite") as target:
            for start in range(0, len(articles), 32):
                add_and_link(target, articles[start : start + 32], encoder=encoder)
    finally:
        statements.choice_for_batch, stories._choose = saved


def cross_validate(
    name: str, items: Sequence[tuple[str, float, bool]], grid: Sequence[float]
) -> None:
    """Per fold (by article): the smallest grid value below which no training disagreement lies."""
    articles = sorted({article for article, _, _ in items})
    random.Random(1).shuffle(articles)
    fold = {article: number % FOLDS for number, article in enumerate(articles)}
    for number in range(FOLDS):
        train = [item for item in items if fold[item[0]] != number]
        held = [item for item in items if fold[item[0]] == number]
        need = max([-distance for _, distance, agrees in train if not agrees and distance < 0] + [0.0])
        pick = min([value for value in grid if value >= need] or [max(grid)])
        missed = sum(1 for _, distance, agrees in held if not agrees and distance < -pick)
        print(f"{name}, fold {number}: training needs {need:.3f} -> {pick}; held-out disagreements below "
              f"it {missed} of {sum(1 for _, _, agrees in held if not agrees)}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--band", type=float, nargs=2, default=(BAND_BELOW, BAND_ABOVE),
                        help="the statement band (below, above) to replay with")  # fmt: skip
    parser.add_argument("--leads", type=float, nargs=2, default=LEAD_BAND, help="the lead band")
    args = parser.parse_args(argv)
    bands = {"band": tuple(args.band), "leads": tuple(args.leads)}
    pairs: list[Pair] = []
    leads: dict[str, Lead] = {}
    for store in args.stores:
        replay(store, pairs, leads, bands)
    unique = {(source, *sorted((first, second))): (article, static, e5)
              for source, article, first, second, static, e5 in pairs}  # fmt: skip
    # a pair disagrees when e5 would merge it (margin >= 0): its static margin must lie in the band
    statement_items = [
        (f"{key[0]}/{article}", static, e5 < 0) for key, (article, static, e5) in unique.items()
    ]
    lead_items = [(f"{source}/{article}", distance, same) for source, article, distance, same
                  in leads.values()]  # fmt: skip
    positive = sum(not agrees for _, _, agrees in statement_items)
    other = sum(not agrees for _, _, agrees in lead_items)
    print(f"{len(unique)} statement pairs that may merge, {positive} e5-positive; {len(lead_items)} leads,"
          f" {other} with another e5 choice")  # fmt: skip
    cross_validate("statements, band below", statement_items, STATEMENT_GRID)
    cross_validate("leads, band below", lead_items, LEAD_GRID)
    above = sorted(static for _, static, e5 in unique.values() if static > 0 and e5 < 0)
    print(f"statement pairs static trusts (margin > 0) and e5 rejects: {[round(v, 3) for v in above]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
