"""Name lists the NER features consult: first names, places, organisations, person cues.

The lists are data in ``wortlaut/lang/de/ner_*.txt`` (one entry per line,
``#`` comments), written by hand from general knowledge, never from the
GermEval annotations.  Users can extend them; retraining lets the model learn
how much to trust each list.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from wortlaut.lang.tables import read_column

#: Organisation heads shorter than this (``AG``, ``SE``, ``KG``) match only as whole words, since as
#: word endings they would fire on ordinary nouns (``Vorschlag``, ``Gase``).
MIN_ENDING = 3

#: The generated place list (``wortlaut.ner.gazetteer_build``); optional, so older trees still load.
GEO_FILE = "ner_geo_places.txt"


def read_list(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a list file."""
    return read_column(path, columns=1)


def _lang_dir() -> Path:
    return Path(str(resources.files("wortlaut") / "lang" / "de"))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Look-up sets; places, organisations and first names match case-sensitively, cues in lower case."""

    first_names: frozenset[str]
    places: frozenset[str]
    org_names: frozenset[str]
    org_head_set: frozenset[str]
    org_endings: tuple[str, ...]
    person_cues: frozenset[str]
    #: Organisation-kind nouns (``Stromversorger``, ``Bank``) that stand before organisation names.
    org_types: tuple[str, ...] = ()
    #: Generated place names from CLDR and GeoNames (noisier than ``places``: its own flag).
    geo_places: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Load the ``ner_*.txt`` lists from ``directory`` (default: the package's ``lang/de``)."""
        base = directory or _lang_dir()
        heads = {head.lower() for head in read_list(base / "ner_org_heads.txt")}
        geo = base / GEO_FILE
        return cls(
            first_names=frozenset(read_list(base / "ner_first_names.txt")),
            places=frozenset(read_list(base / "ner_places.txt")),
            org_names=frozenset(read_list(base / "ner_org_names.txt")),
            org_head_set=frozenset(heads),
            org_endings=tuple(sorted(h for h in heads if len(h) >= MIN_ENDING)),
            person_cues=frozenset(c.lower() for c in read_list(base / "ner_person_cues.txt")),
            org_types=tuple(sorted(t.lower() for t in read_list(base / "ner_org_types.txt"))),
            geo_places=frozenset(read_list(geo)) if geo.is_file() else frozenset(),
        )

    def flags(self, word: str) -> list[str]:
        """Gazetteer feature names for one word form (also checks the parts of hyphenated words)."""
        flags: list[str] = []
        if word in self.first_names:
            flags.append("first")
        if word in self.places:
            flags.append("place")
        if word in self.org_names:
            flags.append("org")
        if word in self.geo_places:
            flags.append("geo")
        lower = word.lower()
        if lower in self.person_cues:
            flags.append("cue")
        if lower in self.org_head_set or (word[:1].isupper() and lower.endswith(self.org_endings)):
            flags.append("orghead")
        if "-" in word.strip("-"):
            head, _, tail = word.partition("-")
            for name, table in (("place", self.places), ("org", self.org_names), ("geo", self.geo_places)):
                if head in table:
                    flags.append(f"h1{name}")
                if tail in table:
                    flags.append(f"h2{name}")
        return flags

    def is_org_type(self, word: str) -> bool:
        """Whether ``word`` names a kind of organisation (``Stromversorger``, ``Bank``)."""
        return word.lower().endswith(self.org_types) if self.org_types else False
