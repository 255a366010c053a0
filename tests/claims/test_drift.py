"""Quote drift: each kind of meaning-changing edit is flagged, harmless edits are not."""

from __future__ import annotations

import pytest

from wortlaut.claims.drift import Version, compare

ORIGINAL = Version(
    "Wir erhöhen die Steuern nicht, solange die Wirtschaft 3 Prozent wächst und Merz zustimmt.",
    "direct",
    frozenset({"Merz"}),
)


@pytest.mark.parametrize(
    ("text", "mode", "names", "expected"),
    [
        ("Wir erhöhen die Steuern, solange die Wirtschaft 3 Prozent wächst und Merz zustimmt.",
         "direct", (), ("negation_dropped",)),
        ("Wir erhöhen die Steuern nicht, solange die Wirtschaft 5 Prozent wächst und Merz zustimmt.",
         "direct", (), ("number_changed",)),
        ("Wir erhöhen die Steuern nicht, solange die Wirtschaft drei Prozent wächst und Scholz zustimmt.",
         "direct", ("Scholz",), ("name_changed",)),
        ("Sie erhöhten die Steuern nicht, solange die Wirtschaft 3 Prozent wachse und Merz zustimme.",
         "indirect", (), ("paraphrased",)),
        ("Wir erhöhen die Steuern nicht.", "direct", (), ("shortened",)),
    ],
)  # fmt: skip
def test_each_kind_of_edit_raises_its_flag(
    text: str, mode: str, names: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert compare(ORIGINAL, Version(text, mode, frozenset(names))).flags == expected


def test_quotation_marks_case_and_a_filler_word_are_no_drift() -> None:
    variant = Version(
        "„wir erhöhen die Steuern nicht, solange die Wirtschaft 3 Prozent wächst und Merz zustimmt“",
        "direct",
    )
    drift = compare(ORIGINAL, variant)
    assert drift.flags == ()
    assert all(segment.op == "equal" for segment in drift.segments)


def test_a_cut_clause_with_its_own_negation_is_shortening_not_a_dropped_negation() -> None:
    full = Version("Wir lassen die Ukraine nicht allein, auch nicht im vierten Kriegswinter.", "direct")
    headline = Version("Wir lassen die Ukraine nicht allein", "headline")
    assert compare(full, headline).flags == ("shortened",)


def test_alignment_keeps_both_sides_words() -> None:
    drift = compare(
        Version("Das Paket kostet 100 Millionen Euro."), Version("Das Paket kostet 200 Millionen Euro.")
    )
    changed = [segment for segment in drift.segments if segment.op != "equal"]
    assert [(s.op, s.reference, s.version) for s in changed] == [("replace", "100", "200")]
    assert drift.flags == ("number_changed",)


def test_a_number_written_as_a_word_equals_its_digits() -> None:
    assert "number_changed" not in compare(Version("Es gab 3 Tote."), Version("Es gab drei Tote.")).flags


def test_a_negation_put_in_is_flagged() -> None:
    drift = compare(
        Version("Wir werden die Steuern erhöhen."), Version("Wir werden die Steuern nicht erhöhen.")
    )
    assert drift.flags == ("negation_added",)
