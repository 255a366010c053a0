"""The incremental linking step keeps the relations current: no separate ``wortlaut relations`` run."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tests.claims.samples import LINDNER, MERZ, claim, denial
from wortlaut.claims.answers import person_answers
from wortlaut.link import HashingEncoder, update
from wortlaut.link.relations import find_links
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


class _Recording(HashingEncoder):
    """The hashing encoder, remembering every text it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += texts
        return super().encode(texts)


def test_a_candidate_sharing_no_word_with_the_answer_is_not_encoded(store_location: str) -> None:
    weather = "Das Wetter wird morgen schön"
    with Store.open(store_location) as store:
        articles = [claim(quote=weather), denial()]
        store.add_many(articles, link=False)
        ids = [article.id for article in articles]
        update(store, ids, encoder=HashingEncoder())
        recording = _Recording()
        with store.transaction() as connection:
            links = find_links(connection, ids, encoder=recording)[1]
    assert [link.target for link in links] == [f"{articles[0].id}:s2"]  # the tax statement, as before
    assert recording.seen and weather not in recording.seen


def test_no_candidate_sharing_a_word_means_no_encoder_call(store_location: str) -> None:
    with Store.open(store_location) as store:
        first = claim(quote="Das Wetter wird morgen schön")
        store.add_many([first], link=False)
        update(store, [first.id], encoder=HashingEncoder())
        with store.transaction() as connection:
            connection.execute("UPDATE statements SET quote_text = 'Sonne am Meer' WHERE article_id = ?",
                               (first.id,))  # fmt: skip
        answer = denial()
        store.add_many([answer], link=False)
        recording = _Recording()
        with store.transaction() as connection:
            links = find_links(connection, [answer.id], encoder=recording)[1]
    assert links == [] and recording.seen == []
