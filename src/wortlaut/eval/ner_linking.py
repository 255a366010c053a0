"""``wortlaut eval linking``: entity-linking accuracy on the project's own annotated mentions.

Three sets (``eval/data/linking/``, guidelines beside them) name mentions in
news-html pages and 10kGNAD articles by anchor string and occurrence, with the
gold entity: set a (``mentions.tsv``, used for development), set b
(``mentions-b.tsv``, held back: Austrian and Swiss pages and 10kGNAD politics,
scored only to confirm) and set c (``mentions-c.tsv``, held back: German
ministry pages and Austrian and Swiss 10kGNAD articles, annotated before the
knowledge base was extended).  Each article is read the way ``wortlaut
ingest`` reads it, given its outlet's address (and the page's own date), run
through the default pipeline, and each gold mention is compared with the
entity of the system mention that overlaps the anchor (name, description or
pronoun).  A gold id the knowledge base lacks means NIL: the system is right
when it links no KB entity there (an article-local entity or no mention).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from wortlaut.article import Article
from wortlaut.kb import KB, default_kb
from wortlaut.pipeline import Pipeline, default_pipeline

SETS_DIR = Path(__file__).resolve().parent / "data" / "linking"
#: The annotated sets by name: ``a`` was used for development, ``b`` and ``c`` are held back (GUIDELINES.md).
SETS = {"a": SETS_DIR / "mentions.tsv", "b": SETS_DIR / "mentions-b.tsv", "c": SETS_DIR / "mentions-c.tsv"}
DATA = SETS["a"]
#: The outlet of the 10kGNAD articles (the dataset is from the Austrian paper DER STANDARD).
TENK_URL = "https://www.derstandard.at/"
NIL = "NIL"


class LinkingSetError(ValueError):
    """The linking set or one of its texts cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One annotated mention: where it is (anchor, occurrence) and whom it names."""

    doc: str
    anchor: str
    occurrence: int
    gold: str
    type: str
    note: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The system's answer for one gold mention, with the gold answer as the KB sees it."""

    mention: GoldMention
    expected: str
    predicted: str

    @property
    def correct(self) -> bool:
        return self.expected == self.predicted


def read_gold(path: Path = DATA) -> list[GoldMention]:
    """The annotated mentions (``#`` lines are comments)."""
    rows = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    mentions = []
    for number, fields in enumerate(csv.reader(rows, delimiter="\t"), 1):
        if len(fields) < 4:
            raise LinkingSetError(f"{path}: row {number} needs doc, anchor, occurrence, gold")
        doc, anchor, occurrence, gold, *rest = fields
        rest += ["", ""]
        mentions.append(GoldMention(doc, anchor, int(occurrence), gold, rest[0], rest[1]))
    return mentions


def site_url(page: str) -> str:
    """The site address a news-html file name starts with (``bmz.de-schulze.html`` -> ``https://bmz.de/``)."""
    match = re.match(r"((?:[\w-]+\.)+(?:de|at|ch|com|org|net|be|bz|news|world|blog|info|eu))[-.]", page)
    return f"https://{match.group(1)}/" if match else ""


def load_article(doc: str, shared: Path) -> Article:
    """The article for a ``doc`` name, read like ``wortlaut ingest`` reads it."""
    if doc.startswith("10kgnad:"):
        return Article.create(
            _tenk_text(shared, int(doc.split(":", 1)[1])), url=TENK_URL, source="derStandard.at"
        )
    from wortlaut.ingest.reader import read_path

    path = shared / "data" / "news-html" / "pages" / doc
    for item in read_path(path):
        if isinstance(item, Article):
            return item.with_layers(url=item.url or site_url(doc))
        raise LinkingSetError(f"{path}: {item}")
    raise LinkingSetError(f"{path}: no article")


def _tenk_text(shared: Path, row: int) -> str:
    path = shared / "data" / "news-10kgnad" / "articles.csv"
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number == row:
                return line.partition(";")[2].strip().strip("'").replace("''", "'")
    raise LinkingSetError(f"{path}: no row {row}")


