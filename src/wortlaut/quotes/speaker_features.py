"""Candidate speakers of one cue and the features a trained ranker scores them by.

For a cue (``sagte``, ``laut``, ``zufolge``, ``so``) the candidates are the noun phrases of its
sentence outside the quotation: the subject before the verb, the phrase right after it, the object of
``laut``, a dative, a genitive owner.  Each candidate gets sparse binary features: where it stands
relative to the cue (before or after, clause, distance), the words around it (``laut``, ``mit``,
``gegenüber``, ``nach``), what it is (pronoun, definite description, name, source noun, entity type),
and how long it is.  The ranker (:mod:`wortlaut.quotes.speaker_model`) learns their weights from
annotated speakers instead of hand-ranking them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import cue_at
from wortlaut.quotes.speakers import phrase_after, phrase_before, phrase_ending, with_apposition

#: Token distances are bucketed (1, 2, 3, 4-5, 6-8, 9-13, 14+) so that rare exact values do not overfit.
_DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 13)
#: Phrases longer than this many tokens share one length feature.
MAX_LENGTH_FEATURE = 6


#: Prepositions whose object cannot be the speaker ("in Wiesbaden", "mit dem Minister"); ``laut``, ``von``,
#: ``nach`` and ``gegenüber`` are not here: they introduce sources or addressees the ranker weighs.
PREPOSITIONS = frozenset(
    {"in", "im", "am", "an", "auf", "bei", "beim", "für", "mit", "zu", "zum", "zur", "aus", "über", "unter"}
    | {"vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne", "um", "seit", "während", "ins", "vom"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate speaker phrase: token range ``[first, last)`` in the context."""

    first: int
    last: int


def _bucket(distance: int) -> str:
    for limit in _DISTANCE_BUCKETS:
        if distance <= limit:
            return str(limit)
    return "far"


def rule_choice(ctx: Context, sentence: int, cue: Sequence[int]) -> tuple[int, int] | None:
    """The phrase the hand-written rules take as the speaker of a cue (a feature, not the answer)."""
    begin, end = ctx.sentences[sentence]
    word = ctx.tokens[cue[0]].low
    if word == "zufolge":
        return phrase_ending(ctx.tokens, begin, cue[0], ctx.lexicon)
    if ctx.lexicon.has("according", word) or word in {"so", "nach"}:
        return phrase_after(ctx.tokens, cue[-1] + 1, end, ctx.lexicon)
    for index in cue:
        found = cue_at(ctx.tokens, index, begin, end, ctx.lexicon)
        if found is not None:
            return ctx.speaker_of(found, begin, end)
    return None


def candidates(
    ctx: Context, sentence: int, cue: Sequence[int], rule: tuple[int, int] | None = None
) -> list[Candidate]:
    """Maximal noun phrases of the sentence outside quotations, plus the rules' subject spans."""
    begin, end = ctx.sentences[sentence]
    cue_set = set(cue)
    found: dict[tuple[int, int], Candidate] = {}
    index = begin
    stop = -1  # the clause end found last: the same for every token up to it (one scan a clause, issue 17zl)
    while index < end:
        if ctx.quote_of[index] >= 0 or index in cue_set:
            index += 1
            continue
        if index > stop:
            stop = ctx.clause_end(index, end)
        phrase = phrase_after(ctx.tokens, index, stop, ctx.lexicon)
        phrase = with_apposition(ctx.tokens, phrase, end, ctx.lexicon)
        if phrase is None or phrase[0] != index:
            index += 1
            continue
        if not _after_preposition(ctx, index, begin):
            found[phrase] = Candidate(*phrase)
        index = phrase[1]
    if cue:
        start = ctx.clause_begin(cue[0], begin)
        before = phrase_before(ctx.tokens, start, cue[0], ctx.lexicon)
        if before is not None:
            found.setdefault(before, Candidate(*before))
    if rule is not None:
        found.setdefault(rule, Candidate(*rule))
    return sorted(found.values(), key=lambda item: item.first)


#: Quotation marks between a preposition and its object (``mit „Le Monde“``, ``mit ''Le Monde''``).
_MARKS = frozenset({"„", "“", "”", '"', "''", "``", "»", "«", "‚", "‘", "’", "'"})
#: Look past quotation marks for the preposition before a candidate (``_after_preposition``).
MARKS_BEFORE_OBJECTS = True


