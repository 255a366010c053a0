"""Build the background mean that :class:`~wortlaut.link.encoder.E5Encoder` subtracts.

``python -m wortlaut.link.background`` embeds every sentence of the dev half
of the project's story collection (text written for the project, so the
vector carries no third-party licence) with e5's ``query:`` prefix and saves
their mean to ``link/data/e5_background.npy`` (384 float32, 1.5 kB).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from wortlaut.link.encoder import BACKGROUND_FILE, E5Encoder

_SENTENCE = re.compile(r"(?<=[.!?“\"])\s+|\n+")
#: Sentences shorter than this (headline fragments, bylines) say little about the background.
MIN_SENTENCE = 30


def sentences() -> list[str]:
    """Sentences of the dev half of the story collection (seeds are not part of it)."""
    from wortlaut.eval.stories import load_collection

    articles, _ = load_collection()
    found = []
    for item in articles:
        if item.split == "dev":
            found += [part.strip() for part in _SENTENCE.split(item.article.text) if len(part.strip()) >= MIN_SENTENCE]
    return found


def main() -> None:
    texts = sentences()
    mean = E5Encoder(center=False).raw(texts).mean(axis=0).astype(np.float32)
    target = Path(__file__).with_name("data") / BACKGROUND_FILE
    np.save(target, mean)
    print(f"wrote {target} from {len(texts)} sentences")


if __name__ == "__main__":
    main()
