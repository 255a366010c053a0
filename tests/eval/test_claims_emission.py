"""The finder's sense groups of issue 20m as candidates: applying a group to the lexicon, the counts."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.eval.claims import EventCase
from wortlaut.eval.claims_data import GoldEvent
from wortlaut.eval.claims_emission import GROUPS, Tally, lexicon_with, predictions
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


def _case(text: str, word: str) -> EventCase:
    article = Article.create(text, published="2024-12-18")
    start = text.index(word)
    span = article.span(start, start + len(word))
    assert span is not None
    gold = GoldEvent(source="x", trigger=word, before="", after="", status="none", split="tune")
    return EventCase(gold=gold, article=article, trigger=span)


def test_a_word_the_finder_skips_counts_as_emitted_only_through_another_event_of_its_sentence() -> None:
    case = _case(
        "Die Firma, die mit den Lieferanten eine Abmachung trifft, feierte die Vereinbarung.", "trifft"
    )
    lexicon = load_event_lexicon()
    assert predictions([case], lexicon) != ["none"]  # the sentence holds the Vereinbarung event
    assert predictions([case], lexicon, own=True) == ["none"]  # the word itself is no trigger
