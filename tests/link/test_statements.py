"""Statement groups: one statement reported by several articles, with diffs and flags."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

from tests.link.conftest import make_article
from wortlaut.link import HashingEncoder, update
from wortlaut.link.statements import _Item, apart, margins, merge, thresholds, unneeded
from wortlaut.link.text import word_diff
from wortlaut.store import Store

QUOTE = "Die Sicherheit Litauens ist unsere Sicherheit und wir stehen fest an der Seite unserer Partner"


def _groups(store: Store) -> dict[str, str]:
    return dict(
        store.connection.execute("SELECT statement_id, group_id FROM statement_group_members").fetchall()
    )


def test_word_diff_lists_changed_words_but_not_quotation_marks() -> None:
    assert word_diff("„Wir bleiben dran“", '"Wir bleiben dran"') == []
    assert word_diff("Wir bleiben dran", "Wir bleiben weiter dran") == [
        {"op": "insert", "from": "", "to": "weiter"}
    ]


def test_same_statement_in_two_articles_is_one_group_with_first_sighting(
    store: Store, encoder: HashingEncoder
) -> None:
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    later = make_article(
        f"In Vilnius sagte Merkel: „{QUOTE}“. Mehr folgt.",
        published="2025-02-11",
        source="b",
        statements=[("Q567", QUOTE, "direct")],
    )
    store.add_many([later, first], link=False)
    update(store, [later.id, first.id], encoder=encoder)
    groups = _groups(store)
    assert groups[f"{first.id}:s0"] == groups[f"{later.id}:s0"]
    row = store.connection.execute(
        "SELECT first_seen, size, representative_statement FROM statement_groups"
    ).fetchone()
    assert row == ("2025-02-10", 2, f"{first.id}:s0")


def test_same_words_by_different_speakers_stay_apart(store: Store, encoder: HashingEncoder) -> None:
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    other = make_article(
        f"Rutte sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q57792", QUOTE, "direct")]
    )
    store.add_many([first, other], link=False)
    update(store, [first.id, other.id], encoder=encoder)
    groups = _groups(store)
    assert groups[f"{first.id}:s0"] != groups[f"{other.id}:s0"]


def test_direct_quotes_with_changed_wording_are_flagged(store: Store, encoder: HashingEncoder) -> None:
    changed = QUOTE.replace("fest an der Seite", "fest an der Seite aller")
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    second = make_article(
        f"Merkel sagte: „{changed}“.",
        published="2025-02-10",
        source="b",
        statements=[("Q567", changed, "direct")],
    )
    store.add_many([first, second], link=False)
    update(store, [first.id, second.id], encoder=encoder)
    flags, size = store.connection.execute("SELECT flags, size FROM statement_groups").fetchone()
    assert size == 2
    assert json.loads(flags)["quote_changed"] is True
    diff = store.connection.execute(
        "SELECT diff FROM statement_group_members WHERE statement_id = ?", (f"{second.id}:s0",)
    ).fetchone()[0]
    assert json.loads(diff)["edits"] == [{"op": "insert", "from": "", "to": "aller"}]


def test_unrelated_statements_of_one_speaker_are_separate_groups(
    store: Store, encoder: HashingEncoder
) -> None:
    other = "Der Mindestlohn muss im kommenden Jahr deutlich steigen"
    text = f"Merkel sagte: „{QUOTE}“. Später sagte Merkel: „{other}“."
    article = make_article(
        text, published="2025-02-10", statements=[("Q567", QUOTE, "direct"), ("Q567", other, "direct")]
    )
    store.add_many([article], link=False)
    report = update(store, [article.id], encoder=encoder)
    assert report.groups_created == 2


class CountingEncoder(HashingEncoder):
    """A HashingEncoder that records every text it is asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += list(texts)
        return super().encode(texts)


def _items(languages: Sequence[str], groups: Sequence[str | None] = ()) -> list[_Item]:
    groups = list(groups) or [None] * len(languages)
    return [
        _Item(f"i{n}", f"wort{n}", language, group, 0)
        for n, (language, group) in enumerate(zip(languages, groups, strict=True))
    ]


