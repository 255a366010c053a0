"""The events of the seed articles (../shared/seeds/expected.json) come out of the full pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wortlaut.article import Article, Event
from wortlaut.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    built = default_pipeline()
    if "events.rules.v1" not in built.names:
        pytest.skip("the events stage is not in the default pipeline")
    return built


def expected_events(seeds_dir: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    data = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    return [(item, event) for item in data["articles"] for event in item.get("events", [])]


def analyse(pipeline: Pipeline, seeds_dir: Path, name: str, published: str | None) -> Article:
    text = (seeds_dir / name).read_text(encoding="utf-8")
    return pipeline(Article.create(text, published=published))


def names_of(article: Article, event: Event) -> set[str]:
    """Canonical names and aliases of the event's participants (via the knowledge-base ids)."""
    names: set[str] = set()
    for ref in event.participants:
        entity = article.entity(ref.entity)
        if entity is not None:
            names |= {entity.name, *entity.aliases}
    return names


def matching(article: Article, want: dict[str, Any]) -> list[Event]:
    """Events of the wanted type with the wanted date and place (where the expectation names them)."""
    found = [event for event in article.events if event.type == want["type"]]
    if "when" in want:
        found = [event for event in found if event.date is not None and event.date.value == want["when"]]
    if "where" in want:
        found = [event for event in found if event.place is not None and want["where"] in event.place.text]
    return found


def test_seed_events_type_date_place(pipeline: Pipeline, seeds_dir: Path) -> None:
    for item, want in expected_events(seeds_dir):
        article = analyse(pipeline, seeds_dir, item["file"], item["published"])
        assert matching(article, want), f"{item['file']}: no {want} among {article.events}"


def test_seed_events_participants(pipeline: Pipeline, seeds_dir: Path) -> None:
    if "entities.crf.v1" not in pipeline.names:
        pytest.skip("participants need the entities stage (not in the pipeline yet)")
    for item, want in expected_events(seeds_dir):
        article = analyse(pipeline, seeds_dir, item["file"], item["published"])
        candidates = matching(article, want)
        assert any(set(want["participants"]) <= names_of(article, event) for event in candidates), (
            f"{item['file']}: {want['type']} lacks {want['participants']}: "
            f"{[[ref.text for ref in event.participants] for event in candidates]}"
        )


def test_seed_call_dated_from_post_without_publication_date(pipeline: Pipeline, seeds_dir: Path) -> None:
    article = analyse(pipeline, seeds_dir, "004_59b2b7f2cabc885f.txt", None)
    calls = [event for event in article.events if event.type == "call"]
    assert calls and all(event.date is not None and event.date.value == "2025-05-21" for event in calls)


def test_seed_call_is_one_event_with_outcome(pipeline: Pipeline, seeds_dir: Path) -> None:
    article = analyse(pipeline, seeds_dir, "004_59b2b7f2cabc885f.txt", "2025-05-21")
    (call,) = [event for event in article.events if event.type in {"call", "meeting", "talks"}]
    assert call.type == "call"
    assert call.outcome is not None and "ständigen Kontakt" in call.outcome.text
    assert not any(article.is_boilerplate(span.start) for span in call.evidence)


def test_seed_post_statement_dated_by_post(pipeline: Pipeline, seeds_dir: Path) -> None:
    article = analyse(pipeline, seeds_dir, "004_59b2b7f2cabc885f.txt", None)
    posts = [stmt for stmt in article.statements if stmt.mode == "post"]
    assert posts and all(stmt.date is not None and stmt.date.value == "2025-05-21" for stmt in posts)


#: What became of each seed event as its article tells it: the meeting and the call took place, the talks
#: (``führen werde``) and the summit of the next day (``soll … teilnehmen``) were still ahead.
SEED_STATUS = {
    ("000_a58d68ada00d5e72.txt", "meeting"): "happened",
    ("000_a58d68ada00d5e72.txt", "talks"): "planned",
    ("000_a58d68ada00d5e72.txt", "summit"): "planned",
    ("004_59b2b7f2cabc885f.txt", "call"): "happened",
}


def test_seed_events_keep_their_status(pipeline: Pipeline, seeds_dir: Path) -> None:
    for item, want in expected_events(seeds_dir):
        article = analyse(pipeline, seeds_dir, item["file"], item["published"])
        statuses = {event.status for event in matching(article, want)}
        assert statuses == {SEED_STATUS[(item["file"], want["type"])]}, (
            f"{item['file']}: {want['type']} {statuses}"
        )


def test_seed_statements_are_asserted(pipeline: Pipeline, seeds_dir: Path) -> None:
    for item, _ in expected_events(seeds_dir):
        article = analyse(pipeline, seeds_dir, item["file"], item["published"])
        assert {stmt.attribution_certainty for stmt in article.statements} == {"asserted"}
