"""The story collection of ``wortlaut eval stories``: gold articles built from the annotations.

Kept apart from the scoring and the command (:mod:`wortlaut.eval.stories`):
this module reads ``eval/data/stories`` (articles, gold labels, the entity
gazetteer) and the seed articles from ``../shared/seeds`` when present, and
builds analysed :class:`~wortlaut.article.Article` objects from the gold
statements and events, so the scores measure the linking step alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Event, Mention, Statement
from wortlaut.link.digest import sentence_around
from wortlaut.settings import get_settings

DATA = "data/stories"


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
    return get_settings().paths.shared or Path.cwd().parent / "shared"


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
