"""Relations across articles: a denial is linked to the earlier statement of the person it names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.claims.samples import LINDNER, MERZ, build_store, claim, denial, later, quoted_denial, retraction
from wortlaut.claims.answers import person_answers, statement_answers
from wortlaut.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = [
        claim(),
        claim("Blatt B", "Wir werden die Steuern für Besserverdiener erhöhen"),
        denial(),
        later(),
    ]
    return build_store(tmp_path_factory.mktemp("relations") / "r.sqlite", articles)


def test_the_denial_answers_the_named_persons_earlier_statement(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        answers = person_answers(store, MERZ.id)
    assert len(answers) == 1
    answer = answers[0]
    assert (answer.type, answer.label, answer.side) == ("denies", "denied by", "answered")
    assert answer.other_speaker == LINDNER.name
    assert answer.target_quote == "Die Regierung plane eine Erhöhung der Steuern"
    assert answer.target_date == "2025-03-01"  # the first sighting, not the later copy or the later statement
    assert answer.evidence == f"named:{MERZ.id}"


def test_the_answering_side_sees_what_it_did(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        answers = person_answers(store, LINDNER.id)
        assert [(a.label, a.side, a.other_speaker) for a in answers] == [("denied", "answering", MERZ.name)]
        by_statement = statement_answers(store, answers[0].target_id)
    assert [(a.label, a.side) for a in by_statement] == [("denied by", "answered")]


def test_no_target_named_no_link(tmp_path: Path) -> None:
    unnamed = denial()
    db = build_store(tmp_path / "u.sqlite", [claim(), dataclasses.replace(unnamed, mentions=())])
    with Store.open(db, readonly=True) as store:
        assert person_answers(store, MERZ.id) == []


def test_a_quoted_phrase_finds_the_statement_that_holds_it(tmp_path: Path) -> None:
    db = build_store(tmp_path / "q.sqlite", [claim(), quoted_denial()])
    with Store.open(db, readonly=True) as store:
        answers = person_answers(store, MERZ.id)
    assert [(a.label, a.evidence) for a in answers] == [("denied by", "quoted")]
    assert "Besserverdiener" in answers[0].target_quote


def test_a_retraction_answers_the_speakers_own_earlier_statement(tmp_path: Path) -> None:
    db = build_store(tmp_path / "r.sqlite", [claim(), retraction()])
    with Store.open(db, readonly=True) as store:
        answers = person_answers(store, MERZ.id)
    assert [(a.type, a.label, a.side, a.evidence) for a in answers] == [
        ("retracts", "retracted", "answering", "self")
    ]
    assert answers[0].target_date == "2025-03-01"
