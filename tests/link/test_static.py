"""The static encoder: weighted mean of table word vectors, case-folded and compound look-ups."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wortlaut.link.static import FIRST_TABLE, TABLE, StaticEncoder


def _table(path: Path) -> Path:
    """A four-word table: regierung and government share a direction, fussball has its own."""
    words = ["regierung", "government", "fussball", "und"]
    vectors = np.array([[1.0, 0.1, 0.0], [0.9, 0.2, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    scales = np.abs(vectors).max(axis=1) / 127.0
    np.savez(
        path,
        words=np.asarray(words),
        vectors=np.round(vectors / scales[:, None]).astype(np.int8),
        scales=scales.astype(np.float32),
        weights=np.array([1.0, 1.0, 1.0, 0.01], dtype=np.float32),
    )
    return path


@pytest.fixture
def encoder(tmp_path: Path) -> StaticEncoder:
    return StaticEncoder(path=_table(tmp_path / "table.npz"))


def test_static_vectors_are_unit_length_and_zero_for_unknown_words(encoder: StaticEncoder) -> None:
    vectors = encoder.encode(["Die Regierung", "xyzzy", ""])
    assert vectors.shape == (3, 3) and encoder.family == "static"
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0)
    assert not vectors[1].any() and not vectors[2].any()


def test_translations_sharing_word_vectors_come_out_close(encoder: StaticEncoder) -> None:
    german, english, football = encoder.encode(["Regierung", "government", "Fußball"])
    assert german @ english > 0.95 and german @ football < 0.1


def test_a_compound_falls_back_to_its_known_head(encoder: StaticEncoder) -> None:
    compound, head = encoder.encode(["Bundesregierung", "Regierung"])
    assert np.allclose(compound, head)


def test_a_hyphenated_word_is_looked_up_by_its_parts(encoder: StaticEncoder) -> None:
    joined, parts = encoder.encode(["Fußball-Regierung", "Fußball Regierung"])
    assert np.allclose(joined, parts)


def test_frequent_words_weigh_little(encoder: StaticEncoder) -> None:
    with_function_word, alone = encoder.encode(["Regierung und", "Regierung"])
    assert with_function_word @ alone > 0.99


def test_a_missing_table_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="table is missing"):
        StaticEncoder(path=tmp_path / "absent.npz")


@pytest.mark.parametrize(("table", "dim"), [(TABLE, 384), (FIRST_TABLE, 256)])
def test_the_shipped_tables_put_a_translation_nearer_than_an_unrelated_report(table: Path, dim: int) -> None:
    shipped = StaticEncoder(path=table)
    german, english, unrelated = shipped.encode(
        [
            "Die Bundesregierung plant neue Steuern für Unternehmen.",
            "The federal government plans new taxes for companies.",
            "Der FC Bayern gewann am Samstag gegen Dortmund.",
        ]
    )
    assert shipped.dim == dim and german @ english > german @ unrelated + 0.1


def _trained_table(path: Path) -> Path:
    """A two-dimensional trained table whose outputs live in a three-dimensional 'e5' space."""
    words = ["regierung", "fussball"]
    vectors = np.array([[1.0, 0.0], [0.0, 2.0]])
    scales = np.abs(vectors).max(axis=1) / 127.0
    np.savez(
        path,
        words=np.asarray(words),
        vectors=np.round(vectors / scales[:, None]).astype(np.int8),
        scales=scales.astype(np.float32),
        weights=np.array([1.0, 1.0], dtype=np.float32),
        components=np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32),
        centre=np.array([0.0, 0.0, 1.0], dtype=np.float32),
        radius=np.float32(0.5),
    )
    return path


def test_a_trained_table_imitates_e5_in_its_own_space(tmp_path: Path) -> None:
    encoder = StaticEncoder(path=_trained_table(tmp_path / "trained.npz"))
    government, both = encoder.encode(["Regierung", "Regierung Fußball"])
    assert encoder.dim == 3 and encoder.name.startswith("static-e5-tl-")
    # the centred part (1, 0, 0) is scaled to the radius and moved to the centre: (0.5, 0, 1), normalised
    assert np.allclose(government, np.array([0.5, 0.0, 1.0]) / np.hypot(0.5, 1.0), atol=1e-3)
    # a longer text is not pulled towards the centre: its centred part keeps the radius
    centred = both / both[2]
    assert np.isclose(np.hypot(centred[0], centred[1]), 0.5, atol=1e-3)


def test_word_rows_are_cached_mapped_and_bit_for_bit_the_computed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dequantised rows go to the cache folder on the first load and are mapped after; a damaged
    file is computed and written again."""
    from wortlaut.link import static

    monkeypatch.setenv("WORTLAUT_CACHE", str(tmp_path))
    cached = tmp_path / "rows.bin"
    with np.load(static.TABLE) as data:
        expected = data["vectors"].astype(np.float32) * data["scales"][:, None]
        count = len(data["words"])
        first = static._rows(data, cached, count)
        again = static._rows(data, cached, count)
        assert first.tobytes() == again.tobytes() == expected.tobytes()
        assert first.flags.writeable and not again.flags.writeable  # computed, then mapped
        cached.write_bytes(cached.read_bytes()[:1000])
        assert static._rows(data, cached, count).tobytes() == expected.tobytes()
        assert not static._rows(data, cached, count).flags.writeable
    copy = tmp_path / "elsewhere" / "table.npz"  # a table outside the package (training, tests): not cached
    copy.parent.mkdir()
    copy.write_bytes(static.TABLE.read_bytes())
    before = sorted(tmp_path.iterdir())
    assert static._table(copy).vectors.tobytes() == expected.tobytes()
    assert sorted(tmp_path.iterdir()) == before
