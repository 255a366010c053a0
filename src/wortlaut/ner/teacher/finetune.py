"""Fine-tune the e5 teacher on one cross-validation fold of GermEval and score its held-out block.

Run from the project root (needs the ``train`` extra)::

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.finetune --fold 1 --epochs 2 \\
        --out /work/ner-teacher/fold1.pt

The folds are those of ``wortlaut eval ner --cv 3`` (the same contiguous blocks as
``wortlaut.ner.folds.folds`` over dev + test-a, which eval uses too), so the score
stands beside the CRF's on the same block.
``--limit N`` trains on the first N training sentences only, to time an epoch.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path

import click
import torch
from torch import nn

from wortlaut.ner.corpus import DEV_FILE, TEST_A_FILE, Sentence, read_germeval
from wortlaut.ner.folds import folds
from wortlaut.ner.spans import SpanScorer, bio_spans
from wortlaut.ner.teacher.encoder import batch_ids
from wortlaut.ner.teacher.pieces import Pieces
from wortlaut.ner.teacher.tagging import (
    TokenTagger,
    encode_words,
    label_rows,
    new_tagger,
    predict,
    save_tagger,
)
from wortlaut.ner.teacher.weights import read_weights
from wortlaut.ner.train import default_data_dir, report

#: AdamW learning rate, warm-up share and batch size: the usual BERT-NER fine-tuning settings
#: (Devlin et al. 2019 search 2e-5..5e-5 for base models; small models take the higher end and
#: more); not tuned here, for lack of CPU time.
LEARNING_RATE = 1e-4
WARMUP = 0.1
BATCH_SIZE = 16
WEIGHT_DECAY = 0.01
#: Sentences per length-sorted pool: batches of similar length waste less time on padding.
POOL = 20 * BATCH_SIZE


def fold_sentences(fold: int, k: int = 3) -> tuple[list[Sentence], list[Sentence]]:
    """(training side, held-out block) of fold ``fold`` (1-based) of ``eval ner --cv k``."""
    data = default_data_dir()
    sentences = read_germeval(data / DEV_FILE) + read_germeval(data / TEST_A_FILE)
    return block_fold(sentences, fold, k)


def block_fold(sentences: Sequence[Sentence], fold: int, k: int) -> tuple[list[Sentence], list[Sentence]]:
    """(all other blocks, the ``fold``-th (1-based) of ``k`` contiguous blocks): ``eval ner --cv``'s split."""
    if not 1 <= fold <= k:
        raise ValueError(f"--fold must be in 1..{k}, got {fold}")
    return folds(sentences, k)[fold - 1]


def batches(count: int, lengths: Sequence[int], rng: random.Random) -> list[list[int]]:
    """Shuffled batches of sentence indices, each drawn from a length-sorted pool."""
    order = list(range(count))
    rng.shuffle(order)
    out = []
    for start in range(0, count, POOL):
        pool = sorted(order[start : start + POOL], key=lambda i: lengths[i])
        out += [pool[i : i + BATCH_SIZE] for i in range(0, len(pool), BATCH_SIZE)]
    rng.shuffle(out)
    return out


def train_teacher(
    tagger: TokenTagger,
    pieces: Pieces,
    train: Sequence[Sentence],
    *,
    epochs: int,
    seed: int,
    out: Path | None,
) -> None:
    """AdamW with linear warm-up and decay; saves ``out`` after each epoch; logs sentences a second."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    limit = tagger.encoder.config.max_positions - 2
    encoded = [encode_words(pieces, s.words, limit) for s in train]
    lengths = [len(e.ids) for e in encoded]
    params = [p for p in tagger.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    steps = epochs * -(-len(train) // BATCH_SIZE)
    warm = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(1, epochs + 1):
        tagger.train()
        started, seen, total = time.perf_counter(), 0, 0.0
        for number, batch in enumerate(batches(len(train), lengths, rng), start=1):
            ids, attention = batch_ids([encoded[i].ids for i in batch], pieces.pad)
            labels = label_rows([encoded[i] for i in batch], [train[i].tags for i in batch], ids.shape[1])
            loss = loss_fn(tagger(ids, attention).flatten(0, 1), labels.flatten())
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            seen += len(batch)
            total += loss.item()
            if number % 20 == 0:
                rate = seen / (time.perf_counter() - started)
                click.echo(
                    f"epoch {epoch} batch {number}: loss {total / number:.4f}, {rate:.1f} sentences/s",
                    err=True,
                )
        click.echo(f"epoch {epoch}: {seen} sentences in {time.perf_counter() - started:.0f} s", err=True)
        if out is not None:
            save_tagger(tagger, out)


def score_tags(gold: Sequence[Sentence], predicted: Sequence[Sequence[str]]) -> SpanScorer:
    """Strict outer-span counts of predicted tags against the gold sentences."""
    scorer = SpanScorer()
    for sentence, tags in zip(gold, predicted, strict=True):
        scorer.add(bio_spans(sentence.tags), bio_spans(tags))
    return scorer


@click.command()
@click.option("--fold", type=int, default=1, show_default=True, help="1-based fold of the 3-fold CV.")
@click.option("--epochs", type=int, default=2, show_default=True)
@click.option(
    "--limit", type=int, default=None, help="Train on the first N training sentences only (timing)."
)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--threads", type=int, default=1, show_default=True, help="torch CPU threads.")
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="Where to save the fine-tuned weights."
)
@click.option("--no-score", is_flag=True, help="Only train (and time).")
def main(
    fold: int, epochs: int, limit: int | None, seed: int, threads: int, out: Path | None, no_score: bool
) -> None:
    """Fine-tune on fold ``--fold``'s training side and print strict scores on its held-out block."""
    torch.set_num_threads(threads)
    train, test = fold_sentences(fold)
    train = train[:limit] if limit else train
    weights = read_weights()
    pieces = Pieces(weights)
    tagger = new_tagger(weights)
    click.echo(f"fold {fold}: {len(train)} training, {len(test)} held-out sentences", err=True)
    train_teacher(tagger, pieces, train, epochs=epochs, seed=seed, out=out)
    if no_score:
        return
    started = time.perf_counter()
    predicted = predict(tagger, pieces, [s.words for s in test])
    click.echo(f"tagged {len(test)} sentences in {time.perf_counter() - started:.0f} s", err=True)
    click.echo(report(score_tags(test, predicted)))


if __name__ == "__main__":
    main()