def _after_preposition(ctx: Context, index: int, begin: int) -> bool:
    """Whether the phrase at token ``index`` is the object of a locative preposition, also when a quotation
    mark stands between them (``in einem Interview mit „Le Monde“``: the paper is no speaker)."""
    position = index - 1
    while MARKS_BEFORE_OBJECTS and position > begin and ctx.tokens[position].low in _MARKS:
        position -= 1
    return position >= begin and ctx.tokens[position].low in PREPOSITIONS


def _agreement(candidate: Candidate, rule: tuple[int, int] | None) -> str:
    if rule is None:
        return "none"
    if (candidate.first, candidate.last) == rule:
        return "same"
    return "overlap" if candidate.first < rule[1] and rule[0] < candidate.last else "other"


def _shape(ctx: Context, candidate: Candidate) -> list[str]:
    """What the phrase is: pronoun, description, name; its first word and head ending."""
    tokens = ctx.tokens[candidate.first : candidate.last]
    first, head = tokens[0], tokens[-1]
    length = candidate.last - candidate.first
    features = [f"len={min(length, MAX_LENGTH_FEATURE)}", f"first={first.low}"]
    if length == 1 and ctx.lexicon.has("subject_pronoun", first.low):
        features.append("pronoun")
    if ctx.lexicon.has("determiner", first.low):
        features.append("det")
    if ctx.lexicon.has("source_noun", head.low) or ctx.lexicon.has("document_noun", head.low):
        features.append("source_noun")
    features.append(f"head_end={head.low[-3:]}")
    features.append(f"head_pos={head.pos}")
    features.append(f"first_pos={first.pos}")
    if any(tok.low == "," for tok in tokens):
        features.append("apposition")
    return features


def _entity_type(mentions: Sequence[Mention], starts: Sequence[int], start: int, end: int) -> str:
    """Type of the longest entity mention overlapping the character range (``none`` without one)."""
    best, best_overlap = "none", 0
    for position in range(max(0, bisect_left(starts, start) - 8), len(mentions)):
        mention = mentions[position]
        if mention.start >= end:
            break
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > best_overlap:
            best, best_overlap = f"{mention.type}:{mention.kind}", overlap
    return best


def features(
    ctx: Context,
    candidate: Candidate,
    cue: Sequence[int],
    sentence: int,
    mentions: Sequence[Mention] = (),
    mention_starts: Sequence[int] = (),
    rule: tuple[int, int] | None = None,
) -> list[str]:
    """Sparse binary features of one candidate for one cue (``cue`` holds its token indices)."""
    begin, end = ctx.sentences[sentence]
    feats = ["bias", *_shape(ctx, candidate), f"rule={_agreement(candidate, rule)}"]
    previous = ctx.tokens[candidate.first - 1].low if candidate.first > begin else "<s>"
    following = ctx.tokens[candidate.last].low if candidate.last < end else "</s>"
    feats += [f"prev={previous}", f"next={following}"]
    if candidate.first == begin or (
        candidate.first > begin and ctx.tokens[candidate.first - 1].low in {"„", "»"}
    ):
        feats.append("sentence_start")
    start, stop = ctx.chars(candidate.first, candidate.last)
    feats.append(f"entity={_entity_type(mentions, mention_starts, start, stop)}")
    if not cue:
        return [*feats, "no_cue"]
    cue_word = ctx.tokens[cue[0]].low
    if candidate.last <= cue[0]:
        side, distance = "before", cue[0] - candidate.last + 1
    elif candidate.first > cue[-1]:
        side, distance = "after", candidate.first - cue[-1]
    else:
        side, distance = "inside", 0
    same_clause = ctx.clause_begin(cue[0], begin) <= candidate.first < ctx.clause_end(cue[-1], end)
    feats += [
        f"side={side}",
        f"dist={side}:{_bucket(distance)}",
        f"clause={same_clause}",
        f"side_prev={side}:{previous}",
        f"side_first={side}:{ctx.tokens[candidate.first].low if side != 'before' else ''}",
    ]
    if ctx.lexicon.has("according", cue_word) or cue_word in {"zufolge", "nach", "so"}:
        feats.append(f"according={cue_word}:{side}:{_bucket(distance)}")
    if side == "before":
        clause_start = ctx.clause_begin(cue[0], begin)
        feats.append(f"prefield={candidate.first == clause_start}")
    return feats
