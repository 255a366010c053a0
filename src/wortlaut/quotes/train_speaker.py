"""Train the speaker ranker: ``python -m wortlaut.quotes.train_speaker DATA --corpus parliament --out DIR``.

Reads the annotated cues and speakers of quotes-parliament/train (CC BY-SA 4.0: the licence-clean
default) and/or quotes-wikinews/train (CC BY-NC-SA 4.0: a non-commercial option), runs the language
pipeline over each text, builds the candidates of every annotated cue
(:mod:`wortlaut.quotes.speaker_features`) labelled by whether they overlap the annotated speaker, picks
the L2 strength and threshold by k-fold cross-validation over documents, and writes the model trained
on all documents.  Deterministic: same data, same model.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from wortlaut.article import Article
from wortlaut.quotes.extract import build_context
from wortlaut.quotes.lexicon import Lexicon, load_lexicon
from wortlaut.quotes.speaker_features import candidates, features, rule_choice
from wortlaut.quotes.speaker_model import SpeakerModel, train

Range = tuple[int, int]
#: Folds for cross-validation (documents are split round-robin in file-name order).
FOLDS = 5
L2_GRID = (1e-4, 1e-3, 1e-2)
THRESHOLD_GRID = (0.1, 0.2, 0.3, 0.4, 0.5)
#: Thresholds tried on the cues of another corpus (``--threshold-corpus``): news cues almost always have
#: their speaker in the sentence, so lower thresholds than parliament's are in the grid.
TRANSFER_GRID = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)

_LOG = logging.getLogger(__name__)
#: Log a progress line every this many analysed documents (a line per document floods the log).
PROGRESS_EVERY = 25


@dataclass(frozen=True)
class GoldCue:
    """One annotated cue: its character ranges and those of its speaker."""

    cue: tuple[Range, ...]
    speaker: tuple[Range, ...]


@dataclass
class Group:
    """The candidates of one cue with their features and labels."""

    document: int
    feats: list[list[str]]
    labels: list[int]


def wikinews_documents(folder: Path) -> Iterator[tuple[str, list[GoldCue]]]:
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        spans = {int(tok["id"]): (int(tok["charBegin"]), int(tok["charEnd"])) for tok in data["tokens"]}
        cues = []
        for item in data.get("annotations", []):
            cue = tuple(spans[i] for i in item.get("cue", {}).get("tokenIds", []) if i in spans)
            speaker = tuple(spans[i] for i in item.get("speaker", {}).get("tokenIds", []) if i in spans)
            if cue:
                cues.append(GoldCue(tuple(sorted(cue)), speaker))
        yield data["originalText"], cues


def parliament_documents(folder: Path) -> Iterator[tuple[str, list[GoldCue]]]:
    """Speeches rebuilt as text (tokens joined by spaces, one sentence a line) with their cues."""
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        offsets: dict[str, Range] = {}
        parts: list[str] = []
        position = 0
        for sentence in data["Sentences"]:
            for number, token in enumerate(sentence["Tokens"]):
                offsets[f"{sentence['SentenceId']}:{number}"] = (position, position + len(token))
                parts.append(token)
                position += len(token) + 1
            parts[-1] += "\n" if sentence["Tokens"] else ""
        text = " ".join(parts).replace("\n ", "\n")
        cues = []
        for item in data["Annotations"]:
            cue = tuple(sorted(offsets[i] for i in item.get("Cue", []) if i in offsets))
            speaker = tuple(offsets[i] for i in item.get("Source", []) if i in offsets)
            if cue:
                cues.append(GoldCue(cue, speaker))
        yield text, cues


def groups_of(article: Article, cues: Sequence[GoldCue], lexicon: Lexicon, document: int) -> list[Group]:
    """Candidate groups of one analysed document."""
    ctx = build_context(article, lexicon)
    if not ctx.tokens:
        return []
    mentions = tuple(sorted(article.mentions, key=lambda m: m.start))
    starts = [m.start for m in mentions]
    groups = []
    for gold in cues:
        cue = sorted({ctx.token_at(start) for start, _ in gold.cue if ctx.token_at(start) < len(ctx.tokens)})
        if not cue or ctx.tokens[cue[0]].start != gold.cue[0][0]:
            continue
        sentence = ctx.sentence_of[cue[0]]
        rule = rule_choice(ctx, sentence, cue)
        found = candidates(ctx, sentence, cue, rule)
        if not found:
            continue
        feats, labels = [], []
        for candidate in found:
            start, end = ctx.chars(candidate.first, candidate.last)
            feats.append(features(ctx, candidate, cue, sentence, mentions, starts, rule))
            labels.append(int(any(s < end and start < e for s, e in gold.speaker)))
        groups.append(Group(document, feats, labels))
    return groups


def analysed(texts: Sequence[str], articles: Path | None) -> list[Article]:
    """The texts through the default pipeline; with ``articles``, kept in (and read back from) that
    gzipped JSON-lines file, so that a change of features or candidates does not rerun the pipeline."""
    if articles is not None and articles.exists():
        with gzip.open(articles, "rt", encoding="utf-8") as handle:
            done = [Article.from_json(json.loads(line)) for line in handle]
        if [article.text for article in done] == list(texts):
            return done
    from wortlaut.pipeline import default_pipeline

    pipeline = default_pipeline()
    done = []
    for number, text in enumerate(texts):
        done.append(pipeline(Article.create(text)))
        if (number + 1) % PROGRESS_EVERY == 0 or number + 1 == len(texts):
            _LOG.info("%d/%d documents analysed", number + 1, len(texts))
    if articles is not None:
        with gzip.open(articles, "wt", encoding="utf-8") as handle:
            for article in done:
                handle.write(json.dumps(article.to_json(include_tokens=True), ensure_ascii=False) + "\n")
    return done


def collect(
    data: Path, corpus: str, *, limit: int | None = None, articles: Path | None = None
) -> list[Group]:
    """All candidate groups of one training corpus (``parliament`` or ``wikinews``)."""
    lexicon = load_lexicon()
    reader = parliament_documents if corpus == "parliament" else wikinews_documents
    folder = data / ("quotes-parliament" if corpus == "parliament" else "quotes-wikinews") / "train"
    documents = list(reader(folder))[:limit]
    done = analysed([text for text, _ in documents], articles)
    groups: list[Group] = []
    for number, (article, (_, cues)) in enumerate(zip(done, documents, strict=True)):
        groups += groups_of(article, cues, lexicon, number)
    return groups


def accuracy(model: SpeakerModel, groups: Sequence[Group]) -> float:
    """Share of cues where the model picks a speaker candidate, or none when no candidate is one."""
    right = 0
    for group in groups:
        chosen = model.best(group.feats)
        right += group.labels[chosen] == 1 if chosen is not None else not any(group.labels)
    return right / len(groups) if groups else 0.0


def fit(groups: Sequence[Group], l2: float) -> SpeakerModel:
    return train([f for g in groups for f in g.feats], [y for g in groups for y in g.labels], l2=l2)


def cross_validate(groups: Sequence[Group]) -> dict[tuple[float, float], float]:
    """Mean held-out accuracy per (L2, threshold) over ``FOLDS`` document folds."""
    results: dict[tuple[float, float], list[float]] = {}
    for fold in range(FOLDS):
        held = [g for g in groups if g.document % FOLDS == fold]
        rest = [g for g in groups if g.document % FOLDS != fold]
        for l2 in L2_GRID:
            model = fit(rest, l2)
            for threshold in THRESHOLD_GRID:
                model.threshold = threshold
                results.setdefault((l2, threshold), []).append(accuracy(model, held))
    return {key: sum(values) / len(values) for key, values in results.items()}


@click.command()
@click.argument("data", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--corpus", "corpora", multiple=True, type=click.Choice(["parliament", "wikinews"]), required=True
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--limit", type=int, default=None, help="Only the first N documents of each corpus.")
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keep the candidate groups in this JSON file (reused when it exists) to skip the pipeline run.",
)
@click.option(
    "--articles",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the analysed documents here (CORPUS.jsonl.gz, reused when the texts match).",
)
@click.option(
    "--threshold-corpus",
    type=click.Choice(["parliament", "wikinews"]),
    default=None,
    help="Choose the decision threshold by cue accuracy on this corpus's train cues (weights untouched).",
)
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Use this decision threshold instead of the cross-validated one (see the model card).",
)
def main(
    data: Path,
    corpora: tuple[str, ...],
    out: Path,
    limit: int | None,
    cache: Path | None,
    articles: Path | None,
    threshold_corpus: str | None,
    threshold: float | None,
) -> None:
    """Train and write ``OUT/model.json`` with its cross-validation scores."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if cache is not None and cache.exists():
        groups = [Group(*row) for row in json.loads(cache.read_text(encoding="utf-8"))]
    else:
        groups = []
        for offset, corpus in enumerate(corpora):
            kept = None
            if articles is not None:
                articles.mkdir(parents=True, exist_ok=True)
                kept = articles / f"{corpus}-{limit or 'all'}.jsonl.gz"
            for group in collect(data, corpus, limit=limit, articles=kept):
                group.document = group.document * len(corpora) + offset
                groups.append(group)
        if cache is not None:
            rows = [[g.document, g.feats, g.labels] for g in groups]
            cache.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    scores = cross_validate(groups)
    (l2, cv_threshold), best = max(scores.items(), key=lambda item: (item[1], -item[0][0]))
    model = fit(groups, l2)
    model.threshold = cv_threshold if threshold is None else threshold
    transfer: dict[str, float] = {}
    if threshold_corpus is not None and threshold is None:
        kept = articles / f"{threshold_corpus}-{limit or 'all'}.jsonl.gz" if articles else None
        other = collect(data, threshold_corpus, limit=limit, articles=kept)
        for value in TRANSFER_GRID:
            model.threshold = value
            transfer[str(value)] = round(accuracy(model, other), 4)
        model.threshold = float(max(transfer, key=lambda key: (transfer[key], -float(key))))
    model.meta = {
        "trained_on": [f"quotes-{corpus}/train" for corpus in corpora],
        "cues": len(groups),
        "l2": l2,
        "cv_threshold": cv_threshold,
        "limit": limit,
        "cv_folds": FOLDS,
        "cv_accuracy": round(best, 4),
        "train_accuracy": round(accuracy(model, groups), 4),
        "cv_grid": {f"{k[0]}:{k[1]}": round(v, 4) for k, v in sorted(scores.items())},
        "threshold_corpus": threshold_corpus,
        "threshold_accuracy": transfer,
    }
    model.save(out / "model.json")
    click.echo(json.dumps(model.meta, indent=2))


if __name__ == "__main__":
    main()
