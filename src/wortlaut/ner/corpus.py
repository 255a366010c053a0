"""Reading GermEval 2014 NER files and the split shared by training and evaluation.

GermEval 2014 gives two BIO layers per token (outer and inner spans) over
PER, ORG, LOC, OTH and their ``-deriv``/``-part`` forms (``deutsche``
LOCderiv, ``NATO-Generalsekretär`` ORGpart).  wortlaut tags outer spans only
and maps the derived and part forms to ``O``: they are not names of an entity
a statement can be attributed to.  Scores are strict outer-span F1 on
PER/ORG/LOC (the micro average) with OTH reported separately.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The entity types wortlaut keeps; GermEval's derived/part forms become ``O``.
TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "OTH")

#: The file names of the two GermEval 2014 files available to the project.
DEV_FILE = "NER-de-dev.tsv"
TEST_A_FILE = "NER-de-test-a.tsv"

#: Sentences at the end of test-a kept back from training, used only to choose
#: features and hyperparameters and to report scores (about a fifth of test-a).
HELD_OUT_SIZE = 500


class CorpusError(ValueError):
    """A GermEval file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its words and outer BIO tags (with derived/part forms mapped to ``O``)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def outer_tag(tag: str) -> str:
    """Map a GermEval outer tag to wortlaut's BIO tag set (``B-LOCderiv`` -> ``O``)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label not in TYPES or prefix not in ("B", "I"):
        return "O"
    return tag


def read_germeval(path: Path) -> list[Sentence]:
    """Read a GermEval 2014 TSV file (``index, token, outer, inner`` per line, blank between sentences)."""
    if not path.is_file():
        raise CorpusError(f"{path}: no such GermEval file")
    return [sentence for sentence, _comments in sentence_blocks(path)]


def sentence_blocks(path: Path) -> Iterator[tuple[Sentence, list[str]]]:
    """Each sentence of a GermEval-column file with the ``#`` comment lines that came before it.

    The comments carry what a file says about a sentence (GermEval's source URL, a silver file's
    teacher confidence), so each reader of the columns picks what it needs from them.
    """
    words: list[str] = []
    tags: list[str] = []
    comments: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                comments.append(line)
                continue
            if not line.strip():
                if words:
                    yield Sentence(tuple(words), tuple(tags)), comments
                words, tags, comments = [], [], []
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                raise CorpusError(f"{path}:{number}: expected 'index, token, outer tag', got {line!r}")
            words.append(fields[1])
            tags.append(outer_tag(fields[2]))
    if words:
        yield Sentence(tuple(words), tuple(tags)), comments


def split_test_a(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Split test-a into (training part, held-out slice): the last :data:`HELD_OUT_SIZE` sentences."""
    cut = max(0, len(sentences) - HELD_OUT_SIZE)
    return list(sentences[:cut]), list(sentences[cut:])


def training_and_held_out(data_dir: Path) -> tuple[list[Sentence], list[Sentence]]:
    """Training sentences (dev + test-a minus the slice) and the held-out slice from ``data_dir``."""
    dev = read_germeval(data_dir / DEV_FILE)
    train_a, held_out = split_test_a(read_germeval(data_dir / TEST_A_FILE))
    return dev + train_a, held_out
