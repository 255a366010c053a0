"""The coreference resolver called directly on an article with names already linked."""

from __future__ import annotations

from tests.kb.articles import tokenized
from wortlaut.coref import CorefResolver
from wortlaut.kb import default_kb
from wortlaut.kb.linking import EntityLinker
from wortlaut.kb.text import article_words


def test_resolver_adds_pronoun_and_role_mentions() -> None:
    kb = default_kb()
    text = "Mark Rutte kam. Er sagte, der NATO-Generalsekretär sei zufrieden."
    article = tokenized(text, published="2024-12-18")
    items = article_words(article)
    mentions, entities = EntityLinker(kb).link(article, items, [])
    article = article.with_layers(mentions=mentions, entities=entities)
    mentions, _ = CorefResolver(kb).resolve(article, items)
    assert [(m.text, m.kind, m.entity) for m in mentions] == [
        ("Mark Rutte", "name", "mark-rutte"),
        ("Er", "pronoun", "mark-rutte"),
        ("der NATO-Generalsekretär", "description", "mark-rutte"),
        ("NATO", "name", "nato"),
    ]


def test_resolver_genders_come_from_the_kb_or_a_local_first_name() -> None:
    kb = default_kb()
    article = tokenized("Anna Quendler und Mark Rutte kamen.", published="2024-12-18")
    _, entities = EntityLinker(kb).link(article, article_words(article), [])
    resolver = CorefResolver(kb)
    assert {e.id: resolver.gender(e) for e in entities} == {"local:anna-quendler": "f", "mark-rutte": "m"}
    assert resolver.gender(None) is None
