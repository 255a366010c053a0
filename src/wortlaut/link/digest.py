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
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from wortlaut.link.db import placeholders
from wortlaut.link.records import Digest, DigestItem, Source

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


def _articles(connection: sqlite3.Connection, story_id: str) -> dict[str, tuple[str | None, ...]]:
    rows = connection.execute(
        "SELECT a.id, a.source, a.url, a.published, a.title, a.text FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.id LIMIT ?",
        (story_id, MAX_ARTICLES),
    ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def _source(article_id: str, info: tuple[str | None, ...], **extra: str | None) -> Source:
    return Source(article_id=article_id, source=info[0], url=info[1], published=info[2], **extra)


def _events(connection: sqlite3.Connection, articles: dict[str, tuple[str | None, ...]]) -> list[DigestItem]:
    """One line per distinct event (type + participants + date), most reported first."""
    ids = list(articles)
    rows = connection.execute(
        "SELECT e.id, e.article_id, e.type, e.trigger_start, e.trigger_end, e.date,"
        " (SELECT group_concat(COALESCE(p.entity, p.text), '|') FROM event_participants p"
        "  WHERE p.event_id = e.id)"
        f" FROM events e WHERE e.article_id IN ({placeholders(len(ids))})",
        ids,
    ).fetchall()
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for _event_id, article_id, kind, start, end, day, people in rows:
        key = (kind or "", "|".join(sorted(set((people or "").split("|")))), (day or "")[:10])
        sentence = sentence_around(articles[article_id][4] or "", start or 0, end or 0)
        found[key].append((article_id, sentence))
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


def _statements(
    connection: sqlite3.Connection, articles: dict[str, tuple[str | None, ...]]
) -> list[DigestItem]:
    """The statement groups most repeated within the story, in their representative wording."""
    ids = list(articles)
    rows = connection.execute(
        "SELECT m.group_id, s.id, s.article_id, s.quote_text, s.date, g.representative_statement,"
        " COALESCE(en.name, s.speaker_text) FROM statements s"
        " JOIN statement_group_members m ON m.statement_id = s.id"
        " JOIN statement_groups g ON g.id = m.group_id"
        " LEFT JOIN entities en ON en.id = s.speaker_entity"
        f" WHERE s.article_id IN ({placeholders(len(ids))})",
        ids,
    ).fetchall()
    groups: dict[str, list[tuple[str, str, str, str | None, bool, str | None]]] = defaultdict(list)
    for group_id, statement_id, article_id, text, day, representative, speaker in rows:
        groups[group_id].append(
            (statement_id, article_id, text or "", day, statement_id == representative, speaker)
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


def build(connection: sqlite3.Connection, story_id: str) -> Digest | None:
    """Compute a story's digest from the store (``None`` when the story does not exist)."""
    story = connection.execute(
        "SELECT title, first_date, last_date, size FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
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
        title=story[0] or "",
        first_date=story[1],
        last_date=story[2],
        size=story[3] or 0,
        items=tuple(items),
    )


def refresh(connection: sqlite3.Connection, story_ids: Iterable[str]) -> None:
    """Recompute and store the digests of the given stories (inside the caller's transaction)."""
    for story_id in story_ids:
        result = build(connection, story_id)
        if result is not None:
            connection.execute(
                "UPDATE stories SET digest = ? WHERE id = ?",
                (json.dumps(result.to_json(), ensure_ascii=False), story_id),
            )


def _from_json(data: dict[str, object]) -> Digest:
    items = []
    for item in data.get("items", []):  # type: ignore[attr-defined]
        sources = tuple(Source(**source) for source in item.pop("sources", []))
        items.append(DigestItem(**item, sources=sources))
    fields = {key: value for key, value in data.items() if key != "items"}
    return Digest(**fields, items=tuple(items))  # type: ignore[arg-type]


def digest(connection: sqlite3.Connection, story_id: str) -> Digest | None:
    """The stored digest of a story, built on the fly when none is stored yet."""
    row = connection.execute("SELECT digest FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    if row[0]:
        return _from_json(json.loads(row[0]))
    return build(connection, story_id)
