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
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.link.static import StaticEncoder
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


def sweep_stories(dev: list[GoldArticle], encoder: Encoder, folder: Path) -> None:
    extra = distractors(dev)
    print("| article words | story threshold | dev BCubed F1 | distractors in shared stories | largest |")
    print("|---|---|---|---|---|")
    for words, threshold in itertools.product((30, 60, 100, 200), (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)):
        _calibrate(folder, {"story": threshold, "article_words": words})
        alone = _run(dev, encoder)
        mixed = story_of([*dev, *extra], encoder)
        sizes = Counter(mixed[item.article.id] for item in [*dev, *extra])
        shared = [item for item in extra if sizes[mixed[item.article.id]] > 1]
        largest = max((sizes[mixed[item.article.id]] for item in shared), default=1)
        print(f"| {words} | {threshold} | {alone['stories_bcubed']['f1']:.3f} | {len(shared)} | {largest} |",
              flush=True)  # fmt: skip


def sweep_statements(dev: list[GoldArticle], encoder: Encoder, folder: Path, story: dict[str, float]) -> None:
    print("| same-language | cross-language | dev groups pairwise P / R / F1 | BCubed F1 |")
    print("|---|---|---|---|")
    for same, cross in itertools.product((0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95), (0.5, 0.6, 0.7, 0.8)):
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


def sweep_band(dev: list[GoldArticle], folder: Path, static: dict[str, float]) -> None:
    precise = _Counting(E5Encoder())
    print("| band below | band above | texts to e5 (leads + statements) | dev groups P / R / F1 | BCubed |")
    print("|---|---|---|---|---|")
    for below, above in [
        (-1.0, -1.0),
        *itertools.product((0.2, 0.3, 0.4, 0.5, 0.6), (0.0, 0.1)),
        (9.0, 9.0),
    ]:
        _calibrate(folder, static)
        cascade = CascadeEncoder(cheap=StaticEncoder(), precise=precise, band=(below, above))
        _Counting.calls = 0
        result = _run(dev, cascade)
        pair = result["groups_pairwise"]
        print(f"| {below} | {above} | {_Counting.calls} | {pair['precision']:.3f} / {pair['recall']:.3f} / "
              f"{pair['f1']:.3f} | {result['groups_bcubed']['f1']:.3f} |", flush=True)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sweep", choices=("stories", "statements", "band"))
    parser.add_argument("--story", type=float, default=0.8, help="story threshold for the other sweeps")
    parser.add_argument("--words", type=int, default=60, help="article words for the other sweeps")
    parser.add_argument("--same", type=float, default=0.6, help="same-language threshold (band sweep)")
    parser.add_argument("--cross", type=float, default=0.5, help="cross-language threshold (band sweep)")
    args = parser.parse_args(argv)
    articles, notes = load_collection()
    for note in notes:
        print(f"note: {note}")
    dev = [item for item in articles if item.split == "dev"]
    story = {"story": args.story, "article_words": args.words}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        try:
            if args.sweep == "stories":
                sweep_stories(dev, StaticEncoder(), folder)
            elif args.sweep == "statements":
                sweep_statements(dev, StaticEncoder(), folder, story)
            else:
                sweep_band(dev, folder, {**story, "same_language": args.same, "cross_language": args.cross})
        except CorpusMissing as missing:
            print(f"skipped: {missing}")
        finally:
            reset_settings()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
