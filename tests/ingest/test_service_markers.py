"""Service lines of press releases and blogs that the line markers of issue 16d label (not body)."""

from __future__ import annotations

import pytest

from wortlaut.structure.rules import StructureRules

STORY = (
    "Das Bundesamt startet ein Projekt zur Sicherheit von KI-Systemen in Fahrzeugen. "
    "Im Labor werden Angriffe simuliert und die Reaktionen der Systeme ausgewertet."
)


def body_of(*tail: str) -> list[str]:
    text = "\n\n".join(["Projekt zur KI-Sicherheit gestartet", STORY, *tail])
    structure = StructureRules.load().analyse(text, None, None)
    return [paragraph.text for paragraph in structure.paragraphs]


def test_press_contact_block_is_not_body() -> None:
    tail = "Pressekontakt:\nBundesamt Pressestelle\nTel.: 0228-999582-5777\nE-Mail: presse@example.org"
    assert body_of(tail) == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "Erstellt am: 01.11.2023",
        "Letzte Änderung 14.02.2019",
        "Veröffentlichung und Nachdruck honorarfrei; ein Belegexemplar wird erbeten.",
        "Diese Arbeit ist nur mit Ihrer Unterstützung möglich!",
        "If you enjoyed reading this post – would you consider supporting our work?",
        "Themenbezogene Interessenbindung der Autorin/des Autors",
        "Twitter: @Beispielamt",
    ],
)
def test_service_line_after_the_body_is_not_body(line: str) -> None:
    assert body_of(line) == [STORY]


def test_du_form_link_list_header_takes_its_items() -> None:
    tail = "Diese Artikel könnten dich ebenfalls interessieren:\nZehn Tipps für lange Haare\nPflege im Winter"
    assert body_of(tail) == [STORY]


def test_a_sentence_about_a_press_contact_stays_body() -> None:
    sentence = (
        "Der Pressekontakt des Ministeriums bestätigte am Abend, dass die Prüfung noch andauert "
        "und erst im Frühjahr abgeschlossen sein wird."
    )
    assert body_of(sentence) == [STORY, sentence]
