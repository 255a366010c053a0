"""Link denials, confirmations, corrections and retractions to the earlier statement they answer.

A statement with a relation cue (:func:`wortlaut.claims.relations.relation_type`)
is linked to one stored statement when all three hold:

1. **the target is named or quoted**: the earlier statement's speaker is an entity
   named in the answering statement's frame (``wies die Vorwürfe von Merz zurück``),
   or, for a retraction, the speaker themself; or the earlier statement holds a
   phrase the frame quotes (``die „Schuldenorgie“ dementiert``);
2. **it is earlier**: dated at most :data:`WINDOW_DAYS` before, not after, and in
   the same article it comes first;
3. **same topic**: the project's statement similarity (:mod:`wortlaut.link.statements`:
   embedding cosine plus :data:`~wortlaut.link.statements.LEXICAL_WEIGHT` times the
   content-stem Dice) of the two texts, with at least :data:`MIN_SHARED_STEMS`
   shared content stems; the best-scoring candidate wins.

Beside these statement relations, :func:`update_answers` stores every answer act of the articles'
texts (:mod:`wortlaut.claims.answer_acts`: also sentences without a statement, ``X wies die
Vorwürfe zurück``) with the proposition it answers and, when
:mod:`wortlaut.claims.answer_targets` finds it, the earlier statement of the article it answers.

Run after linking (``wortlaut relations``), over the articles given or all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from wortlaut.claims.answer_acts import answer_acts
from wortlaut.claims.answer_gates import DEFAULT_GATES, Gates, passes
from wortlaut.claims.answer_targets import Said, TargetOptions, resolve
from wortlaut.claims.relations import NOUN, PRONOUN, quoted_phrases, refers_back, relation_type
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.statements import LEXICAL_WEIGHT
from wortlaut.link.text import stems
from wortlaut.store import claim_tables
from wortlaut.store.reader import Row
from wortlaut.store.rows import Connection

LOG = logging.getLogger(__name__)

#: Days before the answering statement in which the answered one is looked for: a denial follows
#: within days; a month covers weekly papers and late corrections.
WINDOW_DAYS = 31
#: Candidate statements read per named target (the newest): bounds the cost for speakers quoted daily.
MAX_CANDIDATES = 40
#: Shared content stems required between the two texts: a denial names what it denies ("Vorwürfe
#: zur Maut"), and a link with no word in common rests on the target's name alone.
MIN_SHARED_STEMS = 1
#: Earlier statements of the article looked at for a frame that refers back ("wies die Vorwürfe zurück"):
#: the answered one is told just before; further back, the reference is no longer to it.
REFERENCE_REACH = 3
#: … and it must end at most this many characters before the answering statement starts: a reference
#: noun points to what the last two or three sentences said (a news sentence is ~150 characters).
REFERENCE_CHARS = 400
#: … and, for a pronoun or an answer without object (``Das wurde bestritten``, ``…, bestätigte ein
#: Sprecher``), at most this many characters: the statement just before, with the answer's own words
#: before its speaker (``Das wurde von der``) between them.
ADJACENT_CHARS = 40
#: Entity types that can be the target of a denial (people and organisations speak; places do not).
SPEAKER_TYPES = frozenset({"PER", "ORG"})


@dataclass(frozen=True, slots=True)
class Link:
    """A relation found: ``statement`` answers ``target``."""

    statement: str
    target: str
    type: str
    score: float
    evidence: str


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _window(day: str) -> tuple[str, str]:
    try:
        end = date.fromisoformat(day)
    except ValueError:
        return "0000", "9999"
    return date.fromordinal(end.toordinal() - WINDOW_DAYS).isoformat(), day + "\uffff"


def _span(row: Row) -> tuple[int, int] | None:
    """The statement's extent in its article: from its first to its last span (speaker, cue, quote)."""
    names = ("speaker_start", "speaker_end", "cue_start", "cue_end", "quote_start", "quote_end")
    values = [row[name] for name in names]
    known = [value for value in values if value is not None]
    return (min(known), max(known)) if known else None


