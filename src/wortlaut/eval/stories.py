"""``wortlaut eval stories``: story clustering and statement grouping on the project's own collection.

The collection (``eval/data/stories/articles.jsonl``) holds German reports,
paraphrases by other outlets, English translations and follow-ups, written
for the project around the shipped sample articles and the two seed articles
(read from ``../shared/seeds`` when present, never copied).  Each article has
a gold story label; each statement a gold speaker, quote and statement-group
label.  Half the stories (``split: dev``) were used to choose the thresholds
in :mod:`wortlaut.link`; the other half (``test``) was not looked at while
tuning.

Articles are built with the gold statements and a gazetteer entity linker
(``entities.tsv``), so the scores measure the linking step itself, not the
upstream extraction; each split is ingested into a fresh in-memory store one
article at a time, in date order, as a daily ingest would.  Stories are
scored with pairwise and BCubed precision/recall/F1, statement groups with
pairwise and BCubed precision/recall.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import click
import numpy as np

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Event, Mention, Statement
from wortlaut.link import E5Encoder, Encoder, HashingEncoder, update
from wortlaut.link.digest import sentence_around

DATA = "data/stories"


# -- metrics ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one clustering measure."""

    precision: float
    recall: float
    f1: float

    def to_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pairwise(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """Pairwise P/R/F1: over item pairs, does "same predicted cluster" match "same gold cluster"?

    Items are those in ``gold``; an empty pair set counts as perfect (1.0).
    """
    items = sorted(gold)
    both = gold_pairs = predicted_pairs = 0
    for left, right in combinations(items, 2):
        same_gold = gold[left] == gold[right]
        same_predicted = predicted.get(left, ("missing", left)) == predicted.get(right, ("missing", right))
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        both += same_gold and same_predicted
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """BCubed P/R/F1 (Bagga & Baldwin 1998; Amigó et al. 2009): per-item overlap of its two clusters."""
    gold_members: dict[Hashable, set[str]] = defaultdict(set)
    predicted_members: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        gold_members[gold[item]].add(item)
        predicted_members[predicted.get(item, ("missing", item))].add(item)
    if not gold:
        return Scores(1.0, 1.0, 1.0)
    precision = recall = 0.0
    for item in gold:
        mine = predicted_members[predicted.get(item, ("missing", item))]
        truth = gold_members[gold[item]]
        overlap = len(mine & truth)
        precision += overlap / len(mine)
        recall += overlap / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return Scores(precision, recall, _f1(precision, recall))


# -- the collection ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article of the collection with its gold labels (statement id -> group)."""

    article: Article
    split: str
    story: str
    groups: dict[str, str]


def _data_file(name: str) -> str:
    return resources.files("wortlaut.eval").joinpath(DATA, name).read_text(encoding="utf-8")


def load_gazetteer() -> dict[str, tuple[str, ...]]:
    """Entity id -> names, from ``entities.tsv``."""
    gazetteer: dict[str, tuple[str, ...]] = {}
    for line in _data_file("entities.tsv").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        entity_id, names = line.split("\t")
        gazetteer[entity_id] = tuple(names.split("|"))
    return gazetteer


def default_shared() -> Path:
    """``$WORTLAUT_SHARED``, else ``../shared`` beside the working directory's project."""
    configured = os.environ.get("WORTLAUT_SHARED")
    return Path(configured) if configured else Path.cwd().parent / "shared"


def _text(record: Mapping[str, Any], shared: Path) -> str | None:
    if "text" in record:
        return str(record["text"])
    kind, name = str(record["file"]).split(":", 1)
    if kind == "sample":
        raw = resources.files("wortlaut").joinpath("samples", name).read_text(encoding="utf-8")
        if name.endswith(".html"):
            import trafilatura

            return trafilatura.extract(raw) or ""
        return raw
    path = shared / "seeds" / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


_LEADING_NAME = re.compile(r"^\W*(?:\w+\s+){0,2}\w+,\s+")


def _seed_quote(text: str, start: int, contains: str, cue: str) -> str:
    """The reported content around ``contains``: its sentence without the cue and speaker part.

    ``expected.json`` names a phrase and the cue, not the quote span; the
    content is the part of the sentence after the cue (``sagte Rutte, er
    wolle …`` → ``er wolle …``) or, when the cue follows, the part before it.
    """
    sentence = sentence_around(text, start, start + len(contains), limit=None)
    offset = sentence.find(contains)
    cue_word = cue.split()[-1]
    at = sentence.find(cue_word)
    if 0 <= at < offset:
        rest = sentence[at + len(cue_word) :]
        return _LEADING_NAME.sub("", rest, count=1).strip(" ,.:") or sentence
    if at > offset + len(contains):
        return sentence[:at].strip(" ,.:") or sentence
    return sentence


def _seed_statements(
    name: str, text: str, shared: Path, gazetteer: Mapping[str, Sequence[str]]
) -> list[dict[str, str]]:
    """Gold statements of a seed, from ``expected.json`` (quote = the sentence around ``contains``)."""
    expected = json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))
    entry = next(item for item in expected["articles"] if item["file"] == name)
    by_name = {names[0]: entity_id for entity_id, names in gazetteer.items()}
    prefix = f"seed{name[:3]}"
    index_of = {item["contains"]: number for number, item in enumerate(entry["statements"])}
    found = []
    for number, item in enumerate(entry["statements"]):
        start = text.find(item["contains"])
        if start < 0 or item["speaker"] not in by_name:
            continue
        group = index_of.get(item.get("same_as", ""), number)
        quote = _seed_quote(text, start, item["contains"], item["cue"])
        found.append(
            {
                "speaker": by_name[item["speaker"]],
                "quote": quote,
                "mode": item["mode"],
                "group": f"{prefix}:{group}",
            }
        )
    return found


