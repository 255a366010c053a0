"""The article's home country from its outlet's domain, dateline and place mentions."""

from __future__ import annotations

from wortlaut.article import Article, Mention
from wortlaut.kb.country import DEFAULT_HOME, domain_country, home_country


def article(text: str, places: list[str], **metadata: object) -> Article:
    mentions = []
    for place in places:
        start = text.index(place)
        mentions.append(Mention(start=start, end=start + len(place), text=place, type="LOC"))
    return Article.create(text, **metadata).with_layers(mentions=tuple(mentions))


def test_country_domain_of_url_and_source_names() -> None:
    assert domain_country("https://www.derstandard.at/story/1") == "austria"
    assert domain_country("nzz.ch") == "switzerland"
    assert domain_country("derStandard.at") == "austria"
    assert domain_country("https://example.com/") is None
    assert domain_country(None) is None


def test_country_defaults_to_germany_without_evidence() -> None:
    assert home_country(article("Es regnet.", [])) == DEFAULT_HOME == "germany"


def test_country_dateline_outweighs_one_mention_of_another_country() -> None:
    text = "Wien – Die Regierung sprach mit Berlin."
    assert home_country(article(text, ["Wien", "Berlin"])) == "austria"


def test_country_outlet_domain_outweighs_one_mention() -> None:
    text = "Die Regierung sprach mit Berlin."
    assert home_country(article(text, ["Berlin"], url="https://www.derstandard.at/")) == "austria"
