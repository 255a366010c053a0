"""Reading the German Europeana Newspapers NER files as extra training sentences.

The files (``../shared/data/ner-extra/europeana-de/*.bio``, CC0) hold one
``token tag`` pair per line, IOB over PER/LOC/ORG, with few or no sentence
breaks and some broken tags from OCR (``B-PEr``, ``B_LOC``).  Tags are
normalised and anything else becomes ``O``; the token stream is cut into
pseudo-sentences at sentence-final punctuation (or every
:data:`MAX_SENTENCE` tokens outside a name) so a CRF can train on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from wortlaut.ner.corpus import CorpusError, Sentence

#: Longest pseudo-sentence cut from the unbroken token stream; GermEval's sentences average ~20
#: tokens and few exceed 50, so 50 keeps the CRF's sequences in the same range.
MAX_SENTENCE = 50
#: Shortest pseudo-sentence ended at a full stop: shorter runs are abbreviations (``Nr .``, ``1 .``).
MIN_SENTENCE = 6

_TAG = re.compile(r"^([BI])[-_.](PER|LOC|ORG)$", re.IGNORECASE)
_FINAL = frozenset({".", "!", "?"})


def normal_tag(raw: str) -> str:
    """``B-PEr`` -> ``B-PER``, ``B_LOC`` -> ``B-LOC``; anything not a PER/LOC/ORG tag -> ``O``."""
    match = _TAG.match(raw.strip())
    if not match:
        return "O"
    return f"{match.group(1).upper()}-{match.group(2).upper()}"


def read_europeana(path: Path) -> list[Sentence]:
    """Pseudo-sentences of one ``.bio`` file, tags repaired to valid BIO."""
    if not path.is_file():
        raise CorpusError(f"{path}: no such Europeana NER file")
    return [_repair(words, tags) for words, tags in _chunks(path)]


def read_europeana_dir(folder: Path) -> list[Sentence]:
    """All ``*.bio`` files of ``folder`` in name order."""
    files = sorted(folder.glob("*.bio"))
    if not files:
        raise CorpusError(f"{folder}: no Europeana .bio files")
    return [sentence for path in files for sentence in read_europeana(path)]


def _chunks(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            fields = line.split()
            if len(fields) < 2:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(fields[0])
            tags.append(normal_tag(fields[-1]))
            if _ends_sentence(words, tags):
                yield words, tags
                words, tags = [], []
    if words:
        yield words, tags


def _ends_sentence(words: list[str], tags: list[str]) -> bool:
    if tags[-1] != "O":
        return False
    if words[-1] in _FINAL and len(words) >= MIN_SENTENCE:
        return True
    return len(words) >= MAX_SENTENCE


def _repair(words: list[str], tags: list[str]) -> Sentence:
    """An ``I-X`` that does not continue an ``X`` span starts one (IOB1 -> BIO)."""
    fixed: list[str] = []
    for tag in tags:
        previous = fixed[-1] if fixed else "O"
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return Sentence(tuple(words), tuple(fixed))
