"""The finder's sense groups of issue 20m as candidates: applying a group to the lexicon, the counts."""

from __future__ import annotations

from wortlaut.eval.claims_emission import GROUPS, Tally, lexicon_with
from wortlaut.events.lexicon import load_event_lexicon


def test_a_group_adds_its_expression_to_the_rows_it_names_only() -> None:
    base = load_event_lexicon()
    shipped = base.exact["Reise"].not_in
    lexicon = lexicon_with(["journey_idiom"])
    assert lexicon.exact["Reise"].not_in is not None
    assert lexicon.exact["Reise"].not_in.search("wohin die Reise geht")
    if shipped is not None:  # the shipped sense stays in the joined expression
        assert lexicon.exact["Reise"].not_in.pattern.startswith(f"(?:{shipped.pattern})")
    assert lexicon.exact["Treffen"] == base.exact["Treffen"]


def test_a_group_of_non_triggers_and_not_after_words_reaches_the_lexicon() -> None:
    lexicon = lexicon_with(["compounds", "ins_treffen"])
    assert lexicon.trigger("Hintertreffen") is None
    assert "ins" in lexicon.exact["Treffen"].not_after
    assert set(GROUPS["compounds"].nontriggers) <= lexicon.nontriggers


def test_the_tally_counts_none_as_a_sixth_label_and_status_on_emitted_events_apart() -> None:
    golds = ["none", "none", "happened", "planned", "happened"]
    preds = ["none", "happened", "happened", "happened", "none"]
    tally = Tally.of(golds, preds)
    assert (tally.right, tally.none_emitted, tally.events_missed) == (2, 1, 1)
    assert (tally.status_right, tally.emitted) == (1, 2)
    assert tally.as_dict()["six_way"] == 0.4