def _entities(text: str, gazetteer: Mapping[str, Sequence[str]]) -> tuple[list[Entity], list[Mention]]:
    entities, mentions = [], []
    for entity_id, names in gazetteer.items():
        spans = [match for name in names for match in re.finditer(rf"(?<!\w){re.escape(name)}", text)]
        if spans:
            kind = entity_id.split(":")[0].upper()
            entities.append(Entity(id=entity_id, name=names[0], type=kind))
            mentions += [
                Mention(start=m.start(), end=m.end(), text=m.group(), type=kind, entity=entity_id)
                for m in spans
            ]
    return entities, mentions


def _speaker(text: str, speaker: str, names: Sequence[str], before: int) -> EntityRef:
    """The last mention of the speaker before the quote (or the first anywhere)."""
    spots = [m for name in names for m in re.finditer(re.escape(name), text)]
    spots.sort(key=lambda m: (m.start() > before, -m.start() if m.start() <= before else m.start()))
    if not spots:
        return EntityRef(start=0, end=0, text="", entity=speaker)
    match = spots[0]
    return EntityRef(start=match.start(), end=match.end(), text=match.group(), entity=speaker)


def build_article(
    record: Mapping[str, Any],
    text: str,
    statements: Sequence[Mapping[str, str]],
    gazetteer: Mapping[str, Sequence[str]],
) -> GoldArticle:
    """An analysed article from the gold annotations."""
    base = Article.create(
        text,
        published=record["published"],
        source=record["source"],
        language=record["language"],
        title=text.split("\n", 1)[0].strip(),
    )
    entities, mentions = _entities(text, gazetteer)
    records, groups = [], {}
    for number, item in enumerate(statements):
        start = text.index(item["quote"])
        span = base.span(start, start + len(item["quote"]))
        assert span is not None
        records.append(
            Statement(
                id=f"s{number}",
                mode=item["mode"],
                quote=span,
                speaker=_speaker(text, item["speaker"], gazetteer.get(item["speaker"], ()), start),
                date=DateInfo(value=record["published"], source="published"),
            )
        )
        groups[f"{base.id}:s{number}"] = item["group"]
    events = []
    for number, item in enumerate(record.get("events", [])):
        start = text.index(item["trigger"])
        trigger = base.span(start, start + len(item["trigger"]))
        assert trigger is not None
        people = tuple(
            EntityRef(start=0, end=0, text=gazetteer[p][0], entity=p) for p in item["participants"]
        )
        events.append(
            Event(
                id=f"e{number}",
                type=item["type"],
                trigger=trigger,
                participants=people,
                date=DateInfo(value=record["published"], source="published"),
            )
        )
    article = base.with_layers(
        entities=tuple(entities), mentions=tuple(mentions), statements=tuple(records), events=tuple(events)
    )
    return GoldArticle(article, record["split"], record["story"], groups)


def load_collection(shared: Path | None = None) -> tuple[list[GoldArticle], list[str]]:
    """The collection's articles, and notes on what was skipped (seeds when ../shared is absent)."""
    shared = shared or default_shared()
    gazetteer = load_gazetteer()
    articles, notes = [], []
    for line in _data_file("articles.jsonl").splitlines():
        record = json.loads(line)
        text = _text(record, shared)
        if text is None:
            notes.append(f"skipped {record['id']}: {record['file']} not found under {shared}")
            continue
        statements = record["statements"]
        if str(record.get("file", "")).startswith("seed:"):
            statements = _seed_statements(record["file"].split(":", 1)[1], text, shared, gazetteer)
        articles.append(build_article(record, text, statements, gazetteer))
    return articles, notes


