"""The data-parallel link steps give the incremental linker's duplicates, groups and stories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest

from wortlaut import link
from wortlaut.article import Article
from wortlaut.eval.stories import load_collection
from wortlaut.link import HashingEncoder
from wortlaut.scale import links
from wortlaut.store import Store


@pytest.fixture(scope="module")
def collection() -> list[Article]:
    articles, _ = load_collection()
    return [gold.article for gold in articles]


@pytest.fixture(scope="module")
def incremental(collection: list[Article]) -> Iterator[Store]:
    store = Store.open(":memory:")
    store.add_many(collection, link=False)
    link.update(store, [article.id for article in collection], encoder=HashingEncoder())
    yield store
    store.close()


def _partition(pairs: list[tuple[str, str]]) -> set[frozenset[str]]:
    """Members grouped by their cluster id, as a set of member sets (ids of clusters may differ)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    for member, cluster in pairs:
        clusters[cluster].add(member)
    return {frozenset(members) for members in clusters.values()}


def test_link_tables_give_the_incremental_stories_groups_and_duplicates(
    collection: list[Article], incremental: Store
) -> None:
    tables = links.link_tables(collection, HashingEncoder())
    connection = incremental.connection
    stories = connection.execute("SELECT article_id, story_id FROM story_articles").fetchall()
    assert _partition([(r["article_id"], r["story_id"]) for r in tables["story_articles"]]) == _partition(
        stories
    )
    groups = connection.execute("SELECT statement_id, group_id FROM statement_group_members").fetchall()
    batch_groups = [(r["statement_id"], r["group_id"]) for r in tables["statement_group_members"]]
    assert _partition(batch_groups) == _partition(groups)
    assert len(groups) > 10 and len(_partition(groups)) < len(groups)  # real grouping happened
    duplicates = connection.execute("SELECT article_id, duplicate_of, kind FROM duplicates").fetchall()
    assert {(r["article_id"], r["duplicate_of"], r["kind"]) for r in tables["duplicates"]} == set(duplicates)
    assert duplicates, "the collection holds agency copies"


def test_link_tables_keep_story_and_group_ids_and_titles(
    collection: list[Article], incremental: Store
) -> None:
    tables = links.link_tables(collection, HashingEncoder())
    stored = incremental.connection.execute("SELECT id, title, first_date, last_date, size FROM stories")
    assert {
        (r["id"], r["title"], r["first_date"], r["last_date"], r["size"]) for r in tables["stories"]
    } == set(stored.fetchall())
    members = incremental.connection.execute(
        "SELECT group_id, statement_id, diff FROM statement_group_members"
    )
    got = {(r["group_id"], r["statement_id"], r["diff"]) for r in tables["statement_group_members"]}
    assert got == set(members.fetchall())


def test_bucket_pairs_pair_each_article_with_earlier_ones_only() -> None:
    signature = bytes(range(8)) * 128
    members = [
        {"id": name, "day": day, "signature": signature}
        for name, day in (("b", "2024-01-02"), ("a", "2024-01-01"))
    ]
    pairs = links.bucket_pairs("-1:hash", members)
    assert pairs == [{"id": "b", "other": "a", "score": 1.0, "exact": True}]


def test_resolve_duplicates_points_a_copy_of_a_copy_at_the_original() -> None:
    pairs = [
        {"id": "b", "other": "a", "score": 0.9, "exact": False},
        {"id": "c", "other": "b", "score": 1.0, "exact": True},
    ]
    order = [("2024-01-01", "a"), ("2024-01-02", "b"), ("2024-01-03", "c")]
    rows = links.resolve_duplicates(pairs, order)
    assert [(r["article_id"], r["duplicate_of"], r["kind"]) for r in rows] == [
        ("b", "a", "near"),
        ("c", "a", "exact"),
    ]
