"""Person timelines and contacts count what happened: negated and hypothetical events stay out by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.samples import RUTTE, SELENSKYJ, rutte_article
from wortlaut.article import Article, DateInfo, EntityRef, Event, Span
from wortlaut.store import Store

STARMER = "Q6272"
SCHOLZ = "Q61053"


def _event(text: str, local_id: str, trigger: str, status: str, others: dict[str, str]) -> Event:
    start = text.index(trigger)
    participants = [
        EntityRef(start=text.index("Rutte"), end=text.index("Rutte") + 5, text="Rutte", entity=RUTTE.id)
    ]
    for name, entity in others.items():
        at = text.index(name)
        participants.append(EntityRef(start=at, end=at + len(name), text=name, entity=entity))
    return Event(
        id=local_id,
        type="meeting",
        trigger=Span(start=start, end=start + len(trigger), text=trigger),
        participants=tuple(participants),
        date=DateInfo(value="2025-01-10", source="published"),
        status=status,
    )


def _unreal_article() -> Article:
    text = (
        "Ein Treffen von Rutte mit Starmer ist nicht geplant. "
        "Ein Gespräch zwischen Rutte und Scholz könnte im März stattfinden. "
        "Die Reise von Rutte zu Selenskyj wurde abgesagt."
    )
    events = (
        _event(text, "e1", "Treffen", "negated", {"Starmer": STARMER}),
        _event(text, "e2", "Gespräch", "hypothetical", {"Scholz": SCHOLZ}),
        _event(text, "e3", "Reise", "cancelled", {"Selenskyj": SELENSKYJ.id}),
    )
    return Article.create(
        text,
        url="https://example.org/unreal",
        published="2025-01-10",
        entities=(RUTTE, SELENSKYJ),
        events=events,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "s.sqlite")
    opened.add_many([rutte_article(), _unreal_article()], link=False)
    return opened


def _event_statuses(store: Store, **options: bool) -> list[tuple[str | None, str]]:
    page = store.person("Rutte", **options)
    return sorted((item.event.trigger, item.event.status) for item in page.timeline if item.event is not None)


def test_timeline_leaves_out_negated_and_hypothetical_events(store: Store) -> None:
    assert _event_statuses(store) == [("Reise", "cancelled"), ("Treffen", "happened")]


def test_timeline_shows_every_status_when_asked(store: Store) -> None:
    statuses = sorted(status for _, status in _event_statuses(store, include_unreal=True))
    assert statuses == ["cancelled", "happened", "hypothetical", "negated"]


def test_contacts_count_only_happened_events(store: Store) -> None:
    contacts = store.person("Rutte").contacts
    assert [(contact.name, contact.events) for contact in contacts] == [("Wolodymyr Selenskyj", 1)]


def test_events_stored_before_the_status_existed_count_as_happened(store: Store) -> None:
    store.connection.execute("UPDATE events SET json = json_remove(json, '$.status')")
    statuses = sorted(status for _, status in _event_statuses(store, include_unreal=True))
    assert statuses == ["happened"] * 4
    assert [contact.events for contact in store.person("Rutte").contacts] == [2, 1, 1]


def test_stored_event_status_comes_from_the_article(store: Store) -> None:
    rows = store.connection.execute(
        "SELECT trigger_text, json_extract(json, '$.status') FROM events WHERE article_id = ? ORDER BY id",
        (_unreal_article().id,),
    ).fetchall()
    assert rows == [("Treffen", "negated"), ("Gespräch", "hypothetical"), ("Reise", "cancelled")]
