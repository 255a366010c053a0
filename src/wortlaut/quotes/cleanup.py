"""Statements that are parts of others: nested quotations, contained reported clauses, quoted names,
exact duplicates.

Split out of :mod:`wortlaut.quotes.extract` (behaviour unchanged): these filters run after speakers are
settled, because a quoted name is recognised by lying inside a speaker phrase.
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found

#: Rules whose direct quotations stay even when nested in another statement (none: see ``drop_nested``).
KEEP_NESTED: frozenset[str] = frozenset()


def without_names(found: list[Found]) -> list[Found]:
    """A quotation inside someone's speaker phrase (``schrieb „Die Zeit“``) is a name, not a statement."""
    names = [item.speaker for item in found if item.speaker is not None]
    return [
        item
        for item in found
        if item.mode != "direct" or not any(start <= item.start and item.end <= end for start, end in names)
    ]


#: A quotation of at most this many words right after an article or preposition is a term inside a noun
#: phrase (``der „heiklen Themen“``, ``des "Do no significant harm"``), not someone's words.
MAX_TERM_WORDS = 4
#: A framed short term whose speaker has another statement in its sentence is part of that statement.
SIBLING_TERMS = True
#: Tags of the word that makes a short quotation after it part of a noun phrase.
_TERM_OPENERS = frozenset({"ART", "APPR", "APPRART", "PPOSAT"})


def without_terms(ctx: Context, found: list[Found]) -> list[Found]:
    """Drop a short direct quotation that stands inside a noun phrase: the word before its opening mark is
    an article, a preposition or a possessive (``auf dem dritten Platz der „heiklen Themen“``).  With
    :data:`SIBLING_TERMS` also a framed one whose speaker has another statement in the same sentence: it is
    part of that statement (``forderte, »…« zu rücken, und begründete das mit dem »zunehmenden
    Imperialismus«``)."""
    return [
        item
        for item in found
        if not (item.mode == "direct" and (not item.cue or _sibling(item, found)) and _term(ctx, item))
    ]


def _sibling(item: Found, found: list[Found]) -> bool:
    return SIBLING_TERMS and any(
        other is not item and other.sentence == item.sentence and other.speaker == item.speaker
        for other in found
        if item.speaker is not None
    )


def _term(ctx: Context, item: Found) -> bool:
    first = ctx.token_at(item.start)
    if first == 0 or first >= len(ctx.tokens) or len(item.quote) != 1:
        return False
    words = [word for word in ctx.text[item.start : item.end].split() if word.strip('„“”"»«‚‘’')]
    before = ctx.tokens[first - 1]
    return len(words) <= MAX_TERM_WORDS and ctx.quote_of[first - 1] < 0 and before.pos in _TERM_OPENERS


def without_generic_speakers(ctx: Context, found: list[Found]) -> list[Found]:
    """Drop a statement whose whole speaker phrase is a generic pronoun (``generic_speaker`` in the lexicon:
    ``man``): ``den man den Behörden meldet``, ``würde man sagen`` voice the author or common opinion, not
    someone's statement (issue 12, fourteenth session: 6 false statements on the 68 pages, 13 on
    quotes-wikinews/train, where dropping them raises quote and speaker F1)."""
    return [
        item
        for item in found
        if item.speaker is None
        or not ctx.lexicon.has("generic_speaker", ctx.text[item.speaker[0] : item.speaker[1]].casefold())
    ]


#: Rules that name a source of their own (``…, was laut dem Ministerium zutrifft``).
OWN_SOURCE_RULES = frozenset(
    {"reported.laut", "reported.nach", "reported.zufolge", "indirect.relative_source"}
)
#: A trailing clause with a source of its own ends the statement around it, which is cut before it: two
#: voices, not one statement and its fragment (issue 12, fifteenth session).
SPLIT_OWN_SOURCES = True
#: What may stand between the outer statement's last word and the clause (a comma, spaces).
_SEPARATORS = " ,\n"


def split_own_sources(text: str, found: list[Found]) -> list[Found]:
    """``Demnach soll das Gesetz … gelten, was laut Ministerium auf zehn Plattformen zutrifft``: the
    ``laut`` clause at the end of another statement with another speaker is its own statement, and the
    other one ends before it (:data:`SPLIT_OWN_SOURCES`)."""
    if not SPLIT_OWN_SOURCES:
        return found
    by_end: dict[int, list[Found]] = {}
    for other in found:
        by_end.setdefault(other.end, []).append(other)
    for item in found:
        if item.rule not in OWN_SOURCE_RULES:
            continue
        for other in by_end[item.end]:
            if (
                other is item
                or other.rule.startswith("direct.")
                or other.speaker == item.speaker
                or not other.covers(item.start, item.end)
            ):
                continue
            stop = item.start
            while stop > other.start and text[stop - 1] in _SEPARATORS:
                stop -= 1
            if "," not in text[stop : item.start]:
                continue  # ``nach Angaben X habe …``: the source opens the other statement's clause
            head = [(start, min(end, stop)) for start, end in other.quote if start < stop]
            if head:
                other.quote = head
    return found


def drop_contained(found: list[Found]) -> list[Found]:
    """``die Umfrage, wonach die Hälfte angibt, dass man nichts sagen könne``: a reported statement lying
    inside another one is part of it (its complement clause), not a second statement.  (Dropping also
    one of two that merely overlap lowered speaker F1 on quotes-wikinews/train by 0.005-0.007: not done.)"""
    outer = [item for item in found if not item.rule.startswith("direct.")]
    return [
        item
        for item in found
        if item.rule.startswith("direct.")
        or not any(
            other is not item and other.covers(item.start, item.end) and other.quote != item.quote
            for other in outer
        )
    ]


def drop_nested(ctx: Context, found: list[Found]) -> list[Found]:
    """A quotation inside someone's indirect, reported or free indirect statement is part of that
    statement, not a second one (``sagte, die Maschine sei „noch schöner“``): emitting it again
    doubles the statement on real pages.  A quotation that opens its sentence is a statement of its
    own even when a free indirect run around it covers it (``„Wir rechnen damit …“, sagt Reuter``), but
    not a partial quotation: the verb-framed statement of its own sentence covers it from its first word on
    when the marks pair up wrongly (``„Die AfD hat … eine „Parallelaktion“ … gewesen sei“, schreibt X``, an
    inner „ read as a closer), and that statement is the whole."""
    outer = [item for item in found if not item.rule.startswith("direct.")]
    return [
        item
        for item in found
        if not item.rule.startswith("direct.")
        or item.rule in KEEP_NESTED
        or (_opens_sentence(ctx, item.start) and not _starts_with_it(item, outer))
        or not any(other.covers(item.start, item.end) for other in outer)
    ]


def _starts_with_it(item: Found, outer: list[Found]) -> bool:
    """Whether ``item`` is a partial quotation that a statement of its sentence starts with."""
    return item.rule == "direct.partial" and any(
        other.start == item.start and other.covers(item.start, item.end) for other in outer
    )


def _opens_sentence(ctx: Context, start: int) -> bool:
    index = ctx.token_at(start)
    return index < len(ctx.tokens) and ctx.sentences[ctx.sentence_of[index]][0] == index


def dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[tuple[int, int], ...]] = set()
    unique = []
    for statement in sorted(found, key=lambda item: (item.start, item.end)):
        key = tuple(statement.quote)
        if key not in seen:
            seen.add(key)
            unique.append(statement)
    return unique
