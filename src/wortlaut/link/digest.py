"""Story digests: a short extractive summary built from a story's events and statement groups.

Nothing is generated: the digest quotes the opening headline, the sentences
that report the story's most-reported events, and the representative wording
of its most-repeated statement groups, each with the articles it comes from.
A line reported by more sources ranks higher, which is how agency copies and
follow-ups vote for what the story is about.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable

from wortlaut.link.records import Digest, DigestItem, Source
from wortlaut.store import statement_groups as tables
from wortlaut.store.rows import Connection

#: Event lines and statement lines in a digest; three of each keep it readable at a glance.
MAX_EVENTS = 3
MAX_STATEMENTS = 3
#: Only the earliest articles of a very large story are read, bounding the cost of a refresh.
MAX_ARTICLES = 60
#: Longest sentence quoted, in characters (longer ones are cut at a word boundary).
MAX_SENTENCE = 300

_SENTENCE_END = re.compile(r"(?<=[.!?“\"])\s+|\n+")


def sentence_around(text: str, start: int, end: int, *, limit: int | None = MAX_SENTENCE) -> str:
    """The sentence of ``text`` that contains the span [start, end), cut to ``limit`` characters."""
    left = max((match.end() for match in _SENTENCE_END.finditer(text, 0, start)), default=0)
    following = _SENTENCE_END.search(text, end)
    sentence = text[left : following.start() if following else len(text)].strip()
    if limit is not None and len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return sentence


def _articles(connection: Connection, story_id: str) -> dict[str, tuple[str | None, ...]]:
    rows = tables.story_articles(connection, story_id, MAX_ARTICLES)
    return {
        row["id"]: (row["source"], row["url"], row["published"], row["title"], row["text"]) for row in rows
    }


def _source(article_id: str, info: tuple[str | None, ...], **extra: str | None) -> Source:
    return Source(article_id=article_id, source=info[0], url=info[1], published=info[2], **extra)


def _events(connection: Connection, articles: dict[str, tuple[str | None, ...]]) -> list[DigestItem]:
    """One line per distinct event (type + participants + date), most reported first."""
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in tables.article_events(connection, list(articles)):
        article_id, day = row["article_id"], row["date"]
        key = (row["type"] or "", "|".join(sorted(set((row["people"] or "").split("|")))), (day or "")[:10])
        start, end = row["trigger_start"] or 0, row["trigger_end"] or 0
        found[key].append((article_id, sentence_around(articles[article_id][4] or "", start, end)))
    ranked = sorted(found.items(), key=lambda item: (-len({a for a, _ in item[1]}), item[0][2]))
    return [
        DigestItem(
            kind="event",
            text=reports[0][1],
            date=key[2] or None,
            sources=tuple(_source(a, articles[a]) for a in dict.fromkeys(a for a, _ in reports)),
        )
        for key, reports in ranked[:MAX_EVENTS]
    ]


def _statements(connection: Connection, articles: dict[str, tuple[str | None, ...]]) -> list[DigestItem]:
    """The statement groups most repeated within the story, in their representative wording."""
    groups: dict[str, list[tuple[str, str, str, str | None, bool, str | None]]] = defaultdict(list)
    for row in tables.grouped_statements(connection, list(articles)):
        statement_id = row["id"]
        groups[row["group_id"]].append(
            (
                statement_id,
                row["article_id"],
                row["quote_text"] or "",
                row["date"],
                statement_id == row["representative_statement"],
                row["speaker"],
            )
        )
    ranked = sorted(
        groups.values(), key=lambda members: (-len({m[1] for m in members}), min(m[3] or "" for m in members))
    )
    items: list[DigestItem] = []
    for members in ranked[:MAX_STATEMENTS]:
        lead = next((m for m in members if m[4]), members[0])
        items.append(
            DigestItem(
                kind="statement",
                text=lead[2],
                date=(lead[3] or "")[:10] or None,
                speaker=lead[5],
                sources=tuple(_source(m[1], articles[m[1]], statement_id=m[0], text=m[2]) for m in members),
            )
        )
    return items


def build(connection: Connection, story_id: str) -> Digest | None:
    """Compute a story's digest from the store (``None`` when the story does not exist)."""
    story = tables.story_row(connection, story_id)
    if story is None:
        return None
    articles = _articles(connection, story_id)
    items: list[DigestItem] = []
    if articles:
        first_id, first = next(iter(articles.items()))
        lead = first[3] or sentence_around(first[4] or "", 0, 0)
        items.append(
            DigestItem(
                kind="lead",
                text=lead,
                date=(first[2] or "")[:10] or None,
                sources=(_source(first_id, first),),
            )
        )
        items += _events(connection, articles)
        items += _statements(connection, articles)
    return Digest(
        story_id=story_id,
        title=story["title"] or "",
        first_date=story["first_date"],
        last_date=story["last_date"],
        size=story["size"] or 0,
        items=tuple(items),
    )


def refresh(connection: Connection, story_ids: Iterable[str]) -> None:
    """Recompute and store the digests of the given stories (inside the caller's transaction)."""
    for story_id in story_ids:
        result = build(connection, story_id)
        if result is not None:
            tables.set_digest(connection, story_id, json.dumps(result.to_json(), ensure_ascii=False))


def _from_json(data: dict[str, object]) -> Digest:
    items = []
    for item in data.get("items", []):  # type: ignore[attr-defined]
        sources = tuple(Source(**source) for source in item.pop("sources", []))
        items.append(DigestItem(**item, sources=sources))
    fields = {key: value for key, value in data.items() if key != "items"}
    return Digest(**fields, items=tuple(items))  # type: ignore[arg-type]


def digest(connection: Connection, story_id: str) -> Digest | None:
    """The stored digest of a story, built on the fly when none is stored yet."""
    row = tables.story_row(connection, story_id)
    if row is None:
        return None
    if row["digest"]:
        return _from_json(json.loads(row["digest"]))
    return build(connection, story_id)
