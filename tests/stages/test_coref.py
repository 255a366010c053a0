"""Coreference: pronouns to the right person, role descriptions through the dated KB, gaps stay gaps."""

from __future__ import annotations

import pytest

from tests.kb.articles import tokenized
from wortlaut.article import Article
from wortlaut.stages.coref import CorefStage
from wortlaut.stages.entities import EntitiesStage


@pytest.fixture(scope="module")
def stages() -> tuple[EntitiesStage, CorefStage]:
    return EntitiesStage(tagger=None), CorefStage()


def run(stages: tuple[EntitiesStage, CorefStage], text: str, published: str | None = None) -> Article:
    entities, coref = stages
    article = coref(entities(tokenized(text, published=published)))
    for mention in article.mentions:
        assert article.text[mention.start : mention.end] == mention.text
    return article


def resolved(article: Article, kind: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in article.mentions if m.kind == kind]


def test_coref_er_goes_to_the_last_man_not_the_woman(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Olaf Scholz traf Giorgia Meloni. Er sagte, man sei einig.")
    assert resolved(article, "pronoun") == [("Er", "olaf-scholz")]


def test_coref_sie_singular_goes_to_a_woman(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Giorgia Meloni traf Olaf Scholz. Sie sagte, man sei einig.")
    assert resolved(article, "pronoun") == [("Sie", "giorgia-meloni")]


def test_coref_plural_sie_stays_unresolved(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Giorgia Meloni und Olaf Scholz trafen sich. Sie sagten, man sei einig.")
    assert resolved(article, "pronoun") == [("Sie", None)]


def test_coref_pronoun_without_antecedent_stays_unresolved(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Er sagte, es regne. Dann ging er.")
    assert resolved(article, "pronoun") == [("Er", None), ("er", None)]


def test_coref_subject_beats_prepositional_object(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Olaf Scholz sprach lange mit Emmanuel Macron. Er sagte, man sei einig.")
    assert resolved(article, "pronoun") == [("Er", "olaf-scholz")]


def test_coref_same_sentence_takes_the_nearest_person(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Nach dem Treffen mit Olaf Scholz sagte Macron, er wolle helfen.")
    assert resolved(article, "pronoun") == [("er", "emmanuel-macron")]


def test_coref_speaker_pronoun_after_a_quote_skips_names_inside_it(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    article = run(stages, "Olaf Scholz kam nach Paris. „Emmanuel Macron ist ein Freund“, sagte er.")
    assert resolved(article, "pronoun") == [("er", "olaf-scholz")]


def test_coref_pronoun_too_far_from_any_name_stays_unresolved(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    article = run(
        stages, "Olaf Scholz kam. Es regnete. Es war kalt. Es wurde Abend. Es blieb ruhig. Er ging."
    )
    assert resolved(article, "pronoun") == [("Er", None)]


@pytest.mark.parametrize(
    ("published", "entity"),
    [("2024-05-01", "jens-stoltenberg"), ("2025-01-01", "mark-rutte")],
)
def test_coref_description_resolves_through_the_role_on_the_publication_day(
    stages: tuple[EntitiesStage, CorefStage], published: str, entity: str
) -> None:
    article = run(stages, "Das sagte der NATO-Generalsekretär am Abend.", published)
    assert resolved(article, "description") == [("der NATO-Generalsekretär", entity)]
    assert article.entity(entity) is not None


def test_coref_description_without_date_uses_the_named_holder(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    named = run(stages, "Mark Rutte reiste an. Der NATO-Generalsekretär sagte, es eile.")
    unnamed = run(stages, "Der NATO-Generalsekretär sagte, es eile.")
    assert resolved(named, "description") == [("Der NATO-Generalsekretär", "mark-rutte")]
    assert resolved(unnamed, "description") == [("Der NATO-Generalsekretär", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Der Kanzler sagte das.", "2025-06-01", "friedrich-merz"),
        ("Der Kanzler sagte das.", "2024-06-01", "olaf-scholz"),
        ("Der ukrainische Führer sagte das.", "2025-05-21", "wolodymyr-selenskyj"),
        ("Das sagte der Präsident der Ukraine.", "2025-05-21", "wolodymyr-selenskyj"),
        ("Sie sprach mit dem NATO-Vorsitzenden.", "2025-05-21", "mark-rutte"),
        ("Das sagte der US-Präsident.", "2024-06-01", "joe-biden"),
        ("Das sagte der französische Präsident.", "2024-06-01", "emmanuel-macron"),
        ("Das sagte die russische Seite.", "2024-06-01", "russia"),
        ("Der österreichische Kanzler sagte das.", "2024-06-01", "karl-nehammer"),
        ("Der liechtensteinische Kanzler sagte das.", "2024-06-01", None),
    ],
)
def test_coref_role_descriptions(
    stages: tuple[EntitiesStage, CorefStage], text: str, published: str, expected: str | None
) -> None:
    article = run(stages, text, published)
    linked = [entity for _, entity in resolved(article, "description") if entity]
    assert linked == ([expected] if expected else [])


def test_coref_former_holder_needs_a_named_past_holder(stages: tuple[EntitiesStage, CorefStage]) -> None:
    named = run(
        stages, "Jens Stoltenberg lobte Rutte. Der frühere NATO-Generalsekretär sagte das.", "2025-02-01"
    )
    unnamed = run(stages, "Der frühere NATO-Generalsekretär sagte das.", "2025-02-01")
    assert resolved(named, "description") == [("Der frühere NATO-Generalsekretär", "jens-stoltenberg")]
    assert resolved(unnamed, "description") == [("Der frühere NATO-Generalsekretär", None)]


def test_coref_generic_organisation_description_needs_the_organisation_named(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    named = run(stages, "Die NATO tagt. Das Bündnis sagte Hilfe zu.")
    unnamed = run(stages, "Das Bündnis sagte Hilfe zu.")
    assert resolved(named, "description") == [("Das Bündnis", "nato")]
    assert resolved(unnamed, "description") == [("Das Bündnis", None)]


def test_coref_bare_role_noun_needs_exactly_one_named_holder(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    one = run(stages, "Emmanuel Macron kam. Der Präsident sagte das.", "2024-06-01")
    two = run(stages, "Emmanuel Macron traf Selenskyj. Der Präsident sagte das.", "2024-06-01")
    assert resolved(one, "description") == [("Der Präsident", "emmanuel-macron")]
    assert resolved(two, "description") == [("Der Präsident", None)]


def test_coref_feminine_role_noun_needs_a_woman(stages: tuple[EntitiesStage, CorefStage]) -> None:
    man = run(stages, "Donald Tusk kam. Die Präsidentin sagte das.")
    woman = run(stages, "Donald Tusk traf Roberta Metsola. Die Präsidentin sagte das.")
    dated = run(stages, "Die Kanzlerin sagte das.", "2024-06-01")
    assert resolved(man, "description") == [("Die Präsidentin", None)]
    assert resolved(woman, "description") == [("Die Präsidentin", "roberta-metsola")]
    assert resolved(dated, "description") == [("Die Kanzlerin", None)]


def test_coref_role_noun_does_not_match_a_longer_word(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Der britische Film feierte der Premiere entgegen.", "2024-06-01")
    assert resolved(article, "description") == []


def test_coref_plural_role_nouns_are_not_descriptions(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(
        stages, "Die Präsidenten berieten mit den Regierungschefs der Tschechischen Republik.", "2024-06-01"
    )
    assert resolved(article, "description") == []


def test_coref_pronoun_chain_follows_a_resolved_description(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Dann stellte der ukrainische Führer fest, dass er informiert sei.", "2025-05-21")
    assert resolved(article, "pronoun") == [("er", "wolodymyr-selenskyj")]


def test_coref_running_twice_adds_nothing(stages: tuple[EntitiesStage, CorefStage]) -> None:
    once = run(stages, "Olaf Scholz kam. Er sagte, sie komme nicht. Der Kanzler schwieg.", "2024-06-01")
    assert stages[1](once).mentions == once.mentions


@pytest.mark.parametrize("text", ["", "🙂", "er er er sie sie", "Москва и Київ"])
def test_coref_bad_input_is_handled(stages: tuple[EntitiesStage, CorefStage], text: str) -> None:
    article = run(stages, text)
    assert all(m.entity is None for m in article.mentions if m.kind == "pronoun")
