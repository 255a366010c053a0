"""Longest-match lookup of knowledge-base names over a word list.

Aliases are indexed by their first key (:attr:`KB.by_first_key`), longest
first, so finding all names is one dict lookup per word plus a short
comparison.  The last word may carry a genitive ending (``Wolodymyr
Selenskyjs``).  Capitalisation counts where it separates names from words:
an alias written with a capital needs a capital in the text (``Linke`` the
party, not ``die linke Hand``), and a short all-capitals alias needs capitals
(``EU``, ``UN``, ``X``).
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.kb.model import KB, AliasEntry, strip_genitive
from wortlaut.kb.text import Word

#: All-capital aliases up to this length must be written in capitals (EU, UN, USA, NATO, X);
#: longer ones are proper words often written in title case (``Nato``) and get their own aliases.
SHORT_CAPS = 4
#: Last characters of a word that may be a genitive (``Russlands``, ``Macron's``, ``Paris'``).
GENITIVE_LAST = frozenset("s'")


class Gazetteer:
    """Matches KB names at word positions; read-only after construction."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb

    def match(self, items: Sequence[Word], at: int) -> tuple[int, tuple[AliasEntry, ...]] | None:
        """The longest name starting at ``items[at]``: its end index and the entries it links to."""
        word = items[at]
        candidates = self.kb.by_first_key.get(word.key, ())
        stripped = strip_genitive((word.key,))[0] if word.key[-1:] in GENITIVE_LAST else word.key
        if stripped != word.key:
            singles = tuple(e for e in self.kb.by_first_key.get(stripped, ()) if len(e.keys) == 1)
            candidates = candidates + singles
        if not candidates:  # most words (a plain list, not ``list[AliasEntry]()``: ~1 us less a word)
            return None
        best: list[AliasEntry] = []
        best_end = 0
        for entry in candidates:
            end = at + len(entry.keys)
            if end < best_end or end > len(items) or not _fits(entry, items, at):
                continue
            if end > best_end:
                best_end, best = end, []
            if all(other.entity != entry.entity for other in best):
                best.append(entry)
        return (best_end, tuple(best)) if best else None


def _fits(entry: AliasEntry, items: Sequence[Word], at: int) -> bool:
    if not _case_fits(entry.surface, items[at].text):
        return False
    if entry.after and (at == 0 or items[at - 1].key not in entry.after):
        return False
    sentence, last = items[at].sentence, len(entry.keys) - 1
    for offset, expected in enumerate(entry.keys):
        word = items[at + offset]
        if word.sentence != sentence:
            return False
        if word.key != expected and not (offset == last and strip_genitive((word.key,))[0] == expected):
            return False
    return True


def _case_fits(surface: str, text: str) -> bool:
    if surface.isupper() and len(surface) <= SHORT_CAPS:
        return text.isupper()
    if surface[:1].isupper():
        return text[:1].isupper()
    return True
