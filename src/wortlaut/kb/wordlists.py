"""Word lists of ``lang/de`` read as match keys, for entity linking and coreference."""

from __future__ import annotations

from wortlaut.kb.normalize import key
from wortlaut.lang.tables import read_column, read_rows


def read_words(name: str) -> dict[str, str]:
    """First column (as a match key) → second column (or ``""``) of a ``lang/de`` data file."""
    rows = read_rows(name, columns=(1, 3))
    return {key(cells[0].strip()): cells[1].strip() if len(cells) > 1 else "" for cells in rows}


def read_keys(name: str) -> list[str]:
    """The non-comment lines of a ``lang/de`` word list, as match keys."""
    return [key(word) for word in read_column(name, columns=1)]
