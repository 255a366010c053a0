"""Linking encodes before it takes SQLite's write lock: other writers are never blocked by the encoder."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tests.link.conftest import make_article
from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.article import Article
from wortlaut.link import HashingEncoder, add_and_link, update
from wortlaut.store import Store

QUOTE = "Wir stehen fest an der Seite der Ukraine"


class _ProbingEncoder(HashingEncoder):
    """A slow encoder stand-in that, while it 'encodes', tries to write with a second connection."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.probes: list[str] = []
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        other = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            self.probes.append("free")
        except sqlite3.OperationalError as error:
            self.probes.append(str(error))
        finally:
            other.close()
        self.texts += len(texts)
        return super().encode(texts)


def _articles() -> list[Article]:
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    again = make_article(
        f"In Vilnius sagte Merkel erneut: „{QUOTE}“. Mehr folgt.",
        published="2025-02-11",
        source="b",
        statements=[("Q567", QUOTE, "direct")],
    )
    return [rutte_article(), selenskyj_article(), first, again]


def test_add_and_link_encodes_while_another_connection_can_write(tmp_path: Path) -> None:
    path = tmp_path / "lock.sqlite"
    with Store.open(path) as store:
        encoder = _ProbingEncoder(path)
        outcome = add_and_link(store, _articles(), encoder=encoder)
        assert outcome.link_error is None and outcome.link is not None
        assert outcome.link.groups_created == outcome.link.statements_grouped - 1  # Merkel's two joined
        assert encoder.probes and set(encoder.probes) == {"free"}


def test_update_of_stored_articles_encodes_outside_the_write_transaction(tmp_path: Path) -> None:
    path = tmp_path / "lock.sqlite"
    with Store.open(path) as store:
        articles = _articles()
        store.add_many(articles, link=False)
        encoder = _ProbingEncoder(path)
        report = update(store, [article.id for article in articles], encoder=encoder)
        assert report.articles == len(articles) and report.groups_created == report.statements_grouped - 1
        assert encoder.probes and set(encoder.probes) == {"free"}
