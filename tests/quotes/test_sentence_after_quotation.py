"""A quotation opened by an English-style “ after a full stop starts a new sentence (issue 12, ninth
session): invented sentences, whole pipeline and the sentence cutter alone."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.text import Tok, split_before_quotations


def _tok(start: int, text: str, sentence: int = 0) -> Tok:
    return Tok(start, start + len(text), text, text.lower(), sentence)


def test_stop_then_opening_mark_then_capital_cuts_the_sentence() -> None:
    words = ["gesagt", ".", "“", "Die", "Leute"]
    tokens, offset = [], 0
    for word in words:
        tokens.append(_tok(offset, word))
        offset += len(word) + 1
    opening = tokens[2].start
    assert split_before_quotations(tokens, [(0, 5)], frozenset({opening})) == [(0, 2), (2, 5)]


def test_mark_that_opens_no_quotation_does_not_cut() -> None:
    tokens = [_tok(0, "gesagt"), _tok(7, "."), _tok(9, "”"), _tok(11, "Die"), _tok(15, "Leute")]
    assert split_before_quotations(tokens, [(0, 5)], frozenset()) == [(0, 5)]


def test_two_quotations_with_english_marks_in_two_sentences_are_two_statements(pipeline: Pipeline) -> None:
    text = (
        "Der Verband warnt vor leeren Innenstädten. “Es liegt nun an der Politik, ein Signal zu senden”, "
        "sagte Jana Korff. “Die Menschen müssen wieder mehr Zuversicht haben.” Danach ging sie."
    )
    article = pipeline(Article.create(text))
    direct = [s for s in article.statements if s.mode == "direct"]
    assert [s.quote.text[:10] for s in direct] == ["“Es liegt ", "“Die Mensc"]
    assert all(s.speaker is not None and "Korff" in s.speaker.text for s in direct)
