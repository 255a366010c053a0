"""Calibrate the static encoder's linking thresholds and the cascade's band on the DEV half only.

The project's protocol for linking thresholds (docs/quality.md, "Stories and
statement groups"): the dev half of ``src/wortlaut/eval/data/stories`` chooses,
the test half is only measured.  Story thresholds are chosen with 250
unrelated 10kGNAD articles as distractors, all dated one day inside the dev
half's span (the worst case for the time decay), counting how many of them end
up in shared stories.  Three sweeps, printed as tables::

    .venv/bin/python -m benchmarks.tune_static stories     # story threshold x article words
    .venv/bin/python -m benchmarks.tune_static statements  # same/cross-language margin thresholds
    .venv/bin/python -m benchmarks.tune_static band        # the cascade's band (e5 calls vs scores)
    .venv/bin/python -m benchmarks.tune_static leads       # the cascade's lead band (issue 17w)

``--table`` picks the static table (the trained ``static-e5-tl`` or the first ``static-e5``);
``--grid-story``, ``--grid-words``, ``--grid-same``, ``--grid-cross`` and ``--grid-leads`` replace a
sweep's grid (a trained table's vectors imitate e5, whose cosines are compressed, so its thresholds
lie in e5's range rather than the first table's).
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.eval.stories import E5Encoder, MemoEncoder, run_split
from wortlaut.eval.stories_collection import GoldArticle, build_article, load_collection, load_gazetteer
from wortlaut.link.cascade import BAND_ABOVE, BAND_BELOW, CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.link.static import TABLE, StaticEncoder
from wortlaut.settings import reset_settings, use_config

DISTRACTORS = 250


def _calibrate(folder: Path, values: dict[str, float]) -> None:
    """Make the static family's calibration ``values`` the settings in effect."""
    path = folder / f"c{abs(hash(tuple(sorted(values.items()))))}.toml"
    lines = ["[linking.calibration.static]"] + [f"{key} = {value}" for key, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reset_settings()
    use_config(path)


def distractors(dev: Sequence[GoldArticle]) -> list[GoldArticle]:
    """250 10kGNAD articles (entities from the collection's gazetteer), dated one dev day."""
    days = sorted(item.article.published or "" for item in dev)
    day = days[len(days) // 2]
    gazetteer = load_gazetteer()
    record = {"published": day, "source": "10kgnad", "language": "de", "split": "distractor", "story": ""}
    found = []
    for number, article in enumerate(gnad_articles(limit=DISTRACTORS)):
        # 10kGNAD texts are one line and build_article takes the first line as the title: break
        # after the first sentence so that a distractor has a title like the collection's articles.
        text = article.text.replace(". ", ".\n", 1)
        built = build_article({**record, "story": f"distractor-{number}"}, text, [], gazetteer)
        found.append(built)
    return found


def _run(articles: Sequence[GoldArticle], encoder: Encoder) -> dict[str, Any]:
    return run_split(articles, encoder)


def story_of(articles: Sequence[GoldArticle], encoder: Encoder) -> dict[str, str]:
    """Article id -> story id after ingesting ``articles`` one by one in date order (as run_split does)."""
    from wortlaut.link import update
    from wortlaut.store import Store

    chosen = sorted(articles, key=lambda item: (item.article.published or "", item.article.id))
    with Store.open(":memory:") as store:
        for item in chosen:
            store.add_many([item.article], link=False)
            update(store, [item.article.id], encoder=encoder)
        return dict(store.link_assignments().stories)


def shared_distractors(dev: list[GoldArticle], extra: list[GoldArticle], encoder: Encoder) -> tuple[int, int]:
    """How many distractors end up in shared stories, and the largest such story."""
    mixed = story_of([*dev, *extra], encoder)
    sizes = Counter(mixed[item.article.id] for item in [*dev, *extra])
    shared = [item for item in extra if sizes[mixed[item.article.id]] > 1]
    return len(shared), max((sizes[mixed[item.article.id]] for item in shared), default=1)


def sweep_stories(
    dev: list[GoldArticle], encoder: Encoder, folder: Path, grid: tuple[Sequence[int], Sequence[float]]
) -> None:
    extra = distractors(dev)
    print("| article words | story threshold | dev BCubed F1 | distractors in shared stories | largest |")
    print("|---|---|---|---|---|")
    for words, threshold in itertools.product(*grid):
        _calibrate(folder, {"story": threshold, "article_words": words})
        alone = _run(dev, encoder)
        shared, largest = shared_distractors(dev, extra, encoder)
        print(f"| {words} | {threshold} | {alone['stories_bcubed']['f1']:.3f} | {shared} | {largest} |",
              flush=True)  # fmt: skip


def sweep_statements(
    dev: list[GoldArticle],
    encoder: Encoder,
    folder: Path,
    story: dict[str, float],
    grid: tuple[Sequence[float], Sequence[float]],
) -> None:
    print("| same-language | cross-language | dev groups pairwise P / R / F1 | BCubed F1 |")
    print("|---|---|---|---|")
    for same, cross in itertools.product(*grid):
        _calibrate(folder, {**story, "same_language": same, "cross_language": cross})
        result = _run(dev, encoder)
        pair = result["groups_pairwise"]
        print(f"| {same} | {cross} | {pair['precision']:.3f} / {pair['recall']:.3f} / {pair['f1']:.3f} | "
              f"{result['groups_bcubed']['f1']:.3f} |", flush=True)  # fmt: skip


class _Counting(MemoEncoder):
    """Counts the texts the cascade sends to e5 (after the memo, i.e. distinct texts)."""

    calls = 0

    def encode(self, texts: Sequence[str]) -> Any:
        type(self).calls += len(texts)
        return super().encode(texts)


def sweep_leads(
    dev: list[GoldArticle], cheap: StaticEncoder, folder: Path, static: dict[str, float],
    grid: Sequence[float], band: tuple[float, float],
) -> None:  # fmt: skip
    """Lead bands (below = above = each grid value): e5 texts, dev stories and groups, distractors."""
    precise = _Counting(E5Encoder())
    extra = distractors(dev)
    print("| lead band | texts to e5 (dev) | dev stories BCubed F1 | dev groups pairwise F1 | BCubed F1 |"
          " distractors shared (largest) | e5 texts with distractors |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for width in grid:
        _calibrate(folder, static)
        cascade = CascadeEncoder(cheap=cheap, precise=precise, band=band, leads=(width, width))
        _Counting.calls = 0
        result = _run(dev, cascade)
        calls = _Counting.calls
        _Counting.calls = 0
        shared, largest = shared_distractors(dev, extra, cascade)
        print(f"| {width} | {calls} | {result['stories_bcubed']['f1']:.3f} | "
              f"{result['groups_pairwise']['f1']:.3f} | {result['groups_bcubed']['f1']:.3f} | "
              f"{shared} ({largest}) | {_Counting.calls} |", flush=True)  # fmt: skip


def sweep_band(dev: list[GoldArticle], folder: Path, static: dict[str, float], cheap: StaticEncoder) -> None:
    precise = _Counting(E5Encoder())
    print("| band below | band above | texts to e5 (leads + statements) | dev groups P / R / F1 | BCubed |")
    print("|---|---|---|---|---|")
    for below, above in [
        (-1.0, -1.0),
        *itertools.product((0.2, 0.3, 0.4, 0.5, 0.6), (0.0, 0.1)),
        (9.0, 9.0),
    ]:
        _calibrate(folder, static)
        cascade = CascadeEncoder(cheap=cheap, precise=precise, band=(below, above), leads=None)
        _Counting.calls = 0
        result = _run(dev, cascade)
        pair = result["groups_pairwise"]
        print(f"| {below} | {above} | {_Counting.calls} | {pair['precision']:.3f} / {pair['recall']:.3f} / "
              f"{pair['f1']:.3f} | {result['groups_bcubed']['f1']:.3f} |", flush=True)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sweep", choices=("stories", "statements", "band", "leads"))
    parser.add_argument("--table", type=Path, default=TABLE, help="the static table to calibrate")
    parser.add_argument("--story", type=float, default=0.8, help="story threshold for the other sweeps")
    parser.add_argument("--words", type=int, default=60, help="article words for the other sweeps")
    parser.add_argument("--same", type=float, default=0.6, help="same-language threshold (band sweeps)")
    parser.add_argument("--cross", type=float, default=0.5, help="cross-language threshold (band sweeps)")
    parser.add_argument("--band", type=float, nargs=2, default=(BAND_BELOW, BAND_ABOVE),
                        help="statement band below/above (leads sweep)")  # fmt: skip
    parser.add_argument("--grid-story", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
    parser.add_argument("--grid-words", type=int, nargs="+", default=[30, 60, 100, 200])
    parser.add_argument("--grid-same", type=float, nargs="+", default=[0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
    parser.add_argument("--grid-cross", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8])
    parser.add_argument("--grid-leads", type=float, nargs="+", default=[0.0, 0.02, 0.05, 0.1, 0.2, 9.0])
    args = parser.parse_args(argv)
    articles, notes = load_collection()
    for note in notes:
        print(f"note: {note}")
    dev = [item for item in articles if item.split == "dev"]
    story = {"story": args.story, "article_words": args.words}
    static = {**story, "same_language": args.same, "cross_language": args.cross}
    cheap = StaticEncoder(path=args.table)
    print(f"static table: {cheap.name}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        try:
            if args.sweep == "stories":
                sweep_stories(dev, cheap, folder, (args.grid_words, args.grid_story))
            elif args.sweep == "statements":
                sweep_statements(dev, cheap, folder, story, (args.grid_same, args.grid_cross))
            elif args.sweep == "band":
                sweep_band(dev, folder, static, cheap)
            else:
                sweep_leads(dev, cheap, folder, static, args.grid_leads, tuple(args.band))
        except CorpusMissing as missing:
            print(f"skipped: {missing}")
        finally:
            reset_settings()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
