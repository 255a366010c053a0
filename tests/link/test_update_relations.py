"""The incremental linking step keeps the relations current: no separate ``wortlaut relations`` run."""

from __future__ import annotations

from tests.claims.samples import LINDNER, MERZ, claim, denial
from wortlaut.claims.answers import person_answers
from wortlaut.link import HashingEncoder, update
from wortlaut.store import Store


def test_a_denial_ingested_after_its_claim_is_linked_by_the_linking_step(store_location: str) -> None:
    with Store.open(store_location) as store:
        first = claim()
        store.add_many([first], link=False)
        assert update(store, [first.id], encoder=HashingEncoder()).relations == 0
        answer = denial()
        store.add_many([answer], link=False)
        report = update(store, [answer.id], encoder=HashingEncoder())
        answers = person_answers(store, MERZ.id)
    assert report.relations == 1
    assert [(a.type, a.label, a.other_speaker, a.evidence) for a in answers] == [
        ("denies", "denied by", LINDNER.name, f"named:{MERZ.id}")
    ]


def test_claim_and_denial_in_one_batch_are_linked(store_location: str) -> None:
    with Store.open(store_location) as store:
        articles = [claim(), denial()]
        store.add_many(articles, link=False)
        report = update(store, [article.id for article in articles], encoder=HashingEncoder())
        answers = person_answers(store, LINDNER.id)
    assert report.relations == 1
    assert [(a.label, a.side) for a in answers] == [("denied", "answering")]


def test_linking_again_keeps_one_relation(store_location: str) -> None:
    with Store.open(store_location) as store:
        articles = [claim(), denial()]
        store.add_many(articles, link=False)
        ids = [article.id for article in articles]
        update(store, ids, encoder=HashingEncoder())
        update(store, ids, encoder=HashingEncoder())  # already linked: skipped, relations untouched
        assert len(person_answers(store, MERZ.id)) == 1
