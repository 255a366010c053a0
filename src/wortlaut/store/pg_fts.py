"""The newest full-text matches on PostgreSQL, read in widening ``rid`` windows (issue 19).

Search wants the ``count`` most recently stored rows matching an expression
(``ORDER BY rid DESC LIMIT count``).  PostgreSQL has two plans for that query
and chooses between them by its estimate of how common the words are: walk
the ``rid`` index backwards testing each row's vector (fast when matches are
dense, a scan of most of the table when they are rare), or fetch every match
through the GIN index and sort them (fast when matches are few, slow for a
word in a tenth of a million rows).  For words of middle frequency the
estimate is often wrong, and either plan can cost 100+ ms at 1 M statements.

Here the newest rows are read in windows of ``rid``: the newest ``span`` rows
first, then older windows sized from the density of matches seen so far,
until ``count`` matches are found or the table is exhausted.  Each window is
read as a whole set (``OFFSET 0`` keeps the planner from walking the index to
satisfy the ``LIMIT``) with plain index scans turned off for that one query
(``SET LOCAL`` in the same message, whose statements run as one transaction:
no session setting outlives the query, also behind a transaction pool; inside
an open transaction it lasts until that ends): the planner then ANDs the
GIN bitmap with the ``rid`` range's bitmap, and only the matches inside the
window are read from the table.  Left to itself it scans the ``rid`` range and
tests every row's vector, which it costs as cheap but which reads each row's
TOASTed ``stem_tsv`` (12 ms against 1.4 ms for a 4,000-article window on the
500 k benchmark store).  The
result is the same rows in the same order as the one-query form: every row
outside the windows read is older than every row returned.
"""

from __future__ import annotations

import math
from typing import Any, cast

from wortlaut.store.reader import Reader

#: Rows in the first window per match asked for: a word in a quarter of the rows or more (the
#: commonest few hundred words) is done in one window; rarer words take a second window sized from
#: the first one's density (measured on the 500 k benchmark store: a first window of 50 rows per
#: match made common words read 25,000 matches through the GIN index, 265 ms for "was").
FIRST_SPAN_PER_MATCH = 4
#: The smallest first window: a few thousand rows cost about as much to test as a few hundred.
MIN_FIRST_SPAN = 4_000
#: The next window holds this many times the matches still missing at the density seen so far, so
#: that one more window is usually the last (a second guess costs a round trip; a wider one little).
OVERSHOOT = 2.0
#: Growth of the span read when no match was found yet (no density to size the next window from).
EMPTY_GROWTH = 16


def newest_matches(
    db: Reader, table: str, expression: str, count: int, *, top: int | None = None
) -> list[int]:
    """The ``rid`` of the ``count`` newest rows of ``table`` matching a ``to_tsquery`` expression.

    ``top`` is the table's largest ``rid`` when the caller read it already (:func:`tops`), else it is read
    here.  Rows stored after it was read may be left out, as if the search had run a moment earlier.
    """
    if count <= 0:
        return []
    if top is None:
        top = tops(db, table)[table]
    if top is None:
        return []
    found: list[int] = []
    upper = int(top)
    span = max(MIN_FIRST_SPAN, count * FIRST_SPAN_PER_MATCH)
    while True:
        lower = upper - span
        found += _window(db, table, expression, lower if lower > 0 else None, upper, count - len(found))
        if len(found) >= count or lower <= 0:
            return found[:count]
        covered = top - lower
        span = max(covered, _next_span(len(found), covered, count))
        upper = lower


def tops(db: Reader, *tables: str) -> dict[str, int | None]:
    """The largest ``rid`` of each table (``None`` for an empty one), read in one round trip."""
    columns = ", ".join(f"(SELECT max(rid) FROM {table}) AS {table}" for table in tables)
    row = db.rows(f"SELECT {columns}")[0]
    return {table: None if row[table] is None else int(row[table]) for table in tables}


def _next_span(found: int, covered: int, count: int) -> int:
    """Rows to read next for the matches still missing, from the density seen so far."""
    if found == 0:
        return covered * EMPTY_GROWTH
    return math.ceil(OVERSHOOT * (count - found) * covered / found)


def _window(db: Reader, table: str, expression: str, lower: int | None, upper: int, count: int) -> list[int]:
    """Matches with ``lower < rid <= upper`` (``None``: no lower bound), newest first, ``count`` at most."""
    bound = "" if lower is None else " AND rid > ?"
    params: tuple[object, ...] = (expression, upper) if lower is None else (expression, upper, lower)
    with db.bounded():
        cursor = cast(Any, db.connection).cursor().execute(
            "SET LOCAL enable_indexscan = off;"
            f" SELECT rid FROM (SELECT rid FROM {table} WHERE stem_tsv @@ to_tsquery('simple', ?)"
            f" AND rid <= ?{bound} OFFSET 0) w ORDER BY rid DESC LIMIT ?",
            (*params, count),
        )
        cursor.nextset()
        return [int(row["rid"]) for row in cursor.fetchall()]
