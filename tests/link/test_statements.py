"""Statement groups: one statement reported by several articles, with diffs and flags."""

from __future__ import annotations

import json

from tests.link.conftest import make_article
from wortlaut.link import HashingEncoder, update
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
