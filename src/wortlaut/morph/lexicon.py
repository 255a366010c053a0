"""A precomputed table of HanTa's slow answers for frequent German word forms.

HanTa spends most of the morphology stage on two analyses that depend on the word
form alone: ``analyze_forward`` (tag probabilities of a form outside its lexicon)
and ``analyze_viterbi`` (the morphemes, hence the lemma, of a verb form).  Word
forms follow Zipf's law, so a table of these answers for a few hundred thousand
frequent forms lets HanTa run only on the long tail.  The table is written by
:mod:`wortlaut.morph.build_lexicon` with HanTa's own model and the exact
reimplementation :class:`wortlaut.morph.forward.FastForward`, so a form found in
it gets bit-for-bit the answer HanTa would give (floats are stored as ``repr``).

File format (gzip, UTF-8, one entry a line, tab-separated):

- ``a<TAB>form<TAB>tag lp tag lp ...``: ``analyze_forward(form)`` (HanTa tag ids and log
  probabilities, HanTa's order), less the tags the tagger's cutoff drops in every use;
- ``l<TAB>form<TAB>tag lemma tag lemma ...``: HanTa's lemma of the lower-cased verb form under
  each verb tag its analysis allows.

Lines are split only when a form is looked up (see :class:`WordLexicon` for the index).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy as np

#: The shipped table (see its MODEL_CARD.md for what produced it).
LEXICON_PATH = Path(__file__).resolve().parents[1] / "models" / "morph-lexicon" / "lexicon.tsv.gz"

#: Lines hashed per step while the index is built (bounds the temporary lists).
HASH_CHUNK = 20_000

Analysis = list[tuple[int, float]]


class LexiconError(ValueError):
    """A lexicon file that breaks its format (the message names the file and line)."""


class WordLexicon:
    """Forward analyses and verb lemmas by word form; a miss returns ``None`` (ask HanTa).

    The table stays one block of bytes (the file's lines, ~45 MB for 577,000 entries) with a
    sorted array of the hashes of each line's ``kind<TAB>form`` and the line's start: a dict of
    the same entries took 127 MB (2026-12-06), and every worker process holds its own copy.
    A lookup hashes the form, finds it by binary search, and compares the stored form.
    """

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        buffer = np.frombuffer(blob, dtype=np.uint8)
        ends = np.flatnonzero(buffer == ord("\n"))
        starts = np.concatenate(([0], ends[:-1] + 1))[: len(ends)].astype(np.int64)
        tabs = np.flatnonzero(buffer == ord("\t"))
        _validate(buffer, starts, ends, tabs)
        second = tabs[1::2]
        hashes = np.empty(len(starts), dtype=np.int64)
        for at in range(0, len(starts), HASH_CHUNK):  # chunks: no 577,000-element lists at once
            pairs = zip(
                starts[at : at + HASH_CHUNK].tolist(), second[at : at + HASH_CHUNK].tolist(), strict=True
            )
            hashes[at : at + HASH_CHUNK] = [hash(blob[a:b]) for a, b in pairs]
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]
        self._starts = starts[order].astype(np.int32)  # the blob stays far below 2 GB
        self._values = second[order].astype(np.int32)  # the second tab: the value follows it
        self._ends = ends[order].astype(np.int32)

    def __len__(self) -> int:
        return len(self._starts)

    def _find(self, kind: str, form: str) -> str | None:
        key = f"{kind}\t{form}".encode()
        hashed = hash(key)
        i = int(np.searchsorted(self._hashes, hashed))
        size = len(key)
        while i < len(self._starts) and self._hashes[i] == hashed:
            start, value = int(self._starts[i]), int(self._values[i])
            if value - start == size and self._blob[start:value] == key:
                return self._blob[value + 1 : int(self._ends[i])].decode("utf-8")
            i += 1
        return None

    def analysis(self, form: str) -> Analysis | None:
        """HanTa's ``analyze_forward(form)`` (a fresh list: callers may keep it)."""
        raw = self._find("a", form)
        if raw is None:
            return None
        cells = raw.split(" ")
        return [(int(cells[i]), float(cells[i + 1])) for i in range(0, len(cells), 2)]

    def verb_lemma(self, form: str, tag: int) -> str | None:
        """HanTa's lemma of the lower-cased verb ``form`` read as ``tag``."""
        raw = self._find("l", form)
        if raw is None:
            return None
        cells = raw.split(" ")
        wanted = str(tag)
        for i in range(0, len(cells), 2):
            if cells[i] == wanted:
                return cells[i + 1]
        return None


def _validate(buffer: np.ndarray, starts: np.ndarray, ends: np.ndarray, tabs: np.ndarray) -> None:
    """Every line: kind ``a`` or ``l``, two tabs, an even number of space-separated cells after them.

    Checked with array operations (a loop over 577,000 lines would double the loading time);
    the error names the first bad line (1-based).
    """
    if len(buffer) and buffer[-1] != ord("\n"):
        raise LexiconError(f"line {len(ends) + 1}: no newline at the end of the file")
    lines = len(ends)
    tab_line = np.searchsorted(ends, tabs)
    space_line = np.searchsorted(ends, np.flatnonzero(buffer == ord(" ")))
    bad = (np.bincount(tab_line, minlength=lines) != 2) | (np.bincount(space_line, minlength=lines) % 2 == 0)
    kinds = buffer[np.minimum(starts, max(len(buffer) - 1, 0))] if lines else starts
    bad |= (kinds != ord("a")) & (kinds != ord("l"))
    if bad.any():
        raise LexiconError(f"line {int(np.argmax(bad)) + 1}: expected 'a|l<TAB>form<TAB>pairs'")


def read_lexicon(path: Path = LEXICON_PATH) -> WordLexicon:
    """Read a lexicon file; a malformed line is an error naming the file and line."""
    try:
        return WordLexicon(gzip.decompress(path.read_bytes()))
    except LexiconError as error:
        raise LexiconError(f"{path}:{str(error).removeprefix('line ')}") from None


@lru_cache(maxsize=1)
def shipped_lexicon() -> WordLexicon | None:
    """The shipped table, read once per process; ``None`` when the file is absent (HanTa alone)."""
    return read_lexicon() if LEXICON_PATH.is_file() else None
