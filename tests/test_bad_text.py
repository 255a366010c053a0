"""Texts that break naive NLP code run through the whole default pipeline without errors.

Issue 3 names them: empty text, 100,000 tokens without punctuation, only emoji,
mixed scripts.  Each result must also survive the JSON record round trip the
store and the CLI rely on, and offsets must still point into the text.
"""

from __future__ import annotations

import json
import random

import pytest

import wortlaut
from wortlaut import Article

_WORDS = ("sagte", "Merkel", "Berlin", "die", "Regierung", "wolle", "und", "Haus", "@handle", "#tag", "https://x.de/a")


def _no_punctuation(count: int) -> str:
    chooser = random.Random(3)
    return " ".join(chooser.choice(_WORDS) for _ in range(count))


CASES = {
    "empty": "",
    "whitespace only": "   \n\n\t  ",
    "only emoji": "😀🙂🎉🇩🇪 👍👍 🔥" * 50,
    "mixed scripts": "Путин sagte in Москва, 北京 sei 重要. مرحبا Selenskyj ελληνικά «Зеленський» – 😀",
    "control and format characters": "Merkel\x00 sagte\x07 etwas\u200b\u202e. Er\ufeff wolle.",
}


def _check(article: Article) -> None:
    record = json.loads(json.dumps(article.to_json(include_tokens=True), ensure_ascii=False))
    assert Article.from_json(record) == article
    for span in (*article.tokens, *article.mentions):
        assert 0 <= span.start <= span.end <= len(article.text)
        assert article.text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_text_is_analysed_without_errors(name: str) -> None:
    article = wortlaut.analyze(CASES[name], published="2024-05-01")
    _check(article)
    if not CASES[name].strip():
        assert article.tokens == () and article.mentions == () and article.statements == ()


def test_emoji_only_text_has_no_entities_or_statements() -> None:
    article = wortlaut.analyze(CASES["only emoji"])
    assert article.tokens and not article.mentions and not article.statements


def test_mixed_scripts_keep_the_latin_names() -> None:
    article = wortlaut.analyze(CASES["mixed scripts"], published="2024-05-01")
    assert "Selenskyj" in {mention.text for mention in article.mentions}


def test_hundred_thousand_tokens_without_punctuation() -> None:
    article = wortlaut.analyze(_no_punctuation(100_000), published="2024-05-01")
    assert len(article.tokens) == 100_000
    assert len(article.sentences) > 1  # force-split, not one 100,000-token sentence
    _check(article)
