"""What the object of an answer act refers to: its owner, or its head noun (issue 20r)."""

from __future__ import annotations

import pytest

from wortlaut.claims.answer_objects import (
    head_nouns,
    is_report_noun,
    noun_roots,
    owner,
    owner_matches,
    same_noun,
)


def _owner(sentence: str) -> tuple[str, ...]:
    found = owner(sentence, 0, len(sentence))
    return found.words if found else ()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lötzsch hat die Kritik des Fraktionschefs im Bundestag, Gregor Gysi, am Kurs zurückgewiesen.",
         ("Fraktionschefs", "Bundestag", "Gregor", "Gysi")),
        ("Spinetta weist die Vorwürfe der kanadischen Ermittler zurück.", ("Ermittler",)),
        ("Die Ministerin bestätigte den Bericht von Reuters.", ("Reuters",)),
        ("Der Sprecher weist Pilz’ Vorwurf zurück.", ("Pilz",)),
        ("Die Kammer weist Rabmer-Kollers Blockade-Vorwurf zurück.", ("Rabmer-Koller",)),
        ("Die Regierung wies Presseberichte der Zeitung Kurier zurück.", ("Zeitung", "Kurier")),
    ],
)  # fmt: skip
def test_owner_of_a_report_noun_is_named_after_or_before_it(sentence: str, words: tuple[str, ...]) -> None:
    assert _owner(sentence) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Im Exil lebende Uiguren weisen die chinesischen Anschuldigungen zurück.",  # an adjective
        "Er wies seine Äußerungen zurück.",  # a pronoun
        "Er bestritt nach Angaben der Agentur Xinhua den Einsatz von Waffen.",  # a source phrase
        "Regierungsvertreter wiesen die Vorwürfe zurück.",  # no owner at all
    ],
)
def test_no_owner_without_a_named_possessor(sentence: str) -> None:
    assert _owner(sentence) == ()


def test_the_owner_phrase_ends_before_the_answerer_is_named_again() -> None:
    sentence = "Die Kritik des Fraktionschefs, Gregor Gysi, wies Lötzsch zurück."
    found = owner(sentence, 0, len(sentence))
    assert found is not None
    assert "Lötzsch" not in sentence[found.start : found.end]


def test_report_nouns_include_compounds_and_hyphenated_words() -> None:
    assert is_report_noun("Presseberichten")
    assert is_report_noun("Blockade-Vorwurf")
    assert is_report_noun("Vorwürfe")
    assert not is_report_noun("Zusammenhang")


def test_an_owner_matches_the_speaker_with_an_ending_or_as_part_of_a_compound() -> None:
    assert owner_matches(("Merkels",), "Bundeskanzlerin Merkel")
    assert owner_matches(("Ministeriums",), "das Bundesministerium")
    assert owner_matches(("Gysi",), "Gysi")
    assert not owner_matches(("Gysi",), "Lötzsch")
    assert not owner_matches(("Ermittler",), "Demnach")


def _heads(sentence: str, cue: str) -> frozenset[str]:
    start = sentence.index(cue)
    return head_nouns(sentence, (0, len(sentence)), (start, start + len(cue)))


def test_the_head_noun_is_the_first_noun_of_the_object() -> None:
    sentence = "Auch andere Mitarbeiter bestätigten ihre Kompetenzen."
    assert _heads(sentence, "bestätigten") == noun_roots("Kompetenzen")


def test_adjuncts_and_the_inverted_subject_are_no_head_noun() -> None:
    sentence = "Bis heute streitet der Verein am Montag eine Verbindung zur Partei ab."
    assert _heads(sentence, "streitet der Verein am Montag eine Verbindung zur Partei ab") == noun_roots(
        "Verbindung"
    )


def test_a_report_noun_gives_way_to_its_genitive() -> None:
    sentence = "Shukri wies am Sonntag Vorwürfe der Missachtung der Pressefreiheit zurück."
    assert _heads(sentence, "wies am Sonntag Vorwürfe der Missachtung der Pressefreiheit zurück") == (
        noun_roots("Missachtung")
    )


def test_a_passive_answer_has_its_subject_as_object_and_its_agent_as_answerer() -> None:
    sentence = "Die Bodenoffensive wurde von einer Armeesprecherin bestätigt."
    assert _heads(sentence, "bestätigt") == noun_roots("Bodenoffensive")


def test_same_noun_finds_a_compound_head_but_not_a_short_shared_start() -> None:
    assert same_noun(noun_roots("Kompetenzen"), noun_roots("die Fach- und Führungskompetenz"))
    assert not same_noun(noun_roots("Steinbruch"), noun_roots("Steine"))
    assert not same_noun(noun_roots("Zusammenhang"), noun_roots("die Verfügung"))
