"""Language per article, and per part when an article mixes languages."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.langid.detect import detector, load_languages
from wortlaut.stages.language import LanguageStage
from wortlaut.stages.structure import StructureStage

GERMAN = (
    "Der Bundestag hat am Mittwoch über den Haushalt beraten. Die Finanzministerin sagte, "
    "sie wolle an der Schuldenbremse festhalten."
)
ENGLISH_POST = "Great meeting with the Chancellor today in the Oval Office. Strong partners, strong alliance!"


@pytest.fixture(scope="module")
def stages() -> tuple[StructureStage, LanguageStage]:
    return StructureStage(), LanguageStage()


def analyse(stages: tuple[StructureStage, LanguageStage], text: str, **metadata: str) -> Article:
    structure, language = stages
    return language(structure(Article.create(text, **metadata)))


def test_german_article_is_german_without_part_labels(stages: tuple[StructureStage, LanguageStage]) -> None:
    article = analyse(stages, f"Haushalt: Streit geht weiter\n\n{GERMAN}\n{GERMAN}")
    assert article.language == "de"
    assert article.structure is not None and article.structure.languages == ()


def test_english_article_is_english(stages: tuple[StructureStage, LanguageStage]) -> None:
    text = "EU leaders agree new aid package\n\nEuropean Union leaders have agreed on a further aid package."
    assert analyse(stages, text).language == "en"


def test_mixed_article_labels_each_part(stages: tuple[StructureStage, LanguageStage]) -> None:
    text = f"{GERMAN}\n{ENGLISH_POST}\n— Joe Example (@POTUS) March 5, 2025\n{GERMAN}"
    article = analyse(stages, text)
    assert article.language == "de"
    assert article.structure is not None
    labels = [(article.text[part.start : part.end], part.language) for part in article.structure.languages]
    assert labels == [(GERMAN, "de"), (ENGLISH_POST, "en"), (GERMAN, "de")]


def test_given_language_is_kept(stages: tuple[StructureStage, LanguageStage]) -> None:
    assert analyse(stages, GERMAN, language="fr").language == "fr"


def test_too_short_text_stays_undetermined(stages: tuple[StructureStage, LanguageStage]) -> None:
    assert analyse(stages, "Ja.").language is None


def test_detector_is_built_once_per_process() -> None:
    codes = tuple(load_languages())
    assert detector(codes) is detector(codes)
    assert {"de", "en", "fr", "uk", "ru", "pl"} <= set(load_languages().values())