# -- running ----------------------------------------------------------------------------------


class MemoEncoder:
    """Wraps an encoder and remembers vectors by text, so repeated runs (tuning) encode once."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        if missing:
            self._memo.update(zip(missing, self.inner.encode(missing), strict=True))
        return (
            np.stack([self._memo[text] for text in texts]) if texts else np.zeros((0, self.dim), np.float32)
        )


def run_split(articles: Iterable[GoldArticle], encoder: Encoder) -> dict[str, Any]:
    """Ingest one split article by article in date order and score stories and statement groups."""
    from wortlaut.store import Store

    chosen = sorted(articles, key=lambda item: (item.article.published or "", item.article.id))
    store = Store.open(":memory:")
    try:
        for item in chosen:
            store.add_many([item.article], link=False)
            update(store, [item.article.id], encoder=encoder)
        connection = store.connection
        stories = dict(connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        groups = dict(
            connection.execute("SELECT statement_id, group_id FROM statement_group_members").fetchall()
        )
        duplicates = connection.execute("SELECT article_id, duplicate_of, kind FROM duplicates").fetchall()
        flagged = connection.execute(
            "SELECT COUNT(*) FROM statement_groups WHERE json_extract(flags, '$.quote_changed')"
        ).fetchone()[0]
    finally:
        store.close()
    gold_stories = {item.article.id: item.story for item in chosen}
    gold_groups = {sid: group for item in chosen for sid, group in item.groups.items()}
    return {
        "articles": len(chosen),
        "gold_stories": len(set(gold_stories.values())),
        "predicted_stories": len({stories.get(a) for a in gold_stories}),
        "stories_pairwise": pairwise(gold_stories, stories).to_json(),
        "stories_bcubed": bcubed(gold_stories, stories).to_json(),
        "statements": len(gold_groups),
        "gold_groups": len(set(gold_groups.values())),
        "predicted_groups": len({groups.get(s, s) for s in gold_groups}),
        "groups_pairwise": pairwise(gold_groups, groups).to_json(),
        "groups_bcubed": bcubed(gold_groups, groups).to_json(),
        "duplicates": [list(row) for row in duplicates],
        "quote_changed_groups": flagged,
    }


def make_encoder(name: str) -> Encoder:
    if name == "hashing":
        return HashingEncoder()
    return E5Encoder()


def _print(split: str, result: Mapping[str, Any]) -> None:
    click.echo(
        f"== {split}: {result['articles']} articles, {result['gold_stories']} gold stories "
        f"({result['predicted_stories']} predicted), {result['statements']} statements in "
        f"{result['gold_groups']} gold groups ({result['predicted_groups']} predicted)"
    )
    for label, key in (
        ("stories pairwise", "stories_pairwise"),
        ("stories BCubed", "stories_bcubed"),
        ("groups pairwise", "groups_pairwise"),
        ("groups BCubed", "groups_bcubed"),
    ):
        scores = result[key]
        click.echo(
            f"  {label:<17} P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
        )
    click.echo(
        f"  duplicates found: {len(result['duplicates'])}; groups flagged quote_changed: "
        f"{result['quote_changed_groups']}"
    )


@click.command(name="stories")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Which half of the collection (dev chose the thresholds).",
)
@click.option(
    "--encoder",
    "encoder_name",
    type=click.Choice(["e5", "hashing"]),
    default="e5",
    show_default=True,
    help="Sentence encoder: the multilingual e5 model, or model-free character n-gram hashing.",
)
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared folder with seeds/ (default: $WORTLAUT_SHARED or ../shared).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def command(split: str, encoder_name: str, shared: Path | None, as_json: bool) -> None:
    """Story clustering (pairwise/BCubed F1) and statement grouping (P/R) on the story collection."""
    articles, notes = load_collection(shared)
    encoder = MemoEncoder(make_encoder(encoder_name))
    splits = ["dev", "test"] if split == "all" else [split]
    results = {name: run_split([a for a in articles if a.split == name], encoder) for name in splits}
    if as_json:
        click.echo(json.dumps({"encoder": encoder.name, "notes": notes, **results}, indent=2))
        return
    for note in notes:
        click.echo(f"note: {note}")
    click.echo(f"encoder: {encoder.name}")
    for name, result in results.items():
        _print(name, result)
