"""Answer acts in the store: a denial without a statement of its own is linked and shown."""

from __future__ import annotations

from pathlib import Path

from tests.claims.samples import MERZ, _article, _statement, build_store
from wortlaut.article import Article
from wortlaut.claims.answers import person_answers, statement_answers
from wortlaut.store import Store


def _answered() -> Article:
    """Merz claims a tax rise; the next sentence, no statement of its own, rejects it with ``das``."""
    quote = "Die Regierung plane eine Erhöhung der Steuern"
    text = f"Steuerstreit\nMerz sagte, {quote}. Das wurde vom Finanzministerium bestritten."
    statement = _statement(text, "s1", MERZ, "Merz", "sagte", quote, day="2025-03-01")
    return _article(text, url="https://example.org/act", source="Blatt G", day="2025-03-01",
                    statements=(statement,))  # fmt: skip


def test_an_act_without_statement_answers_the_statement_before(tmp_path: Path) -> None:
    db = build_store(tmp_path / "acts.sqlite", [_answered()])
    with Store.open(db, readonly=True) as store:
        rows = store.connection.execute(
            "SELECT type, reference, statement_id, target_id, evidence FROM claim_answers"
        ).fetchall()
        answers = person_answers(store, MERZ.id)
        assert [tuple(row)[:3] for row in rows] == [("denies", "pronoun", None)]
        assert rows[0][4] == "act:pronoun"
        assert [(a.type, a.label, a.side, a.target_quote) for a in answers] == [
            ("denies", "denied by", "answered", "Die Regierung plane eine Erhöhung der Steuern")
        ]
        assert answers[0].quote == "Das wurde vom Finanzministerium bestritten."
        by_statement = statement_answers(store, rows[0][3])
    assert [(a.label, a.statement_id) for a in by_statement] == [("denied by", "")]


def test_relinking_replaces_the_acts(tmp_path: Path) -> None:
    db = build_store(tmp_path / "again.sqlite", [_answered()])
    from wortlaut.link.relations import update

    with Store.open(db) as store, store.transaction() as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        update(connection, ids)
        count = connection.execute("SELECT COUNT(*) FROM claim_answers").fetchone()[0]
    assert count == 1
