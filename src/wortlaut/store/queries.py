"""Read queries: what a speaker said, and the article list.

Every function reads through a :class:`~wortlaut.store.reader.Reader` and returns records from
:mod:`wortlaut.store.results`.  Statements are shown as statement groups:
the groups that :mod:`wortlaut.link` wrote, and a group of one for a
statement no group holds yet, so answers look the same before and after
cross-article linking ran.  Names become conditions on statements in
:mod:`wortlaut.store.entities`.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wortlaut.store.dialect import fts_filter
from wortlaut.store.entities import Condition, merge_target
from wortlaut.store.reader import Reader, Row
from wortlaut.store.results import ArticleInfo, Source, StatementGroup
from wortlaut.store.rows import chunks, placeholders
from wortlaut.store.text import fts_query


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None



def said(
    db: Reader,
    conditions: list[Condition],
    *,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[StatementGroup]:
    """Statement groups matching any of ``conditions``, newest first, with all their sources.

    Each condition's statements are read lazily in date order and merged;
    reading stops as soon as ``offset + limit`` distinct groups are found.
    """
    extra, params = [], []
    if about:
        extra.append(fts_filter(db.dialect, "statements", "s"))
        params.append(fts_query(about, db.dialect))
    if since:
        extra.append("s.date >= ?")
        params.append(since)
    if until:
        extra.append("s.date <= ?")
        params.append(until + "\uffff")  # "2024-06" includes every day of June
    streams = [_statement_keys(db, condition, extra, params) for condition in conditions]
    keys: dict[str, None] = {}  # ordered set of group keys, newest first
    seen_statements: set[str] = set()
    for _date, statement_id, key in heapq.merge(*streams, reverse=True):
        if statement_id in seen_statements:
            continue
        seen_statements.add(statement_id)
        keys.setdefault(key)
        if len(keys) >= offset + limit:
            break
    return _groups(db, list(keys)[offset:])


def _groups(db: Reader, keys: list[str]) -> list[StatementGroup]:
    """The groups of these keys in order, the single statements and speaker names read in batches.

    One query per group used to cost nothing in SQLite; a PostgreSQL server answers each in a round trip.
    """
    ids = [key[1:] for key in keys if key.startswith("=")]
    group_ids = [key for key in keys if not key.startswith("=")]
    read = _Read(singles={}, groups={}, members={}, names={})
    for chunk in chunks(ids):
        read.singles.update((row["id"], row) for row in db.rows(
            f"SELECT {_SOURCE_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.id IN ({placeholders(len(chunk))})", chunk))  # fmt: skip
    for chunk in chunks(group_ids):
        read.groups.update((row["id"], row) for row in db.rows(
            "SELECT id, representative_statement, first_seen, flags, speaker_entity FROM statement_groups"
            f" WHERE id IN ({placeholders(len(chunk))})", chunk))  # fmt: skip
        for row in db.rows(
            f"SELECT m.group_id, {_SOURCE_COLUMNS}, m.similarity, m.diff FROM statement_group_members m"
            " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
            f" WHERE m.group_id IN ({placeholders(len(chunk))})"
            " ORDER BY m.group_id, s.date, a.published, s.id",
            chunk,
        ):
            read.members.setdefault(row["group_id"], []).append(row)
    speakers = {row["speaker_entity"] for row in read.singles.values()}
    speakers |= {row["speaker_entity"] for row in read.groups.values()}
    speakers |= {rows[0]["speaker_entity"] for rows in read.members.values()}
    wanted = sorted(speaker for speaker in speakers if speaker)
    read.names.update(dict.fromkeys(wanted))  # an id missing from entities reads as no name, once
    for chunk in chunks(wanted):
        read.names.update((row["id"], row["name"]) for row in db.rows(
            f"SELECT id, name FROM entities WHERE id IN ({placeholders(len(chunk))})", chunk))  # fmt: skip
    return [_group(db, key, read) for key in keys]


@dataclass(slots=True)
class _Read:
    """What :func:`_groups` read in batches: single statements, group rows and members, speaker names."""

    singles: dict[str, Row]
    groups: dict[str, Row]
    members: dict[str, list[Row]]
    names: dict[str, str | None]


def _statement_keys(
    db: Reader, condition: Condition, extra: list[str], params: list[Any]
) -> Iterator[tuple[str, str, str]]:
    """(date, statement id, group key) of matching statements, newest first."""
    where = " AND ".join([condition[0], *extra])
    for row in db.stream(
        f"SELECT COALESCE(s.date, '') AS date, s.id, COALESCE(m.group_id, '=' || s.id) AS key"
        f" FROM statements s INDEXED BY {condition[2]}"
        " LEFT JOIN statement_group_members m ON m.statement_id = s.id"
        f" WHERE {where} ORDER BY s.date DESC, s.id DESC",
        [*condition[1], *params],
    ):
        yield row["date"], row["id"], row["key"]


_SOURCE_COLUMNS = (
    "s.id, s.article_id, a.url, a.source, a.title, a.published, s.date, s.mode, s.cue_text, s.quote_text,"
    " s.quote_start, s.quote_end, s.speaker_text, s.speaker_entity"
)


def _source(row: Row, similarity: float | None = None, diff: Any = None) -> Source:
    return Source(
        statement_id=row["id"],
        article_id=row["article_id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        date=row["date"],
        mode=row["mode"],
        cue=row["cue_text"],
        quote=row["quote_text"] or "",
        quote_start=row["quote_start"],
        quote_end=row["quote_end"],
        speaker_text=row["speaker_text"],
        similarity=similarity,
        diff=diff,
    )


def _group(db: Reader, key: str, read: _Read) -> StatementGroup:
    """A statement group by key: a group id, or ``=<statement id>`` for a group of one."""
    if key.startswith("="):
        row = read.singles.get(key[1:])
        assert row is not None, f"statement {key[1:]} vanished while it was read"
        source = _source(row)
        speaker = merge_target(db, row["speaker_entity"], row["article_id"])
        return _make_group(db, key[1:], speaker, (source,), source.date, None, read.names)
    group = read.groups.get(key)
    members = read.members.get(key, [])
    sources = tuple(_source(row, row["similarity"], _json(row["diff"])) for row in members)
    representative, first_seen, flags, speaker_entity = (
        (group["representative_statement"], group["first_seen"], group["flags"], group["speaker_entity"])
        if group
        else (None, None, None, None)
    )
    if representative:
        sources = tuple(sorted(sources, key=lambda item: item.statement_id != representative))
    first = first_seen or min((item.date for item in sources if item.date), default=None)
    speaker = merge_target(
        db,
        speaker_entity or (members[0]["speaker_entity"] if members else None),
        sources[0].article_id if sources else "",
    )
    return _make_group(db, key, speaker, sources, first, _json(flags), read.names)


def _make_group(
    db: Reader,
    key: str,
    speaker_entity: str | None,
    sources: tuple[Source, ...],
    first_seen: str | None,
    flags: Any,
    names: dict[str, str | None],
) -> StatementGroup:
    name = None
    if speaker_entity:
        if speaker_entity not in names:
            names[speaker_entity] = db.value("SELECT name FROM entities WHERE id = ?", (speaker_entity,))
        name = names[speaker_entity]
    head = sources[0] if sources else None
    return StatementGroup(
        id=key,
        speaker=name or (head.speaker_text if head else None),
        speaker_entity=speaker_entity,
        quote=head.quote if head else "",
        date=max((item.date for item in sources if item.date), default=None),
        first_seen=first_seen,
        size=len(sources),
        flags=flags,
        sources=sources,
    )


def article_infos(
    db: Reader,
    *,
    source: str | None = None,
    since: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[ArticleInfo]:
    """Stored articles, newest first."""
    rows = db.rows(
        f"SELECT {ARTICLE_INFO_COLUMNS} FROM articles"
        " WHERE (?1 IS NULL OR source = ?1) AND (?2 IS NULL OR published >= ?2)"
        " ORDER BY published DESC, id LIMIT ?3 OFFSET ?4",
        (source, since, limit, offset),
    )
    return [article_info(row) for row in rows]


#: The columns :func:`article_info` reads (of table ``articles``, unaliased or as ``a``).
ARTICLE_INFO_COLUMNS = "id, url, source, title, published, language"


def article_info(row: Row) -> ArticleInfo:
    """An :class:`ArticleInfo` from a row with :data:`ARTICLE_INFO_COLUMNS`."""
    return ArticleInfo(
        id=row["id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
    )
