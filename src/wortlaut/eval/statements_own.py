"""``wortlaut eval statements-own``: statements with the right speaker on hand-annotated real web pages.

The pages are ``../shared/data/news-html/pages`` (publishers' material, not in the project); the gold
answers (``data/statements-own/statements.tsv``: 20 dev pages; ``data/statements-heldback/``: 10 pages to
score once, ``--split heldback``, now a development set; ``data/statements-heldback2/``: 10 more, ``--split
heldback2``; ``data/statements-heldback3/``: 8 more, ``--split heldback3``; ``data/statements-heldback4/``: 10
more, ``--split heldback4``; ``data/statements-heldback5/``: 10 more, ``--split heldback5``; see their
GUIDELINES.md; since the fourteenth issue-12 session all six sets are development data) hold
only anchors: the first and last few words of each statement, its mode, the speaker's name and the
strings that count as naming that speaker.  Each page goes through the same reader and default pipeline
as ``wortlaut analyze``.

Scoring (per statement, micro-averaged over the pages):

* a gold statement's region runs from its first anchor to its last; predicted and gold statements are
  paired one-to-one, greedily by the characters they share;
* a pair is *right* when the predicted speaker names the gold speaker: one of the gold aliases is a word of
  the speaker span, or of the name or aliases of the entity the speaker is linked to (so a pronoun counts
  only when it is resolved to the right entity); a gold speaker ``-`` (no named source) wants no speaker;
* gold statements marked ``optional`` are neither needed nor held against a prediction paired with them;
* an unpaired prediction that overlaps a gold region is a *duplicate fragment*, any other one is *false*;
* statement-with-right-speaker P = right / counted predictions, R = right / needed gold statements.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article, Statement
from wortlaut.eval.quotes import prf
from wortlaut.eval.spans import greedy_pairs

DATA = Path(__file__).parent / "data" / "statements-own"
GOLD_FILE = DATA / "statements.tsv"
#: The splits: ``dev`` (the 20 pages scored while building) and ``heldback`` (10 further pages annotated
#: later, to be scored once at the end of a piece of work; see its GUIDELINES.md).
SPLITS = {
    "dev": GOLD_FILE,
    "heldback": Path(__file__).parent / "data" / "statements-heldback" / "statements.tsv",
    "heldback2": Path(__file__).parent / "data" / "statements-heldback2" / "statements.tsv",
    "heldback3": Path(__file__).parent / "data" / "statements-heldback3" / "statements.tsv",
    "heldback4": Path(__file__).parent / "data" / "statements-heldback4" / "statements.tsv",
    "heldback5": Path(__file__).parent / "data" / "statements-heldback5" / "statements.tsv",
}
#: Where the pages live relative to the working directory (the project keeps no copy).
DEFAULT_PAGES = Path("../shared/data/news-html/pages")


@dataclass(frozen=True)
class Gold:
    """One annotated statement of a page."""

    page: str
    mode: str
    speaker: str
    aliases: tuple[str, ...]
    first: str
    last: str
    optional: bool


@dataclass
class Tally:
    """Counts over all pages (see the module docstring)."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0
    duplicates: int = 0
    false: int = 0
    unlocated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        return {
            "pages": None,
            "gold": self.gold,
            "predicted": self.predicted,
            "statement_found": prf(self.found, self.predicted, self.gold),
            "right_speaker": prf(self.right, self.predicted, self.gold),
            "duplicate_fragments": self.duplicates,
            "false_statements": self.false,
            "unlocated_anchors": self.unlocated,
        }


