"""Every statement of the seed articles (../shared/seeds/expected.json) comes out right; others do not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wortlaut.article import Article, Statement
from wortlaut.pipeline import default_pipeline


def _seed_cases(seeds_dir: Path) -> list[tuple[dict[str, Any], Article]]:
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    pipeline = default_pipeline()
    cases = []
    for case in expected["articles"]:
        text = (seeds_dir / case["file"]).read_text(encoding="utf-8")
        cases.append((case, pipeline(Article.create(text, published=case.get("published")))))
    return cases


def _cue_words(article: Article, statement: Statement) -> set[str]:
    if statement.cue is None:
        return set()
    parts = statement.cue.spans or ((statement.cue.start, statement.cue.end),)
    return {word.lower() for start, end in parts for word in article.text[start:end].split()}


def _speaker_ok(article: Article, statement: Statement, name: str) -> bool:
    """The speaker resolves to the entity with the expected canonical name."""
    speaker = statement.speaker
    if speaker is None:
        return False
    entity = article.entity(speaker.entity)
    return entity is not None and entity.name == name


@pytest.fixture(scope="module")
def cases(request: pytest.FixtureRequest) -> list[tuple[dict[str, Any], Article]]:
    from tests.conftest import shared_path

    return _seed_cases(shared_path("seeds"))


def test_every_seed_statement_is_found(cases: list[tuple[dict[str, Any], Article]]) -> None:
    problems = []
    for case, article in cases:
        for wanted in case["statements"]:
            found = [s for s in article.statements if wanted["contains"] in s.quote.text]
            if not found:
                problems.append(f"{case['file']}: nothing contains {wanted['contains']!r}")
                continue
            right = [
                s
                for s in found
                if s.mode == wanted["mode"]
                and set(wanted["cue"].lower().split()) <= _cue_words(article, s)
                and _speaker_ok(article, s, wanted["speaker"])
            ]
            if not right:
                got = [
                    (s.mode, s.cue.text if s.cue else None, s.speaker.text if s.speaker else None)
                    for s in found
                ]
                problems.append(
                    f"{case['file']}: {wanted['contains']!r} wanted {wanted['mode']}/{wanted['cue']}/"
                    f"{wanted['speaker']}, got {got}"
                )
    assert not problems, "\n".join(problems)


def test_post_statement_carries_post_date(cases: list[tuple[dict[str, Any], Article]]) -> None:
    posts = [s for _, article in cases for s in article.statements if s.mode == "post"]
    assert posts, "no post statement in the seeds"
    assert all(s.date is not None and s.date.source == "post" and s.date.value == "2025-05-21" for s in posts)


def test_channels_of_seed_statements(cases: list[tuple[dict[str, Any], Article]]) -> None:
    channels = {s.channel for _, article in cases for s in article.statements if s.channel}
    assert "Telegram" in channels
    assert any("Netzwerk" in channel for channel in channels)


def test_no_seed_non_statement_comes_out(cases: list[tuple[dict[str, Any], Article]]) -> None:
    for case, article in cases:
        for phrase in case["not_statements"]:
            assert not any(phrase in s.quote.text for s in article.statements), phrase
