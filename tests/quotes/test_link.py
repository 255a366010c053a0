"""Speaker phrases that point back (pronouns, role descriptions, possessors, source nouns) get the entity
of the person named before them; phrases that name someone, or nobody, are left alone."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import linked_article
from wortlaut.article import Article, Entity, EntityRef, Mention, Span, Statement
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.link import SpeakerLinker, classify, load_link_words

PEOPLE = (
    Entity(id="anna", name="Anna Berger", type="PER"),
    Entity(id="peter", name="Peter Krause", type="PER"),
    Entity(id="verband", name="Bauernverband", type="ORG"),
)


@pytest.fixture(scope="module")
def linker() -> SpeakerLinker:
    return SpeakerLinker(load_lexicon())


def _article(text: str, names: dict[str, str]) -> Article:
    """``names``: surface string -> entity id, each found at its first occurrence."""
    return linked_article(text, PEOPLE, names)


def _statement(article: Article, quote: str, speaker: str, entity: str | None = None) -> Statement:
    q = article.text.index(quote)
    s = article.text.index(speaker, q - 60 if q > 60 else 0)
    return Statement(
        id="s",
        mode="indirect",
        quote=Span(start=q, end=q + len(quote), text=quote),
        speaker=EntityRef(start=s, end=s + len(speaker), text=speaker, entity=entity),
    )


def _linked(linker: SpeakerLinker, article: Article, *statements: Statement) -> list[str | None]:
    return [s.speaker.entity if s.speaker else None for s in linker.link(article, statements)]


def test_bare_pronoun_speaker_takes_the_person_of_its_gender_named_before(linker: SpeakerLinker) -> None:
    text = "Anna Berger traf Peter Krause. Die Lage sei ernst, sagte sie."
    article = _article(text, {"Anna Berger": "anna", "Peter Krause": "peter"})
    assert _linked(linker, article, _statement(article, "Die Lage sei ernst", "sie")) == ["anna"]


def test_role_description_resolves_to_the_previous_speaker_not_the_organisation(
    linker: SpeakerLinker,
) -> None:
    text = (
        "Peter Krause vom Bauernverband sprach. Es sei genug, sagte er. Man warte, so der Chef des Verbands."
    )
    article = _article(text, {"Peter Krause": "peter", "Bauernverband": "verband"})
    first = _statement(article, "Es sei genug", "er")
    second = _statement(article, "Man warte", "der Chef des Verbands")
    assert _linked(linker, article, first, second) == ["peter", "peter"]


def test_feminine_role_noun_skips_a_man_named_later(linker: SpeakerLinker) -> None:
    text = "Anna Berger kam. Peter Krause ging. Es gehe voran, so die neue Präsidentin."
    article = _article(text, {"Anna Berger": "anna", "Peter Krause": "peter"})
    assert _linked(linker, article, _statement(article, "Es gehe voran", "die neue Präsidentin")) == ["anna"]


def test_possessor_of_a_source_noun_is_the_speaker(linker: SpeakerLinker) -> None:
    text = "Peter Krause sprach in Bonn. Seinen Angaben zufolge sei alles bereit."
    article = _article(text, {"Peter Krause": "peter"})
    statement = _statement(article, "sei alles bereit", "Seinen Angaben")
    assert _linked(linker, article, statement) == ["peter"]


def test_expert_estimates_name_nobody(linker: SpeakerLinker) -> None:
    text = "Peter Krause sprach. Nach Schätzungen von Experten sei der Schaden groß."
    article = _article(text, {"Peter Krause": "peter"})
    statement = _statement(article, "sei der Schaden groß", "Schätzungen von Experten")
    assert _linked(linker, article, statement) == [None]


def test_organisation_description_points_to_the_organisation_not_the_person(linker: SpeakerLinker) -> None:
    text = "Peter Krause sprach für den Bauernverband. Die Preise seien zu niedrig, warnte der Verband."
    article = _article(text, {"Peter Krause": "peter", "Bauernverband": "verband"})
    statement = _statement(article, "Die Preise seien zu niedrig", "der Verband")
    assert _linked(linker, article, statement) == ["verband"]


def test_organisation_description_with_no_organisation_before_stays_open(linker: SpeakerLinker) -> None:
    text = "Peter Krause sprach in Bonn. Die Preise seien zu niedrig, warnte das Unternehmen."
    article = _article(text, {"Peter Krause": "peter"})
    statement = _statement(article, "Die Preise seien zu niedrig", "das Unternehmen")
    assert _linked(linker, article, statement) == [None]


def test_speaker_with_its_own_entity_is_kept(linker: SpeakerLinker) -> None:
    text = "Anna Berger kam. Es gehe voran, sagte Peter Krause."
    article = _article(text, {"Anna Berger": "anna", "Peter Krause": "peter"})
    statement = _statement(article, "Es gehe voran", "Peter Krause", entity="peter")
    assert _linked(linker, article, statement) == ["peter"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("er", ("pronoun", "m")),
        ("das Staatsoberhaupt", ("role", "any")),
        ("die Stuttgarter Sportdirektorin", ("role", "f")),
        ("der 48-Jährige", ("role", "m")),
        ("die Bildungs- und Kulturministerin", ("role", "f")),
        ("seinen Angaben", ("possessor", "m")),
        ("dem Bericht", ("source", "any")),
        ("der Grünen-Politiker Özdemir", None),
        ("die Rechnungsprüfer", None),
        ("das Unternehmen", ("organisation", "any")),
        ("die Behörde", ("organisation", "any")),
        ("Wenige Umfragen", None),
    ],
)
def test_classify_speaker_phrases(phrase: str, expected: tuple[str, str] | None) -> None:
    assert classify(phrase, load_link_words(), load_lexicon()) == expected


def _two_people(text: str, names: dict[str, str]) -> Article:
    """Two people whose first names give no gender, so only the order of mention can decide."""
    entities = (
        Entity(id="martins", name="Albrecht Martins", type="PER"),
        Entity(id="schoen", name="Gunthild Schön", type="PER"),
    )
    mentions = tuple(
        Mention(
            start=text.index(surface),
            end=text.index(surface) + len(surface),
            text=surface,
            type="PER",
            entity=entity,
        )
        for surface, entity in names.items()
    )
    return Article.create(text).with_layers(mentions=mentions, entities=entities)


def test_pronoun_takes_the_person_named_since_the_previous_statement(linker: SpeakerLinker) -> None:
    text = "Es sei ein Ziel, erklärt Albrecht Martins. Gunthild Schön liest. Es passe, sagt sie."
    article = _two_people(text, {"Albrecht Martins": "martins", "Gunthild Schön": "schoen"})
    first = _statement(article, "Es sei ein Ziel", "Albrecht Martins", "martins")
    second = _statement(article, "Es passe", "sie")
    assert _linked(linker, article, first, second) == ["martins", "schoen"]


def test_a_resolved_pronoun_since_the_previous_statement_is_no_new_person(linker: SpeakerLinker) -> None:
    text = "Es sei ein Ziel, erklärt Albrecht Martins. Er wolle sorgen, antwortete der Politiker."
    article = _two_people(text, {"Albrecht Martins": "martins"})
    article = article.with_layers(
        mentions=(
            *article.mentions,
            Mention(
                start=text.index("Er wolle"),
                end=text.index("Er wolle") + 2,
                text="Er",
                type="PER",
                entity="schoen",
            ),
        )
    )
    first = _statement(article, "Es sei ein Ziel", "Albrecht Martins", "martins")
    second = _statement(article, "Er wolle sorgen", "der Politiker")
    assert _linked(linker, article, first, second) == ["martins", "martins"]
