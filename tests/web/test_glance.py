"""The person page's at-a-glance lists: the newest week's statements and the most-repeated ones."""

from __future__ import annotations

from fastapi.testclient import TestClient

from wortlaut.store.results import Source, StatementGroup
from wortlaut.web.views import at_a_glance


def _group(group_id: str, date: str, articles: list[str]) -> StatementGroup:
    sources = tuple(
        Source(statement_id=f"{group_id}-{n}", article_id=article, url=None, source=f"outlet {article}",
               title=None, published=date, date=date, mode="direct", cue=None, quote="…", quote_start=None,
               quote_end=None, speaker_text=None)
        for n, article in enumerate(articles)
    )  # fmt: skip
    return StatementGroup(id=group_id, speaker="Mark Rutte", speaker_entity=None, quote="…", date=date,
                          first_seen=None, size=len(sources), flags=None, sources=sources)  # fmt: skip


def test_week_ends_at_the_newest_statement_and_repeats_count_articles() -> None:
    groups = [
        _group("new", "2025-05-21", ["a1"]),
        _group("six-days", "2025-05-15", ["a2", "a2"]),  # quoted twice in one article: not repeated
        _group("old", "2025-05-01", ["a3", "a4", "a5"]),
        _group("two", "2025-05-10", ["a6", "a7"]),
    ]
    glance = at_a_glance(groups)
    assert [g.id for g in glance["week"]] == ["new", "six-days"]
    assert [g.id for g in glance["repeated"]] == ["old", "two"]


def test_person_page_shows_the_week(client: TestClient) -> None:
    page = client.get("/ui/person/Mark%20Rutte").text
    assert 'id="h-week">Diese Woche</h2>' in page
