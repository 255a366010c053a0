"""A learned type lexicon: for each listed word form, how likely it names a PER, ORG, LOC or OTH.

The probabilities come from a small classifier over multilingual-e5 word
embeddings, trained on GermEval's word forms and their entity labels (see
:mod:`wortlaut.ner.lexicon_build`, which writes the file).  The embedding
model is run once, at generation time, over a fixed vocabulary (wordfreq's
frequent German words, so a built file is CC BY-SA 4.0); at run time
the tagger only looks forms up in a dictionary, so it stays fast.  The
project does not ship the file: the ``etype`` group it feeds tied with the
shipped model on the held-back slice (0.7305 vs 0.7303), and a tie does not
pay for a share-alike data file and 0.3 s more loading.  It stays an
optional feature group, tested on small lexicons the tests write.  Forms the
classifier thinks are clearly not names are left out of the file, and a form
that is not listed gets no lexicon feature at all.

File format (``type_lexicon.tsv.gz`` beside the model, UTF-8, gzip): ``#``
comment lines, then ``form<TAB>NAME<TAB>PER<TAB>ORG<TAB>LOC<TAB>OTH`` with
probabilities as whole percentages: ``NAME`` how likely the form is (part
of) a name at all, the other four which type it is if it is one.  Two
classifiers, because e5 tells the types of names apart much better than it
tells names from ordinary capitalised nouns (which the CRF's frequency and
part-of-speech features already do).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: The entity types the lexicon scores, in file column order (after the name column).
LEXICON_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "OTH")
#: Columns of a lexicon line after the form.
COLUMNS: tuple[str, ...] = ("NAME", *LEXICON_TYPES)

#: File name of the built lexicon inside ``wortlaut/models/ner-crf``.
LEXICON_FILE = "type_lexicon.tsv.gz"

#: Probability buckets (lower bounds, in percent) turned into features: ``e=PER:hi`` and so on.
#: Coarse buckets keep the CRF from leaning on the classifier's exact numbers.
BUCKETS: tuple[tuple[int, str], ...] = ((60, "hi"), (35, "mid"), (15, "lo"))


class LexiconError(ValueError):
    """The type lexicon file is missing or malformed."""


def default_lexicon_path() -> Path:
    """Where ``lexicon_build`` writes the lexicon and the ``etype`` group reads it (not shipped)."""
    return Path(str(resources.files("wortlaut") / "models" / "ner-crf" / LEXICON_FILE))


def bucket(percent: int) -> str | None:
    """The bucket name for a probability in percent, or None below the lowest bucket."""
    for lower, name in BUCKETS:
        if percent >= lower:
            return name
    return None


@dataclass(frozen=True, slots=True)
class TypeLexicon:
    """Word form -> name and entity-type probabilities (percent, :data:`COLUMNS`), with their features."""

    entries: dict[str, tuple[int, ...]]

    @classmethod
    def load(cls, path: Path | None = None) -> TypeLexicon:
        """Read a lexicon file (default: the built one); raises :class:`LexiconError`."""
        source = path or default_lexicon_path()
        try:
            with gzip.open(source, "rt", encoding="utf-8") as handle:
                return cls(dict(parse_lines(handle, str(source))))
        except FileNotFoundError as error:
            raise LexiconError(
                f"{source}: type lexicon not found; the project does not ship it, build it with"
                " `python -m wortlaut.ner.lexicon_build` (about 20 minutes, see the NER model card)"
            ) from error
        except (OSError, EOFError) as error:
            raise LexiconError(f"{source}: type lexicon not readable ({error})") from error

    def features(self, word: str) -> list[str]:
        """``en=bucket`` for the name probability, ``e=TYPE:bucket`` per type, ``e=TYPE`` for the best."""
        found = self.entries.get(word)
        if found is None:
            return []
        features: list[str] = []
        name = bucket(found[0])
        if name is not None:
            features.append(f"en={name}")
        types = found[1:]
        for kind, percent in zip(LEXICON_TYPES, types, strict=True):
            level = bucket(percent)
            if level is not None:
                features.append(f"e={kind}:{level}")
        best = max(range(len(types)), key=types.__getitem__)
        if types[best] >= BUCKETS[-1][0]:
            features.append(f"e={LEXICON_TYPES[best]}")
        return features


def parse_lines(lines: Iterable[str], source: str = "<lexicon>") -> Iterable[tuple[str, tuple[int, ...]]]:
    """(form, percentages) pairs from lexicon lines; raises :class:`LexiconError` on a bad line."""
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        form, *values = line.split("\t")
        if len(values) != len(COLUMNS):
            raise LexiconError(f"{source}:{number}: expected a form and {len(COLUMNS)} percentages")
        try:
            percents = tuple(int(value) for value in values)
        except ValueError as error:
            raise LexiconError(f"{source}:{number}: percentages must be whole numbers") from error
        yield form, percents


def format_line(form: str, percents: Iterable[int]) -> str:
    """One lexicon line (without the newline)."""
    return "\t".join([form, *(str(int(value)) for value in percents)])

