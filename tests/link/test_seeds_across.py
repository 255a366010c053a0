"""Both seed articles analysed, stored and linked: statement groups, stories and timelines.

Needs ../shared and the upstream stages (entities, statements); it skips with
a reason while those do not give speakers knowledge-base ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import wortlaut
from tests.conftest import shared_path
from wortlaut.link import E5Encoder, update
from wortlaut.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def linked() -> Iterator[Store]:
    seeds = shared_path("seeds")
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    articles = [
        wortlaut.analyze((seeds / entry["file"]).read_text(encoding="utf-8"), published=entry["published"])
        for entry in expected["articles"]
    ]
    if not any(s.speaker and s.speaker.entity for article in articles for s in article.statements):
        pytest.skip("upstream stages give no speaker entity ids yet")
    store = Store.open(":memory:")
    store.add_many(articles, link=False)
    update(store, [article.id for article in articles], encoder=E5Encoder())
    yield store
    store.close()


def _entity(store: Store, surname: str) -> str:
    """The knowledge-base id of the speaker whose entity name ends with ``surname``."""
    row = store.connection.execute(
        "SELECT s.speaker_entity FROM statements s JOIN entities e ON e.id = s.speaker_entity"
        " WHERE e.name LIKE ? GROUP BY s.speaker_entity ORDER BY COUNT(*) DESC, s.speaker_entity LIMIT 1",
        (f"% {surname}",),
    ).fetchone()
    assert row is not None, f"no statement by {surname}"
    return str(row[0])


def _group_of(store: Store, phrase: str) -> str:
    row = store.connection.execute(
        "SELECT m.group_id FROM statements s JOIN statement_group_members m ON m.statement_id = s.id"
        " WHERE s.quote_text LIKE ?",
        (f"%{phrase}%",),
    ).fetchone()
    assert row is not None, f"no grouped statement contains {phrase!r}"
    return str(row[0])


def test_lines_one_and_two_of_seed_000_are_one_statement_group(linked: Store) -> None:
    assert _group_of(linked, "Möglichkeiten erörtern") == _group_of(linked, "wie wichtig es sei")


def test_the_two_seeds_are_two_stories(linked: Store) -> None:
    stories = linked.connection.execute("SELECT COUNT(DISTINCT story_id) FROM story_articles").fetchone()[0]
    assert stories == 2


@pytest.mark.parametrize("surname", ["Rutte", "Selenskyj"])
def test_timeline_lists_statements_from_both_articles_in_date_order(linked: Store, surname: str) -> None:
    entity = linked.resolve_entity(surname)
    assert entity is not None and entity.id == _entity(linked, surname)
    groups = [item.statement for item in linked.person(surname).timeline if item.statement is not None]
    articles = {source.article_id for group in groups for source in group.sources}
    dates = [group.date or "9999" for group in groups]  # undated entries go last, as in the timeline
    seen = [(group.date, group.quote[:40]) for group in groups]
    assert len(articles) == 2, f"statements of {surname} come from {len(articles)} article(s): {seen}"
    assert dates == sorted(dates)
    assert dates[0].startswith("2024-12-18") and dates[-1].startswith("2025-05-21")
