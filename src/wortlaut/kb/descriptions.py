"""Role descriptions: find ``der ukrainische Präsident``-style phrases among the article's words.

The patterns are data (``lang/de/roles_descriptions.tsv``, grammar in its
header).  A match says what the phrase may refer to (role ids with the slot
``{c}`` filled from the country adjective or name it contains, a role family,
or a fixed entity); :mod:`wortlaut.coref` resolves it against the
knowledge base and the publication date, the entity stage links it to the
name it stands before (apposition).  Only positions holding a pattern's head
word are tried, which keeps matching linear and fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wortlaut.kb.gazetteer import Gazetteer
from wortlaut.kb.model import KB
from wortlaut.kb.normalize import key
from wortlaut.kb.text import Word
from wortlaut.lang.tables import TableError, read_rows

LANG_DIR = Path(__file__).resolve().parents[1] / "lang" / "de"
PATTERN_FILE = LANG_DIR / "roles_descriptions.tsv"
MODIFIER_FILE = LANG_DIR / "roles_modifiers.tsv"
ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})
#: Inflection endings a ``word~`` accepts: masculine and neuter nouns (-s -es -n -en -ns -ses) and, for
#: stems written with their -e (``Vorsitzende~``, ``Außenbeauftragte~``), the adjectival -n and -r.
#: No bare -e: ``Premier~`` must not match ``Premiere``.
NOUN_ENDINGS = ("", "n", "en", "s", "es", "ns", "ses", "r")
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
#: Length of the head-noun prefix used to skip words quickly (shorter than every head stem).
HEAD_PREFIX = 3
#: A description spans at most this many words before its head noun (DET MOD ADJ or DET MOD C - ).
MAX_LEFT_WORDS = 6


class PatternError(ValueError):
    """A malformed line in a description pattern file; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern word: kind is det, mod, adj, c, word or dash; ``stems`` for word alternatives."""

    kind: str
    optional: bool = False
    stems: tuple[str, ...] = ()
    inflects: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    elements: tuple[Element, ...]
    type: str
    targets: tuple[str, ...]
    needs: str | None
    heads: frozenset[str]


@dataclass(frozen=True, slots=True)
class Description:
    """A matched description: word range ``[first, last)``, what it may refer to, its time modifier."""

    first: int
    last: int
    type: str
    targets: tuple[str, ...]
    needs: str | None
    time: str | None
    article: str | None = None
    head: str = ""


def load_modifiers(path: Path = MODIFIER_FILE) -> dict[str, str]:
    """Modifier stem key → ``former`` / ``current``."""
    return {key(row[0]): row[1] for row in _rows(path, 2)}


def load_patterns(path: Path = PATTERN_FILE) -> list[Pattern]:
    """Parse the description pattern file."""
    patterns = []
    for number, row in enumerate(_rows(path, 3), 1):
        try:
            elements = tuple(_element(part) for part in row[0].split())
        except ValueError as error:
            raise PatternError(f"{path}: pattern {number}: {error}") from None
        heads = frozenset(stem for e in elements if e.kind == "word" and not e.optional for stem in e.stems)
        needs = row[3] if len(row) > 3 and row[3] else None
        patterns.append(Pattern(elements, row[1], tuple(row[2].split(",")), needs, heads))
    return patterns


def _rows(path: Path, width: int) -> list[list[str]]:
    """Stripped rows of ``width`` cells, or one more (an optional last column)."""
    try:
        return [[cell.strip() for cell in row] for row in read_rows(path, columns=(width, width + 1))]
    except TableError as error:
        raise PatternError(str(error)) from None


def _element(text: str) -> Element:
    optional = text.endswith("?")
    bare = text.rstrip("?")
    special = {"DET": "det", "MOD": "mod", "{ADJ}": "adj", "{C}": "c", "-": "dash"}
    if bare in special:
        return Element(special[bare], optional)
    if not bare or "{" in bare:
        raise ValueError(f"unknown pattern word {text!r}")
    alternatives = bare.split("|")
    stems = tuple(key(alt.rstrip("~")) for alt in alternatives)
    return Element("word", optional, stems, tuple(alt.endswith("~") for alt in alternatives))


class DescriptionMatcher:
    """Finds role descriptions in a word list; built once per stage from the pattern files."""

    def __init__(self, kb: KB, *, patterns: Sequence[Pattern] | None = None) -> None:
        self.kb = kb
        self.gazetteer = Gazetteer(kb)
        self.patterns = list(load_patterns() if patterns is None else patterns)
        self.modifiers = load_modifiers()
        self.by_head: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            for head in pattern.heads:
                self.by_head.setdefault(head, []).append(pattern)
        # Most words share no prefix with any head noun: a set lookup rules them out at once.
        self.head_prefixes = frozenset(head[:HEAD_PREFIX] for head in self.by_head)

    def find(self, items: Sequence[Word]) -> list[Description]:
        """All descriptions in the words, longest where they overlap."""
        found: list[Description] = []
        for head in range(len(items)):
            if items[head].key[:HEAD_PREFIX] not in self.head_prefixes:
                continue
            patterns = self._patterns_for(items[head].key)
            for first in range(max(0, head - MAX_LEFT_WORDS), head + 1):
                for pattern in patterns:
                    match = self._match(pattern, items, first)
                    if match is not None and match.last > head:
                        found.append(match)
        return _longest(found)

    def _patterns_for(self, word_key: str) -> list[Pattern]:
        result: list[Pattern] = []
        for ending in NOUN_ENDINGS:
            if ending and not word_key.endswith(ending):
                continue
            stem = word_key[: len(word_key) - len(ending)] if ending else word_key
            for pattern in self.by_head.get(stem, ()):
                if pattern not in result and _word_ok(pattern, stem, ending):
                    result.append(pattern)
        return result

    def _match(self, pattern: Pattern, items: Sequence[Word], first: int) -> Description | None:
        position, slot, time, article, head = first, "", None, None, ""
        sentence = items[first].sentence
        for element in pattern.elements:
            if position >= len(items) or items[position].sentence != sentence:
                if element.optional:
                    continue
                return None
            step = self._step(element, items, position)
            if step is None:
                if element.optional:
                    continue
                return None
            if element.kind in ("adj", "c"):
                slot = step[1]
            elif element.kind == "mod":
                time = step[1]
            elif element.kind == "det" and position == first:
                article = items[position].key
            elif element.kind == "word" and not head:
                head = items[position].key
            position = step[0]
        targets = tuple(target.replace("{c}", slot) for target in pattern.targets)
        return Description(first, position, pattern.type, targets, pattern.needs, time, article, head)

    def _step(self, element: Element, items: Sequence[Word], at: int) -> tuple[int, str] | None:
        word = items[at].key
        if element.kind == "det":
            return (at + 1, "") if word in ARTICLES else None
        if element.kind == "dash":
            return (at + 1, "") if word == "-" else None
        if element.kind == "mod":
            return self._modifier(items, at)
        if element.kind == "adj":
            country = self._adjective(word)
            return (at + 1, country) if country else None
        if element.kind == "c":
            start = at + 1 if word in ARTICLES else at
            found = self.gazetteer.match(items, start) if start < len(items) else None
            return (found[0], found[1][0].entity) if found else None
        for stem, inflects in zip(element.stems, element.inflects, strict=True):
            if word == stem or (inflects and any(word == stem + end for end in NOUN_ENDINGS)):
                return at + 1, ""
        return None

    def _modifier(self, items: Sequence[Word], at: int) -> tuple[int, str] | None:
        word = items[at].key
        for ending in ADJ_ENDINGS:
            stem = word[: len(word) - len(ending)] if ending else word
            if (not ending or word.endswith(ending)) and stem in self.modifiers:
                after = at + 2 if at + 1 < len(items) and items[at + 1].key == "-" else at + 1
                return after, self.modifiers[stem]
        return None

    def _adjective(self, word: str) -> str | None:
        for ending in ADJ_ENDINGS:
            if ending and not word.endswith(ending):
                continue
            country = self.kb.country_of_adjective(word[: len(word) - len(ending)] if ending else word)
            if country:
                return country
        return None


def _word_ok(pattern: Pattern, stem: str, ending: str) -> bool:
    """Whether the head ``stem`` + ``ending`` is allowed (an uninflected alternative takes no ending)."""
    if not ending:
        return True
    for element in pattern.elements:
        for alt, inflects in zip(element.stems, element.inflects, strict=True):
            if alt == stem and inflects:
                return True
    return False


def _longest(found: list[Description]) -> list[Description]:
    """Keep the longest description where matches of one type overlap (earlier wins ties).

    Descriptions of different types may nest: ``den Leiter des Bündnisses`` (PER) holds
    ``des Bündnisses`` (ORG).
    """
    chosen: list[Description] = []
    taken: dict[str, set[int]] = {}
    for item in sorted(found, key=lambda d: (-(d.last - d.first), d.first)):
        words = taken.setdefault(item.type, set())
        if words.isdisjoint(range(item.first, item.last)):
            words.update(range(item.first, item.last))
            chosen.append(item)
    return sorted(chosen, key=lambda d: d.first)
