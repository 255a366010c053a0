"""Article text with its layers highlighted: overlapping spans split into well-nested HTML.

Layers overlap freely (a mention inside a speaker inside a frame, a cue
that wraps around its speaker, a quote crossing a post).  HTML elements
must nest, so the text is cut at every span boundary into elementary
segments; each segment knows the marks covering it, ordered outermost
first, and the renderer closes and reopens elements wherever that order
changes.  A mark cut into several elements keeps one ``data-key``; only its
first part carries the anchor id and is keyboard-focusable.  Every piece
of text and every attribute is escaped here, so the result is safe
``Markup``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from wortlaut.article import Article, EntityRef, Span, Statement
from wortlaut.i18n import _, day

#: Nesting order of mark kinds: lower ranks open outside higher ones (blocks outermost, words innermost).
RANK = {
    "boilerplate": 0,
    "post": 0,
    "signature": 1,
    "quote": 2,
    "speaker": 3,
    "cue": 3,
    "addressee": 3,
    "entity": 4,
    "time": 4,
}
#: Kinds shown as visibly labelled blocks rather than coloured words.
BLOCK_LABELS = {"boilerplate": "Boilerplate – not analysed", "post": "Embedded post"}
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a kind, the text parts it covers, and what it was linked to (``label``)."""

    key: str
    kind: str
    parts: tuple[tuple[int, int], ...]
    label: str
    anchor: str | None = None


def anchor_id(statement_id: str) -> str:
    """The HTML id of a statement's quote: ``s-`` plus the id's last ``:`` part, made id-safe."""
    return "s-" + _UNSAFE_ID.sub("-", statement_id.rsplit(":", 1)[-1])


def _parts(span: Span | EntityRef) -> tuple[tuple[int, int], ...]:
    if span.spans:
        return tuple((start, end) for start, end in span.spans)
    return ((span.start, span.end),)


def _statement_marks(statement: Statement) -> list[Mark]:
    speaker = statement.speaker.text if statement.speaker else _("unknown speaker")
    rule = statement.rule or _("no rule recorded")
    dated = (
        "; "
        + _("dated %(date)s (from %(source)s)", date=day(statement.date.value), source=statement.date.source)
        if statement.date
        else ""
    )
    key = anchor_id(statement.id)
    marks = [
        Mark(
            key=f"{key}-q",
            kind="quote",
            parts=_parts(statement.quote),
            label=_(
                "Quote (%(mode)s) of %(speaker)s – rule %(rule)s",
                mode=_(statement.mode),
                speaker=speaker,
                rule=rule,
            )
            + dated,
            anchor=key,
        )
    ]
    if statement.cue is not None:
        medium = ", " + _("medium %(medium)s", medium=statement.medium) if statement.medium else ""
        marks.append(
            Mark(
                key=f"{key}-c",
                kind="cue",
                parts=_parts(statement.cue),
                label=_(
                    "Cue “%(cue)s” of statement %(id)s – rule %(rule)s",
                    cue=statement.cue.text,
                    id=statement.id,
                    rule=rule,
                )
                + medium,
            )
        )
    for kind, ref in (("speaker", statement.speaker), ("addressee", statement.addressee)):
        if ref is not None:
            linked = _("entity %(id)s", id=ref.entity) if ref.entity else _("no entity (unresolved)")
            marks.append(
                Mark(
                    key=f"{key}-{kind[0]}",
                    kind=kind,
                    parts=_parts(ref),
                    label=_(
                        "%(role)s of statement %(id)s → %(linked)s – rule %(rule)s",
                        role=_(kind.capitalize()),
                        id=statement.id,
                        linked=linked,
                        rule=rule,
                    ),
                )
            )
    return marks


