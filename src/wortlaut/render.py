"""A readable plain-text summary of an analysed article (``wortlaut analyze --format text``).

Each section renders one layer and is left out when the layer is empty, so
the summary works at every stage of the pipeline's growth: with structure
only it shows headline, captions, posts and boilerplate; once entities,
statements, events and times are filled it shows those too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from wortlaut.article import Article, EntityRef, Event, Span, Statement
from wortlaut.i18n import _, ngettext

#: Long quotes and paragraphs are cut to this many characters so a summary
#: line fits a terminal; the JSON output keeps everything.
MAX_SNIPPET_CHARS = 160
INDENT = "  "


def render_article(article: Article) -> str:
    """The summary as text, ending with a newline."""
    lines = [_title_line(article), _meta_line(article)]
    for section in _SECTIONS:
        body = list(section(article))
        if body:
            lines.extend(body)
    return "\n".join(lines) + "\n"


def snippet(text: str, limit: int = MAX_SNIPPET_CHARS) -> str:
    """One line, at most ``limit`` characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _title_line(article: Article) -> str:
    headline = article.structure.headline.text if article.structure and article.structure.headline else None
    return f"== {snippet(article.title or headline or article.text, 100)} =="


def _meta_line(article: Article) -> str:
    fields = [
        ("id", article.id),
        ("published", _dated(article.published, article.meta.get("published_source"))),
        ("updated", _dated(article.updated, article.meta.get("updated_source"))),
        ("source", article.source),
        ("language", article.language),
        ("url", article.url),
    ]
    return " | ".join(f"{name}: {value}" for name, value in fields if value)


def _dated(value: str | None, source: object) -> str | None:
    """A date with where the reader took it from (``2019-10-19 (json-ld datePublished)``)."""
    return f"{value} ({source})" if value and source else value


def _structure(article: Article) -> Iterator[str]:
    structure = article.structure
    if structure is None:
        return
    if structure.kicker is not None:
        yield f"{_('Kicker')}: {snippet(structure.kicker.text)}"
    if structure.headline is not None:
        yield f"{_('Headline')}: {snippet(structure.headline.text)}"
    if structure.lead is not None:
        yield f"{_('Lead')}: {snippet(structure.lead.text)}"
    for caption in structure.captions:
        yield f"{_('Caption')}: {snippet(caption.text)}"
    if structure.paragraphs:
        yield f"{_('Body')}: {ngettext('%(num)s paragraph', '%(num)s paragraphs', len(structure.paragraphs))}"
    for post in structure.posts:
        who = ", ".join(part for part in (post.author, post.handle, post.date) if part)
        yield f"{_('Post')} ({who}): {snippet(post.text)}"
    for entry in structure.entries:
        yield f"{_('Entry')} ({entry.time}): {snippet(entry.text)}"
    for block in structure.boilerplate:
        label = f" ({block.label})" if block.label else ""
        yield f"{_('Boilerplate')}{label}: {snippet(block.text, 80)}"
    mixed = sorted({part.language for part in structure.languages})
    if len(mixed) > 1:
        yield f"{_('Languages')}: {', '.join(mixed)}"


def _entities(article: Article) -> Iterator[str]:
    if not article.entities:
        return
    counts = Counter(mention.entity for mention in article.mentions if mention.entity)
    yield _("Entities") + ":"
    ranked = sorted(article.entities, key=lambda entity: (-counts[entity.id], entity.name))
    for entity in ranked:
        roles = f" — {', '.join(role.role for role in entity.roles)}" if entity.roles else ""
        count = counts[entity.id]
        mentions = ngettext("%(num)s mention", "%(num)s mentions", count)
        yield f"{INDENT}{entity.name} ({entity.type}, {mentions}){roles}"


def _statements(article: Article) -> Iterator[str]:
    if not article.statements:
        return
    yield _("Statements") + ":"
    for statement in article.statements:
        yield f"{INDENT}{_statement_line(article, statement)}"


def _parts_text(article: Article, span: Span) -> str:
    """A discontinuous span as its parts joined by an ellipsis (``stellte … fest``)."""
    if not span.spans:
        return span.text
    return " … ".join(article.text[start:end] for start, end in span.spans)


def _statement_line(article: Article, statement: Statement) -> str:
    speaker = _who(article, statement.speaker) or "?"
    cue = _parts_text(article, statement.cue) if statement.cue else "–"
    extras = [statement.mode]
    if statement.addressee is not None:
        extras.append(_("to %(name)s", name=_who(article, statement.addressee)))
    if statement.medium:
        extras.append(_("via %(medium)s", medium=statement.medium))
    if statement.date is not None:
        extras.append(statement.date.value)
    return f"{speaker} — {cue} — {snippet(statement.quote.text)} [{'; '.join(extras)}]"


def _events(article: Article) -> Iterator[str]:
    if not article.events:
        return
    yield _("Events") + ":"
    for event in sorted(article.events, key=lambda item: (_event_when(item) or "9999", item.trigger.start)):
        who = ", ".join(filter(None, (_who(article, part) for part in event.participants)))
        where = " " + _("in %(place)s", place=_who(article, event.place)) if event.place is not None else ""
        with_whom = f": {who}" if who else ""
        when = _event_when(event) or _("date unknown")
        yield f"{INDENT}{when}  {event.type}{with_whom}{where} — „{snippet(event.trigger.text, 60)}“"


def _event_when(event: Event) -> str | None:
    if event.date is not None:
        return event.date.value
    if event.time is not None:
        return event.time.value or event.time.relative
    return None


def _times(article: Article) -> Iterator[str]:
    if not article.times:
        return
    yield _("Times") + ":"
    for time in article.times:
        unresolved = _("unresolved")
        value = time.value or (f"{time.relative} ({unresolved})" if time.relative else unresolved)
        yield f"{INDENT}{time.text} → {value}"


def _who(article: Article, ref: EntityRef | None) -> str | None:
    """The canonical entity name when the reference is linked, else its text."""
    if ref is None:
        return None
    entity = article.entity(ref.entity)
    return entity.name if entity is not None else ref.text


_SECTIONS: tuple[Callable[[Article], Iterator[str]], ...] = (
    _structure,
    _entities,
    _statements,
    _events,
    _times,
)