def _targets(connection: Connection, row: Row, kind: str) -> list[tuple[str, str]]:
    """(entity, evidence) of the speakers the statement names as its target."""
    speaker = row["speaker_entity"]
    if kind == "retracts":
        return [(speaker, "self")] if speaker else []
    span = _span(row)
    if span is None:
        return []
    found: dict[str, str] = {}
    for mention in claim_tables.mentions_between(connection, row["article_id"], *span):
        if _in_quote(row, mention):
            continue  # the quotation names whom the claim was about, the frame whom it answers
        entity = mention["entity"]
        if entity and entity != speaker and mention["type"] in SPEAKER_TYPES:
            found.setdefault(entity, f"named:{entity}")
    return list(found.items())


def _in_quote(row: Row, mention: Row) -> bool:
    start, end = row["quote_start"], row["quote_end"]
    return start is not None and end is not None and start <= mention["start"] < end


def _earlier(row: Row, candidate: Row, evidence: str = "") -> bool:
    """Whether ``candidate`` precedes the answering statement (in its article: by position).

    For a pronoun answer whose quotation is the sentence before (``… . Das wurde bestritten``), the
    answered statement lies inside that quotation: it must precede the answer's cue.
    """
    if candidate["id"] == row["id"]:
        return False
    if candidate["article_id"] == row["article_id"]:
        own = row["quote_start"] if row["quote_start"] is not None else row["cue_start"]
        if evidence == PRONOUN and row["cue_start"] is not None:
            own = row["cue_start"]
        start = candidate["quote_start"]
        return start is not None and own is not None and start < own
    return _day(candidate["day"]) <= _day(row["day"])


def _candidates(connection: Connection, row: Row, kind: str) -> list[tuple[Row, str]]:
    """Earlier statements of the named targets and statements holding a quoted phrase, with evidence."""
    low, high = _window(_day(row["day"]))
    found: list[tuple[Row, str]] = []
    for entity, evidence in _targets(connection, row, kind):
        found += [
            (candidate, evidence)
            for candidate in claim_tables.earlier_by_speaker(
                connection, entity, low, high, limit=MAX_CANDIDATES
            )
        ]
    if kind != "retracts":
        for phrase in quoted_phrases(row["frame_text"]):
            found += [
                (candidate, "quoted")
                for candidate in claim_tables.earlier_quoting(
                    connection, phrase, low, high, limit=MAX_CANDIDATES
                )
            ]
    reference = refers_back(row["cue_text"], row["frame_text"], row["speaker_text"])
    if not found and kind != "retracts" and reference is not None:
        found = _referred(connection, row, reference)
    kept = [(candidate, evidence) for candidate, evidence in found if _earlier(row, candidate, evidence)]
    # Earliest first, so that of equal scores (copies of one statement) the first sighting wins.
    return sorted(kept, key=lambda item: (_day(item[0]["day"]), item[0]["id"]))


def _speaker_words(row: Row) -> str:
    return " ".join((row["speaker_text"] or "").casefold().split())


def _other_speaker(row: Row, candidate: Row) -> bool:
    """Whether two statements have different speakers (by entity when both have one, else by words)."""
    if row["speaker_entity"] and candidate["speaker_entity"]:
        return bool(row["speaker_entity"] != candidate["speaker_entity"])
    left, right = _speaker_words(row), _speaker_words(candidate)
    return not left or not right or left != right


