"""Relation cues: denials, confirmations, corrections, retractions from the cue and its frame."""

from __future__ import annotations

import pytest

from wortlaut.claims.relations import BARE, NOUN, PRONOUN, quoted_phrases, refers_back, relation_type


@pytest.mark.parametrize(
    ("cue", "frame", "expected"),
    [
        ("dementierte", None, "denies"),
        ("wies", "Der Minister wies die Vorwürfe von Merz entschieden zurück", "denies"),
        ("bestritt", None, "denies"),
        ("bestätigte", "Ein Sprecher bestätigte den Bericht", "confirms"),
        ("korrigierte", None, "corrects"),
        ("stellte", "Sie stellte klar", "corrects"),
        ("ruderte", "Später ruderte er zurück", "retracts"),
        ("nahm", "Er nahm die Äußerung zurück", "retracts"),
        ("nahm", "Sie nahm die Klage zurück", None),
        ("wies", "Er wies darauf hin", None),
        ("sagte", "Er sagte am Montag", None),
        ("streitet", "Die Partei streitet jede Verbindung ab", "denies"),
        ("stritt", "Der Verein stritt das gestern ab", "denies"),
        ("leugnete", None, "denies"),
        ("räumte", "Der Minister räumte ein", None),  # 20j: a concession, no answer cue
        ("bestritt", "Er bestritt nicht, dass er dort war", None),
        ("bestätigen", "Die Regierung konnte das weder bestätigen noch dementieren", None),
    ],
)
def test_relation_type_of_cue_and_frame(cue: str, frame: str | None, expected: str | None) -> None:
    assert relation_type(cue, frame) == expected


def test_quoted_phrases_of_a_frame() -> None:
    assert quoted_phrases("Sie wies den Vorwurf einer „Schuldenorgie“ zurück") == ["Schuldenorgie"]
    assert quoted_phrases("Er sagte „so“") == []


@pytest.mark.parametrize(
    ("cue", "frame", "speaker", "expected"),
    [
        ("wies", "Regierungsvertreter wiesen die Vorwürfe zurück", "Regierungsvertreter", NOUN),
        ("bestritten", "Das wurde von der Polizei jedoch bestritten", "der Polizei", PRONOUN),
        ("wies", "Die SPÖ hat dies als wirkungslos zurückgewiesen", "Die SPÖ", PRONOUN),
        ("bestreitet", "Der Süden bestreitet", "Der Süden", BARE),
        ("bestätigte", "bestätigte ein Sprecher des Amtes", "ein Sprecher des Amtes", BARE),
        ("bestätigte", "Das Bundeskriminalamt bestätigte dem Abgeordneten", "Das Bundeskriminalamt", None),
        ("dementierte", None, "Seibert", None),  # no frame: whether it has an object is unknown
    ],
)
def test_refers_back_by_noun_pronoun_or_missing_object(
    cue: str, frame: str | None, speaker: str, expected: str | None
) -> None:
    assert refers_back(cue, frame, speaker) == expected
