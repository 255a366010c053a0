"""The article's match words: kept once for the entities and coreference stages, never stale."""

from __future__ import annotations

from tests.kb.articles import tokenized
from wortlaut.article import Mention, Structure
from wortlaut.kb.text import article_words


def test_article_words_asked_again_for_the_same_article_after_new_mentions_are_equal_new_lists() -> None:
    article = tokenized("NATO-Chef Mark Rutte sagte: „Wir bleiben.“")
    first = article_words(article)
    mention = Mention(start=10, end=20, text="Mark Rutte", type="PER", kind="name", entity="mark-rutte")
    later = article.with_layers(mentions=(mention,))
    first.clear()  # a caller changing its list changes nothing for the next caller
    again = article_words(later)
    assert again == article_words(tokenized("NATO-Chef Mark Rutte sagte: „Wir bleiben.“"))
    assert [word.text for word in again][:4] == ["NATO", "-", "Chef", "Mark"]
    assert again is not article_words(later)


def test_article_words_follow_other_tokens_or_boilerplate_of_the_same_text() -> None:
    article = tokenized("Rutte kam. Mehr dazu hier.")
    assert [word.text for word in article_words(article)][-1] == "."
    fewer = article.with_layers(tokens=article.tokens[:2])
    assert [word.text for word in article_words(fewer)] == ["Rutte", "kam"]
    cut = article.text.index("Mehr")
    structure = Structure(boilerplate=(article.span(cut, len(article.text)),))  # type: ignore[arg-type]
    boiled = article.with_layers(structure=structure)
    assert [word.text for word in article_words(boiled)] == ["Rutte", "kam", "."]
