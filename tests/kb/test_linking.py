"""The entity linker called directly, without the stage: KB names, local names, agency spans."""

from __future__ import annotations

from tests.kb.articles import tokenized
from wortlaut.kb import default_kb
from wortlaut.kb.linking import EntityLinker, words_outside
from wortlaut.kb.text import article_words


def test_linker_links_a_kb_name_and_a_first_name_pattern() -> None:
    article = tokenized("Mark Rutte traf Hans Quendler.", published="2024-12-18")
    mentions, entities = EntityLinker(default_kb()).link(article, article_words(article), [])
    assert [(m.text, m.entity) for m in mentions] == [
        ("Mark Rutte", "mark-rutte"),
        ("Hans Quendler", "local:hans-quendler"),
    ]
    assert {e.id for e in entities} == {"mark-rutte", "local:hans-quendler"}


def test_linker_takes_tagged_spans_as_names() -> None:
    article = tokenized("Die Quendlerwerke melden Gewinne.")
    items = article_words(article)
    mentions, _ = EntityLinker(default_kb()).link(article, items, [(1, 2, "ORG", "ner")])
    assert [(m.text, m.type, m.source) for m in mentions] == [("Quendlerwerke", "ORG", "ner")]


def test_words_outside_drops_words_that_start_inside_a_span() -> None:
    article = tokenized("Berlin (dpa) – Rutte sprach.")
    items = article_words(article)
    start = article.text.index("(")
    kept = words_outside(items, [(start, start + len("(dpa)"))])
    assert [w.text for w in kept] == ["Berlin", "–", "Rutte", "sprach", "."]
    assert words_outside(items, []) is items
