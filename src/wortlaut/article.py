"""The Article: immutable text plus layers of character-offset records.

Every stage reads an :class:`Article` and returns a new one with more layers
filled in (``dataclasses.replace``), so per-article analysis stays a pure
function.  All offsets are Unicode code-point offsets into ``Article.text``:
``article.text[span.start:span.end] == span.text`` for every span, which is
what lets a reader check every fact in its source.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wortlaut._codec import decode, encode
from wortlaut._pickling import fast_state

SCHEMA = "wortlaut/1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the article text; ``spans`` lists the parts of a discontinuous one.

    ``label`` says what kind of block a boilerplate span is (``byline``,
    ``credit``, ``share``, ``promo``, ``ticker``, ``source``, ``issn`` …); other spans
    leave it unset.
    """

    start: int
    end: int
    text: str
    spans: tuple[tuple[int, int], ...] | None = None
    label: str | None = None

    def __json__(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.spans is not None:
            data["spans"] = [list(part) for part in self.spans]
        if self.label is not None:
            data["label"] = self.label
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRef:
    """A span that stands for an entity (a speaker, an addressee, a participant)."""

    start: int
    end: int
    text: str
    entity: str | None = None
    spans: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """A token with its sentence index and, once the morphology stage ran, POS, lemma and mood.

    ``mood`` is ``"ind"`` (indicative), ``"sub1"`` (Konjunktiv I), ``"sub2"``
    (Konjunktiv II), ``"imp"`` or ``None`` for non-finite words.
    """

    start: int
    end: int
    text: str
    sentence: int = 0
    pos: str | None = None
    lemma: str | None = None
    mood: str | None = None
    tense: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Post:
    """A social-media post pasted into the article, with its parsed signature line."""

    start: int
    end: int
    text: str
    author: str | None = None
    handle: str | None = None
    date: str | None = None
    signature: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageSpan:
    """The language detected for a stretch of text (ISO 639-1 code)."""

    start: int
    end: int
    language: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A live-blog entry: its paragraphs' stretch of text and the time stamp it was posted under.

    ``time`` is the stamp as written (``14:05``, ``06.11.2023, 14:05``); ``stamp`` is
    the stamp line itself (also listed as boilerplate, label ``timestamp``).
    """

    start: int
    end: int
    text: str
    time: str
    stamp: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Structure:
    """Which parts of the text are kicker, headline, lead, captions, body, posts and boilerplate.

    Boilerplate (link lists, bylines, credits, promos, newsletter and cookie
    lines; each with a ``label``) must not feed later stages;
    :meth:`Article.is_boilerplate` answers that for any offset.  ``entries`` are
    the time-stamped entries of a live blog, over the body paragraphs.
    """

    headline: Span | None = None
    captions: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    posts: tuple[Post, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    languages: tuple[LanguageSpan, ...] = ()
    kicker: Span | None = None
    lead: Span | None = None
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A function an entity holds, with its validity dates (ISO, open ends are ``None``)."""

    role: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A canonical entity the article talks about; ``id`` is the knowledge-base id when known."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    handles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A mention of an entity: ``kind`` is name, description, pronoun or handle."""

    start: int
    end: int
    text: str
    type: str
    kind: str = "name"
    entity: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DateInfo:
    """A date attached to a fact, and where it came from (event, post, published, time)."""

    value: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """Who said what: ``mode`` is direct, indirect, reported, free_indirect, post or headline.

    ``attribution_certainty`` is the reporter's hedge: ``asserted``, or ``hedged`` when the text
    marks the attribution as unconfirmed (``soll … gesagt haben``, ``angeblich``, ``Kreisen zufolge``).
    """

    id: str
    mode: str
    quote: Span
    cue: Span | None = None
    speaker: EntityRef | None = None
    addressee: EntityRef | None = None
    frame: Span | None = None
    medium: str | None = None
    channel: str | None = None
    date: DateInfo | None = None
    rule: str = ""
    attribution_certainty: str = "asserted"


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    """A time expression normalised to a TIMEX3 ``value``; ``relative`` keeps unresolved ones."""

    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    relative: str | None = None
    anchor: str | None = None
    mod: str | None = None
    #: The TimeML reading where it differs from the timeline ``value`` (``PRESENT_REF`` for ``heute``
    #: meaning "nowadays", ``P50Y`` for ``vor fünfzig Jahren``); ``None`` when both are the same.
    timeml_value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A meeting, call, talks, summit, visit, agreement, announcement or other happening.

    ``status`` says whether it took place: ``happened``, ``planned``, ``hypothetical``,
    ``negated`` or ``cancelled`` (see :mod:`wortlaut.events.status`).
    """

    id: str
    type: str
    trigger: Span
    participants: tuple[EntityRef, ...] = ()
    place: EntityRef | None = None
    time: TimeExpr | None = None
    date: DateInfo | None = None
    topics: tuple[Span, ...] = ()
    outcome: Span | None = None
    evidence: tuple[Span, ...] = ()
    status: str = "happened"


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, kw_only=True)
class Article:
    """Immutable text with metadata and analysis layers.  Build one with :meth:`create`."""

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    structure: Structure | None = None
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpr, ...] = ()

    @classmethod
    def create(cls, text: str, *, id: str | None = None, **metadata: Any) -> Article:
        """Make an unanalysed article; the id defaults to a hash of the text."""
        return cls(id=id or content_id(text), text=text, **metadata)

    def with_layers(self, **layers: Any) -> Article:
        """Return a copy with the given layers (or metadata) replaced."""
        return dataclasses.replace(self, **layers)

    def span(self, start: int, end: int) -> Span | None:
        """A :class:`Span` for ``text[start:end]``, or ``None`` when the offsets do not fit."""
        if not 0 <= start <= end <= len(self.text):
            return None
        return Span(start=start, end=end, text=self.text[start:end])

    @property
    def published_date(self) -> date | None:
        """The publication date as a :class:`datetime.date`, when it parses."""
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    def is_boilerplate(self, offset: int, *, own: frozenset[str] = frozenset()) -> bool:
        """Whether a character offset lies inside a boilerplate block.

        ``own``: labels of blocks that count as the article's own text here (the times stage reads
        stamp lines and bylines): an offset inside one of them is not boilerplate.
        """
        if self.structure is None:
            return False
        inside = [part for part in self.structure.boilerplate if part.start <= offset < part.end]
        return bool(inside) and not any(part.label in own for part in inside)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity record with this id, if the article has it."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def to_json(self, *, include_tokens: bool = False) -> dict[str, Any]:
        """The documented ``wortlaut/1`` record (see ``docs/schema.md``)."""
        data: dict[str, Any] = {"schema": SCHEMA}
        for item in dataclasses.fields(self):
            if item.name == "tokens" and not include_tokens:
                continue
            data[item.name] = encode(getattr(self, item.name))
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported schema {schema!r}, expected {SCHEMA!r}")
        payload = {key: value for key, value in data.items() if key != "schema"}
        article: Article = decode(cls, payload)
        return article


# Records cross processes as pickles (ingest's workers hand analysed articles over): see fast_state.
for _record in (
    Span, EntityRef, Token, Post, LanguageSpan, Entry, Structure, Role, Entity, Mention, DateInfo, Statement,
    TimeExpr, Event,
):  # fmt: skip
    fast_state(_record)
del _record
