"""Cross-validation of the quotation-span tagger against the rules (invented articles, no ../shared)."""

from __future__ import annotations

import re
from typing import Any

from wortlaut.article import Article
from wortlaut.eval.quotes_spans import cross_validate, rules_by_fold, summary
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.span_model import MergePolicy
from wortlaut.quotes.train_spans import Item


def _document(text: str, quote: str) -> dict[str, Any]:
    """A quotes-wikinews-like document: whitespace/punctuation tokens and one quotation."""
    tokens = [
        {"id": n, "charBegin": match.start(), "charEnd": match.end(), "text": match.group(), "sentence": 0}
        for n, match in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    begin = text.index(quote)
    ids = [tok["id"] for tok in tokens if begin <= tok["charBegin"] < begin + len(quote)]
    annotation = {
        "quote": {"spans": [{"charBegin": begin, "charEnd": begin + len(quote)}], "tokenIds": ids},
        "type": "Indirect",
    }
    return {"originalText": text, "tokens": tokens, "annotations": [annotation]}


def _items() -> list[Item]:
    texts = [
        ("Der Trainer sagte, das Team sei bereit. Es regnete.", "das Team sei bereit"),
        ("Die Ärztin sagte, die Lage sei ruhig. Es schneite.", "die Lage sei ruhig"),
        ("Der Pfarrer sagte, die Kirche sei offen. Es stürmte.", "die Kirche sei offen"),
    ]
    return [
        Item(str(number), _document(text, quote), Article.create(text))
        for number, (text, quote) in enumerate(texts)
    ]


def test_cross_validation_scores_rules_tagger_and_each_policy_per_fold_and_pooled() -> None:
    policies = {"union": MergePolicy()}
    results = cross_validate(_items(), 3, lexicon=load_lexicon(), policies=policies, iterations=20)
    assert set(results) == {"rules", "tagger", "union"}
    assert all(len(reports) == 4 for reports in results.values())  # three folds and the pooled line
    assert results["rules"][-1]["quote"]["f1"] == 1.0  # the rules find all three invented quotations
    assert results["union"][-1]["detection"]["f1"] == 1.0  # a merge never loses a rule statement here
    assert "pooled" in summary(results)


def test_rules_by_fold_scores_each_fold_and_the_pool_without_training() -> None:
    results = rules_by_fold(_items(), 3, lexicon=load_lexicon())
    assert list(results) == ["rules"]
    assert len(results["rules"]) == 4
    assert [report["quote"]["f1"] for report in results["rules"]] == [1.0, 1.0, 1.0, 1.0]
