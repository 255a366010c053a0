"""Word clusters for the CRF: each listed word form's cluster at three granularities.

A CRF trained on a few thousand sentences has seen few of the names in new
text; a cluster id shared with forms it has seen lets it generalise (the
classic use of Brown clusters in NER).  The clusters come from multilingual-e5
vectors of each form alone, k-means at 1024 clusters and then over those
centroids at 256 and 64 (see :mod:`wortlaut.ner.clusters_build`, which writes
the table), so at run time a form's clusters are a dictionary look-up.

File format (``word_clusters.tsv.gz`` beside the model, UTF-8, gzip): ``#``
comment lines, then ``form<TAB>source<TAB>coarse<TAB>middle<TAB>fine`` with the
form in lower case and ``source`` ``w`` for a form of the general word list
(wordfreq), ``g`` for one listed only because GermEval's training text has it.

Why the source matters: the table lists the training sentences' capitalised
forms, so every training name has a cluster, while a name in new text has one
only if the general list knows it.  Scoring such a model on sentences whose
forms are listed too would flatter it; cross-validation therefore keeps, per
fold, only the general forms and those of the fold's training side
(:meth:`WordClusters.restricted`), which is what new text meets.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: File name of the table inside ``wortlaut/models/ner-crf``.
CLUSTERS_FILE = "word_clusters.tsv.gz"
#: Names of the three levels, coarse to fine, as they appear in feature names (``c64=17``).
LEVELS: tuple[str, ...] = ("c64", "c256", "c1024")
#: Shortest compound tail whose cluster stands in for an unlisted capitalised form
#: (``Bundestagsabgeordnetenbüro`` -> ``büro``); as for the frequency tails.
MIN_TAIL = 4


class ClustersError(ValueError):
    """The cluster table is missing or malformed."""


def default_clusters_path() -> Path:
    """Where ``clusters_build`` writes the table and the ``cluster`` group reads it."""
    return Path(str(resources.files("wortlaut") / "models" / "ner-crf" / CLUSTERS_FILE))


@dataclass(frozen=True, slots=True)
class WordClusters:
    """Lower-cased form -> its cluster ids, coarse to fine; ``general``: forms of the general list."""

    table: dict[str, tuple[str, ...]]
    general: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> WordClusters:
        """Read a table file; a missing or malformed file is a :class:`ClustersError` naming it."""
        source = path or default_clusters_path()
        if not source.is_file():
            raise ClustersError(f"{source}: no word-cluster table (python -m wortlaut.ner.clusters_build)")
        table: dict[str, tuple[str, ...]] = {}
        general: set[str] = set()
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 2 + len(LEVELS) or fields[1] not in ("w", "g"):
                    raise ClustersError(f"{source}:{number}: want form, w|g, {len(LEVELS)} cluster ids")
                table[fields[0]] = tuple(fields[2:])
                if fields[1] == "w":
                    general.add(fields[0])
        return cls(table, frozenset(general))

    def restricted(self, sentences: Iterable[Sequence[str]]) -> WordClusters:
        """The table as if built from these training sentences: general forms + their capitalised forms."""
        seen = {word.lower() for words in sentences for word in words if word[:1].isupper()}
        keep = self.general | seen
        return WordClusters({key: ids for key, ids in self.table.items() if key in keep}, self.general)

    def features(self, word: str) -> list[str]:
        """``c64=…``, ``c256=…``, ``c1024=…`` of the form, else of its longest listed tail, else none."""
        lower = word.lower()
        found = self.table.get(lower)
        if found is not None:
            return [f"{level}={value}" for level, value in zip(LEVELS, found, strict=True)]
        if word[:1].isupper() and len(lower) >= MIN_TAIL + 2:
            for start in range(2, len(lower) - MIN_TAIL + 1):
                tail = self.table.get(lower[start:])
                if tail is not None:
                    return [f"t{level}={value}" for level, value in zip(LEVELS, tail, strict=True)]
        return ["c=none"]
