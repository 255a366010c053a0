"""Role nouns several countries share resolve through the article's home country and date."""

from __future__ import annotations

import pytest

from tests.kb.articles import tokenized
from wortlaut.article import Article
from wortlaut.stages.coref import CorefStage
from wortlaut.stages.entities import EntitiesStage

DAY = "2024-06-01"


@pytest.fixture(scope="module")
def stages() -> tuple[EntitiesStage, CorefStage]:
    return EntitiesStage(tagger=None), CorefStage()


def run(stages: tuple[EntitiesStage, CorefStage], text: str, **metadata: object) -> Article:
    entities, coref = stages
    return coref(entities(tokenized(text, **metadata)))


def described(article: Article) -> list[str | None]:
    return [m.entity for m in article.mentions if m.kind == "description"]


@pytest.mark.parametrize(
    ("url", "sentence", "expected"),
    [
        ("https://www.tagesschau.de/x", "Das sagte der Bundespräsident.", "frank-walter-steinmeier"),
        ("https://www.derstandard.at/x", "Das sagte der Bundespräsident.", "alexander-van-der-bellen"),
        ("https://www.nzz.ch/x", "Das sagte die Bundespräsidentin.", "viola-amherd"),
        ("https://www.tagesschau.de/x", "Das sagte der Bundeskanzler.", "olaf-scholz"),
        ("https://www.derstandard.at/x", "Das sagte der Bundeskanzler.", "karl-nehammer"),
        ("https://www.tagesschau.de/x", "Das sagte die Außenministerin.", "annalena-baerbock"),
        ("https://www.derstandard.at/x", "Das sagte der Außenminister.", "alexander-schallenberg"),
        ("https://www.nzz.ch/x", "Das sagte der Außenminister.", "ignazio-cassis"),
        ("https://www.nzz.ch/x", "Das sagte die Verteidigungsministerin.", "viola-amherd"),
        ("https://www.derstandard.at/x", "Das sagte die Verteidigungsministerin.", "klaudia-tanner"),
        ("https://www.tagesschau.de/x", "Das sagte der Verteidigungsminister.", "boris-pistorius"),
    ],
)
def test_coref_shared_role_nouns_resolve_in_the_outlets_country_on_the_day(
    stages: tuple[EntitiesStage, CorefStage], url: str, sentence: str, expected: str
) -> None:
    assert described(run(stages, sentence, url=url, published=DAY)) == [expected]


