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

Lines are split only when a form is looked up (see :class:`WordLexicon` for the index).  The
shipped table's index, with the unpacked lines, is kept in the cache folder
(:mod:`wortlaut.filecache`), so a process maps that file instead of unpacking and indexing the
table (~0.6 CPU s, spent before every ingest forks its workers: docs/performance.md, 17zm).
"""

from __future__ import annotations

import gzip
import mmap
import struct
import zlib
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import numpy as np

from wortlaut.filecache import derived_path, read_or_build

#: The shipped table (see its MODEL_CARD.md for what produced it).
LEXICON_PATH = Path(__file__).resolve().parents[1] / "models" / "morph-lexicon" / "lexicon.tsv.gz"

#: Lines hashed per step while the index is built (bounds the temporary lists).
HASH_CHUNK = 20_000
#: Version of the cached index's layout (:meth:`WordLexicon.write_index`); a new one is a new file.
INDEX_VERSION = 1
#: The cached index's header: magic, entries, bytes of lines; then the hashes (int64), the lines'
#: starts, value starts and ends (int32, offsets into the file), then the lines.
INDEX_HEADER = struct.Struct("<8sQQ")
INDEX_MAGIC = b"WLMORPH1"
#: The key hash: the same in every process (Python's ``hash`` of bytes is salted per process, so an
#: index of it could not be kept in a file); a collision only costs one more comparison.
_key_hash = zlib.crc32

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
        self._blob: bytes | mmap.mmap = blob
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
            hashes[at : at + HASH_CHUNK] = [_key_hash(blob[a:b]) for a, b in pairs]
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]
        self._starts = starts[order].astype(np.int32)  # the blob stays far below 2 GB
        self._values = second[order].astype(np.int32)  # the second tab: the value follows it
        self._ends = ends[order].astype(np.int32)

    @classmethod
    def mapped(cls, path: Path) -> WordLexicon:
        """The lexicon whose index :meth:`write_index` wrote to ``path``, mapped, not read: forked
        workers share its pages through the page cache.  A damaged file is a ``ValueError``."""
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if len(data) < INDEX_HEADER.size:
            raise ValueError(f"{path}: not a complete lexicon index")
        magic, count, size = INDEX_HEADER.unpack_from(data, 0)
        if magic != INDEX_MAGIC or len(data) != INDEX_HEADER.size + 20 * count + size:
            raise ValueError(f"{path}: not a complete lexicon index")
        lexicon = cls.__new__(cls)
        lexicon._blob = data
        at = INDEX_HEADER.size
        lexicon._hashes = np.frombuffer(data, dtype=np.int64, count=count, offset=at)
        at += 8 * count
        lexicon._starts, lexicon._values, lexicon._ends = (
            np.frombuffer(data, dtype=np.int32, count=count, offset=at + 4 * count * i) for i in range(3)
        )
        return lexicon

    def write_index(self, out: BinaryIO) -> None:
        """The index and the lines as one file that :meth:`mapped` reads (offsets into the file)."""
        count, size = len(self._starts), len(self._blob)
        out.write(INDEX_HEADER.pack(INDEX_MAGIC, count, size))
        base = INDEX_HEADER.size + 20 * count  # where the lines start in the file
        out.write(self._hashes.astype("<i8").tobytes())
        for offsets in (self._starts, self._values, self._ends):
            out.write((offsets.astype(np.int64) + base).astype("<i4").tobytes())
        out.write(self._blob)

    def __len__(self) -> int:
        return len(self._starts)

    def _find(self, kind: str, form: str) -> str | None:
        key = f"{kind}\t{form}".encode()
        hashed = _key_hash(key)
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


def read_lexicon(path: Path = LEXICON_PATH, *, cache: bool = False) -> WordLexicon:
    """Read a lexicon file; a malformed line is an error naming the file and line.

    ``cache``: map the index kept in the cache folder for this file's bytes, written there first
    when it is not (or cannot be read), instead of unpacking and indexing the lines (same answers).
    """
    packed = path.read_bytes()
    cached = derived_path("morph-lexicon", packed, INDEX_VERSION) if cache else None
    return read_or_build(cached, WordLexicon.mapped, lambda: _unpacked(path, packed), WordLexicon.write_index)


def _unpacked(path: Path, packed: bytes) -> WordLexicon:
    """The lexicon indexed from the gzipped file ``path`` holds (``packed``: its bytes)."""
    try:
        return WordLexicon(gzip.decompress(packed))
    except LexiconError as error:
        raise LexiconError(f"{path}:{str(error).removeprefix('line ')}") from None


@lru_cache(maxsize=1)
def shipped_lexicon() -> WordLexicon | None:
    """The shipped table, read once per process (its index cached); ``None`` when the file is absent
    (HanTa alone)."""
    return read_lexicon(cache=True) if LEXICON_PATH.is_file() else None
