"""The stories active around a batch's dates, held in memory while the batch is clustered.

Split from :mod:`wortlaut.link.stories` (which scores and assigns articles): what is loaded from the
store for a batch (:func:`load_active`), kept per story as articles join (:class:`ActiveStories`), and
reused by the clustering under the write lock when a lead cascade's dry run already read it
(:class:`Loaded`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from wortlaut.store import link_tables
from wortlaut.store.embeddings import from_blob, load_blobs
from wortlaut.store.rows import Connection, Row

#: Upper bound on candidate stories loaded per batch (most recent first), for bursts.
MAX_ACTIVE = 5000
#: An entity belongs to a story's core when it occurs in at least this share of its articles.
CORE_SHARE = 0.3


def parse_day(day: str) -> date:
    """The date of an ISO day (or timestamp); today when it is none (a story still gets a place in time)."""
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return date.today()


def day_ordinal(day: str) -> int:
    """The day as a proleptic Gregorian ordinal, the unit of the stories' spans and the time decay."""
    return parse_day(day).toordinal()


@dataclass
class ActiveStories:
    """The stories around a batch's dates, held in memory while the batch is clustered.

    Besides the per-story lists (what :func:`_write` stores) it keeps what
    :func:`_scores` reads for every article, updated per story as articles join
    instead of rebuilt per article (with every story active, e.g. one day's
    news, that rebuild made each article's cost grow with the collection):
    the sums stacked in one matrix with their norms, each story's core entities,
    and which stories have each entity in their core (so an article's shared
    core entities are counted per entity, not per story that merely counts one;
    by story id, so that the stories can be put in another order without it).
    The numbers are computed by the same numpy calls on the same rows, so the
    scores are the same bits.
    """

    ids: list[str] = field(default_factory=list)
    sums: list[np.ndarray] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    entities: list[Counter[str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    new: set[int] = field(default_factory=set)
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32), repr=False)
    _norms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32), repr=False)
    _cores: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _by_core: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _position: dict[str, int] = field(default_factory=dict, repr=False)
    #: In a :meth:`draft`: the stories (by index) whose entity counts, and the entities whose
    #: core-index sets, are still the original's objects (copied before the first change).
    _lent_counts: set[int] = field(default_factory=set, repr=False)
    _lent_cores: set[str] = field(default_factory=set, repr=False)

    def add(
        self,
        story_id: str,
        vector: np.ndarray,
        first: int,
        last: int,
        size: int,
        entities: Counter[str],
        title: str,
    ) -> int:
        self.ids.append(story_id)
        self.sums.append(np.array(vector, dtype=np.float32))
        self.first.append(first)
        self.last.append(last)
        self.sizes.append(size)
        self.entities.append(entities)
        self.titles.append(title)
        index = self._position[story_id] = len(self.ids) - 1
        self._grow(len(self.sums[index]))
        self._set_sum(index)
        self._set_core(index)
        return index

    def absorb(self, index: int, vector: np.ndarray, day: int, entities: frozenset[str]) -> None:
        """Add an article (its vector, day and entity ids) to story ``index``."""
        self.sums[index] = self.sums[index] + vector
        self._set_sum(index)
        self.first[index] = min(self.first[index], day)
        self.last[index] = max(self.last[index], day)
        self.sizes[index] += 1
        if index in self._lent_counts:
            self._lent_counts.discard(index)
            self.entities[index] = Counter(self.entities[index])
        self.entities[index].update(entities)
        self._set_core(index)
        self.touched.add(index)

    def matrix(self) -> tuple[np.ndarray, np.ndarray]:
        """The stacked sums (one row per story, as ``np.stack(self.sums)``) and their norms, zeros as 1."""
        return self._matrix[: len(self.ids)], self._norms[: len(self.ids)]

    def core(self, index: int) -> frozenset[str]:
        """Entities in at least :data:`CORE_SHARE` of story ``index``'s articles (at least one)."""
        return self._cores[self.ids[index]]

    def shared_cores(self, entities: frozenset[str]) -> dict[int, int]:
        """How many of ``entities`` each story (by index) has in its core (stories with none are absent)."""
        counts: Counter[str] = Counter()
        for entity in entities:
            stories = self._by_core.get(entity)
            if stories:
                counts.update(stories)
        position = self._position
        return {position[story_id]: count for story_id, count in counts.items()}

    def _set_core(self, index: int) -> None:
        """(Re)compute story ``index``'s core and its entries in the entity → core stories index."""
        least = max(1.0, CORE_SHARE * self.sizes[index])
        core = frozenset(entity for entity, count in self.entities[index].items() if count >= least)
        story_id = self.ids[index]
        old = self._cores.get(story_id, frozenset())
        if core == old and story_id in self._cores:
            return
        for entity in old - core:
            self._core_stories(entity).discard(story_id)
        for entity in core - old:
            self._core_stories(entity).add(story_id)
        self._cores[story_id] = core

    def _core_stories(self, entity: str) -> set[str]:
        """The stories with ``entity`` in their core, this object's own set (a draft copies it first)."""
        if entity in self._lent_cores:
            self._lent_cores.discard(entity)
            self._by_core[entity] = set(self._by_core[entity])
        return self._by_core.setdefault(entity, set())

    def draft(self) -> ActiveStories:
        """A copy to change (a dry run's) while this object stays as it is, for as long as the copy is used.

        The lists, the matrix and the dicts are copied; each story's entity counts and each
        entity's set of core stories stay shared until the copy changes them (then it copies
        that one). A full copy of those took ~3-10 ms a batch, growing with the active stories (a
        day's news: all of them), for the few stories a batch's 32 articles touch. This object
        must not change while the draft is used (the clustering runs after the dry run ends).
        """
        copy = ActiveStories(
            list(self.ids), list(self.sums), list(self.first), list(self.last), list(self.sizes),
            list(self.entities), list(self.titles), set(self.touched), set(self.new),
        )  # fmt: skip
        copy._matrix, copy._norms = self._matrix.copy(), self._norms.copy()
        copy._cores, copy._position = dict(self._cores), dict(self._position)  # frozensets: never changed
        copy._by_core = dict(self._by_core)
        copy._lent_counts, copy._lent_cores = set(range(len(self.ids))), set(self._by_core)
        return copy

    def reordered(self, rows: Sequence[Row]) -> ActiveStories | None:
        """These stories as :func:`load_active` reads them from ``rows`` (their stored rows, in the
        query's order), or ``None`` when any row differs from what is held here (then read them).

        The lists' items move (the sums, the counts, the cores), so this object is used up; the
        matrix and norms are built by :meth:`index_all`, as a load builds them: the same bits.
        """
        if len(rows) != len(self.ids):
            return None
        position = {story_id: index for index, story_id in enumerate(self.ids)}
        order = []
        for row in rows:
            index = position.get(row["id"])
            if index is None or (row["size"], row["title"] or "") != (self.sizes[index], self.titles[index]):
                return None
            if (day_ordinal(row["first_date"]), day_ordinal(row["last_date"])) != (
                self.first[index],
                self.last[index],
            ):
                return None
            order.append(index)
        fresh = ActiveStories(
            [self.ids[index] for index in order], [self.sums[index] for index in order],
            [self.first[index] for index in order], [self.last[index] for index in order],
            [self.sizes[index] for index in order], [self.entities[index] for index in order],
            [self.titles[index] for index in order],
        )  # fmt: skip
        fresh._cores, fresh._by_core = self._cores, self._by_core  # by story id: the order does not matter
        fresh.index_all(cores=False)
        return fresh

    def index_all(self, *, cores: bool = True) -> None:
        """Build the matrix, norms and core index of stories put in the lists directly (a batch's
        load): what :meth:`add` does one story at a time, with one copy and one norm call for all.
        ``cores=False``: the core index is there already (the stories were only put in another order).

        The same bits: each row's norm is the same float32 reduction over the same contiguous row.
        """
        count = len(self.ids)
        self._position = {story_id: index for index, story_id in enumerate(self.ids)}
        if not count:
            return
        dim = len(self.sums[0])
        self._matrix = np.zeros((max(count, 64), dim), dtype=np.float32)
        self._matrix[:count] = np.stack(self.sums)
        norms = np.linalg.norm(self._matrix[:count], axis=1)
        norms[norms == 0] = 1.0
        self._norms = np.ones(self._matrix.shape[0], dtype=np.float32)
        self._norms[:count] = norms
        for index in range(count) if cores else ():
            self._set_core(index)

    def _grow(self, dim: int) -> None:
        rows = len(self.ids)
        if self._matrix.shape[1] != dim and not self._matrix.shape[0]:
            self._matrix = np.zeros((0, dim), dtype=np.float32)
        if rows > self._matrix.shape[0]:
            capacity = max(rows, 2 * self._matrix.shape[0], 64)
            matrix = np.zeros((capacity, dim), dtype=np.float32)
            matrix[: self._matrix.shape[0]] = self._matrix
            norms = np.ones(capacity, dtype=np.float32)
            norms[: self._norms.shape[0]] = self._norms
            self._matrix, self._norms = matrix, norms

    def _set_sum(self, index: int) -> None:
        self._matrix[index] = self.sums[index]
        norm = np.linalg.norm(self._matrix[index : index + 1], axis=1)
        norm[norm == 0] = 1.0
        self._norms[index] = norm[0]


