"""The German lemmatiser with the compiled dictionary decoder: simplemma's dictionary and lemmas, exactly.

Without the optional extension these compare simplemma's decoder with itself, plus the fallback test.
"""

from __future__ import annotations

import pytest
import simplemma
from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed

from wortlaut.morph import lemmas


def _stream(records: list[bytes]) -> bytes:
    """A small SMFC1 stream: header (not reversed, count) and the given encoded records."""
    return b"SMFC1\x00" + bytes([len(records)]) + b"".join(records)


def test_german_dictionary_decodes_to_simplemmas_records_in_order() -> None:
    data = _read_decompressed("de")
    expected = frontcode._decode_stream(data)
    decoded = lemmas.decode_stream(data)
    assert len(decoded) == len(expected) > 1_000_000
    assert list(decoded.items()) == list(expected.items())
    # the same objects where Python shares them (a lemma equal to its form): the same memory
    assert sum(k is v for k, v in decoded.items()) == sum(k is v for k, v in expected.items()) > 100_000


def test_record_kinds_and_python_slice_semantics_match() -> None:
    records = [
        b"\x00\x03abc\xff\x01x",  # literal value
        b"\x02\x01d\xfe",  # key "abd", same value as before
        b"\x09\x01e\x01\x02yz",  # shared beyond the previous key (clipped), value = key[:-1] + "yz"
        b"\x00\x01q\x05\x01w",  # trim beyond the key: Python's q[:-4] is b""
        b"\x00\x02qr\x03\x01w",  # trim 3 of 2: qr[:-1] = b"q"
    ]
    data = _stream(records)
    assert list(lemmas.decode_stream(data).items()) == list(frontcode._decode_stream(data).items())


@pytest.mark.parametrize("cut", [1, 3, 5, 8])
def test_truncated_stream_raises_like_simplemma(cut: int) -> None:
    data = _stream([b"\x00\x03abc\xff\x02xy", b"\x01\x02bc\x00\x01z"])[:-cut]
    with pytest.raises(ValueError):
        frontcode._decode_stream(data)
    with pytest.raises(ValueError):
        lemmas.decode_stream(data)


def test_lemmas_equal_simplemmas() -> None:
    words = ["Häuser", "Regierungen", "sagte", "Bundeskanzlerin", "des", "Ministerien", "xyzzyq", "ÄRZTE"]
    assert [lemmas.lemmatize(w) for w in words] == [simplemma.lemmatize(w, lang="de") for w in words]


def test_without_the_extension_simplemmas_decoder_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _stream([b"\x00\x03abc\xff\x02xy", b"\x02\x01d\x00\x01z"])
    monkeypatch.setattr(lemmas, "_compiled_decode", None)
    assert lemmas.decode_stream(data) == {b"abc": b"xy", b"abd": b"abdz"}


def test_compiled_decoder_refuses_a_negative_offset() -> None:
    compiled = pytest.importorskip("wortlaut.morph._frontcode")
    with pytest.raises(ValueError):
        compiled.decode(b"SMFC1\x00\x00", -1)
