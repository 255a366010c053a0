"""Statement identity: one statement reported verbatim, paraphrased or translated becomes one group.

Candidates for the new statements of a speaker are only that speaker's groups
first seen within :data:`WINDOW_DAYS` of them (an indexed query, at most
:data:`MAX_CANDIDATE_GROUPS`), never all statements.  Two statements are
compared by a *margin*: the embedding cosine (multilingual, so translations
match) plus :data:`LEXICAL_WEIGHT` times the overlap of content-word stems,
minus a threshold that depends on whether both are in one language
(:data:`SAME_LANGUAGE_THRESHOLD`) or not (:data:`CROSS_LANGUAGE_THRESHOLD`):
e5 rates every statement of one speaker on one topic as similar, while a
translation, which shares no stems, scores lower than a monolingual
paraphrase.  The new statements and the candidate groups are then merged
best pair first with *average* linkage (a statement joins a group only when
it is close to its members on average, not to any one of them), which stops
the chaining that put eight different Rutte statements of seed 000 into one
group.  Each member keeps a word-level diff against the group's
representative (its first sighting), and a group whose direct quotes differ
in wording is flagged ``quote_changed``.

The margins and the merge are in :mod:`wortlaut.link.statement_merge`, the
writes in :mod:`wortlaut.link.group_writes`; their names stay importable from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.link.group_writes import _create, _join
from wortlaut.link.pairs import Choice, mixed_margins, precise_pairs
from wortlaut.link.statement_merge import (
    LEXICAL_WEIGHT,
    WINDOW_DAYS,
    _Item,
    _may_merge,
    _stems,
    _too_far,
    apart,
    margins,
    merge,
    unneeded,
)
from wortlaut.settings import get_settings
from wortlaut.store import statement_groups as tables
from wortlaut.store.embeddings import cached_encode
from wortlaut.store.rows import Connection

__all__ = [
    "CROSS_LANGUAGE_THRESHOLD",
    "HASHING_THRESHOLD",
    "LEXICAL_WEIGHT",
    "MAX_CANDIDATE_GROUPS",
    "MAX_MEMBERS_COMPARED",
    "SAME_LANGUAGE_THRESHOLD",
    "STATIC_CROSS_LANGUAGE_THRESHOLD",
    "STATIC_SAME_LANGUAGE_THRESHOLD",
    "WINDOW_DAYS",
    "Choice",
    "Decided",
    "SpeakerBatch",
    "StatementRow",
    "_Item",
    "_may_merge",
    "_stems",
    "_too_far",
    "apart",
    "choice_for_batch",
    "compares",
    "group_statements",
    "load_statements",
    "margins",
    "merge",
    "plan",
    "precise_texts",
    "texts_to_encode",
    "thresholds",
    "unneeded",
]

#: Margin thresholds for e5 (cosine + LEXICAL_WEIGHT · stem Dice), chosen with
#: sweeps on the dev half of src/wortlaut/eval/data/stories (average linkage, weight 0.3): pairwise
#: precision is 1.0 with recall 0.90 for a same-language threshold of 1.00–1.01 and 0.88 up to
#: 1.05; below 1.00 precision drops (0.94 at 0.93).  1.00 is taken, the low end of the best range,
#: because it keeps the paraphrase in lines 1–2 of seed 000 together.
SAME_LANGUAGE_THRESHOLD = 1.00
#: Translations share no stems and score lower: on dev every German–English pair of one statement
#: has a cosine of 0.88 or more and every other German–English pair of one speaker 0.865 or less;
#: 0.86 and 0.87 give the same dev scores, 0.87 is the stricter.
CROSS_LANGUAGE_THRESHOLD = 0.87
#: The same for the HashingEncoder (character n-grams, monolingual, no translations): on dev
#: precision is 0.94 at 0.35–0.40 and 1.0 from 0.45 (recall 0.27, verbatim and close rewordings).
HASHING_THRESHOLD = 0.45
#: The same for the StaticEncoder (and the cascade's first pass).  For the trained table (issue 17w,
#: vectors in e5's space) from a sweep on dev (benchmarks/tune_static.py statements, same 0.9-1.1 x
#: cross 0.85-0.95): the cascade trusts margins above these, so precision 1.0 is needed; 1.05 / 0.9
#: has it (recall 0.57).  Static alone would do better at 0.95 / 0.87 (P 0.936, R 0.898, F1 0.917),
#: settable as [linking.calibration.static].
STATIC_SAME_LANGUAGE_THRESHOLD = 1.05
STATIC_CROSS_LANGUAGE_THRESHOLD = 0.9
#: At most this many candidate groups (the most recent) per speaker and batch, to bound the cost
#: for speakers quoted daily.
MAX_CANDIDATE_GROUPS = 200
#: Members of a candidate group compared with new statements (the most recent ones): members of
#: one group are close to each other, so a few represent it.
MAX_MEMBERS_COMPARED = 6


@dataclass(frozen=True, slots=True)
class StatementRow:
    """The fields of a stored statement that grouping needs."""

    id: str
    article_id: str
    mode: str
    text: str
    speaker: str
    date: str
    language: str


def load_statements(connection: Connection, article_ids: Sequence[str]) -> list[StatementRow]:
    """Statements of the given articles that have a speaker entity and are not grouped yet."""
    found = [
        StatementRow(
            row["id"],
            row["article_id"],
            row["mode"] or "",
            row["text"] or "",
            row["speaker"],
            (row["day"] or "")[:10],
            row["language"],
        )
        for row in tables.ungrouped_statements(connection, article_ids)
    ]
    return sorted(found, key=lambda row: (row.date, row.id))


def _ordinal(day: str) -> int | None:
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def _window(days: Sequence[str]) -> tuple[str, str]:
    ordinals = [value for value in map(_ordinal, days) if value is not None]
    if not ordinals:
        return "0000", "9999"
    return (
        date.fromordinal(min(ordinals) - WINDOW_DAYS).isoformat(),
        date.fromordinal(max(ordinals) + WINDOW_DAYS).isoformat(),
    )


def _candidates(connection: Connection, speaker: str, days: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """(group id, statement id, text, language) of the stored members to compare with."""
    low, high = _window(days)
    rows = tables.candidate_members(
        connection, speaker, low, high, groups=MAX_CANDIDATE_GROUPS, members=MAX_MEMBERS_COMPARED
    )
    return [(row["group_id"], row["id"], row["quote_text"], row["language"]) for row in rows]


def thresholds(family: str) -> tuple[float, float]:
    """(same-language, cross-language) margin thresholds calibrated for an encoder family (else e5's)."""
    calibration = get_settings().linking.for_family(family)
    return calibration.same_language, calibration.cross_language


@dataclass(frozen=True, slots=True)
class SpeakerBatch:
    """The new statements of one speaker in a batch and the stored group members to compare them with."""

    speaker: str
    rows: tuple[StatementRow, ...]
    members: tuple[tuple[str, str, str, str], ...]

    @property
    def needs_vectors(self) -> bool:
        """Whether anything is compared: a lone first statement opens a group without an embedding.

        Its vector is computed later, when another statement of the speaker
        arrives within the window, or never (most speakers are quoted once).
        """
        return bool(self.members) or len(self.rows) > 1


def compares(batch: SpeakerBatch, encoder: Encoder) -> bool:
    """Whether grouping ``batch`` reads vectors from ``encoder``; else each statement opens a group.

    A cascade decides per batch which of its encoders reads, so it always compares.
    """
    if not batch.needs_vectors:
        return False
    if isinstance(encoder, CascadeEncoder):
        return True
    return len(apart(_items(batch), len(batch.rows), thresholds(encoder.family)[0])) < len(batch.rows)


def plan(connection: Connection, rows: Sequence[StatementRow]) -> list[SpeakerBatch]:
    """The new statements grouped by speaker, each with its candidate group members."""
    by_speaker: dict[str, list[StatementRow]] = defaultdict(list)
    for row in rows:
        by_speaker[row.speaker].append(row)
    return [
        SpeakerBatch(speaker, tuple(own), tuple(_candidates(connection, speaker, [row.date for row in own])))
        for speaker, own in by_speaker.items()
    ]


def texts_to_encode(batches: Sequence[SpeakerBatch], encoder: Encoder) -> list[tuple[str, str]]:
    """``("statement", text)`` for every statement whose vector grouping with ``encoder`` will need."""
    texts = []
    for batch in batches:
        if not batch.needs_vectors:
            continue
        items = _items(batch)
        skipped = _unneeded_items(items, len(batch.rows), encoder)
        if any(index not in skipped for index in range(len(batch.rows))):  # what compares() asks
            texts += [item.text for index, item in enumerate(items) if index not in skipped]
    return [("statement", text) for text in texts]


def _unneeded_items(items: Sequence[_Item], count: int, encoder: Encoder) -> set[int]:
    """The items (new statements, stored members) that ``encoder`` need not embed (:func:`unneeded`)."""
    if isinstance(encoder, CascadeEncoder):
        return set()
    return unneeded(items, count, thresholds(encoder.family)[0])


#: A cascade's choice per speaker batch within one linking call, by batch (see :func:`choice_for_batch`).
Decided = dict[SpeakerBatch, Choice]


def choice_for_batch(
    connection: Connection, encoder: Encoder, batch: SpeakerBatch, decided: Decided | None = None
) -> Choice:
    """How this speaker's batch is grouped: by ``encoder`` itself, or for a cascade by its cheap
    encoder, with its precise encoder's margins on the pairs whose static margin is unsure
    (:mod:`wortlaut.link.pairs`); a batch without such pairs is the cheap encoder's alone.

    ``decided`` remembers the choice by batch for one linking call: the plan read again under the
    write lock holds equal batches (unless another writer changed a speaker's groups), and the
    choice depends on the batch's texts, languages and days alone (the static vectors are the
    table's), so the band check done before the lock is not done again (0.23 CPU s per 1,000
    10kGNAD articles).
    """
    if not isinstance(encoder, CascadeEncoder):
        return Choice(encoder)
    if decided is not None:
        chosen = decided.get(batch)
        if chosen is None:
            chosen = decided[batch] = choice_for_batch(connection, encoder, batch)
        return chosen
    items, count = _items(batch), len(batch.rows)
    limits = (thresholds(encoder.cheap.family), thresholds(encoder.precise.family))
    undecided = precise_pairs(encoder, items, count, _cheap_matrix(connection, encoder, items), limits)
    return Choice(encoder, undecided) if undecided.any() else Choice(encoder.cheap)


def _cheap_matrix(connection: Connection, encoder: CascadeEncoder, items: Sequence[_Item]) -> np.ndarray:
    """The items' static vectors (cached), one row each."""
    vectors = cached_encode(connection, encoder.cheap, "statement", [(item.id, item.text) for item in items])
    return np.stack([vectors[item.id] for item in items])


def precise_texts(
    connection: Connection, encoder: Encoder, batches: Sequence[SpeakerBatch], decided: Decided | None = None
) -> list[tuple[str, str]]:
    """For a cascade: the statement texts its precise encoder will read (those of undecided pairs).

    Before the pairs were decided one by one, every text of a batch with one
    undecided pair was read (pruned by :func:`unneeded` since the lead's fix;
    306 texts against 210 for e5 alone on 200 fresh 10kGNAD articles before it).
    """
    if not isinstance(encoder, CascadeEncoder):
        return []
    texts = []
    for batch in batches:
        if batch.needs_vectors:
            items = _items(batch)
            choice = choice_for_batch(connection, encoder, batch, decided)
            texts += [items[index].text for index in choice.precise_items()]
    return [("statement", text) for text in texts]


def group_statements(
    connection: Connection, encoder: Encoder, batches: Sequence[SpeakerBatch], decided: Decided | None = None
) -> int:
    """Put each statement into a group (existing or new); returns how many new groups were made.

    ``decided``: the cascade's choices :func:`precise_texts` made for these batches (see
    :func:`choice_for_batch`)."""
    created = 0
    for batch in batches:
        if compares(batch, encoder):
            chosen = choice_for_batch(connection, encoder, batch, decided)
            created += _group_speaker(connection, chosen, batch)
        else:
            for row in batch.rows:
                _create(connection, row)
                created += 1
    return created


def _items(batch: SpeakerBatch) -> list[_Item]:
    """The batch's new statements, then the stored members they are compared with."""
    items = [_Item(row.id, row.text, row.language, None, _ordinal(row.date)) for row in batch.rows]
    return items + [_Item(m[1], m[2] or "", m[3], m[0], None) for m in batch.members]


def _group_speaker(connection: Connection, choice: Choice, batch: SpeakerBatch) -> int:
    items = _items(batch)
    if isinstance(choice.encoder, CascadeEncoder) and choice.undecided is not None:
        margin, cosines = _mixed(connection, choice.encoder, items, choice.undecided)

        def similar(index: int, mates: list[int]) -> float:
            return float(np.max(cosines[index, mates]))

    else:
        margin, matrix = _plain(connection, choice.encoder, items, len(batch.rows))

        def similar(index: int, mates: list[int]) -> float:
            return float(np.max(matrix[mates] @ matrix[index], initial=0.0))

    return _write_groups(connection, batch, items, margin, similar)


def _plain(
    connection: Connection, encoder: Encoder, items: Sequence[_Item], count: int
) -> tuple[np.ndarray, np.ndarray]:
    """(margins, vectors) under one encoder; the items :func:`unneeded` finds get zero rows."""
    limits = thresholds(encoder.family)
    skipped = unneeded(items, count, limits[0])
    wanted = [(item.id, item.text) for index, item in enumerate(items) if index not in skipped]
    vectors = cached_encode(connection, encoder, "statement", wanted)
    zero = np.zeros(encoder.dim, dtype=np.float32)
    matrix = np.stack([vectors.get(item.id, zero) for item in items])
    return margins(matrix, items, count, limits), matrix


def _mixed(
    connection: Connection, encoder: CascadeEncoder, items: Sequence[_Item], undecided: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(margins, cosines) of a cascade's batch: precise on the undecided pairs, cheap elsewhere."""
    wanted = [(items[index].id, items[index].text) for index in Choice(encoder, undecided).precise_items()]
    found = cached_encode(connection, encoder.precise, "statement", wanted)
    zero = np.zeros(encoder.precise.dim, dtype=np.float32)
    precise = np.stack([found.get(item.id, zero) for item in items])
    limits = (thresholds(encoder.cheap.family), thresholds(encoder.precise.family))
    cheap = _cheap_matrix(connection, encoder, items)
    return mixed_margins(items, undecided.shape[0], (cheap, precise), limits, undecided)


def _write_groups(
    connection: Connection,
    batch: SpeakerBatch,
    items: Sequence[_Item],
    margin: np.ndarray,
    similar: Callable[[int, list[int]], float],
) -> int:
    """Merge the batch by ``margin`` and store it; ``similar`` gives a new statement's best cosine
    to its mates (the member's stored similarity)."""
    rows = batch.rows
    cluster_of = merge(items, len(rows), margin, _too_far(items, len(rows)))
    stored = {cluster_of[index]: item.group for index, item in enumerate(items) if item.group is not None}
    created = 0
    opened: dict[int, str] = {}
    for index, row in enumerate(rows):
        cluster = cluster_of[index]
        mates = [column for column, value in enumerate(cluster_of) if value == cluster and column != index]
        similarity = similar(index, mates) if mates else 1.0
        group_id = stored.get(cluster) or opened.get(cluster)
        if group_id is None:
            opened[cluster] = _create(connection, row)
            created += 1
        else:
            _join(connection, group_id, row, similarity)
    return created