def _referred(connection: Connection, row: Row, reference: str) -> list[tuple[Row, str]]:
    """The nearest earlier statement of another speaker in the article, for a frame that refers back.

    For a pronoun or an answer without object (``reference``, :func:`refers_back`) only a statement
    ending right before the answer counts; the evidence names the route (``referred``, ``pronoun``,
    ``bare``).
    """
    span = _span(row)
    if span is None:
        return []
    if reference == PRONOUN and _anaphoric(row):
        article, cue = row["article_id"], row["cue_start"]
        inside = claim_tables.earlier_in_article(connection, article, cue, limit=REFERENCE_REACH)
        held = [c for c in inside if c["quote_start"] >= row["quote_start"] and _other_speaker(row, c)]
        return [(held[0], PRONOUN)] if held else []
    earlier = claim_tables.earlier_in_article(connection, row["article_id"], span[0], limit=REFERENCE_REACH)
    reach = REFERENCE_CHARS if reference == NOUN else ADJACENT_CHARS
    near = [c for c in earlier if c["quote_end"] is not None and span[0] - _end(c) <= reach]
    nearest = next((candidate for candidate in near if _other_speaker(row, candidate)), None)
    evidence = "referred" if reference == NOUN else reference
    return [(nearest, evidence)] if nearest is not None else []


def _anaphoric(row: Row) -> bool:
    """Whether the answer's quotation precedes its cue (the quotation stage took the sentence before as
    what ``Das``/``Dies`` refers to)."""
    quote_end, cue_start = row["quote_end"], row["cue_start"]
    return quote_end is not None and cue_start is not None and quote_end <= cue_start


def _end(row: Row) -> int:
    """Where a statement ends in its article: its last span (quote, cue or speaker)."""
    return max(value for value in (row["quote_end"], row["cue_end"], row["speaker_end"]) if value is not None)


def _context(row: Row) -> str:
    """A statement's words for the topic comparison: its frame (for an answer: what it answers) and quotation.

    Both sides are compared with their frames: a short quotation ("von politischer Einflussnahme")
    shares no word with its answer, while the sentence around it names the matter.
    """
    return " ".join(part for part in (row["frame_text"], row["quote_text"]) if part)


def best_target(connection: Connection, row: Row, kind: str, encoder: Encoder) -> Link | None:
    """The earlier statement ``row`` answers, or ``None`` when no candidate passes (module docstring)."""
    candidates = _candidates(connection, row, kind)
    if not candidates:
        return None
    context = _context(row)
    own = stems(context)
    # Candidates sharing too few stems are out whatever their cosine: only the rest are encoded (an
    # encoder gives a text the same vector in any call, so the scores are the ones of all encoded).
    kept = []
    for candidate, evidence in candidates:
        other = stems(_context(candidate))
        if len(own & other) >= MIN_SHARED_STEMS or evidence == PRONOUN:  # a pronoun points without words
            kept.append((candidate, evidence, other))
    if not kept:
        return None
    texts = [context] + [_context(candidate) for candidate, _, _ in kept]
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
    cosines = vectors[1:] @ vectors[0]
    best: Link | None = None
    for (candidate, evidence, other), cosine in zip(kept, cosines, strict=True):
        shared = len(own & other)
        dice = 2 * shared / (len(own) + len(other))
        score = float(cosine) + LEXICAL_WEIGHT * dice
        if best is None or score > best.score:
            best = Link(row["id"], candidate["id"], kind, score, evidence)
    return best


def find_links(
    connection: Connection,
    article_ids: Sequence[str],
    *,
    encoder: Encoder | None = None,
    gates: Gates = DEFAULT_GATES,
) -> tuple[list[str], list[Link], set[str]]:
    """(ids of the statements with a relation cue, the links found for them, the ids of the statements a
    target was chosen for) in these articles.  A chosen target inside the article that fails the
    evidence gates (:mod:`wortlaut.claims.answer_gates`) is not linked; its statement still counts as
    answered by the statement route, so that its answer act does not link it another way."""
    chosen = encoder
    cued: list[str] = []
    links: list[Link] = []
    targeted: set[str] = set()
    texts: dict[str, tuple[str, dict[str, tuple[int, int]]]] = {}
    for row in claim_tables.cue_statements(connection, article_ids):
        kind = relation_type(row["cue_text"], row["frame_text"])
        if kind is None:
            continue
        cued.append(row["id"])
        chosen = chosen or default_encoder()
        link = best_target(connection, row, kind, chosen)
        if link is not None:
            targeted.add(row["id"])
            if _keeps(connection, row, link, texts, gates):
                links.append(link)
    return cued, links, targeted