def test_average_linkage_does_not_chain_a_third_statement_through_a_close_one() -> None:
    # 0 and 1 are one statement; 2 is close to 1 but far from 0: single linkage would chain it in.
    margin = np.array([[0.0, 0.10, -0.30], [0.10, 0.0, 0.05], [-0.30, 0.05, 0.0]])
    clusters = merge(_items(["de"] * 3), 3, margin, np.zeros((3, 3), dtype=bool))
    assert clusters[0] == clusters[1] != clusters[2]


def test_new_statements_join_a_stored_group_but_two_stored_groups_never_merge() -> None:
    items = _items(["de", "de", "de"], [None, "g1", "g2"])
    margin = np.array([[0.0, 0.2, 0.1]])
    clusters = merge(items, 1, margin, np.zeros((1, 3), dtype=bool))
    assert clusters[0] == clusters[1] != clusters[2]


def test_statements_further_apart_than_the_window_are_not_merged() -> None:
    margin = np.array([[0.0, 0.5], [0.5, 0.0]])
    far = np.array([[False, True], [True, False]])
    clusters = merge(_items(["de", "de"]), 2, margin, far)
    assert clusters[0] != clusters[1]


def test_translations_are_held_to_the_lower_cross_language_threshold() -> None:
    vectors = np.array([[1.0, 0.0], [0.9, np.sqrt(1 - 0.81)], [0.9, np.sqrt(1 - 0.81)]], dtype=np.float32)
    items = _items(["de", "en", "de"])
    values = margins(vectors, items, 1, thresholds("e5"))
    assert values[0, 1] > 0 > values[0, 2]  # cosine 0.9: a translation, but no German paraphrase


def test_a_lone_statement_is_not_embedded_until_another_of_its_speaker_arrives(store: Store) -> None:
    encoder = CountingEncoder()
    first = make_article(
        f"Merkel sagte: „{QUOTE}“.", published="2025-02-10", statements=[("Q567", QUOTE, "direct")]
    )
    store.add_many([first], link=False)
    update(store, [first.id], encoder=encoder)
    assert QUOTE not in encoder.seen
    later = make_article(
        f"In Vilnius sagte Merkel: „{QUOTE}“.",
        published="2025-02-11",
        source="b",
        statements=[("Q567", QUOTE, "direct")],
    )
    store.add_many([later], link=False)
    update(store, [later.id], encoder=encoder)
    assert encoder.seen.count(QUOTE) == 1  # both statements share one cached vector (same text)
    groups = _groups(store)
    assert groups[f"{first.id}:s0"] == groups[f"{later.id}:s0"]


class E5FamilyCounter(CountingEncoder):
    """A counting encoder held to e5's thresholds (same-language 1.00), as the default encoder is."""

    family = "e5"


OTHER = "Der Mindestlohn muss im kommenden Jahr deutlich steigen"


def test_statements_sharing_no_content_word_are_not_embedded_and_open_their_own_groups(
    store: Store,
) -> None:
    encoder = E5FamilyCounter()
    text = f"Merkel sagte: „{QUOTE}“. Später sagte Merkel: „{OTHER}“."
    article = make_article(
        text, published="2025-02-10", statements=[("Q567", QUOTE, "direct"), ("Q567", OTHER, "direct")]
    )
    store.add_many([article], link=False)
    report = update(store, [article.id], encoder=encoder)
    assert report.groups_created == 2
    assert QUOTE not in encoder.seen and OTHER not in encoder.seen


def test_statements_sharing_a_content_word_are_embedded_and_compared(store: Store) -> None:
    encoder = E5FamilyCounter()
    close = "Die Sicherheit Litauens ist auch unsere Sicherheit"
    text = f"Merkel sagte: „{QUOTE}“. Später sagte Merkel: „{close}“."
    article = make_article(
        text, published="2025-02-10", statements=[("Q567", QUOTE, "direct"), ("Q567", close, "direct")]
    )
    store.add_many([article], link=False)
    update(store, [article.id], encoder=encoder)
    assert QUOTE in encoder.seen and close in encoder.seen


def _texts(*pairs: tuple[str, str]) -> list[_Item]:
    return [_Item(f"i{n}", text, language, None, 0) for n, (text, language) in enumerate(pairs)]


