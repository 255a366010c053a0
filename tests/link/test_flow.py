"""The explicit store-then-link flow: linking from memory equals linking from the stored JSON."""

from __future__ import annotations

from pathlib import Path

from tests.link.conftest import make_article
from tests.store.samples import filler_article, rutte_article, selenskyj_article
from wortlaut.article import Article
from wortlaut.link import HashingEncoder, add_and_link, link_pending
from wortlaut.store import Store
from wortlaut.store.bulk import dump

#: Every table the linker writes.
LINK_TABLES = ("duplicates", "stories", "story_articles", "statement_groups", "statement_group_members",
               "link_lsh", "link_story_entities", "alias_evidence", "alias_locals", "learned_aliases",
               "entity_merges", "embeddings")  # fmt: skip

QUOTE = "Wir stehen fest an der Seite der Ukraine"


def _batch() -> list[Article]:
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    copy = make_article(
        f"In Vilnius sagte Merkel: „{QUOTE}“. Mehr folgt.",
        published="2025-02-11",
        source="b",
        statements=[("Q567", QUOTE, "direct")],
    )
    return [rutte_article(), selenskyj_article(), first, copy, filler_article(3)]


def _tables(store: Store) -> dict[str, list[dict[str, object]]]:
    return {table: dump(store.connection, table) for table in LINK_TABLES}


def test_linking_from_memory_writes_what_linking_from_the_store_writes(tmp_path: Path) -> None:
    articles = _batch()
    with Store.open(tmp_path / "memory.sqlite") as in_memory, Store.open(tmp_path / "read.sqlite") as read:
        outcome = add_and_link(in_memory, articles, encoder=HashingEncoder())
        read.add_many(articles, link=False)
        link_pending(read, encoder=HashingEncoder(), batch_size=len(articles))
        assert outcome.link is not None and outcome.link.articles == len(articles)
        assert outcome.link_error is None and outcome.stored == tuple(a.id for a in articles)
        assert _tables(in_memory) == _tables(read)
        assert _tables(in_memory)["statement_group_members"] and in_memory.unlinked() == read.unlinked() == 0


class _Exploding(HashingEncoder):
    def encode(self, texts: object, **_options: object) -> object:  # type: ignore[override]
        raise RuntimeError("encoder exploded")


def test_a_linking_error_is_returned_and_the_batch_stays_stored_and_journalled(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        outcome = add_and_link(store, [rutte_article(), selenskyj_article()], encoder=_Exploding())
        assert outcome.link is None and outcome.link_error == "RuntimeError: encoder exploded"
        assert [result.status for result in outcome.results] == ["added", "added"]
        assert store.unlinked() == 2
        again = add_and_link(store, [rutte_article()], encoder=HashingEncoder())
        assert again.stored == () and again.link is None and store.unlinked() == 2
        assert all(batch.error is None for batch in link_pending(store, encoder=HashingEncoder()))
        assert store.unlinked() == 0