def article_marks(article: Article) -> list[Mark]:
    """Every highlight of an article: blocks, statements, entity mentions and time expressions."""
    marks: list[Mark] = []
    structure = article.structure
    if structure is not None:
        for number, block in enumerate(structure.boilerplate):
            marks.append(
                Mark(
                    key=f"b{number}",
                    kind="boilerplate",
                    parts=((block.start, block.end),),
                    label=_("Boilerplate (link list, newsletter…): not analysed"),
                )
            )
        for number, post in enumerate(structure.posts):
            who = " ".join(part for part in (post.author, post.handle, post.date) if part) or _("unknown")
            marks.append(
                Mark(
                    key=f"p{number}",
                    kind="post",
                    parts=((post.start, post.end),),
                    label=_("Embedded post: %(who)s", who=who),
                )
            )
            if post.signature is not None:
                marks.append(
                    Mark(
                        key=f"p{number}-sig",
                        kind="signature",
                        parts=((post.signature.start, post.signature.end),),
                        label=_("Signature line of the post by %(who)s", who=who),
                    )
                )
    for statement in article.statements:
        marks.extend(_statement_marks(statement))
    for number, mention in enumerate(article.mentions):
        linked = _("entity %(id)s", id=mention.entity) if mention.entity else _("not linked to an entity")
        marks.append(
            Mark(
                key=f"m{number}",
                kind="entity",
                parts=((mention.start, mention.end),),
                label=f"{mention.type} {mention.kind} → {linked} ({_('source')}: {mention.source or '?'})",
            )
        )
    for number, time in enumerate(article.times):
        value = time.value or (
            _("relative %(value)s", value=time.relative) if time.relative else _("unresolved")
        )
        anchor = ", " + _("anchored at %(date)s", date=time.anchor) if time.anchor else ""
        marks.append(
            Mark(
                key=f"t{number}",
                kind="time",
                parts=((time.start, time.end),),
                label=_("Time %(type)s = %(value)s", type=time.type, value=value) + anchor,
            )
        )
    return marks


@dataclass(frozen=True, slots=True)
class _Piece:
    """One contiguous stretch of one mark (a mark with discontinuous parts has several)."""

    order: int
    mark: Mark
    start: int
    end: int


def _pieces(marks: Iterable[Mark], length: int) -> list[_Piece]:
    ordered = sorted(
        marks, key=lambda m: (RANK.get(m.kind, 9), min(p[0] for p in m.parts), -max(p[1] for p in m.parts))
    )
    pieces = []
    for order, mark in enumerate(ordered):
        for start, end in mark.parts:
            start, end = max(0, start), min(length, end)
            if start < end:
                pieces.append(_Piece(order, mark, start, end))
    return pieces


def _open_tag(mark: Mark, first: bool) -> str:
    classes = f"hl hl-{mark.kind}" + ("" if first else " hl-cont")
    attrs = f' class="{classes}" data-key="{escape(mark.key)}" data-kind="{mark.kind}"'
    attrs += f' title="{escape(mark.label)}"'
    if first:
        if mark.anchor:
            attrs += f' id="{escape(mark.anchor)}"'
        attrs += ' tabindex="0"' if mark.kind not in BLOCK_LABELS else ""
    tag = f"<span{attrs}>"
    if first and mark.kind in BLOCK_LABELS:
        tag += f'<span class="blk-label">{escape(BLOCK_LABELS[mark.kind])}</span>'
    return tag


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as escaped HTML with every mark wrapped in (possibly several) nested ``span``s."""
    pieces = _pieces(marks, len(text))
    starts: dict[int, list[_Piece]] = {}
    bounds = {0, len(text)}
    for piece in pieces:
        starts.setdefault(piece.start, []).append(piece)
        bounds.update((piece.start, piece.end))
    active: list[_Piece] = []
    stack: list[_Piece] = []
    opened: set[str] = set()
    out: list[str] = []
    cuts = sorted(bounds)
    for left, right in itertools.pairwise(cuts):
        active = [piece for piece in active if piece.end > left] + starts.get(left, [])
        active.sort(key=lambda piece: piece.order)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for piece in active[keep:]:
            out.append(_open_tag(piece.mark, piece.mark.key not in opened))
            opened.add(piece.mark.key)
        stack = list(active)
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def highlight(article: Article) -> Markup:
    """The article's text with all its layers highlighted (see :func:`render`)."""
    return render(article.text, article_marks(article))
