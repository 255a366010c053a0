"""A precomputed table of HanTa's slow answers for frequent German word forms.

HanTa spends most of the morphology stage on two analyses that depend on the word
form alone: ``analyze_forward`` (tag probabilities of a form outside its lexicon)
and ``analyze_viterbi`` (the morphemes, hence the lemma, of a verb form).  Word
forms follow Zipf's law, so a table of these answers for a few hundred thousand
frequent forms lets HanTa run only on the long tail.  The table is written by
:mod:`wortlaut.morph.build_lexicon` with HanTa's own model and the exact
reimplementation :class:`wortlaut.morph.forward.FastForward`, so a form found in
it gets bit-for-bit the answer HanTa would give (floats are stored as ``repr``).

File format (gzip, UTF-8, one entry a line, tab-separated):

- ``a<TAB>form<TAB>tag lp tag lp ...``: ``analyze_forward(form)`` (HanTa tag ids and log
  probabilities, HanTa's order), less the tags the tagger's cutoff drops in every use;
- ``l<TAB>form<TAB>tag lemma tag lemma ...``: HanTa's lemma of the lower-cased verb form under
  each verb tag its analysis allows.

Lines are split only when a form is looked up, so loading costs one pass over the file.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

#: The shipped table (see its MODEL_CARD.md for what produced it).
LEXICON_PATH = Path(__file__).resolve().parents[1] / "models" / "morph-lexicon" / "lexicon.tsv.gz"

Analysis = list[tuple[int, float]]


class LexiconError(ValueError):
    """A lexicon file that breaks its format (the message names the file and line)."""


class WordLexicon:
    """Forward analyses and verb lemmas by word form; a miss returns ``None`` (ask HanTa)."""

    def __init__(self, analyses: dict[str, str], lemmas: dict[str, str]) -> None:
        self._analyses = analyses
        self._lemmas = lemmas

    def __len__(self) -> int:
        return len(self._analyses) + len(self._lemmas)

    def analysis(self, form: str) -> Analysis | None:
        """HanTa's ``analyze_forward(form)`` (a fresh list: callers may keep it)."""
        raw = self._analyses.get(form)
        if raw is None:
            return None
        cells = raw.split(" ")
        return [(int(cells[i]), float(cells[i + 1])) for i in range(0, len(cells), 2)]

    def verb_lemma(self, form: str, tag: int) -> str | None:
        """HanTa's lemma of the lower-cased verb ``form`` read as ``tag``."""
        raw = self._lemmas.get(form)
        if raw is None:
            return None
        cells = raw.split(" ")
        wanted = str(tag)
        for i in range(0, len(cells), 2):
            if cells[i] == wanted:
                return cells[i + 1]
        return None


def read_lexicon(path: Path = LEXICON_PATH) -> WordLexicon:
    """Read a lexicon file; a malformed line is an error naming the file and line."""
    analyses: dict[str, str] = {}
    lemmas: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            kind, form, value = _cells(line, path, number)
            (analyses if kind == "a" else lemmas)[form] = value
    return WordLexicon(analyses, lemmas)


def _cells(line: str, path: Path, number: int) -> tuple[str, str, str]:
    cells = line.rstrip("\n").split("\t")
    if len(cells) != 3 or cells[0] not in ("a", "l") or len(cells[2].split(" ")) % 2:
        raise LexiconError(f"{path}:{number}: expected 'a|l<TAB>form<TAB>pairs', got {line[:60]!r}")
    return cells[0], cells[1], cells[2]


@lru_cache(maxsize=1)
def shipped_lexicon() -> WordLexicon | None:
    """The shipped table, read once per process; ``None`` when the file is absent (HanTa alone)."""
    return read_lexicon() if LEXICON_PATH.is_file() else None
