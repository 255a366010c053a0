"""e5 piece ids for the dense scorer: the C search, the whole-word shortcut, shape codes."""

from __future__ import annotations

import numpy as np
import pytest

from wortlaut.ner.dense import blocked_product, shape_bits, shape_code
from wortlaut.ner.e5pieces import E5Pieces, shipped_whole_words

WORDS = [
    "Bundestag", "Bundestagswahl", "Merkel", "NATO-Generalsekretär", "Ａｂｃ", "ﬁnal", "x\u200by",
    "2024", "€", "Straße", "STRASSE", "Kim Jong", "ÖVP", "über", "", "😀", "Tōkyō", "ß-Test",
]


@pytest.fixture(scope="module")
def source() -> E5Pieces:
    whole = shipped_whole_words()
    if whole is None:
        pytest.skip("the whole-word mask is not shipped in this checkout")
    return E5Pieces(whole)


def test_shortcut_and_c_search_give_the_python_viterbi_ids(source: E5Pieces) -> None:
    pieces = source.pieces
    for word in WORDS:
        expected = pieces.viterbi(pieces.normalize(word)) or [source.weights.unk]
        assert source.ids(word) == expected, word
        assert pieces.ids(word) == pieces.viterbi(pieces.normalize(word)), word


def test_the_shortcut_takes_one_piece_words_only(source: E5Pieces) -> None:
    assert len(source.ids("Bundestag")) == 1
    assert len(source.ids("Bundestagswahlkampfauftakt")) > 1


def test_shape_code_holds_the_shape_bits() -> None:
    for word in [*WORDS, "a", "AB", "Ab", "abcdefghij", "A1", "-", "Ω", "ΩΩ", "ǅ"]:
        bits = shape_bits(word)
        assert shape_code(word) == sum(int(bit) << place for place, bit in enumerate(bits)), word


def test_blocked_product_equals_the_whole_product() -> None:
    rng = np.random.default_rng(0)
    left = rng.normal(size=(70, 384)).astype(np.float32)
    right = rng.normal(size=(384, 160)).astype(np.float32)
    assert np.allclose(blocked_product(left, right), left @ right, atol=1e-4)


def test_the_c_table_built_from_the_file_finds_every_piece_at_the_python_id(source: E5Pieces) -> None:
    if source._search is None:
        pytest.skip("the C piece search is not built in this checkout")
    python_ids = source.pieces._ids
    assert all(source._search.find(piece) == piece_id for piece, piece_id in python_ids.items())
    assert source._search.find("\u2581keinStückDiesesVokabulars") == -1
    assert source.size == len(source.weights.pieces)


def test_rows_read_with_pread_equal_the_mapped_rows(source: E5Pieces) -> None:
    from wortlaut.ner.teacher.weights import read_embedding_rows

    _, mapped = read_embedding_rows()
    ids = [0, 5, 250_001, 12_345, 5]
    assert np.array_equal(source.rows(ids), mapped[ids])
