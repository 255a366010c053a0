"""The speaker-recall error classes on hand-built annotations (token ids stand for words)."""

from __future__ import annotations

from wortlaut.eval.quotes import Annotation
from wortlaut.eval.quotes_speaker_errors import categories, category, classify, speaker_class

#: Sentence 0: tokens 0-9 ("Bundeskanzlerin Angela Merkel sagte , …"); sentence 1: tokens 10-19.
SENTENCES = {index: index // 10 for index in range(20)}
WORDS = {index: f"w{index}" for index in range(20)} | {10: "Er"}


def _item(quote: set[int], speaker: set[int], cue: set[int] | None = None) -> Annotation:
    return Annotation(
        roles={"quote": frozenset(quote), "speaker": frozenset(speaker), "cue": frozenset(cue or ())}
    )


def test_a_gold_speaker_without_paired_prediction_is_no_statement_found() -> None:
    assert speaker_class(_item({5, 6}, {0, 1}), None, SENTENCES, WORDS) == "no statement found"


def test_a_title_left_out_is_a_span_too_short_before() -> None:
    gold, guess = _item({5, 6}, {0, 1, 2}), _item({5, 6}, {1, 2})
    assert speaker_class(gold, guess, SENTENCES, WORDS) == "span too short: before"


def test_an_apposition_left_out_is_a_span_too_short_after() -> None:
    gold, guess = _item({8, 9}, {0, 1, 2, 3}), _item({8, 9}, {0, 1})
    assert speaker_class(gold, guess, SENTENCES, WORDS) == "span too short: after"


def test_an_object_of_the_same_sentence_is_a_wrong_candidate() -> None:
    gold, guess = _item({8, 9}, {0, 1}, {3}), _item({8, 9}, {5, 6})
    assert speaker_class(gold, guess, SENTENCES, WORDS) == "wrong candidate, same sentence"


def test_a_carried_speaker_for_a_gold_pronoun_in_the_quotation_sentence() -> None:
    gold, guess = _item({12, 13}, {10}, {11}), _item({12, 13}, {0, 1})
    assert speaker_class(gold, guess, SENTENCES, WORDS) == "wrong candidate, other sentence (gold pronoun)"


def test_classify_counts_missed_and_extra_tokens() -> None:
    gold = [_item({5, 6}, {0, 1, 2}), _item({15, 16}, {10})]
    predicted = [_item({5, 6}, {1, 2}), _item({18}, {17})]
    tokens = [{"id": index, "sentence": SENTENCES[index], "text": WORDS[index]} for index in range(20)]
    missed, extra = classify(gold, predicted, tokens)
    assert missed == {"span too short: before": 1, "no statement found": 1}
    assert extra["unpaired prediction"] == 1


def test_category_of_a_pronoun_taken_for_a_name_is_the_pronoun_class() -> None:
    gold, guess = _item({12, 13}, {0, 1}, {11}), _item({12, 13}, {10})
    assert category(gold, guess, SENTENCES, WORDS) == "(b) pronoun or demonstrative"


def test_categories_count_found_quotations_and_their_gold_speaker_tokens() -> None:
    gold = [_item({5, 6}, {0, 1, 2}), _item({15, 16}, set()), _item({18}, {17})]
    predicted = [_item({5, 6}, set()), _item({15, 16}, {10})]
    tokens = [{"id": index, "sentence": SENTENCES[index], "text": WORDS[index]} for index in range(20)]
    quotations, speaker_tokens = categories(gold, predicted, tokens)
    assert quotations == {"(d) no speaker": 1, "(e) speaker where gold has none": 1}
    assert speaker_tokens == {"(d) no speaker": 3, "(e) speaker where gold has none": 0}
