"""Building the static table: surface forms chosen by frequency, and pack writes a table the encoder reads."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from wortlaut.link.distil import _surface_forms, pack
from wortlaut.link.static import StaticEncoder


def test_the_most_frequent_written_form_stands_for_a_casefolded_key() -> None:
    forms = _surface_forms(Counter({"USA": 5, "usa": 1, "größte": 3, "Regierung": 4, "regierung": 1}))
    assert forms["usa"] == "USA" and forms["grösste"] == "größte" and forms["regierung"] == "Regierung"


def test_pack_writes_a_centred_reduced_table_the_static_encoder_reads(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    words = [[f"wort{n}", f"Wort{n}", 0.5 + n / 100] for n in range(12)]
    (tmp_path / "vocabulary.json").write_text(json.dumps(words), encoding="utf-8")
    raw = rng.normal(size=(12, 8)).astype(np.float32) + 3.0  # a shared offset, as e5 has
    np.save(tmp_path / "chunk-000000.npy", raw[:8])
    np.save(tmp_path / "chunk-000008.npy", raw[8:])
    table = pack(tmp_path, tmp_path / "out", dimensions=4)
    encoder = StaticEncoder(path=table)
    assert encoder.dim == 4 and encoder.name == "static-e5-0k-4"
    first, same, other = encoder.encode(["Wort1", "wort1", "Wort7"])
    assert np.allclose(first, same) and abs(float(first @ other)) < 0.99
