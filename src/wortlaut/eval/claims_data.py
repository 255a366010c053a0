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
#: ``20k`` (issue 20k): speech and demand-frame rows, also labelled before any system ran on them.
#: ``20o`` (issue 20o): the choosing part ``test-g``, labelled before any system ran on its texts.
FAIR_BATCHES = frozenset({"frozen", "fresh", "20k", "20o"})
#: Held-back event parts released to choosing (issue 20l: ``test-e``, scored twice, holds the only Bundestag
#: speech events; the tune speech pool was spent, so speech frames could not be learned without it).  Their
#: rows are unchanged; the status choosers read them as tune rows (:data:`TUNE_SPLITS`).
#: ``test-g`` (issue 20o) was annotated as a choosing part from the start (the rest of the candidate pool of
#: the documents holding no held-back row, GUIDELINES.md); ``test-h`` beside it was held back and, scored
#: twice (20o, 20p), is released in issue 20q, after the held-back ``test-j`` was annotated; ``test-j``,
#: scored once (20q), is released in issue 20s (no fresh part could replace it: GUIDELINES.md, eighteenth
#: session).
RELEASED_EVENTS = frozenset({"test-e", "test-g", "test-h", "test-j"})
#: The event splits that status rows and options are chosen on: ``tune`` and the released parts.
TUNE_SPLITS = frozenset({"tune"}) | RELEASED_EVENTS


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
    if kind == "krauts":
        text, published = krauts_text(data_dir / "time-krauts" / "dolomiten-100" / name)
        return Article.create(text, published=published)
    if kind == "germeval":
        part, _, number = name.partition("/")
        return Article.create(germeval_sentences(data_dir, part)[int(number)])
    if kind == "parliament":
        text, published = parliament_text(data_dir / "quotes-parliament" / name)
        return Article.create(text, published=published)
    if kind == "ud":
        part, _, number = name.partition("/")
        return Article.create(ud_sentences(data_dir, part)[int(number)])
    if kind == "europeana":
        part, _, number = name.partition("/")
        text, published = europeana_text(data_dir, part, number)
        return Article.create(text, published=published)
    raise ValueError(f"claims set: unknown source kind in {source!r}")


#: GermEval 2014 files by the name a source uses (``germeval/dev/<n>``: the n-th sentence, 0-based).
GERMEVAL_FILES = {"dev": "NER-de-dev.tsv", "test-a": "NER-de-test-a.tsv"}
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', re.S)
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
#: Universal Dependencies files by the name a source uses (``ud/<part>/<n>``: the n-th sentence, 0-based, of
#: the file's ``# text =`` lines; issue 20j, the fresh held-back part ``test-e``).
UD_FILES = {
    "pud": ("ud-german-pud", "de_pud-ud-test.conllu"),
    "gsd-test": ("ud-german-gsd", "de_gsd-ud-test.conllu"),
    "gsd-dev": ("ud-german-gsd", "de_gsd-ud-dev.conllu"),
}
#: Europeana Newspapers files by the name a source uses (``europeana/<part>/<n>``: the n-th sentence, 0-based,
#: as :func:`europeana_sentences` cuts the token stream; issue 20l, the fresh held-back part ``test-f``;
#: ``europeana/<part>/<first>-<last>``: a run of sentences, issue 20p, see :func:`europeana_text`).
EUROPEANA_FILES = {"lft": "enp_DE.lft.bio", "onb": "enp_DE.onb.bio", "sbb": "enp_DE.sbb.bio"}
#: Tokens that end a sentence in the Europeana token stream (the files mark no sentence breaks).
_SENTENCE_END = frozenset({".", "!", "?"})
#: The issue date in a Europeana page id: ``# file: F_SBB_00001_18800101_…``.
_EUROPEANA_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})_")
#: Bundestag speech file names end in the sitting's date: ``…_21.11.2017.json``.
_SPEECH_DATE = re.compile(r"_(\d{2})\.(\d{2})\.(\d{4})\.json$")


def krauts_text(path: Path) -> tuple[str, str | None]:
    """A KRAUTS article (issue 20i: fresh news for the held-back part ``test-d``): its ``<TEXT>`` with the
    tags removed, as ``eval.timex`` reads it, and the document creation time as publication date."""
    raw = path.read_text(encoding="utf-8")
    body = _TEXT.search(raw)
    if body is None:
        raise ValueError(f"claims set: no <TEXT> in {path.name}")
    dct = _DCT.search(raw)
    return _TAG.sub("", body.group(1)), dct.group(1) if dct else None


