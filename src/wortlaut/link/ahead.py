"""The e5 statement texts an ingest worker can encode ahead: those the article's own pairs decide.

A cascade (:mod:`wortlaut.link.cascade`) reads e5 for the statements of the
speaker pairs whose static margin is unsure, and the :func:`~wortlaut.link.pairs.closure`
around them (:mod:`wortlaut.link.pairs`).  Most such pairs lie within one
article (one speaker quoted several times: 606 of the 751 e5 statement texts of
1,000 fresh 10kGNAD articles, issue 17zk), and those need nothing from the store:
their static margins, the band check and the closure over the article's own
statements are the same in the linking of the article's batch, where the other
articles' statements and the stored groups only add pairs.  So the worker that
analysed the article runs the same check on it, encodes the texts it finds with
the same e5 encoder, and hands the vectors over; linking caches them instead of
encoding them in the single main process and its helper (``prefetch``'s
``given``).  Same vectors (e5 gives a text the same bits alone or in a batch),
so the same groups; a text handed over that the batch does not read is never
cached, and one the worker did not find is encoded as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from wortlaut.article import Article
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.pairs import Choice, precise_pairs
from wortlaut.link.statement_merge import _Item
from wortlaut.link.statements import SpeakerBatch, StatementRow, _items, thresholds
from wortlaut.link.update import MAX_LINKED_STATEMENTS
from wortlaut.store.writer import item_id


def article_rows(article: Article) -> list[StatementRow]:
    """The rows linking loads for ``article``'s statements once it is stored (not grouped yet).

    The same fields as the store's query (``statement_groups.ungrouped_statements``: statements
    with a speaker entity; the day is the statement's date, else the publication date; the
    language ``de`` when unknown), in its order (day, id), capped as linking caps an article.
    A statement without a date in an article without one is dated by the store's ingest time,
    unknown here: its pairs are then considered by day, where linking may find them too far apart
    (a text encoded that linking does not read, never one missed).
    """
    language = article.language if article.language is not None else "de"
    rows = []
    for statement in article.statements:
        speaker = statement.speaker
        if speaker is None or speaker.entity is None:
            continue
        day = statement.date.value if statement.date else article.published
        rows.append(
            StatementRow(
                item_id(article.id, statement.id),
                article.id,
                statement.mode,
                statement.quote.text,
                speaker.entity,
                (day if day is not None else article.published or "")[:10],
                language,
            )
        )
    return sorted(rows, key=lambda row: (row.date, row.id))[:MAX_LINKED_STATEMENTS]


def own_precise_texts(cascade: CascadeEncoder, rows: Sequence[StatementRow]) -> list[str]:
    """The statement texts ``cascade``'s precise encoder reads for these rows alone (one article's).

    Per speaker, as linking decides a batch without stored members
    (:func:`~wortlaut.link.statements.choice_for_batch`), with the static vectors encoded here.
    """
    by_speaker: dict[str, list[StatementRow]] = defaultdict(list)
    for row in rows:
        by_speaker[row.speaker].append(row)
    limits = (thresholds(cascade.cheap.family), thresholds(cascade.precise.family))
    texts: dict[str, None] = {}
    for speaker, own in by_speaker.items():
        if len(own) < 2:  # a lone statement is compared with nothing of its article
            continue
        items = _items(SpeakerBatch(speaker, tuple(own), ()))
        undecided = precise_pairs(cascade, items, len(own), _cheap(cascade, items), limits)
        texts.update((items[index].text, None) for index in Choice(cascade, undecided).precise_items())
    return list(texts)


def _cheap(cascade: CascadeEncoder, items: Sequence[_Item]) -> np.ndarray:
    """The items' static vectors, one row each (what the store's cache holds for their texts)."""
    return np.asarray(cascade.cheap.encode([item.text for item in items]))
