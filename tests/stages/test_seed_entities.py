"""Every entity and mention of the seed articles (../shared/seeds/expected.json) is found and linked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import shared_path
from wortlaut.article import Article, Entity
from wortlaut.pipeline import default_pipeline

#: Characters allowed between the parts of a listed mention found as adjacent linked mentions
#: (``Der Präsident der Ukraine`` + ``, `` + ``Wolodymyr Selenskyj``).
JOIN_CHARS = " ,\n"


@pytest.fixture(scope="module")
def cases() -> list[tuple[dict[str, Any], Article]]:
    seeds_dir = shared_path("seeds")
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    pipeline = default_pipeline()
    if "coref.rules.v1" not in pipeline.names:
        pytest.skip("the entity and coreference stages are not in the default pipeline")
    result = []
    for case in expected["articles"]:
        text = (seeds_dir / case["file"]).read_text(encoding="utf-8")
        result.append((case, pipeline(Article.create(text, published=case.get("published")))))
    return result


def _entity_named(article: Article, name: str) -> Entity | None:
    return next((entity for entity in article.entities if entity.name == name), None)


def found_as(article: Article, text: str, entity_id: str) -> bool:
    """Whether ``text`` occurs as one mention of the entity, or as adjacent mentions of it."""
    linked = [m for m in article.mentions if m.entity == entity_id]
    start = article.text.find(text)
    while start >= 0:
        end, position = start + len(text), start
        while position < end:
            parts = [m for m in linked if m.start == position and m.end <= end]
            if not parts:
                break
            position = max(m.end for m in parts)
            while position < end and article.text[position] in JOIN_CHARS:
                position += 1
        if position == end:
            return True
        start = article.text.find(text, start + 1)
    return False


def test_every_seed_entity_is_found_with_its_type(cases: list[tuple[dict[str, Any], Article]]) -> None:
    missing = [
        (case["file"], name, spec["type"])
        for case, article in cases
        for name, spec in case["entities"].items()
        if (entity := _entity_named(article, name)) is None or entity.type != spec["type"]
    ]
    assert missing == []


def test_every_seed_mention_is_linked_to_its_entity(cases: list[tuple[dict[str, Any], Article]]) -> None:
    missing = []
    for case, article in cases:
        for name, spec in case["entities"].items():
            entity = _entity_named(article, name)
            for text in spec.get("mentions", ()):
                if entity is None or not found_as(article, text, entity.id):
                    missing.append((case["file"], name, text))
    assert missing == []


def test_seed_speaker_pronoun_er_resolves_to_rutte(cases: list[tuple[dict[str, Any], Article]]) -> None:
    _, article = cases[0]
    pronouns = [m.entity for m in article.mentions if m.kind == "pronoun" and m.text.lower() == "er"]
    assert "mark-rutte" in pronouns
    assert pronouns.count("mark-rutte") >= 5 and None not in pronouns


def test_seed_handles_link_to_their_owners(cases: list[tuple[dict[str, Any], Article]]) -> None:
    _, article = cases[1]
    handles = {m.text: m.entity for m in article.mentions if m.kind == "handle"}
    assert handles == {"@ZelenskyyUa": "wolodymyr-selenskyj", "@SecGenNATO": "mark-rutte"}


def test_seed_boilerplate_names_are_not_mentions(cases: list[tuple[dict[str, Any], Article]]) -> None:
    _, article = cases[1]
    boilerplate_start = article.text.index("Lesen Sie auch")
    assert all(m.start < boilerplate_start for m in article.mentions)
    assert _entity_named(article, "Keir Starmer") is None