def load_active(
    connection: Connection, kind: str, low: str, high: str, rows: Sequence[Row] | None = None
) -> ActiveStories:
    """Stories whose span comes within the window [low, high] (``rows``: their rows, already read)."""
    active = ActiveStories()
    if rows is None:
        rows = link_tables.active_stories(connection, low, high, MAX_ACTIVE)
    if not rows:
        return active
    ids = [row["id"] for row in rows]
    sums = load_blobs(connection, kind, ids)
    counts: dict[str, Counter[str]] = {story_id: Counter() for story_id in ids}
    for row in link_tables.story_entity_counts(connection, ids):
        counts[row["story_id"]][row["entity"]] = row["count"]
    for row in rows:
        story_id = row["id"]
        if story_id in sums:
            active.ids.append(story_id)
            active.sums.append(np.array(from_blob(sums[story_id]), dtype=np.float32))
            active.first.append(day_ordinal(row["first_date"]))
            active.last.append(day_ordinal(row["last_date"]))
            active.sizes.append(row["size"])
            active.entities.append(counts[story_id])
            active.titles.append(row["title"] or "")
    active.index_all()
    return active


@dataclass(frozen=True)
class Loaded:
    """The active stories a lead cascade's dry run read before the write lock (an untouched copy).

    The clustering under the lock takes them instead of reading them again when
    they are the same: same cache kind and window, and no other connection
    committed since (SQLite's ``data_version``; nothing of the batch's own
    writes before the clustering touches stories).
    """

    kind: str
    window: tuple[str, str]
    version: int
    active: ActiveStories


