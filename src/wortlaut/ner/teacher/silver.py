"""Silver sentences: unlabeled German text tagged by a fold's teacher, with the teacher's confidence.

Run from the project root (needs the ``train`` extra)::

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.silver --source wikinews-train \\
        --teacher /work/ner-teacher/fold1.pt --out /work/ner-teacher/s6/wikinews-train-fold1.tsv

Sources, all already split into sentences and tokens by their publishers, never GermEval:

- ``wikinews-train``: the article text of the quotation corpus' training split
  (``quotes-wikinews/train``).  The text is German Wikinews (published under CC BY 2.5); the
  corpus' annotations, which are CC BY-NC-SA 4.0, are not read.  Its ``dev`` split is not a
  source: it is the quotation benchmark, and a tagger that learnt its sentences would flatter
  the speaker scores measured on it.
- ``parliament``: the Bundestag speeches of ``quotes-parliament`` (GermEval 2023 SpkAtt,
  CC BY-SA 4.0), train and dev.
- ``europeana``: the words of the Europeana newspapers (``ner-extra/europeana-de``, CC0,
  historical OCR), their own labels dropped: the teacher tags them in GermEval's style.

A silver file is GermEval's column format with a ``# confidence C`` line before each
sentence: the teacher's lowest per-word label probability in that sentence (see
:func:`wortlaut.ner.teacher.tagging.predict_scored`), so a student can keep only the
sentences the teacher was sure of.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from wortlaut.ner.corpus import CorpusError, Sentence, sentence_blocks

#: Silver sentences shorter than this carry almost no context (headlines, datelines); longer than
#: the maximum are mostly run-on tables.  Set by looking at the length distribution, not by score.
MIN_WORDS, MAX_WORDS = 4, 80

SHARED = Path("../shared/data")

#: The comment line a silver file writes before each sentence: the teacher's confidence in it.
CONFIDENCE_PREFIX = "# confidence "
SOURCES: dict[str, tuple[str, tuple[Path, ...]]] = {
    "wikinews-train": ("wikinews", (SHARED / "quotes-wikinews/train",)),
    "parliament": ("parliament", (SHARED / "quotes-parliament/train", SHARED / "quotes-parliament/dev")),
    "europeana": ("europeana", (SHARED / "ner-extra/europeana-de",)),
}


def _usable(words: Sequence[str]) -> bool:
    return MIN_WORDS <= len(words) <= MAX_WORDS


def wikinews_sentences(folder: Path) -> Iterator[tuple[str, ...]]:
    """Token sequences of each sentence of every WikiNews JSON article in ``folder``."""
    for path in sorted(folder.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        for sentence in article.get("sentences", []):
            words = tuple(sentence["tokens"])
            if _usable(words):
                yield words


def parliament_sentences(folder: Path) -> Iterator[tuple[str, ...]]:
    """Token sequences of each sentence of every GePaDe speech (``Sentences[].Tokens``) in ``folder``."""
    for path in sorted(folder.glob("*.json")):
        speech = json.loads(path.read_text(encoding="utf-8"))
        for sentence in speech.get("Sentences", []):
            words = tuple(sentence["Tokens"])
            if _usable(words):
                yield words


def europeana_sentences(folder: Path) -> Iterator[tuple[str, ...]]:
    """The words of the Europeana pseudo-sentences in ``folder`` (their gold labels are not used)."""
    from wortlaut.ner.europeana import read_europeana_dir

    for sentence in read_europeana_dir(folder):
        if _usable(sentence.words):
            yield sentence.words


READERS = {
    "wikinews": wikinews_sentences,
    "parliament": parliament_sentences,
    "europeana": europeana_sentences,
}


def source_sentences(name: str) -> list[tuple[str, ...]]:
    """All usable sentences of the named source (see :data:`SOURCES`)."""
    if name not in SOURCES:
        raise ValueError(f"unknown silver source {name!r}; known: {', '.join(SOURCES)}")
    kind, folders = SOURCES[name]
    reader = READERS[kind]
    out: list[tuple[str, ...]] = []
    for folder in folders:
        if not folder.is_dir():
            raise CorpusError(f"{folder}: no such folder (source {name})")
        out += reader(folder)
    return out


def write_silver(
    sentences: Sequence[Sequence[str]], tagged: Sequence[tuple[Sequence[str], float]], path: Path
) -> None:
    """Write tagged sentences as GermEval columns, each after a ``# confidence C`` line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for words, (tags, sure) in zip(sentences, tagged, strict=True):
            out.write(f"{CONFIDENCE_PREFIX}{sure:.4f}\n")
            for i, (word, tag) in enumerate(zip(words, tags, strict=True), start=1):
                out.write(f"{i}\t{word}\t{tag}\tO\n")
            out.write("\n")


