"""From found quotations to ``Statement`` records: structure, spans, speakers' entities, hedges.

The rules (:mod:`wortlaut.quotes.extract`) find ranges; this module drops those in
boilerplate, replaces quotations inside embedded posts by the post's own statement,
marks or adds headline statements, numbers them in text order and gives each speaker
and addressee the entity of the mention (or coreference) that covers it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final

from wortlaut.article import Article, DateInfo, EntityRef, Mention, Span, Statement
from wortlaut.claims.hedge import with_hedges
from wortlaut.quotes.extract import build_context, extract
from wortlaut.quotes.found import Found, Range
from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.link import SpeakerLinker
from wortlaut.quotes.posts import headline_statement, post_statement
from wortlaut.quotes.span_model import SpanMerger
from wortlaut.quotes.speaker_model import DEFAULT_MODEL, SpeakerModel

#: Marker for "the shipped speaker ranker", distinct from ``None`` (the rules without a ranker).
USE_DEFAULT_MODEL: Final = object()

#: Entity types that can speak; other mentions inside a speaker phrase are its complements.
_SPEAKER_TYPES = frozenset({"PER", "ORG"})
#: Opening quotation marks: a headline ``X: „…“`` quotes someone.
_OPENING_MARKS = frozenset('„“»«"‚')


def default_model() -> SpeakerModel | None:
    """The shipped speaker ranker (trained on quotes-parliament, CC BY-SA), or the rules without it."""
    return SpeakerModel.load(DEFAULT_MODEL) if DEFAULT_MODEL.exists() else None


def find_statements(
    article: Article,
    lexicon: Lexicon,
    speaker_model: SpeakerModel | None,
    linker: SpeakerLinker,
    span_tagger: SpanMerger | None = None,
) -> tuple[Statement, ...]:
    """The article's statements in text order, with ids ``<article id>:s<n>``, linked and hedged."""
    found = [
        item
        for item in extract(article, lexicon, speaker_model, span_tagger)
        if not article.is_boilerplate(item.start)
    ]
    found = _with_structure(article, found, lexicon)
    found.sort(key=lambda item: (item.start, item.end))
    standing = _Standing(article.mentions)
    statements = tuple(
        _statement(article, item, f"{article.id}:s{number}", standing)
        for number, item in enumerate(found, start=1)
    )
    return with_hedges(article, linker.link(article, statements))


def _with_structure(article: Article, found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Posts speak for themselves; quotations in the headline are headline statements."""
    structure = article.structure
    if structure is None:
        return found
    for post in structure.posts:
        found = [item for item in found if not post.start <= item.start < post.end]
        statement = post_statement(article, post)
        if statement is not None:
            found.append(statement)
    headline = structure.headline
    if headline is not None:
        inside = [item for item in found if headline.start <= item.start < headline.end]
        for item in inside:
            item.mode = "headline"
        if not inside:
            statement = headline_statement(build_context(article, lexicon), headline.start, headline.end)
            if statement is not None and _headline_speaks(article, statement):
                found.append(statement)
    return found


def _headline_speaks(article: Article, statement: Found) -> bool:
    """``Merkel: „…“`` is a statement, ``Zugverkehr: Im ICE nach Barcelona`` is a topic and its claim:
    without a speech cue the part after the colon must be a quotation, or the part before it a person or
    organisation.  That name must end the part (``EU-Taxonomie: …`` names a regulation, not the EU: the
    head of a compound is its last part), and a claim without a verb (``DB Lounge: Kein Zugang mehr``)
    is news about the topic unless a person stands before it."""
    if statement.rule != "headline.speaker_colon" or statement.speaker is None:
        return True
    if article.text[statement.start : statement.start + 1] in _OPENING_MARKS:
        return True
    start, end = statement.speaker
    heads = [
        mention
        for mention in article.mentions
        if mention.type in _SPEAKER_TYPES and start <= mention.end and mention.start < end <= mention.end
    ]
    if not heads:
        return False
    claim_start, claim_end = statement.quote[0][0], statement.quote[-1][1]
    tags = [token.pos for token in article.tokens if claim_start <= token.start < claim_end]
    has_verb = any(tag is None or tag.startswith("V") for tag in tags) or not tags  # untagged: no evidence
    return has_verb or any(mention.type == "PER" for mention in heads)


def _span(article: Article, parts: list[Range]) -> Span | None:
    if not parts:
        return None
    start, end = parts[0][0], parts[-1][1]
    span = article.span(start, end)
    if span is None or len(parts) == 1:
        return span
    return Span(start=start, end=end, text=span.text, spans=tuple(parts))


def _best_mention(mentions: tuple[Mention, ...], start: int, end: int) -> Mention | None:
    """The mention standing for a speaker phrase: a person or organisation in it, longest overlap first.

    A place inside a longer phrase is a genitive ("der Präsident der Ukraine"), not the speaker, so it only
    counts when it covers the whole phrase.
    """
    best: Mention | None = None
    best_key: tuple[bool, bool, int] = (False, False, 0)
    for mention in mentions:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap <= 0:
            continue
        whole = mention.start <= start and end <= mention.end
        if mention.type not in _SPEAKER_TYPES and not whole:
            continue
        key = (mention.entity is not None, mention.type == "PER", overlap)
        if best is None or key > best_key:
            best, best_key = mention, key
    return best


class _Standing:
    """The mention standing for each speaker or addressee phrase of one article (issue 17zl): looked up
    once a phrase (half of them repeat: carried speakers), and among only the mentions that can overlap
    it, in their order (a long article has hundreds; ``_best_mention`` keeps the first of equal ones)."""

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.mentions = mentions
        self.found: dict[Range, Mention | None] = {}
        self.order = sorted(range(len(mentions)), key=lambda number: mentions[number].start)
        self.starts = [mentions[number].start for number in self.order]
        self.longest = max((mention.end - mention.start for mention in mentions), default=0)

    def mention(self, start: int, end: int) -> Mention | None:
        key = (start, end)
        if key not in self.found:
            self.found[key] = _best_mention(self._overlapping(start, end), start, end)
        return self.found[key]

    def _overlapping(self, start: int, end: int) -> tuple[Mention, ...]:
        """The mentions that may overlap ``start:end`` (a superset, in the article's order): one overlaps
        only if it starts before ``end`` and after ``start`` minus the longest mention's length."""
        low = bisect_right(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return tuple(self.mentions[number] for number in sorted(self.order[low:high]))


def _entity_ref(article: Article, part: Range | None, standing: _Standing) -> EntityRef | None:
    """The phrase with the entity of the mention standing for it."""
    if part is None:
        return None
    span = article.span(*part)
    if span is None:
        return None
    mention = standing.mention(span.start, span.end)
    return EntityRef(
        start=span.start, end=span.end, text=span.text, entity=mention.entity if mention else None
    )


def _statement(article: Article, item: Found, statement_id: str, standing: _Standing) -> Statement:
    quote = _span(article, item.quote)
    assert quote is not None  # rules build ranges from tokens of this text
    date = None
    if item.mode == "post":
        post = (
            next((post for post in article.structure.posts if post.start <= item.start < post.end), None)
            if article.structure
            else None
        )
        if post is not None and post.date:
            date = DateInfo(value=post.date, source="post")
    return Statement(
        id=statement_id,
        mode=item.mode,
        quote=quote,
        cue=_span(article, item.cue),
        speaker=_entity_ref(article, item.speaker, standing),
        addressee=_entity_ref(article, item.addressee, standing),
        frame=_span(article, [item.frame]) if item.frame else None,
        medium=item.medium,
        channel=item.channel,
        date=date,
        rule=item.rule,
    )
