"""Knowledge-base names as CRF features: which words are parts of known PER, ORG or LOC names.

The knowledge base (``wortlaut/kb/data``) lists the people, organisations
and places German political news talks about, with their aliases.  Its
names are written from the public record, not from GermEval, so they can
serve as a gazetteer without leaking annotation into cross-validation.  A
word gets a flag per type and position: ``kb=PER:e`` for the last word of a
person's name (``Scholz``), ``kb=ORG:b`` for the first word of a multi-word
organisation name, ``kb=LOC`` for a one-word place name.  Function words
inside names (``der``, ``für``) are not flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: Entity types the flags distinguish (the KB's MISC entities are left out).
KB_TYPES = frozenset({"PER", "ORG", "LOC"})


def _position(index: int, size: int) -> str:
    if size == 1:
        return ""
    if index == 0:
        return ":b"
    return ":e" if index == size - 1 else ":i"


def position_flags(
    names: Iterable[tuple[str, str]], keep: Callable[[str], bool]
) -> dict[str, tuple[str, ...]]:
    """Word form -> flags: each kept word of a name gets the name's label plus its place in it."""
    flags: defaultdict[str, set[str]] = defaultdict(set)
    for name, label in names:
        words = name.split()
        for index, word in enumerate(words):
            if keep(word):
                flags[word].add(label + _position(index, len(words)))
    return {word: tuple(sorted(found)) for word, found in flags.items()}


@dataclass(frozen=True, slots=True)
class NameFlags:
    """Word form -> the flags of the listed names it is part of (KB names, the organisation list)."""

    table: dict[str, tuple[str, ...]]

    def flags(self, word: str) -> list[str]:
        """The form's flags; a genitive ``-s`` form (``Merkels``) gets its base form's flags."""
        found = self.table.get(word)
        if found is None and word.endswith("s"):
            found = self.table.get(word[:-1])
        return list(found) if found else []


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and len(word) > 1


@dataclass(frozen=True, slots=True)
class KbNames(NameFlags):
    """Word form -> its knowledge-base flags."""

    @classmethod
    def from_names(cls, names: list[tuple[str, str]]) -> KbNames:
        """Build from (name, type) pairs: capitalised words of each name get ``kb=TYPE[:pos]``."""
        labelled = ((name, f"kb={kind}") for name, kind in names if kind in KB_TYPES)
        return cls(position_flags(labelled, _capitalised))

    @classmethod
    def load(cls) -> KbNames:
        """The shipped knowledge base's names, aliases and metonyms (with the metonym's own type).

        Only the shipped files, not ``$WORTLAUT_KB``: a trained model's features must mean
        what they meant in training.
        """
        from wortlaut.kb.loader import kb_files, load_kb

        names: list[tuple[str, str]] = []
        for entity in load_kb(kb_files(extra="")).entities.values():
            names += [(name, entity.type) for name in entity.names]
            names += [(metonym.alias, metonym.type) for metonym in entity.metonyms]
        return cls.from_names(names)
