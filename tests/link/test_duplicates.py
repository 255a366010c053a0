"""Exact and near-duplicate articles, found through the persisted LSH index."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.link.conftest import make_article
from wortlaut.link import HashingEncoder, duplicates, update
from wortlaut.link.text import text_hash
from wortlaut.store import Store, link_tables
from wortlaut.store.rows import connection_of

REPORT = (
    "Die Gewerkschaft hat ihre Mitglieder für Donnerstag zu einem ganztägigen Warnstreik aufgerufen. "
    "Der Vorsitzende sagte in Frankfurt, die Beschäftigten hätten die Geduld verloren. "
    "Das Angebot der Bahn sei eine Provokation. "
    "Der Verkehrsminister rief beide Seiten auf, an den Verhandlungstisch zurückzukehren. "
    "Fahrgäste müssen am Donnerstag mit massiven Ausfällen im Fern- und Regionalverkehr rechnen."
)


def _duplicates(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.connection.execute("SELECT article_id, duplicate_of, kind FROM duplicates").fetchall()
    return {article: (original, kind) for article, original, kind in rows}


def test_text_hash_ignores_layout_case_and_quotes() -> None:
    assert text_hash("„Sparen“ ist  Pflicht.") == text_hash('"sparen" ist\nPflicht')
    assert text_hash("Sparen ist Pflicht") != text_hash("Sparen ist keine Pflicht")


def test_exact_copy_with_other_layout_is_an_exact_duplicate(store: Store, encoder: HashingEncoder) -> None:
    first = make_article(REPORT, published="2025-04-02")
    copy = make_article(REPORT.replace(". ", ".\n\n"), published="2025-04-02", source="copy")
    store.add_many([first, copy], link=False)
    update(store, [first.id, copy.id], encoder=encoder)
    assert _duplicates(store) == {copy.id: (first.id, "exact")}


def test_edited_agency_copy_is_a_near_duplicate_and_joins_the_story(
    store: Store, encoder: HashingEncoder
) -> None:
    first = make_article(REPORT, published="2025-04-02")
    edited = make_article(
        "Warnstreik bei der Bahn. " + REPORT + " Die Bahn richtet eine Hotline ein.",
        published="2025-04-02",
        source="copy",
    )
    store.add_many([first, edited], link=False)
    update(store, [first.id, edited.id], encoder=encoder)
    assert _duplicates(store)[edited.id] == (first.id, "near")
    stories = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert stories[edited.id] == stories[first.id]


def test_unrelated_article_is_no_duplicate(store: Store, encoder: HashingEncoder) -> None:
    first = make_article(REPORT, published="2025-04-02")
    other = make_article(
        "Der Mindestlohn soll 2026 auf 15 Euro pro Stunde steigen, teilte die Kommission mit.",
        published="2025-04-02",
    )
    store.add_many([first, other], link=False)
    update(store, [first.id, other.id], encoder=encoder)
    assert _duplicates(store) == {}


def test_index_persists_between_sessions(tmp_path: Path, encoder: HashingEncoder) -> None:
    path = tmp_path / "store.sqlite"
    first = make_article(REPORT, published="2025-04-02")
    with Store.open(path) as store:
        store.add_many([first], link=False)
        update(store, [first.id], encoder=encoder)
    copy = make_article(REPORT + " Nachtrag.", published="2025-04-03")
    with Store.open(path) as store:
        store.add_many([copy], link=False)
        update(store, [copy.id], encoder=encoder)
        assert _duplicates(store)[copy.id][0] == first.id


def test_forgotten_article_is_no_longer_an_original(store: Store, encoder: HashingEncoder) -> None:
    from wortlaut.link import forget

    first = make_article(REPORT, published="2025-04-02")
    store.add_many([first], link=False)
    update(store, [first.id], encoder=encoder)
    forget(store, [first.id])
    assert store.connection.execute(
        "SELECT COUNT(*) FROM link_lsh WHERE article_id = ?", (first.id,)
    ).fetchone() == (0,)


def test_a_signature_computed_elsewhere_gives_the_same_duplicate_and_index(store: Store) -> None:
    connection = connection_of(store)
    original = "Die Regierung hat am Montag ein neues Gesetz zum Klimaschutz beschlossen, sagte der Sprecher."
    copy = original.replace("Montag", "Dienstag")
    duplicates.index(connection, "a1", original, duplicates.find(connection, "a1", original)[1])
    computed = duplicates.find(connection, "a2", copy)
    handed = duplicates.find(connection, "a2", copy, duplicates.signature(copy))
    assert computed[0] == handed[0] and np.array_equal(computed[1], handed[1])
    assert duplicates._exact_hash(copy) == text_hash(copy)  # the hash index() reads next is the text's


def test_a_hash_handed_over_with_the_signature_is_the_texts_and_finds_the_same(store: Store) -> None:
    connection = connection_of(store)
    original = "Die Regierung hat am Montag ein neues Gesetz zum Klimaschutz beschlossen, sagte der Sprecher."
    copy = "„Die Regierung hat am Montag ein neues Gesetz zum Klimaschutz beschlossen“, sagte der Sprecher."
    duplicates.index(connection, "a1", original, duplicates.find(connection, "a1", original)[1])
    signature, packed = duplicates.handed_over(copy)
    assert np.array_equal(signature, duplicates.signature(copy))
    assert duplicates.unpack_hash(packed) == text_hash(copy) and duplicates.unpack_hash(None) is None
    computed = duplicates.find(connection, "a2", copy)
    handed = duplicates.find(connection, "a2", copy, signature, duplicates.unpack_hash(packed))
    assert computed[0] == handed[0] and computed[0] is not None and np.array_equal(computed[1], handed[1])
    assert duplicates._exact_hash(copy) == text_hash(copy)


def test_bucket_members_reads_every_band_in_one_query_without_the_article_itself(store: Store) -> None:
    connection = connection_of(store)
    link_tables.index_buckets(connection, "a", [(0, "x"), (1, "y")])
    link_tables.index_buckets(connection, "b", [(0, "x"), (1, "z")])
    link_tables.index_buckets(connection, "c", [(0, "w"), (1, "y")])
    link_tables.index_buckets(connection, "d", [(0, "y"), (1, "x")])  # same buckets, other bands
    # "b" shares both buckets: listed once per bucket (find takes the set)
    assert sorted(link_tables.bucket_members(connection, [(0, "x"), (1, "y")], "a")) == ["b", "c"]
    assert sorted(link_tables.bucket_members(connection, [(0, "x"), (1, "z")], "a")) == ["b", "b"]
    assert link_tables.bucket_members(connection, [], "a") == []
