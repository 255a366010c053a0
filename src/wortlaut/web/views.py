"""What each page shows: plain functions from a store (and the page's filters) to a template context.

Kept apart from the routes so the HTML page, its CSV/JSON downloads and the
offline report are built from the same data.  Every context has ``lists``:
the named lists a reader can download.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wortlaut.api.validation import is_partial_date
from wortlaut.article import Article
from wortlaut.i18n import _
from wortlaut.store import NotFoundError, Person, StatementGroup, Store, TimelineItem
from wortlaut.store.facets import Filters
from wortlaut.store.pages import DayCount
from wortlaut.web import chart, locale, topics
from wortlaut.web.highlight import anchor_id, highlight
from wortlaut.web.quoting import bare

#: Items of each kind on a person page; enough for a year of a busy politician's statements.
PERSON_ITEMS = 100
#: A digest statement this long found inside a headline is the headline's own quote; shorter ones
#: ("Nein", "Wir bleiben dran") may recur in a headline by chance, so they stay.
HEADLINE_QUOTE_CHARS = 20
#: Days counted as "this week" on a person page, ending at the newest statement date (as on home).
WEEK_DAYS = 7
#: Statements in each at-a-glance list of a person page; the full list follows below.
GLANCE_ITEMS = 5
#: Stories and articles listed on the home page.
HOME_ITEMS = 10


class BadRequest(ValueError):
    """A filter value the pages cannot use (shown to the reader as a 400 page)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFilters:
    """Date range and topic of a person page (all optional)."""

    since: str | None = None
    until: str | None = None
    topic: str | None = None
    #: Also list negated and hypothetical events (``?unreal=1``).
    include_unreal: bool = False

    @classmethod
    def parse(
        cls, since: str | None, until: str | None, topic: str | None, unreal: str | None = None
    ) -> PersonFilters:
        for name, value in (("since", since), ("until", until)):
            if value and not is_partial_date(value):
                raise BadRequest(f"{name}={value!r}: expected a real date YYYY, YYYY-MM or YYYY-MM-DD")
        if topic and len(topic) > 200:
            raise BadRequest("topic: at most 200 characters")
        return cls(
            since=since or None,
            until=until or None,
            topic=(topic or "").strip() or None,
            include_unreal=unreal in {"1", "true", "yes"},
        )

    def keeps_date(self, value: str | None) -> bool:
        if not value:
            return not (self.since or self.until)
        return (not self.since or value >= self.since) and (
            not self.until or value[: len(self.until)] <= self.until
        )


def home(store: Store) -> dict[str, Any]:
    """Latest stories, the week's most-quoted people and the newest articles."""
    stories = store.stories(limit=HOME_ITEMS)
    week_end, people = store.most_quoted()
    articles = store.articles(limit=HOME_ITEMS)
    return {
        "stories": stories,
        "people": people,
        "week_end": week_end,
        "articles": articles,
        "headlines": store.headlines([a.id for a in articles if not a.title]),
        "counts": store.counts(),
        "lists": {"stories": stories, "people": people, "articles": articles},
    }


def _find_person(store: Store, key: str, *, include_unreal: bool = False) -> Person:
    try:
        return store.person(key, limit=PERSON_ITEMS, include_unreal=include_unreal)
    except NotFoundError:
        entity = store.entity(key)  # links use names; ids work too
        if entity is None:
            raise
        return store.person(entity.name, limit=PERSON_ITEMS, include_unreal=include_unreal)


def _statement_rows(groups: list[StatementGroup]) -> list[dict[str, Any]]:
    """One row per source of every group: the flat form of the statements list, for CSV."""
    return [
        {
            "group": group.id,
            "speaker": group.speaker,
            "quote": source.quote,
            "mode": source.mode,
            "date": source.date,
            "source": source.source,
            "title": source.title,
            "url": source.url,
            "article_id": source.article_id,
            "statement_id": source.statement_id,
            "cue": source.cue,
        }
        for group in groups
        for source in group.sources
    ]


def _articles(group: StatementGroup) -> int:
    return len({source.article_id for source in group.sources})


def at_a_glance(groups: list[StatementGroup]) -> dict[str, list[StatementGroup]]:
    """The week's statements (7 days up to the newest dated one) and the most-repeated ones.

    "Most repeated" counts distinct articles, so a quote printed twice in one report is not
    repeated; only groups found in at least two articles qualify.
    """
    dated = sorted((g.date[:10] for g in groups if g.date and len(g.date) >= 10), reverse=True)
    week: list[StatementGroup] = []
    if dated:
        start = (date.fromisoformat(dated[0]) - timedelta(days=WEEK_DAYS - 1)).isoformat()
        week = [g for g in groups if g.date and start <= g.date[:10] <= dated[0]]
    repeated = sorted((g for g in groups if _articles(g) > 1), key=lambda g: -_articles(g))
    return {"week": week[:GLANCE_ITEMS], "repeated": repeated[:GLANCE_ITEMS]}


def _topic_hit(item: TimelineItem, topic: str) -> bool:
    found = item.event or item.story
    text = " ".join(str(part) for part in vars_of(found) if part) if found else ""
    return topic.casefold() in text.casefold()


def vars_of(record: Any) -> list[Any]:
    """The field values of a slotted record (events and stories have no ``__dict__``)."""
    return [getattr(record, name) for name in getattr(record, "__slots__", ())]


