"""Query commands: ``said``, ``person``, ``stories``, ``story`` and ``search``.

Each mirrors one :class:`wortlaut.store.Store` method of the same name and
renders its records as text (for reading), JSON/JSONL (for scripts) or CSV
(for spreadsheets).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from wortlaut.cli.store_options import (
    db_option,
    emit_csv,
    emit_json,
    emit_jsonl,
    format_option,
    paging_options,
    reading,
)
from wortlaut.store import Person, SearchResult, StatementGroup, StoryInfo, TimelineItem

_SOURCE_COLUMNS = (
    "group_id", "speaker", "date", "quote", "statement_id", "article_id", "url", "source", "title",
    "published", "mode", "cue", "quote_start", "quote_end",
)  # fmt: skip


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if value is None:
        return None
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and all(part.isdigit() for part in parts) and len(parts[0]) == 4):
        raise click.BadParameter(f"{value!r} is not a date like 2024-12-18, 2024-12 or 2024")
    return value


def _source_rows(groups: list[StatementGroup]) -> list[dict[str, Any]]:
    rows = []
    for group in groups:
        for source in group.sources:
            rows.append(
                {"group_id": group.id, "speaker": group.speaker, "date": source.date, "quote": source.quote,
                 "statement_id": source.statement_id, "article_id": source.article_id, "url": source.url,
                 "source": source.source, "title": source.title, "published": source.published,
                 "mode": source.mode, "cue": source.cue, "quote_start": source.quote_start,
                 "quote_end": source.quote_end}
            )  # fmt: skip
    return rows


def quoted(text: str) -> str:
    """The text in German quotation marks, unless the quote already carries its own."""
    return text if text[:1] in '„“"«»' else f"„{text}“"


def render_group(group: StatementGroup) -> str:
    """A statement group as readable text: date, speaker, quote, then one line per source."""
    count = f"{group.size} sources" if group.size != 1 else "1 source"
    lines = [f"{group.date or '(undated)'}  {group.speaker or '(unknown speaker)'}  [{count}]",
             f"  {quoted(group.quote)}"]  # fmt: skip
    for source in group.sources:
        where = source.title or source.article_id
        detail = ", ".join(part for part in (source.mode, source.cue) if part)
        lines.append(f"    - {source.published or '?'} {where} ({detail}) {source.url or ''}".rstrip())
    return "\n".join(lines)


@click.command()
@click.argument("speaker")
@click.option("--about", help='Only statements matching these terms (German stemming; "phrase", OR, -word).')
@click.option("--since", callback=_iso_date, help="Only statements dated on or after this date.")
@click.option("--until", callback=_iso_date, help="Only statements dated on or before this date.")
@paging_options
@format_option("text", "json", "jsonl", "csv")
@db_option
def said(
    speaker: str, about: str | None, since: str | None, until: str | None, limit: int, offset: int,
    fmt: str, db: Path | None,
) -> None:  # fmt: skip
    """What SPEAKER said: statement groups, newest first, each with all its sources.

    Example: wortlaut said Rutte --about Friedensgespräche --since 2024-12
    """
    with reading(db) as store:
        groups = store.said(speaker, about=about, since=since, until=until, limit=limit, offset=offset)
    if fmt == "json":
        emit_json(groups)
    elif fmt == "jsonl":
        emit_jsonl(groups)
    elif fmt == "csv":
        emit_csv(_source_rows(groups), _SOURCE_COLUMNS)
    elif not groups:
        click.echo(f"No statements by {speaker!r} found.", err=True)
    else:
        click.echo("\n\n".join(render_group(group) for group in groups))


def _timeline_line(item: TimelineItem) -> str:
    date = item.date or "(undated)"
    if item.statement is not None:
        group = item.statement
        return f"{date}  said    {quoted(group.quote)} ({group.size} source{'s' if group.size != 1 else ''})"
    if item.event is not None:
        event = item.event
        place = f" in {event.place}" if event.place else ""
        return (
            f"{date}  {event.type or 'event':<7} {event.trigger}{place} with {', '.join(event.participants)}"
        )
    story = item.story
    return f"{date}  story   {story.title if story else ''} ({story.id if story else ''})"


def render_person(page: Person) -> str:
    entity = page.entity
    lines = [f"{entity.name} ({entity.type or 'entity'}, {entity.id})"]
    if entity.aliases:
        lines.append(f"Also: {', '.join(entity.aliases)}")
    for role in entity.roles:
        span = " – ".join(part or "…" for part in (role.get("start"), role.get("end")))
        lines.append(f"Role: {role.get('role')} ({span})")
    lines.append(f"{page.statements} statements, {page.events} events")
    lines.append("")
    lines.extend(_timeline_line(item) for item in page.timeline)
    if page.contacts:
        lines.append("")
        lines.append("Met (shared events): " + ", ".join(f"{c.name} ({c.events})" for c in page.contacts))
    return "\n".join(lines)


@click.command()
@click.argument("name")
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True,
              help="Most items of each kind (statements, events, stories) on the timeline.")  # fmt: skip
@format_option("text", "json")
@db_option
def person(name: str, limit: int, fmt: str, db: Path | None) -> None:
    """The timeline of NAME: statements, events and stories in date order, and whom they met.

    Example: wortlaut person Selenskyj
    """
    with reading(db) as store:
        page = store.person(name, limit=limit)
    if fmt == "json":
        emit_json(page)
    else:
        click.echo(render_person(page))


_STORY_COLUMNS = ("id", "title", "first_date", "last_date", "size")


@click.command()
@click.option("--since", callback=_iso_date, help="Only stories active on or after this date.")
@paging_options
@format_option("text", "json", "jsonl", "csv")
@db_option
def stories(since: str | None, limit: int, offset: int, fmt: str, db: Path | None) -> None:
    """Stories (one real-world event and its follow-ups), most recently active first."""
    with reading(db) as store:
        found = store.stories(since=since, limit=limit, offset=offset)
    if fmt == "json":
        emit_json(found)
    elif fmt == "jsonl":
        emit_jsonl(found)
    elif fmt == "csv":
        emit_csv([{key: getattr(item, key) for key in _STORY_COLUMNS} for item in found], _STORY_COLUMNS)
    elif not found:
        click.echo("No stories yet (they appear once cross-article linking ran).", err=True)
    else:
        for item in found:
            click.echo(f"{item.id}  {item.first_date or '?'} – {item.last_date or '?'}  "
                       f"[{item.size} articles]  {item.title or ''}")  # fmt: skip


def render_story(item: StoryInfo) -> str:
    lines = [
        f"{item.title or item.id}",
        f"{item.first_date or '?'} – {item.last_date or '?'}, {item.size} articles",
    ]
    if item.digest:
        lines.append("")
        digest = item.digest
        lines.append(digest if isinstance(digest, str) else str(digest.get("summary", digest)))
    lines.append("")
    lines.extend(f"- {a.published or '?'} {a.title or a.id} {a.url or ''}".rstrip() for a in item.articles)
    return "\n".join(lines)


@click.command()
@click.argument("story_id", metavar="ID")
@format_option("text", "json")
@db_option
def story(story_id: str, fmt: str, db: Path | None) -> None:
    """One story: its digest and its articles in date order."""
    with reading(db) as store:
        item = store.story(story_id)
    if fmt == "json":
        emit_json(item)
    else:
        click.echo(render_story(item))


_HIT_COLUMNS = ("kind", "id", "article_id", "speaker", "published", "title", "url", "snippet")


def render_search(result: SearchResult) -> str:
    lines = [f"Articles ({len(result.articles)}):"]
    lines += [f"  {hit.published or '?'} {hit.title or hit.id}\n    {hit.snippet}" for hit in result.articles]
    lines.append(f"Statements ({len(result.statements)}):")
    for hit in result.statements:
        where = hit.title or hit.article_id
        lines.append(f"  {hit.published or '?'} {hit.speaker or '?'}: {quoted(hit.snippet)} ({where})")
    return "\n".join(lines)


@click.command()
@click.argument("query")
@paging_options
@format_option("text", "json", "jsonl", "csv")
@db_option
def search(query: str, limit: int, offset: int, fmt: str, db: Path | None) -> None:
    """Articles and statements matching QUERY.

    Words are all required and matched by their German stem (Friedensgespräche
    finds Friedensgesprächen); "a phrase" matches in order; OR between terms
    accepts either; -word excludes; word* matches a prefix.
    """
    with reading(db) as store:
        result = store.search(query, limit=limit, offset=offset)
    hits = [*result.articles, *result.statements]
    if fmt == "json":
        emit_json(result)
    elif fmt == "jsonl":
        emit_jsonl(hits)
    elif fmt == "csv":
        emit_csv([{key: getattr(hit, key) for key in _HIT_COLUMNS} for hit in hits], _HIT_COLUMNS)
    else:
        click.echo(render_search(result))