def _keeps(
    connection: Connection,
    row: Row,
    link: Link,
    texts: dict[str, tuple[str, dict[str, tuple[int, int]]]],
    gates: Gates,
) -> bool:
    """Whether a link within one article passes the evidence gates (links across articles always do:
    their names, dates and topic decide)."""
    article = row["article_id"]
    if article not in texts:
        found = claim_tables.article_texts(connection, [article])
        spans = {item["id"]: _span(item) for item in claim_tables.article_statements(connection, article)}
        texts[article] = (found[0]["text"] if found else "", {k: v for k, v in spans.items() if v})
    text, extents = texts[article]
    target, own = extents.get(link.target), _span(row)
    if target is None or own is None or not text:
        return True
    answer = row["cue_start"] if row["cue_start"] is not None else own[0]
    reference = link.evidence.split(":")[0]
    return passes(gates, reference, target_end=target[1], answer=answer, text=text,
                  statements=list(extents.values()))  # fmt: skip


def update(
    connection: Connection,
    article_ids: Sequence[str],
    *,
    encoder: Encoder | None = None,
    gates: Gates = DEFAULT_GATES,
) -> int:
    """Find and store (replacing earlier ones) the relations of these articles' statements and their
    answer acts; how many links (statement relations plus acts with a target)."""
    cued, links, targeted = find_links(connection, article_ids, encoder=encoder, gates=gates)
    rows = [(link.statement, link.target, link.type, round(link.score, 4), link.evidence) for link in links]
    claim_tables.replace_relations(connection, cued, rows)
    acts = update_answers(connection, article_ids, linked=targeted, gates=gates)
    LOG.info("relations: %d statements with a relation cue, %d linked; %d answer acts linked", len(cued),
             len(links), acts)  # fmt: skip
    return len(links) + acts


def update_answers(
    connection: Connection, article_ids: Sequence[str], *, linked: set[str], gates: Gates = DEFAULT_GATES
) -> int:
    """Find and store the answer acts of these articles (:mod:`wortlaut.claims.answer_acts`); how many
    have a target.  An act inside a statement the statement route linked (``linked``: also when its
    target failed the evidence gates) keeps no target of its own: that relation is stored once, as the
    statement's."""
    rows: list[tuple[object, ...]] = []
    for article in claim_tables.article_texts(connection, article_ids):
        text = article["text"]
        stored = [_said(row) for row in claim_tables.article_statements(connection, article["id"])]
        said = [item for item in stored if item is not None]
        for act in answer_acts(text):
            own = next((item.id for item in said if item.start <= act.cue_start < item.end), None)
            target = None if own in linked else resolve(act, text, said, TargetOptions(), gates)
            claim = text[act.claim[0] : act.claim[1]] if act.claim else None
            rows.append((article["id"], act.cue_start, act.cue_end, act.type, act.reference,
                         text[act.sentence_start : act.sentence_end], claim, own,
                         target.id if target else None, target.score if target else None,
                         target.evidence if target else None))  # fmt: skip
    claim_tables.replace_answers(connection, article_ids, rows)
    return sum(row[8] is not None for row in rows)


def _said(row: Row) -> Said | None:
    """A stored statement as :func:`wortlaut.claims.answer_targets.resolve` sees it."""
    span = _span(row)
    if span is None:
        return None
    words = " ".join(part for part in (row["frame_text"], row["quote_text"]) if part)
    return Said(row["id"], span[0], span[1], row["speaker_text"] or "", words, row["quote_text"] or "")