def test_coref_dateline_decides_the_country_without_an_address(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    article = run(stages, "Wien – Das sagte der Bundeskanzler am Montag.", published=DAY)
    assert described(article) == ["karl-nehammer"]


def test_coref_place_mentions_outvote_the_default(stages: tuple[EntitiesStage, CorefStage]) -> None:
    text = "In Österreich wird gewählt. Österreich streitet. Der Bundespräsident mahnte Ruhe an."
    assert described(run(stages, text, published=DAY)) == ["alexander-van-der-bellen"]


def test_coref_country_adjective_beats_the_home_country(stages: tuple[EntitiesStage, CorefStage]) -> None:
    article = run(stages, "Das sagte der österreichische Bundeskanzler.", url="https://x.de/", published=DAY)
    assert described(article) == ["karl-nehammer"]


def test_coref_undated_role_noun_goes_to_the_named_holder_of_the_home_office(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    text = "Werner Faymann sprach in Wien. Der Bundeskanzler sagte, man sei einig."
    article = run(stages, text, url="https://www.derstandard.at/")
    assert described(article) == ["werner-faymann"]


def test_coref_headline_role_noun_without_article_resolves(stages: tuple[EntitiesStage, CorefStage]) -> None:
    text = "Bundespräsident mahnt zur Ruhe\nEr sprach in Berlin."
    assert described(run(stages, text, url="https://x.de/", published=DAY))[0] == "frank-walter-steinmeier"


def test_coref_bare_head_of_state_in_a_foreign_story_stays_open(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    text = "In Tunesien regiert Kais Saied. Das Staatsoberhaupt sagte, alles sei gut."
    assert described(run(stages, text, url="https://x.de/", published=DAY)) == [None]


def test_coref_role_noun_of_an_office_the_kb_lacks_for_the_home_country_stays_open(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    """Switzerland has a Bundeskanzler too (a civil servant, not in the KB): a Swiss article's
    Bundeskanzler is not the German or the Austrian chancellor of the day."""
    article = run(stages, "Das sagte der Bundeskanzler.", url="https://www.nzz.ch/x", published=DAY)
    assert described(article) == [None]


@pytest.mark.parametrize(
    ("url", "sentence", "expected"),
    [
        ("https://x.de/", "Das sagte der Schweizer Außenminister.", "ignazio-cassis"),
        ("https://nzz.ch/", "Das sagte der österreichische Bundespräsident.", "alexander-van-der-bellen"),
        ("https://www.derstandard.at/x", "Das sagte der deutsche Verteidigungsminister.", "boris-pistorius"),
    ],
)
def test_coref_country_adjective_names_another_countrys_office_on_the_day(
    stages: tuple[EntitiesStage, CorefStage], url: str, sentence: str, expected: str
) -> None:
    """A country adjective (also the uninflected `Schweizer`) beats the outlet's country, in all three."""
    assert described(run(stages, sentence, url=url, published=DAY)) == [expected]


@pytest.fixture(scope="module")
def tagged_stages() -> tuple[EntitiesStage, CorefStage]:
    """With the shipped tagger: `Bern` is no KB place, so only the tagger makes it a place mention."""
    return EntitiesStage(), CorefStage()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin – Das sagte der Bundespräsident am Montag.", "frank-walter-steinmeier"),
        ("Wien – Das sagte der Bundespräsident am Montag.", "alexander-van-der-bellen"),
        ("Bern – Das sagte die Bundespräsidentin am Montag.", "viola-amherd"),
    ],
)
def test_coref_dateline_picks_the_de_at_or_ch_president_of_the_same_day(
    tagged_stages: tuple[EntitiesStage, CorefStage], text: str, expected: str
) -> None:
    assert described(run(tagged_stages, text, published=DAY)) == [expected]


@pytest.mark.parametrize(
    ("url", "sentence", "expected"),
    [
        ("https://www.tagesschau.de/x", "Das sagte die Innenministerin.", "nancy-faeser"),
        ("https://www.derstandard.at/x", "Das sagte der Innenminister.", "gerhard-karner"),
        ("https://www.tagesschau.de/x", "Das sagte der Finanzminister.", "christian-lindner"),
        ("https://www.derstandard.at/x", "Das sagte der Vizekanzler.", "werner-kogler"),
        ("https://www.tagesschau.de/x", "Das sagte der Vizekanzler.", "robert-habeck"),
        ("https://www.nzz.ch/x", "Das sagte der österreichische Vizekanzler.", "werner-kogler"),
    ],
)
def test_coref_interior_finance_and_vice_chancellor_resolve_by_country_and_day(
    stages: tuple[EntitiesStage, CorefStage], url: str, sentence: str, expected: str | None
) -> None:
    """Issue 14zc's offices: a bare noun goes to the outlet's country on the day, an adjective names it."""
    assert described(run(stages, sentence, url=url, published=DAY)) == [expected]


def test_coref_austrian_finance_minister_on_a_day_of_2015(stages: tuple[EntitiesStage, CorefStage]) -> None:
    url = "https://www.derstandard.at/x"
    article = run(stages, "Das sagte der Finanzminister.", url=url, published="2015-06-01")
    assert described(article) == ["hans-joerg-schelling"]


@pytest.mark.parametrize(
    ("url", "sentence", "expected"),
    [
        ("https://www.derstandard.at/x", "Der Nationalrat tagte.", "nationalrat-austria"),
        ("https://www.nzz.ch/x", "Der Nationalrat tagte.", "nationalrat-switzerland"),
        ("https://www.tagesschau.de/x", "Der Bundesrat tagte.", "bundesrat"),
        ("https://www.derstandard.at/x", "Der Bundesrat tagte.", "bundesrat-austria"),
        ("https://www.nzz.ch/x", "Der Bundesrat tagte.", "bundesrat-switzerland"),
        ("https://www.tagesschau.de/x", "Die Grünen stimmten zu.", "gruene"),
        ("https://www.derstandard.at/x", "Die Grünen stimmten zu.", "gruene-austria"),
        ("https://www.nzz.ch/x", "Die FDP stimmte zu.", "fdp-switzerland"),
        ("https://www.tagesschau.de/x", "Die FDP stimmte zu.", "fdp"),
    ],
)
def test_names_several_countries_bodies_share_go_to_the_home_country(
    stages: tuple[EntitiesStage, CorefStage], url: str, sentence: str, expected: str
) -> None:
    names = [m.entity for m in run(stages, sentence, url=url, published=DAY).mentions if m.kind == "name"]
    assert names == [expected]


def test_names_shared_by_bodies_stay_open_without_a_home_match(
    stages: tuple[EntitiesStage, CorefStage],
) -> None:
    """A Nationalrat in an article about neither Austria nor Switzerland is not guessed."""
    article = run(stages, "Der Nationalrat tagte.", url="https://www.tagesschau.de/x", published=DAY)
    assert [m.entity for m in article.mentions if m.kind == "name"] == [None]
