"""Match keys for names: how two spellings of one name are made equal.

A key is the casefolded word with diacritics removed and ``ß`` written ``ss``,
so ``Selenskyj``/``SELENSKYJ`` and ``Ukrainë``/``Ukraine`` meet.  Names are
cut into words at spaces and hyphens (the hyphen is a word of its own), the
same way for knowledge-base aliases and for article tokens, so a multi-word
alias matches whatever the tokenizer did with ``Baden-Württemberg``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wortlaut.textnorm import name_key

#: Words are runs of anything but whitespace and hyphen-like dashes; dashes are words too.
WORD = re.compile(r"[-‐‑–]|[^\s\-‐‑–]+")
#: Punctuation trimmed from both ends of a word before it becomes a key.
EDGE_PUNCT = "\"'„“”‚‘’»«()[]{}.,;:!?…"
#: Cache size for :func:`key`: the distinct words of a few thousand articles.
KEY_CACHE_SIZE = 65536


@lru_cache(maxsize=KEY_CACHE_SIZE)
def key(word: str) -> str:
    """The match key of one word: casefold, no diacritics, ``ß`` → ``ss``, edge punctuation off.

    A word that is all punctuation keeps it (``","`` stays ``","``).
    """
    return name_key(word.strip(EDGE_PUNCT) or word)


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, word)``, hyphens split off as words of their own."""
    return [(match.start(), match.end(), match.group()) for match in WORD.finditer(text)]


def name_keys(name: str) -> tuple[str, ...]:
    """The key sequence of a whole name (``"Wolodymyr Selenskyj"`` → ``("wolodymyr", "selenskyj")``)."""
    return tuple(k for k in (key(word) for _, _, word in words(name)) if k)


def handle_key(handle: str) -> str:
    """Handles compare case-insensitively, with or without the leading ``@``."""
    return "@" + handle.strip().lstrip("@").casefold()


def slug(name: str) -> str:
    """A stable id part for a name: keys joined by ``-`` (``"Hans Müller"`` → ``"hans-muller"``)."""
    parts = [re.sub(r"[^a-z0-9]+", "", k) for k in name_keys(name) if k not in "-"]
    return "-".join(part for part in parts if part) or "x"