@cache
def germeval_sentences(data_dir: Path, part: str) -> tuple[str, ...]:
    """The sentences of a GermEval 2014 file, tokens joined by single spaces (no publication date: the
    ``#`` line's date is when the sentence was crawled)."""
    sentences: list[str] = []
    tokens: list[str] = []
    with (data_dir / "ner-germeval2014" / GERMEVAL_FILES[part]).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    sentences.append(" ".join(tokens))
                tokens = []
                continue
            tokens.append(line.split("\t")[1])
    if tokens:
        sentences.append(" ".join(tokens))
    return tuple(sentences)


@cache
def ud_sentences(data_dir: Path, part: str) -> tuple[str, ...]:
    """The sentences of a UD German file as its ``# text =`` lines give them (no publication date: PUD and
    GSD sentences come without one)."""
    folder, name = UD_FILES[part]
    with (data_dir / folder / name).open(encoding="utf-8") as handle:
        return tuple(line[len("# text = ") :].rstrip("\n") for line in handle if line.startswith("# text = "))


@cache
def europeana_sentences(data_dir: Path, part: str) -> tuple[tuple[str, str | None], ...]:
    """The sentences of a Europeana Newspapers file (historical OCR news) with the issue date where the file
    gives one (only ``sbb`` has ``# file:`` lines).

    The files hold one token per line and no sentence breaks (see :func:`_ends_sentence`); tokens are
    joined by single spaces.
    """
    sentences: list[tuple[str, str | None]] = []
    tokens: list[str] = []
    published: str | None = None
    with (data_dir / "ner-extra" / "europeana-de" / EUROPEANA_FILES[part]).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                date = _EUROPEANA_DATE.search(line) if line.startswith("# file:") else None
                if date is not None:
                    if tokens:
                        sentences.append((" ".join(tokens), published))
                    tokens = []
                    published = f"{date.group(1)}-{date.group(2)}-{date.group(3)}"
                continue
            fields = line.split()
            if not fields:
                continue
            previous = tokens[-1] if tokens else ""
            tokens.append(fields[0])
            if _ends_sentence(fields[0], previous):
                sentences.append((" ".join(tokens), published))
                tokens = []
    if tokens:
        sentences.append((" ".join(tokens), published))
    return tuple(sentences)


def europeana_text(data_dir: Path, part: str, number: str) -> tuple[str, str | None]:
    """The text of a Europeana source: one sentence (``<n>``, the event rows of issue 20l) or a run of
    consecutive sentences (``<first>-<last>``, both included; the relation rows of issue 20p, whose answered
    statement stands in the sentences before the answer), joined by spaces, with the first sentence's
    issue date."""
    sentences = europeana_sentences(data_dir, part)
    first, _, last = number.partition("-")
    chosen = sentences[int(first) : int(last or first) + 1]
    if not chosen:
        raise ValueError(f"claims set: no Europeana sentences {number!r} in {part!r}")
    return " ".join(text for text, _ in chosen), chosen[0][1]


def _ends_sentence(token: str, previous: str) -> bool:
    """Whether a Europeana token ends a sentence: ``.``, ``!`` or ``?`` alone unless the token before is a
    number or a single letter (``1 . Januar``, ``S .``: ordinals and abbreviations), or glued to a word of
    four letters or more (part of the ``lft`` file glues them: ``wurde.``; ``Dr.``, ``Nr.``, ``1.`` stay)."""
    if token in _SENTENCE_END:
        return not previous.isdigit() and len(previous) > 1
    stem = token[:-1]
    return token[-1:] in _SENTENCE_END and len(stem) >= 4 and stem.isalpha()


def parliament_text(path: Path) -> tuple[str, str | None]:
    """A Bundestag speech (GePaDe): its sentences' tokens joined by spaces, sentences by a line break (the
    sentence splitter does not end a sentence at a spaced `` .``); the date in the file name as publication
    date."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = "\n".join(" ".join(sentence["Tokens"]) for sentence in data["Sentences"])
    match = _SPEECH_DATE.search(path.name)
    return text, f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else None


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
