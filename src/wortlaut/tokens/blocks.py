"""Blocks of text no sentence may cross: lines, cut at structure boundaries, minus boilerplate.

The text is cut at line breaks and at the boundaries of the article structure
(headline, captions, paragraphs, posts), and boilerplate blocks are skipped,
so no sentence crosses a paragraph and later stages never see boilerplate.
"""

from __future__ import annotations

import itertools
import re

from wortlaut.article import Structure


def text_blocks(text: str, structure: Structure | None) -> list[tuple[int, int]]:
    """Stretches of text no sentence may cross: lines, cut at structure boundaries, minus boilerplate."""
    cuts = {0, len(text)}
    skip: list[tuple[int, int]] = []
    if structure is not None:
        parts = [structure.headline, *structure.captions, *structure.paragraphs, *structure.posts]
        for part in parts:
            if part is not None:
                cuts.update((part.start, part.end))
        for part in structure.boilerplate:
            cuts.update((part.start, part.end))
            skip.append((part.start, part.end))
    cuts.update(match.start() for match in re.finditer("\n", text))
    points = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    blocks = []
    for start, end in itertools.pairwise(points):
        if any(a <= start < b for a, b in skip):
            continue
        if text[start:end].strip():
            blocks.append((start, end))
    return blocks
