"""Teacher -> student: label unlabeled news with the fine-tuned e5 teacher, train the CRF on gold + silver.

Run from the project root (needs the ``train`` extra)::

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.student --fold 1 \\
        --teacher /work/ner-teacher/fold1.pt --silver-tsv /work/ner-teacher/silver-fold1.tsv

The unlabeled text is WikiNews (``quotes-wikinews/train``, already split into
sentences and tokens) and, with ``--gnad-tsv``, 10kGNAD's DER STANDARD articles
(split by the project's own tokens stage).  10kGNAD is CC BY-NC-SA 4.0, so a CRF
trained on it could not ship as the default; the WikiNews article text is Wikinews'
own CC BY 2.5 text (see :mod:`wortlaut.ner.teacher.silver`, which also writes the
teacher's confidences, and :mod:`wortlaut.ner.teacher.cv`).  Never GermEval text.  The silver
tags are written once per source in GermEval's column format and reused by
later runs.  The CRF
is trained exactly as one fold of ``wortlaut eval ner --cv 3`` trains it, with
the silver sentences added to the training side only, and scored on the fold's
held-out block.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from wortlaut.ner.corpus import Sentence, read_germeval
from wortlaut.ner.folds import share_of
from wortlaut.ner.spans import SpanScorer, bio_spans
from wortlaut.ner.tagger import NerTagger
from wortlaut.ner.tagger import load_tagger as load_crf
from wortlaut.ner.teacher.silver import MAX_WORDS, MIN_WORDS, wikinews_sentences
from wortlaut.ner.train import C1, C2, report, train_model

#: CRF iterations: the same as the ``--cv 3 --iterations 100`` comparison rows.
CRF_ITERATIONS = 100


def gnad_sentences(path: Path, limit: int) -> Iterator[tuple[str, ...]]:
    """Token sequences of the sentences of 10kGNAD's ``articles.csv``, ``limit`` at most."""
    from wortlaut.article import Article
    from wortlaut.stages.tokens import TokensStage

    stage = TokensStage()
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        _, _, quoted = line.partition(";")
        text = quoted[1:-1] if len(quoted) >= 2 and quoted[0] == quoted[-1] == "'" else quoted
        article = stage(Article.create(text.replace("''", "'")))
        words: list[str] = []
        for i, token in enumerate(article.tokens):
            words.append(token.text)
            if i + 1 == len(article.tokens) or article.tokens[i + 1].sentence != token.sentence:
                if MIN_WORDS <= len(words) <= MAX_WORDS:
                    yield tuple(words)
                    count += 1
                    if count >= limit:
                        return
                words = []


def write_silver(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], path: Path) -> None:
    """Write tagged sentences as GermEval columns (index, token, outer tag, inner tag)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for words, sentence_tags in zip(sentences, tags, strict=True):
            for i, (word, tag) in enumerate(zip(words, sentence_tags, strict=True), start=1):
                out.write(f"{i}\t{word}\t{tag}\tO\n")
            out.write("\n")


def label_silver(teacher: Path, sentences: list[tuple[str, ...]], out: Path, threads: int) -> None:
    """Tag ``sentences`` with the teacher and write them to ``out``."""
    import torch

    from wortlaut.ner.teacher.pieces import Pieces
    from wortlaut.ner.teacher.tagging import load_tagger, predict
    from wortlaut.ner.teacher.weights import read_weights

    torch.set_num_threads(threads)
    weights = read_weights()
    started = time.perf_counter()
    tags = predict(load_tagger(weights, teacher), Pieces(weights), sentences)
    click.echo(
        f"teacher tagged {len(sentences)} sentences in {time.perf_counter() - started:.0f} s", err=True
    )
    write_silver(sentences, tags, out)


def crf_score(
    train: list[Sentence],
    test: Sequence[Sentence],
    *,
    c1: float = C1,
    c2: float = C2,
    iterations: int = CRF_ITERATIONS,
    keep: Path | None = None,
) -> SpanScorer:
    """Train the CRF (shipped features, ``CRF_ITERATIONS`` by default) on ``train`` and score ``test``.

    ``keep``: where to leave the trained model (pruning is then measured without retraining).
    """
    with tempfile.TemporaryDirectory() as scratch:
        out = keep or Path(scratch) / "student.npz"
        path = train_model(train, out, c1=c1, c2=c2, iterations=iterations)
        return tagger_score(load_crf(path), test)


def tagger_score(tagger: NerTagger, test: Sequence[Sentence]) -> SpanScorer:
    """Strict span counts of ``tagger`` on the gold sentences ``test``."""
    scorer = SpanScorer()
    for sentence in test:
        scorer.add(bio_spans(sentence.tags), tagger.tag(sentence.words))
    return scorer


@click.command()
@click.option("--fold", type=int, default=1, show_default=True, help="1-based fold of the 3-fold CV.")
@click.option("--teacher", type=click.Path(path_type=Path), required=True, help="Saved fine-tuned teacher.")
@click.option(
    "--silver-tsv", type=click.Path(path_type=Path), required=True, help="Silver tags (written once)."
)
@click.option(
    "--wikinews",
    type=click.Path(path_type=Path),
    default=Path("../shared/data/quotes-wikinews/train"),
    show_default=True,
)
@click.option("--gnad-tsv", type=click.Path(path_type=Path), default=None, help="Silver 10kGNAD tags too.")
@click.option(
    "--gnad",
    type=click.Path(path_type=Path),
    default=Path("../shared/data/news-10kgnad/articles.csv"),
    show_default=True,
)
@click.option("--gnad-limit", type=int, default=12000, show_default=True, help="At most this many sentences.")
@click.option("--share", "shares", type=float, multiple=True, default=(1.0,), show_default=True)
@click.option("--baseline", is_flag=True, help="Also train the CRF on gold alone (the same fold).")
@click.option("--threads", type=int, default=1, show_default=True, help="torch CPU threads for tagging.")
def main(
    fold: int,
    teacher: Path,
    silver_tsv: Path,
    wikinews: Path,
    gnad_tsv: Path | None,
    gnad: Path,
    gnad_limit: int,
    shares: tuple[float, ...],
    baseline: bool,
    threads: int,
) -> None:
    """Score the CRF student of fold ``--fold`` with each share of the silver sentences added."""
    from wortlaut.ner.teacher.finetune import fold_sentences

    if not silver_tsv.is_file():
        label_silver(teacher, list(wikinews_sentences(wikinews)), silver_tsv, threads)
    silver = read_germeval(silver_tsv)
    if gnad_tsv is not None:
        if not gnad_tsv.is_file():
            label_silver(teacher, list(gnad_sentences(gnad, gnad_limit)), gnad_tsv, threads)
        silver += read_germeval(gnad_tsv)
    train, test = fold_sentences(fold)
    runs = ([0.0] if baseline else []) + list(shares)
    for share in runs:
        added = share_of(silver, share) if share else []
        started = time.perf_counter()
        scorer = crf_score(train + added, test)
        click.echo(
            f"fold {fold}: CRF on {len(train)} gold + {len(added)} silver sentences (share {share}), "
            f"{time.perf_counter() - started:.0f} s"
        )
        click.echo(report(scorer))


if __name__ == "__main__":
    main()