def test_only_disjoint_content_words_in_one_language_set_a_statement_apart() -> None:
    same = thresholds("e5")[0]
    assert apart(_texts((QUOTE, "de"), (OTHER, "de")), 2, same) == {0, 1}
    assert apart(_texts((QUOTE, "de"), (OTHER, "en")), 2, same) == set()  # translations: threshold 0.87
    assert apart(_texts((QUOTE, "de"), ("Das ist es.", "de")), 2, same) == set()  # stopwords only
    assert apart(_texts((QUOTE, "de"), ("Litauens Grenze", "de")), 2, same) == set()  # a shared stem
    assert apart(_texts((QUOTE, "de"), (OTHER, "de")), 2, 0.6) == set()  # a lower threshold (static)
    three = _texts((QUOTE, "de"), ("Litauens Grenze", "de"), (OTHER, "de"))
    assert apart(three, 3, same) == {2}
    assert apart(three, 1, same) == set()  # as a stored member, the third still counts for the first


def test_a_statement_set_apart_changes_no_merge_whatever_its_vector() -> None:
    items = _texts((QUOTE, "de"), ("Die Sicherheit Litauens ist auch unsere Sicherheit", "de"), (OTHER, "de"))
    assert apart(items, 3, thresholds("e5")[0]) == {2}
    generator = np.random.default_rng(7)
    for _ in range(50):  # random unit vectors, the first two close or not, the third anywhere
        base = generator.normal(size=8)
        scale = generator.choice([1e-3, 0.1, 1.0])
        vectors = np.stack([base, base + generator.normal(scale=scale, size=8), generator.normal(size=8)])
        vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
        zeroed = vectors.copy()
        zeroed[2] = 0.0
        far = np.zeros((3, 3), dtype=bool)
        full = merge(items, 3, margins(vectors, items, 3, thresholds("e5")), far)
        assert full == merge(items, 3, margins(zeroed, items, 3, thresholds("e5")), far)
        assert full[2] == 2 and 2 not in full[:2]


def test_a_statement_set_apart_is_not_embedded_while_its_neighbours_are(store: Store) -> None:
    encoder = E5FamilyCounter()
    close = "Die Sicherheit Litauens ist auch unsere Sicherheit"
    text = f"Merkel sagte: „{QUOTE}“. Dann: „{close}“. Später sagte Merkel: „{OTHER}“."
    statements = [("Q567", QUOTE, "direct"), ("Q567", close, "direct"), ("Q567", OTHER, "direct")]
    article = make_article(text, published="2025-02-10", statements=statements)
    store.add_many([article], link=False)
    update(store, [article.id], encoder=encoder)
    assert QUOTE in encoder.seen and close in encoder.seen and OTHER not in encoder.seen
    groups = _groups(store)
    assert groups[f"{article.id}:s2"] not in (groups[f"{article.id}:s0"], groups[f"{article.id}:s1"])


def test_a_stored_group_no_new_statement_may_join_is_not_embedded_and_changes_no_merge() -> None:
    close = "Die Sicherheit Litauens ist auch unsere Sicherheit"
    items = [
        *_texts((QUOTE, "de"), (close, "de")),
        _Item("m0", OTHER, "de", "g:other", None),  # disjoint stems with both new statements
        _Item("m1", "Litauens Grenze bleibt offen", "de", "g:border", None),  # shares a stem
        _Item("m2", OTHER, "de", "g:border", None),  # disjoint itself, but its group may be joined
    ]
    same = thresholds("e5")[0]
    assert unneeded(items, 2, same) == {2}
    assert unneeded(items, 2, 0.6) == set()  # a lower threshold (static): every vector counts
    assert unneeded(_texts((QUOTE, "de"), (OTHER, "de")), 2, same) == apart(
        _texts((QUOTE, "de"), (OTHER, "de")), 2, same
    )
    generator = np.random.default_rng(11)
    for _ in range(50):
        base = generator.normal(size=8)
        scale = generator.choice([1e-3, 0.1, 1.0])
        vectors = np.stack([base] + [base + generator.normal(scale=scale, size=8) for _ in range(4)])
        vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
        zeroed = vectors.copy()
        zeroed[2] = 0.0
        far = np.zeros((2, 5), dtype=bool)
        full = merge(items, 2, margins(vectors, items, 2, thresholds("e5")), far)
        assert full == merge(items, 2, margins(zeroed, items, 2, thresholds("e5")), far)
        assert full[2] not in full[:2]