def active_for(
    connection: Connection, kind: str, window: tuple[str, str], loaded: Loaded | None, keep: bool
) -> tuple[ActiveStories, Loaded | None]:
    """The active stories (``loaded``'s when still the same), or read afresh with ``keep``, a
    :meth:`~ActiveStories.draft` of them for a dry run and the untouched ones for the clustering."""
    same = loaded is not None and (loaded.kind, loaded.window) == (kind, window)
    if loaded is not None and same and loaded.version == link_tables.data_version(connection):
        return loaded.active, None
    version = link_tables.data_version(connection) if keep else None
    rows = link_tables.active_stories(connection, *window, MAX_ACTIVE)
    active = _carried(connection, kind, window, rows) or load_active(connection, kind, *window, rows)
    if version is None:
        return active, None
    return active.draft(), Loaded(kind, window, version, active)  # the dry run changes the draft


#: The stories the last clustering left in memory, with the connection it wrote them through
#: (one slot: ingest links every batch through one connection).  See :func:`carry`.
_last: tuple[Connection, Loaded] | None = None


def carry(connection: Connection, kind: str, window: tuple[str, str], active: ActiveStories) -> None:
    """Keep the stories a clustering just wrote (``active``, as written), so that the next batch of
    the same window takes them from memory instead of reading every sum and entity count again.

    With every story of a day active that read grew with the collection (34 ms a batch at 962
    stories).  :func:`_carried` takes them only when nothing can have changed them: no other
    connection committed since (SQLite's ``data_version``) and every active story's row (id,
    span, size, title) is the one kept; a rolled-back batch or a deleted article changes a
    size or the ids, and then they are read again.
    """
    global _last
    version = link_tables.data_version(connection)
    _last = None if version is None else (connection, Loaded(kind, window, version, active))


def _carried(
    connection: Connection, kind: str, window: tuple[str, str], rows: Sequence[Row]
) -> ActiveStories | None:
    """The stories :func:`carry` kept, in the order of ``rows`` as :func:`load_active` builds them,
    when they are still the stored ones (else ``None``: read them again); taken once."""
    global _last
    last, _last = _last, None
    if last is None or last[0] is not connection:
        return None
    kept = last[1]
    if (kept.kind, kept.window) != (kind, window) or kept.version != link_tables.data_version(connection):
        return None
    return kept.active.reordered(rows)
