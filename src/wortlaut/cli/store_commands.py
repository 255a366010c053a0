"""Query commands: ``said``, ``person``, ``stories``, ``story`` and ``search``.

Each mirrors one :class:`wortlaut.store.Store` method of the same name and
renders its records as text (for reading), JSON/JSONL (for scripts) or CSV
(for spreadsheets).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from wortlaut import i18n
from wortlaut.cli.store_options import (
    db_option,
    emit_csv,
    emit_json,
    emit_jsonl,
    format_option,
    paging_options,
    reading,
)
from wortlaut.i18n.roles import role_line
from wortlaut.i18n.sources import source_count
from wortlaut.kb import default_kb
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
    date = i18n.day(group.date) or i18n._("(undated)")
    lines = [f"{date}  {group.speaker or i18n._('(unknown speaker)')}  [{source_count(group)}]",
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
        click.echo(i18n._("No statements by %(name)r found.", name=speaker), err=True)
    else:
        click.echo("\n\n".join(render_group(group) for group in groups))


def gender_of(entity_id: str) -> str | None:
    """The KB's gender of an entity, for gendered office names (``None`` when the KB lacks it)."""
    found = default_kb().get(entity_id)
    return found.gender if found else None


def _timeline_line(item: TimelineItem) -> str:
    date = i18n.day(item.date, style="medium") or i18n._("(undated)")
    if item.statement is not None:
        group = item.statement
        return f"{date}  {i18n._('said'):<9} {quoted(group.quote)} ({source_count(group)})"
    if item.event is not None:
        event = item.event
        place = " " + i18n._("in %(place)s", place=event.place) if event.place else ""
        who = i18n._("with %(names)s", names=", ".join(event.participants))
        status = "" if event.status == "happened" else f" [{i18n._(event.status)}]"
        return f"{date}  {event.type or i18n._('event'):<9} {event.trigger}{place} {who}{status}"
    story = item.story
    return f"{date}  {i18n._('story'):<9} {story.title if story else ''} ({story.id if story else ''})"


def render_person(page: Person) -> str:
    entity = page.entity
    lines = [f"{entity.name} ({entity.type or 'entity'}, {entity.id})"]
    if entity.aliases:
        lines.append(f"{i18n._('Also called')}: {', '.join(entity.aliases)}")
    gender = gender_of(entity.id)
    for role in entity.roles:
        line = role_line(str(role.get("role")), role.get("start"), role.get("end"), gender=gender)
        lines.append(f"{i18n._('Role')}: {line}")
    lines.append(
        i18n.ngettext("%(num)s statement", "%(num)s statements", page.statements)
        + ", "
        + i18n.ngettext("%(num)s event", "%(num)s events", page.events)
    )
    lines.append("")
    lines.extend(_timeline_line(item) for item in page.timeline)
    if page.contacts:
        lines.append("")
        met = ", ".join(f"{c.name} ({c.events})" for c in page.contacts)
        lines.append(i18n._("Met (shared events)") + ": " + met)
    return "\n".join(lines)


@click.command()
@click.argument("name")
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True,
              help="Most items of each kind (statements, events, stories) on the timeline.")  # fmt: skip
@click.option("--include-unreal", is_flag=True,
              help="Also list negated and hypothetical events (contacts count happened ones).")  # fmt: skip
@format_option("text", "json")
@db_option
def person(name: str, limit: int, include_unreal: bool, fmt: str, db: Path | None) -> None:
    """The timeline of NAME: statements, events and stories in date order, and whom they met.

    Example: wortlaut person Selenskyj
    """
    with reading(db) as store:
        page = store.person(name, limit=limit, include_unreal=include_unreal)
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
        click.echo(i18n._("No stories yet (they appear once cross-article linking ran)."), err=True)
    else:
        for item in found:
            articles = i18n.ngettext("%(num)s article", "%(num)s articles", item.size)
            click.echo(f"{item.id}  {_period(item)}  [{articles}]  {item.title or ''}")


def _period(item: StoryInfo) -> str:
    first = i18n.day(item.first_date, style="medium") or "?"
    return f"{first} – {i18n.day(item.last_date, style='medium') or '?'}"


def render_story(item: StoryInfo) -> str:
    lines = [
        f"{item.title or item.id}",
        f"{_period(item)}, {i18n.ngettext('%(num)s article', '%(num)s articles', item.size)}",
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
    lines = [i18n._("Articles (%(n)s)", n=len(result.articles)) + ":"]
    lines += [f"  {hit.published or '?'} {hit.title or hit.id}\n    {hit.snippet}" for hit in result.articles]
    lines.append(i18n._("Statements (%(n)s)", n=len(result.statements)) + ":")
    for hit in result.statements:
        where = hit.title or hit.article_id
        lines.append(f"  {hit.published or '?'} {hit.speaker or '?'}: {quoted(hit.snippet)} ({where})")
    return "\n".join(lines)


@click.command()
@click.argument("query")
@click.option(
    "--semantic",
    is_flag=True,
    help="Statements by meaning fused with word matches (as `wortlaut similar -q`).",
)
@paging_options
@format_option("text", "json", "jsonl", "csv")
@db_option
def search(query: str, semantic: bool, limit: int, offset: int, fmt: str, db: Path | None) -> None:
    """Articles and statements matching QUERY.

    Words are all required and matched by their German stem (Friedensgespräche
    finds Friedensgesprächen); "a phrase" matches in order; OR between terms
    accepts either; -word excludes; word* matches a prefix.
    """
    if semantic:
        from wortlaut.cli.similar_command import emit_hits

        with reading(db) as store:
            found = store.semantic_search(query, limit=offset + limit)
        emit_hits(found[offset:], fmt)
        return
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