def person(store: Store, key: str, filters: PersonFilters) -> dict[str, Any]:
    """A person's page: identity, chart, statement groups, events, stories and contacts."""
    found = _find_person(store, key, include_unreal=filters.include_unreal)
    entity = found.entity
    groups = store.said(
        entity.name,
        about=filters.topic,
        since=filters.since,
        until=filters.until,
        limit=PERSON_ITEMS,
    )
    others = [
        item
        for item in found.timeline
        if item.kind != "statement"
        and filters.keeps_date(item.date)
        and (not filters.topic or _topic_hit(item, filters.topic))
    ]
    events = [item.event for item in others if item.event is not None]
    stories = [item.story for item in others if item.story is not None]
    if filters.topic:
        days = [
            DayCount(day=s.date or "", kind=s.mode or "unknown", count=1)
            for g in groups
            for s in g.sources
        ]
        days += [DayCount(day=e.date or "", kind="event", count=1) for e in events]
    else:
        days = store.person_days(entity.id, since=filters.since, until=filters.until)
    unit, bars = chart.bucket(days)
    chart_label = _("Statements and events of %(name)s per %(unit)s", name=entity.name, unit=_(unit))
    return {
        "person": found,
        "entity": entity,
        "gender": locale.gender_of(entity.id),
        "glance": at_a_glance(groups),
        "topics": topics.top_topics(groups, names=(entity.name, *entity.aliases)),
        "filters": filters,
        "groups": groups,
        "events": events,
        "headlines": store.headlines([e.article_id for e in events if not e.title]),
        "stories": stories,
        "contacts": found.contacts,
        "chart": chart.svg(days, label=chart_label),
        "bars": bars,
        "unit": unit,
        "colours": chart.COLOURS,
        "lists": {
            "statements": _statement_rows(groups),
            "events": events,
            "stories": stories,
            "contacts": list(found.contacts),
        },
    }


def story(store: Store, story_id: str) -> dict[str, Any]:
    """A story: digest, events in order, voices, articles with sources and dates."""
    found = store.story(story_id)
    ids = [article.id for article in found.articles]
    events = store.story_events(ids)
    voices = store.story_voices(ids)
    digest = found.digest if isinstance(found.digest, dict) else {}
    titles = [found.title] + [a.title for a in found.articles]
    return {
        "story": found,
        "headlines": store.headlines([a.id for a in found.articles if not a.title]),
        "digest_items": digest_items(digest.get("items") or [], titles),
        "events": events,
        "voices": voices,
        "lists": {"articles": list(found.articles), "events": events, "voices": voices},
    }


def _plain(text: str | None) -> str:
    """Text compared without quotation marks, case and spacing."""
    return " ".join(bare(text).casefold().split()).rstrip(".!?")


def digest_items(items: list[dict[str, Any]], titles: list[str | None]) -> list[dict[str, Any]]:
    """The digest without statements that are only a headline again (a headline quote or the lead)."""
    seen = {_plain(title) for title in titles if title}
    kept = []
    for item in items:
        text = _plain(item.get("text"))
        inside = len(text) >= HEADLINE_QUOTE_CHARS and any(text in title for title in seen)
        if item.get("kind") == "statement" and (text in seen or inside):
            continue
        kept.append(item)
        if item.get("kind") == "lead":
            seen.add(text)
    return kept


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article with every layer highlighted and its statements listed."""
    found = store.article(article_id)
    title = found.title or store.headlines([found.id]).get(found.id)
    story = store.article_story(article_id)
    statements = [
        {
            "anchor": anchor_id(s.id),
            "id": s.id,
            "mode": s.mode,
            "speaker": s.speaker.text if s.speaker else None,
            "speaker_entity": s.speaker.entity if s.speaker else None,
            "speaker_name": _entity_name(found, s.speaker.entity if s.speaker else None),
            "cue": s.cue.text if s.cue else None,
            "quote": s.quote.text,
            "addressee": s.addressee.text if s.addressee else None,
            "rule": s.rule,
            "date": s.date.value if s.date else None,
        }
        for s in found.statements
    ]
    entities = [{"id": e.id, "name": e.name, "type": e.type} for e in found.entities]
    return {
        "article": found,
        "title": title or found.id,
        "text": highlight(found),
        "statements": statements,
        "entities": entities,
        "story": {"id": story.id, "title": story.title} if story else None,
        "lists": {"statements": statements, "entities": entities},
    }


def _entity_name(found: Article, entity_id: str | None) -> str | None:
    """The canonical name the speaker was resolved to, if the article links one."""
    entity = found.entity(entity_id) if entity_id else None
    return entity.name if entity is not None else None


def search(store: Store, query: str, filters: Filters) -> dict[str, Any]:
    """Faceted search over statements and articles (an empty query shows just the form)."""
    for name, value in (("since", filters.since), ("until", filters.until)):
        if value and not is_partial_date(value):
            raise BadRequest(f"{name}={value!r}: expected a real date YYYY, YYYY-MM or YYYY-MM-DD")
    if len(query) > 500:
        raise BadRequest("q: at most 500 characters")
    result = store.faceted_search(query, filters) if query.strip() else None
    statements = list(result.statements) if result else []
    articles = list(result.articles) if result else []
    return {
        "query": query,
        "filters": filters,
        "result": result,
        "lists": {"statements": statements, "articles": articles},
    }