def read_silver(path: Path) -> list[tuple[Sentence, float]]:
    """Read a silver file: each sentence with its confidence (1.0 where the file states none)."""
    if not path.is_file():
        raise CorpusError(f"{path}: no such silver file")
    return [(sentence, _confidence(comments)) for sentence, comments in sentence_blocks(path)]


def _confidence(comments: Sequence[str]) -> float:
    """The last ``# confidence C`` among a sentence's comment lines; 1.0 where there is none."""
    stated = [line for line in comments if line.startswith(CONFIDENCE_PREFIX)]
    return float(stated[-1].split()[-1]) if stated else 1.0


def confident(silver: Sequence[tuple[Sentence, float]], threshold: float) -> list[Sentence]:
    """The silver sentences whose confidence is at least ``threshold`` (0 keeps all)."""
    return [sentence for sentence, sure in silver if sure >= threshold]


def write_soft(rows: Sequence[Any], path: Path) -> None:
    """Write each sentence's (words, labels) teacher probabilities, concatenated, as ``.npz``.

    Float16 (the scorer needs no finer targets) with each sentence's length, in the order
    of the silver file written from the same sentences (see :func:`read_soft`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    probs = np.concatenate([np.asarray(r, dtype=np.float16) for r in rows])
    np.savez_compressed(path, probs=probs, lengths=np.asarray([len(r) for r in rows], dtype=np.int32))


def read_soft(path: Path) -> list[np.ndarray]:
    """The per-sentence (words, labels) float32 probabilities :func:`write_soft` saved."""
    if not path.is_file():
        raise CorpusError(f"{path}: no such soft-label file")
    with np.load(path) as data:
        probs, lengths = data["probs"].astype(np.float32), data["lengths"]
    bounds = np.cumsum(np.concatenate([[0], lengths]))
    return [probs[bounds[i] : bounds[i + 1]] for i in range(len(lengths))]


def label(
    teacher: Path, sentences: list[tuple[str, ...]], out: Path, threads: int, soft: Path | None = None
) -> float:
    """Tag ``sentences`` with the teacher, write them to ``out`` (and its probabilities to ``soft``)."""
    import torch

    from wortlaut.ner.teacher.pieces import Pieces
    from wortlaut.ner.teacher.tagging import load_tagger, predict_probs, scored
    from wortlaut.ner.teacher.weights import read_weights

    torch.set_num_threads(threads)
    weights = read_weights()
    started = time.perf_counter()
    rows = predict_probs(load_tagger(weights, teacher), Pieces(weights), sentences)
    seconds = time.perf_counter() - started
    write_silver(sentences, [scored(r) for r in rows], out)
    if soft is not None:
        write_soft([r.numpy() for r in rows], soft)
    return seconds


@click.command()
@click.option("--source", type=click.Choice(sorted(SOURCES)), required=True)
@click.option("--teacher", type=click.Path(path_type=Path), required=True, help="Saved fine-tuned teacher.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Silver file to write.")
@click.option("--soft", type=click.Path(path_type=Path), default=None, help="Also the probabilities (.npz).")
@click.option("--limit", type=int, default=None, help="Only the first N sentences (timing).")
@click.option("--threads", type=int, default=1, show_default=True, help="torch CPU threads.")
def main(source: str, teacher: Path, out: Path, soft: Path | None, limit: int | None, threads: int) -> None:
    """Tag one source's sentences with one teacher and write the silver file."""
    sentences = source_sentences(source)[:limit] if limit else source_sentences(source)
    seconds = label(teacher, sentences, out, threads, soft)
    words = sum(len(s) for s in sentences)
    click.echo(f"{source}: teacher tagged {len(sentences)} sentences ({words} tokens) in {seconds:.0f} s")


if __name__ == "__main__":
    main()
