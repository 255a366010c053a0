"""The learned quotation-span tagger: labels, decoding, merging with the rules, a tiny trained model
(invented sentences; articles built by hand, tokens from the fallback tokenizer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wortlaut.article import Article
from wortlaut.quotes.context import Context
from wortlaut.quotes.extract import build_context, rule_statements
from wortlaut.quotes.found import Found
from wortlaut.quotes.lexicon import Lexicon, load_lexicon
from wortlaut.quotes.span_features import article_features, rule_labels
from wortlaut.quotes.span_model import (
    FRAMED_RULE,
    UNFRAMED_RULE,
    MergePolicy,
    Prediction,
    SpanModelError,
    SpanTagger,
    decode,
    gold_labels,
    merge_spans,
    new_statement,
)
from wortlaut.quotes.train_spans import Item, folds, train


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _ctx(text: str, lexicon: Lexicon) -> Context:
    return build_context(Article.create(text), lexicon)


def _annotation(text: str, *parts: str) -> dict[str, Any]:
    spans = [{"charBegin": text.index(part), "charEnd": text.index(part) + len(part)} for part in parts]
    return {"quote": {"spans": spans}}


def _words(ctx: Context, first: int, last: int) -> str:
    return ctx.text[ctx.tokens[first].start : ctx.tokens[last - 1].end]


def test_decode_joins_a_continuation_to_the_quotation_before_it() -> None:
    assert decode(["O", "B", "I", "O", "O", "C", "I", "O", "B", "I", "B"]) == [
        [(1, 3), (5, 7)],
        [(8, 10)],
        [(10, 11)],
    ]


def test_decode_opens_a_quotation_at_an_inside_label_after_outside() -> None:
    assert decode(["O", "I", "I", "O", "C"]) == [[(1, 3), (4, 5)]]


def test_gold_labels_mark_start_inside_and_continuation(lexicon: Lexicon) -> None:
    text = "„Wir bleiben“, sagte die Trainerin, „bis zum Schluss“. Danach fuhr sie heim."
    ctx = _ctx(text, lexicon)
    labels = gold_labels(ctx, [_annotation(text, "„Wir bleiben“", "„bis zum Schluss“")])
    spans = decode(labels)
    assert [[_words(ctx, *part) for part in parts] for parts in spans] == [
        ["„Wir bleiben“", "„bis zum Schluss“"]
    ]


def test_gold_labels_keep_a_nested_quotation_inside_the_outer_one(lexicon: Lexicon) -> None:
    text = "Der Wirt sagte, der Abend sei „ein voller Erfolg“ gewesen."
    ctx = _ctx(text, lexicon)
    outer = _annotation(text, "der Abend sei „ein voller Erfolg“ gewesen")
    inner = _annotation(text, "„ein voller Erfolg“")
    assert [_words(ctx, *parts[0]) for parts in decode(gold_labels(ctx, [inner, outer]))] == [
        "der Abend sei „ein voller Erfolg“ gewesen"
    ]


def test_rule_labels_name_the_mode_of_the_rules_statement(lexicon: Lexicon) -> None:
    ctx = _ctx("Die Ministerin sagte, die Brücke werde im Mai eröffnet.", lexicon)
    labels = rule_labels(ctx, rule_statements(ctx))
    assert "B-indirect" in labels and labels[0] == "O"


def test_every_token_gets_features_with_its_word_and_the_rules_label(lexicon: Lexicon) -> None:
    ctx = _ctx("Die Ministerin sagte, die Brücke werde im Mai eröffnet. Es regnete.", lexicon)
    features = article_features(ctx, rule_statements(ctx))
    assert len(features) == len(ctx.tokens)
    assert "w=ministerin" in features[1] and "cue" in features[2]
    assert any(name.startswith("r=B-") for name in features[4])


def test_a_tagged_quotation_with_a_cue_in_its_sentence_is_framed_by_it(lexicon: Lexicon) -> None:
    text = "Der Bürgermeister räumte ein, die Planung habe Fehler enthalten."
    ctx = _ctx(text, lexicon)
    first = next(i for i, tok in enumerate(ctx.tokens) if tok.low == "die")
    statement = new_statement(ctx, [(first, len(ctx.tokens) - 1)])
    assert (statement.rule, statement.mode) == (FRAMED_RULE, "indirect")
    assert statement.speaker is not None and text[slice(*statement.speaker)] == "Der Bürgermeister"
    assert [text[slice(*part)] for part in statement.cue] == ["räumte", "ein"]


def test_a_tagged_quotation_without_a_cue_continues_the_previous_speaker(lexicon: Lexicon) -> None:
    text = "Die Lage sei ernst."
    ctx = _ctx(text, lexicon)
    statement = new_statement(ctx, [(0, len(ctx.tokens) - 1)])
    assert (statement.rule, statement.mode, statement.speaker) == (UNFRAMED_RULE, "free_indirect", None)
    assert text[slice(*statement.quote[0])] == "Die Lage sei ernst"


def test_merge_adds_only_quotations_that_no_rule_found(lexicon: Lexicon) -> None:
    text = "Die Ministerin sagte, die Brücke werde im Mai eröffnet. Die Kosten sind gestiegen."
    ctx = _ctx(text, lexicon)
    found = rule_statements(ctx)
    second = ctx.sentences[1]
    overlapping = [(4, 6)]
    spans = [overlapping, [(second[0], second[1] - 1)]]
    merged = merge_spans(ctx, list(found), Prediction(spans, [1.0] * len(ctx.tokens)), MergePolicy())
    added = merged[len(found) :]
    assert len(added) == 1 and text[slice(*added[0].quote[0])] == "Die Kosten sind gestiegen"


def test_merge_drops_a_rule_statement_the_tagger_does_not_back(lexicon: Lexicon) -> None:
    ctx = _ctx("Die Ministerin sagte, die Brücke werde im Mai eröffnet.", lexicon)
    found = [item for item in rule_statements(ctx) if not item.rule.startswith("direct.")]
    assert found
    unsure = Prediction([], [0.2] * len(ctx.tokens))
    assert merge_spans(ctx, list(found), unsure, MergePolicy(drop_below=0.5)) == []
    assert merge_spans(ctx, list(found), unsure, MergePolicy(drop_below=0.1)) == found


def test_merge_adds_a_tagged_quotation_only_when_the_tagger_is_confident(lexicon: Lexicon) -> None:
    ctx = _ctx("Die Kosten sind gestiegen.", lexicon)
    spans = [[(0, len(ctx.tokens) - 1)]]
    unsure = Prediction(spans, [0.55] * len(ctx.tokens))
    assert merge_spans(ctx, [], unsure, MergePolicy(add_at=0.6)) == []
    assert len(merge_spans(ctx, [], unsure, MergePolicy(add_at=0.5))) == 1


def test_merge_keeps_direct_quotations_whatever_the_tagger_says(lexicon: Lexicon) -> None:
    ctx = _ctx("„Wir bleiben hier“, sagte die Trainerin.", lexicon)
    found = [Found(mode="direct", quote=[(0, 19)], rule="direct.framed", sentence=0)]
    nothing = Prediction([], [0.0] * len(ctx.tokens))
    assert merge_spans(ctx, list(found), nothing, MergePolicy(drop_below=1.0)) == found


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpanModelError, match="no quotation span model"):
        SpanTagger(tmp_path / "absent.crfsuite")


def _item(name: str, text: str, *quotes: str) -> Item:
    document = {"originalText": text, "annotations": [_annotation(text, quote) for quote in quotes]}
    return Item(name, document, Article.create(text))


def test_a_model_trained_on_invented_articles_finds_their_quotations(
    tmp_path: Path, lexicon: Lexicon
) -> None:
    items = [
        _item("a", "Der Trainer sagte, das Team sei bereit. Es regnete.", "das Team sei bereit"),
        _item("b", "Die Ärztin sagte, die Lage sei ruhig. Es schneite.", "die Lage sei ruhig"),
    ]
    path = train(items, tmp_path / "model.crfsuite", lexicon=lexicon, iterations=50)
    tagger = SpanTagger(path)
    ctx = _ctx("Der Pfarrer sagte, die Kirche sei offen. Es regnete.", lexicon)
    prediction = tagger.predict(ctx, rule_statements(ctx))
    assert [_words(ctx, *parts[0]) for parts in prediction.spans] == ["die Kirche sei offen"]
    assert prediction.confidence(range(4, 8)) > 0.5 > prediction.confidence(range(10, 12))


def test_folds_keep_each_article_in_one_fold() -> None:
    items = [_item(str(number), "Es regnete.") for number in range(7)]
    split = folds(items, 3)
    assert sorted(item.name for fold in split for item in fold) == sorted(item.name for item in items)
    assert [len(fold) for fold in split] == [3, 2, 2]


def test_the_statements_stage_names_a_missing_span_model_clearly(tmp_path: Path) -> None:
    from wortlaut.stages.statements import StatementsStage

    with pytest.raises(SpanModelError, match=r"absent\.crfsuite"):
        StatementsStage(span_model=str(tmp_path / "absent.crfsuite"))


def test_the_statements_stage_with_a_span_model_keeps_the_rules_statements(
    tmp_path: Path, lexicon: Lexicon
) -> None:
    from wortlaut.stages.statements import StatementsStage

    items = [_item("a", "Der Trainer sagte, das Team sei bereit. Es regnete.", "das Team sei bereit")]
    path = train(items, tmp_path / "model.crfsuite", lexicon=lexicon, iterations=20)
    article = Article.create("Die Ärztin sagte, die Lage sei ruhig. Es schneite.")
    plain = StatementsStage(lexicon=lexicon)(article).statements
    learned = StatementsStage(lexicon=lexicon, span_model=str(path))(article).statements
    assert [s.quote.text for s in plain] == ["die Lage sei ruhig"]
    assert [s.quote.text for s in learned][: len(plain)] == ["die Lage sei ruhig"]
