"""The claims evaluation set (``eval/data/claims``): gold rows, their source texts and anchors.

The set holds anchors only (a trigger with a few words around it, or a WikiNews annotation id, or
the first and last words of a sentence); texts are read from ``../shared/data`` when the check runs.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wortlaut.article import Article, Span

DATA_DIR = Path(__file__).resolve().parent / "data" / "claims"
#: WikiNews file names end in the publication date: ``… (2005-08-05).json``.
WIKINEWS_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.json$")
SPACE = re.compile(r"\s+")


#: Batches annotated after the status rules were frozen: the rows on which rules and classifier are
#: compared fairly (the older rows taught the rules their cues).
FAIR_BATCHES = frozenset({"frozen", "fresh"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An annotated trigger occurrence and the status of what it names (``none``: not an event)."""

    source: str
    trigger: str
    before: str
    after: str
    status: str
    split: str
    #: ``frozen`` (and the later ``fresh``) for rows annotated after the status rules were frozen
    #: (fair rows for comparing the rules with the classifier by cross-validation), ``-`` otherwise.
    batch: str = "-"


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """An annotated statement and its hedge label."""

    source: str
    cue: str
    first: str
    last: str
    label: str
    split: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def gold_events() -> list[GoldEvent]:
    """The rows of ``events.tsv``."""
    return [GoldEvent(**row) for row in _rows("events.tsv")]


def gold_statements() -> list[GoldStatement]:
    """The rows of ``statements.tsv``."""
    return [GoldStatement(**row) for row in _rows("statements.tsv")]


def source_article(data_dir: Path, source: str) -> Article:
    """The unanalysed article of a source name (``wikinews/…``, ``10kgnad/<row>``, ``news-html/…``)."""
    kind, _, name = source.partition("/")
    if kind == "wikinews":
        path = data_dir / "quotes-wikinews" / name.split("#")[0]
        match = WIKINEWS_DATE.search(path.name)
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        return Article.create(text, published=match.group(1) if match else None)
    if kind == "10kgnad":
        return Article.create(_gnad_rows(data_dir / "news-10kgnad" / "articles.csv")[int(name)])
    if kind == "news-html":
        from wortlaut.ingest.htmltext import page_to_text

        page = page_to_text((data_dir / "news-html" / "pages" / name).read_bytes())
        return Article.create(page.text, published=page.published, title=page.title)
    raise ValueError(f"claims set: unknown source kind in {source!r}")


@cache
def _gnad_rows(path: Path) -> tuple[str, ...]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as handle:
        return tuple(row[1] for row in csv.reader(handle, delimiter=";", quotechar="'"))


def _squash(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def find_trigger(text: str, gold: GoldEvent) -> Span | None:
    """The trigger occurrence whose surrounding words are the gold anchor's."""
    for match in re.finditer(rf"(?<!\w){re.escape(gold.trigger)}(?!\w)", text):
        left = _squash(text[max(0, match.start() - 300) : match.start()])
        right = _squash(text[match.end() : match.end() + 300])
        if left.endswith(gold.before) and right.startswith(gold.after):
            return Span(start=match.start(), end=match.end(), text=match.group())
    return None


def find_sentence(text: str, first: str, last: str) -> tuple[int, int] | None:
    """Start and end of the stretch running from the anchor's first words to its last words."""
    words = [re.escape(word) for word in first.split()]
    start = re.search(r"\s+".join(words), text)
    if start is None:
        return None
    tail = re.compile(r"\s+".join(re.escape(word) for word in last.split()))
    end = tail.search(text, start.start())
    return (start.start(), end.end()) if end is not None else None


def wikinews_quotation(data_dir: Path, source: str) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the quote, cue, frame and speaker of a WikiNews annotation (``file#id``)."""
    name, _, number = source.partition("/")[2].partition("#")
    data = json.loads((data_dir / "quotes-wikinews" / name).read_text(encoding="utf-8"))
    annotation = next(a for a in data["annotations"] if str(a["id"]) == number)
    return {
        role: [(s["charBegin"], s["charEnd"]) for s in annotation[role]["spans"]]
        for role in ("quote", "cue", "frame", "speaker")
    }
