"""Relations across articles: a denial is linked to the earlier statement of the person it names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.claims.samples import (
    LINDNER,
    MERZ,
    _article,
    _span,
    _statement,
    build_store,
    claim,
    denial,
    later,
    quoted_denial,
    retraction,
)
from wortlaut.article import Article, Mention
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


def _pronoun_denial() -> Article:
    """Witnesses report deaths; the next sentence: ``Das wurde von der Polizei jedoch bestritten``."""
    report = "drei Demonstranten seien getötet worden"
    before = f"Augenzeugen berichteten, {report}."
    frame = "Das wurde von der Polizei jedoch bestritten"
    text = f"Proteste\n{before} {frame}."
    statements = (
        _statement(text, "s1", MERZ, "Augenzeugen", "berichteten", report, day="2025-03-01"),
        _statement(text, "s2", LINDNER, "Polizei", "bestritten", before[:-1], day="2025-03-01", frame=frame),
    )
    return _article(text, url="https://example.org/pronoun", source="Blatt F", day="2025-03-01",
                    statements=statements)  # fmt: skip


def test_a_pronoun_answer_is_linked_to_the_statement_of_the_sentence_before(tmp_path: Path) -> None:
    db = build_store(tmp_path / "p.sqlite", [_pronoun_denial()])
    with Store.open(db, readonly=True) as store:
        answers = person_answers(store, MERZ.id)
    assert [(a.type, a.evidence, a.target_quote) for a in answers] == [
        ("denies", "pronoun", "drei Demonstranten seien getötet worden")
    ]


def test_a_name_inside_the_denied_quotation_is_not_the_target(tmp_path: Path) -> None:
    frame = "Lindner dementierte das Gerücht"
    quote = "Merz plane eine Erhöhung der Steuern"
    text = f"Dementi\n{frame}, {quote}."
    merz = _span(text, "Merz")
    article = _article(
        text, url="https://example.org/rumour", source="Blatt G", day="2025-03-02",
        statements=(_statement(text, "s1", LINDNER, "Lindner", "dementierte", quote, day="2025-03-02",
                               frame=frame),),
        mentions=(Mention(start=merz.start, end=merz.end, text="Merz", type="PER", entity=MERZ.id),),
    )  # fmt: skip
    db = build_store(tmp_path / "g.sqlite", [claim(), article])
    with Store.open(db, readonly=True) as store:
        assert person_answers(store, MERZ.id) == []