def load_gold(path: Path = GOLD_FILE) -> dict[str, list[Gold]]:
    """Gold statements by page file name."""
    pages: dict[str, list[Gold]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            gold = Gold(
                page=row["page"],
                mode=row["mode"],
                speaker=row["speaker"],
                aliases=tuple(alias for alias in (row["aliases"] or "").split("|") if alias),
                first=row["first"],
                last=row["last"],
                optional=(row.get("optional") or "").strip() == "optional",
            )
            pages.setdefault(gold.page, []).append(gold)
    return pages


def _pattern(anchor: str) -> re.Pattern[str]:
    """Anchors match across line breaks and runs of spaces; quotation marks may differ."""
    words = [re.escape(word) for word in anchor.split()]
    return re.compile(r"\s+".join(words))


def locate(text: str, gold: Gold) -> tuple[int, int] | None:
    """Character region of a gold statement: first anchor's start to the last anchor's end after it."""
    first = _pattern(gold.first).search(text)
    if first is None:
        return None
    last = _pattern(gold.last).search(text, first.start())
    if last is None:
        return None
    return first.start(), last.end()


def _words(text: str) -> set[str]:
    return {word for word in re.split(r"[^\w@.\-]+", text) if word} | {text}


def speaker_names(article: Article, statement: Statement) -> set[str]:
    """The words that name a predicted speaker: its span and its linked entity's name and aliases."""
    speaker = statement.speaker
    if speaker is None:
        return set()
    names = _words(speaker.text)
    entity = article.entity(speaker.entity)
    if entity is not None:
        for name in (entity.name, *entity.aliases):
            names |= _words(name)
    return names


def speaker_right(article: Article, statement: Statement, gold: Gold) -> bool:
    """Whether the predicted speaker names the gold speaker (``-``: no named speaker wanted)."""
    if gold.speaker == "-":
        return statement.speaker is None
    names = speaker_names(article, statement)
    return any(alias in names or all(part in names for part in alias.split()) for alias in gold.aliases)


def _pairs(
    regions: Sequence[tuple[int, int] | None], statements: Sequence[Statement]
) -> list[tuple[int, int]]:
    """Gold regions paired one-to-one with predicted quotes by shared characters, largest first."""
    return greedy_pairs(
        (min(region[1], statement.quote.end) - max(region[0], statement.quote.start), g, p)
        for g, region in enumerate(regions)
        if region is not None
        for p, statement in enumerate(statements)
    )


def score_page(article: Article, golds: Sequence[Gold], tally: Tally) -> list[str]:
    """Add one page's counts to ``tally``; return lines describing its errors."""
    statements = list(article.statements)
    regions = [locate(article.text, gold) for gold in golds]
    tally.unlocated += [
        f"{gold.page}: {gold.first!r}" for gold, region in zip(golds, regions, strict=True) if region is None
    ]
    pairs = _pairs(regions, statements)
    paired_gold = {gold_index: pred_index for gold_index, pred_index in pairs}
    paired_pred = {pred_index for _, pred_index in pairs}
    lines = [f"=== {golds[0].page}"] if golds else []
    tally.gold += sum(not gold.optional for gold in golds)
    for gold_index, gold in enumerate(golds):
        pred_index = paired_gold.get(gold_index)
        if gold.optional:
            continue
        if pred_index is None:
            lines.append(f"MISS [{gold.mode}] {gold.speaker}: {gold.first} … {gold.last}")
            continue
        statement = statements[pred_index]
        tally.found += 1
        if speaker_right(article, statement, gold):
            tally.right += 1
        else:
            got = statement.speaker.text if statement.speaker else None
            lines.append(f"SPEAKER [{statement.rule}] want {gold.speaker}, got {got!r}: {gold.first} …")
    optional_pred = {paired_gold[i] for i, gold in enumerate(golds) if gold.optional and i in paired_gold}
    for pred_index, statement in enumerate(statements):
        if pred_index in optional_pred:
            continue
        tally.predicted += 1
        if pred_index in paired_pred:
            continue
        inside = any(
            region is not None and min(region[1], statement.quote.end) > max(region[0], statement.quote.start)
            for region in regions
        )
        tally.duplicates += inside
        tally.false += not inside
        kind = "DUPLICATE" if inside else "FALSE"
        speaker = statement.speaker.text if statement.speaker else None
        lines.append(f"{kind} [{statement.rule}] {speaker!r}: {statement.quote.text[:70]!r}")
    return lines


def read_page(path: Path) -> Article:
    """The page as ``wortlaut analyze`` reads it (trafilatura main text, title, date)."""
    from wortlaut.ingest.reader import read_path

    for item in read_path(path):
        if isinstance(item, Article):
            return item
        raise click.ClickException(f"{path}: not readable as a page ({item})")
    raise click.ClickException(f"{path}: no article in the page")


def evaluate(pages: Path, *, gold_file: Path = GOLD_FILE, errors: list[str] | None = None) -> dict[str, Any]:
    """Run the default pipeline over the annotated pages and score them."""
    from wortlaut.pipeline import default_pipeline

    gold = load_gold(gold_file)
    pipeline = default_pipeline()
    tally = Tally()
    for name, golds in sorted(gold.items()):
        path = pages / name
        if not path.is_file():
            raise click.ClickException(f"{path}: annotated page not found")
        lines = score_page(pipeline(read_page(path)), golds, tally)
        if errors is not None:
            errors.extend(lines)
    report = tally.report()
    report["pages"] = len(gold)
    return report


def format_text(report: dict[str, Any]) -> str:
    lines = [f"{report['pages']} pages, {report['gold']} gold statements, {report['predicted']} predicted"]
    lines.append(f"{'':<28}{'P':>8}{'R':>8}{'F1':>8}")
    for name in ("statement_found", "right_speaker"):
        row = report[name]
        lines.append(f"{name:<28}{row['p']:>8.3f}{row['r']:>8.3f}{row['f1']:>8.3f}")
    lines.append(f"duplicate fragments: {report['duplicate_fragments']}")
    lines.append(f"false statements: {report['false_statements']}")
    if report["unlocated_anchors"]:
        lines.append(f"anchors not found: {', '.join(report['unlocated_anchors'])}")
    return "\n".join(lines)


def _write(path: Path, lines: Iterable[str]) -> None:
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"{path}: cannot write the error listing ({error})") from None


@click.command(name="statements-own")
@click.option(
    "--pages",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=DEFAULT_PAGES,
    show_default=True,
    help="Folder holding the news-html pages.",
)
@click.option(
    "--split",
    type=click.Choice(sorted(SPLITS)),
    default="dev",
    show_default=True,
    help="dev: the 20 pages used while building; heldback: 10 pages scored once in the second issue-12 "
    "session (now for development too); heldback2: 10 pages scored once, at the end of the third; "
    "heldback3: 8 pages scored once, at the end of the fifth; heldback4: 10 pages scored once, at the end "
    "of the ninth (look 6 the last); heldback5: 10 pages annotated in the thirteenth (look 2 the last). All "
    "68 pages are development data since the fourteenth issue-12 session.",
)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write missed statements, wrong speakers, duplicates and false statements to this file.",
)
def command(pages: Path, split: str, output_format: str, errors_path: Path | None) -> None:
    """Statement-with-right-speaker F1 and duplicate fragments on the project's annotated real pages."""
    errors: list[str] = []
    report = evaluate(pages, gold_file=SPLITS[split], errors=errors)
    report["split"] = split
    if errors_path is not None:
        _write(errors_path, errors)
    click.echo(json.dumps(report, indent=2) if output_format == "json" else format_text(report))
