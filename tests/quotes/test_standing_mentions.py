"""The statements' speaker look-up reads only the mentions that can overlap a phrase (issue 17zl): it must
pick what reading all of them picks, the first of equally good ones included."""

from __future__ import annotations

import random

from wortlaut.article import Mention
from wortlaut.quotes.statements import _best_mention, _Standing


def _mentions(seed: int) -> tuple[Mention, ...]:
    rng = random.Random(seed)
    mentions = []
    for _ in range(rng.randrange(0, 40)):
        start = rng.randrange(0, 300)
        end = start + rng.choice([1, 3, 8, 8, 20, 60])
        entity = rng.choice([None, "q1", "q2"])
        kind = rng.choice(["PER", "ORG", "LOC"])
        mentions.append(Mention(start=start, end=end, text="x" * (end - start), type=kind, entity=entity))
    return tuple(mentions)  # in no particular order, as a stage may leave them


def test_the_same_mention_as_reading_all_of_them() -> None:
    for seed in range(200):
        mentions = _mentions(seed)
        standing = _Standing(mentions)
        rng = random.Random(seed + 1000)
        queries = [(mention.start, mention.end) for mention in mentions]
        queries += [(start, start + rng.randrange(-2, 80)) for start in rng.sample(range(-10, 400), 40)]
        for start, end in queries:
            assert standing.mention(start, end) is _best_mention(mentions, start, end)