def anchor_span(text: str, anchor: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the n-th whole-word occurrence of ``anchor`` (a hyphen is a word boundary)."""
    pattern = re.compile(r"(?<![\w])" + re.escape(anchor) + r"(?![\w])")
    for number, match in enumerate(pattern.finditer(text), 1):
        if number == occurrence:
            return match.start(), match.end()
    return None


def predicted_entity(article: Article, span: tuple[int, int], kb: KB) -> str:
    """The KB entity of the system mention overlapping ``span`` (NIL when none or article-local)."""
    start, end = span
    overlapping = [m for m in article.mentions if m.start < end and start < m.end and m.entity]
    overlapping.sort(key=lambda m: (m.kind != "name", abs(m.start - start) + abs(m.end - end)))
    for mention in overlapping:
        if mention.entity in kb.entities:
            return str(mention.entity)
    return NIL


def evaluate(
    gold: list[GoldMention], shared: Path, *, pipeline: Pipeline | None = None, kb: KB | None = None
) -> list[Outcome]:
    """Run the pipeline over every annotated document and compare each gold mention."""
    pipeline = pipeline or default_pipeline()
    kb = kb or default_kb()
    outcomes = []
    for doc, mentions in _by_doc(gold):
        article = pipeline(load_article(doc, shared))
        for mention in mentions:
            span = anchor_span(article.text, mention.anchor, mention.occurrence)
            if span is None:
                raise LinkingSetError(f"{doc}: no occurrence {mention.occurrence} of {mention.anchor!r}")
            expected = mention.gold if mention.gold in kb.entities else NIL
            outcomes.append(Outcome(mention, expected, predicted_entity(article, span, kb)))
    return outcomes


def _by_doc(gold: list[GoldMention]) -> Iterator[tuple[str, list[GoldMention]]]:
    docs: dict[str, list[GoldMention]] = {}
    for mention in gold:
        docs.setdefault(mention.doc, []).append(mention)
    yield from docs.items()


def summary(outcomes: list[Outcome]) -> str:
    """Accuracy overall, on mentions whose gold entity is in the KB, and on NIL mentions."""
    lines = []
    groups = {
        "all": outcomes,
        "in KB": [o for o in outcomes if o.expected != NIL],
        "NIL": [o for o in outcomes if o.expected == NIL],
    }
    for name, group in groups.items():
        right = sum(o.correct for o in group)
        share = right / len(group) if group else 0.0
        lines.append(f"{name:<8}{right:>5} / {len(group):<5}accuracy {share:.3f}")
    return "\n".join(lines)


@click.command(name="linking")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=Path("../shared"),
    show_default=True,
    help="The shared data folder.",
)
@click.option(
    "--set",
    "set_name",
    type=click.Choice(sorted(SETS)),
    default="a",
    show_default=True,
    help="a: the development set; b, c: the held-back sets (score them only to confirm).",
)
@click.option("--errors", is_flag=True, help="Also list every wrong answer.")
def command(shared: Path, set_name: str, errors: bool) -> None:
    """Entity-linking accuracy on the project's annotated mentions (news-html pages and 10kGNAD)."""
    if not (shared / "data" / "news-html" / "pages").is_dir():
        click.echo(f"error: {shared}/data/news-html/pages: no such folder (needs ../shared)", err=True)
        sys.exit(1)
    try:
        outcomes = evaluate(read_gold(SETS[set_name]), shared)
    except (LinkingSetError, OSError, ValueError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    docs = Counter(o.mention.doc for o in outcomes)
    click.echo(f"set {set_name}: {len(outcomes)} mentions in {len(docs)} documents")
    click.echo(summary(outcomes))
    if errors:
        for o in outcomes:
            if not o.correct:
                m = o.mention
                click.echo(
                    f"  {m.doc}\t{m.anchor}#{m.occurrence}\tgold={o.expected}\tgot={o.predicted}\t{m.note}"
                )
