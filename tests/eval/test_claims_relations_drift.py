"""The relation gold rows are anchors with known labels; drift variants are built one edit at a time."""

from __future__ import annotations

from wortlaut.claims.drift import Version, compare
from wortlaut.claims.relations import TYPES
from wortlaut.eval.claims_drift import variants
from wortlaut.eval.claims_relations import SPLITS, gold_relations


def test_relation_rows_hold_anchors_and_known_types() -> None:
    rows = gold_relations()
    assert len(rows) >= 100
    for row in rows:
        assert row.type in (*TYPES, "none") and row.split in SPLITS, row
        assert len(row.target_anchor) <= 80 and len(row.cue.split()) <= 12, row
        assert row.type != "none" or row.target_anchor == "-", row


def test_relation_rows_are_one_per_cue_occurrence() -> None:
    keys = [(row.source, row.offset) for row in gold_relations()]
    assert len(keys) == len(set(keys))


def test_each_constructed_variant_raises_its_own_flag() -> None:
    quote = "Wir werden die 3 Kraftwerke nicht schließen, sagte auch Müller heute vor der Presse"
    made = dict(variants(quote, "Anna Müller", "Schmidt"))
    assert set(made) == {"negation_dropped", "number_changed", "name_changed", "paraphrased", "shortened",
                         "control_marks_case", "control_filler"}  # fmt: skip
    for kind, variant in made.items():
        flags = compare(Version(quote, names=variant.names), variant).flags
        assert flags == (() if kind.startswith("control") else (kind,)), (kind, flags)


def test_precision_comes_with_a_wilson_interval() -> None:
    from wortlaut.eval.claims_relations import wilson

    assert wilson(0, 0) is None
    assert wilson(5, 10) == (0.237, 0.763)
    low, high = wilson(2, 7) or (0.0, 0.0)
    assert low < 2 / 7 < high
