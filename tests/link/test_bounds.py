"""Linking is bounded: statements per article are capped, and encoding happens outside the write lock."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import numpy as np
import pytest

from tests.link.conftest import make_article
from wortlaut.article import Article
from wortlaut.link import HashingEncoder, update
from wortlaut.store import Store

#: The module (``wortlaut.link.update`` the attribute is the function of the same name).
update_module = importlib.import_module("wortlaut.link.update")


def _long_article(statements: int) -> Article:
    quotes = [f"Wir prüfen den Vorschlag Nummer {number} sehr genau" for number in range(statements)]
    text = "Merkel sagte: " + " ".join(f"„{quote}“." for quote in quotes)
    return make_article(text, published="2025-02-10", statements=[("Q567", q, "direct") for q in quotes])


def test_statements_over_the_cap_are_stored_but_not_grouped(
    monkeypatch: pytest.MonkeyPatch, encoder: HashingEncoder
) -> None:
    monkeypatch.setattr(update_module, "MAX_LINKED_STATEMENTS", 5)
    with Store.open(":memory:") as store:
        article = _long_article(40)
        store.add_many([article], link=False)
        report = update(store, [article.id], encoder=encoder)
        grouped = store.connection.execute("SELECT COUNT(*) FROM statement_group_members").fetchone()[0]
        stored = store.connection.execute("SELECT COUNT(*) FROM statements").fetchone()[0]
    assert stored == 40 and grouped == 5 and report.statements_grouped == 5


class WatchingEncoder(HashingEncoder):
    """Records, for every encode call, whether the store's connection held a write transaction."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store, self.in_transaction = store, []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.in_transaction.append(self.store.connection.in_transaction)
        return super().encode(texts)


def test_texts_are_encoded_before_the_write_lock_is_taken() -> None:
    with Store.open(":memory:") as store:
        articles = [_long_article(3), make_article("Merkel reist nach Paris.", published="2025-02-11")]
        store.add_many(articles, link=False)
        watching = WatchingEncoder(store)
        update(store, [article.id for article in articles], encoder=watching)
        assert watching.in_transaction and not any(watching.in_transaction)
        assert store.connection.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == 2
