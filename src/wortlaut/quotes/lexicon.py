"""Readers for the quotation data files in ``lang/de`` (speech verbs and closed word classes).

Knowledge lives in TSV files so that a new speech verb is a one-line data change;
these readers turn them into frozen lookup tables once per stage.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from wortlaut.lang.tables import read_rows

LANG_DIR = Path(str(resources.files("wortlaut") / "lang" / "de"))
SPEECH_VERBS = LANG_DIR / "speech_verbs.tsv"
WORDS = LANG_DIR / "quotes_words.tsv"


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """One speech verb: its particle (``None`` when not separable), medium and frames."""

    lemma: str
    particle: str | None
    medium: str
    frames: frozenset[str]


#: The words of a class the lexicon lacks (one constant: ``has`` runs ~400 times an article).
_NO_WORDS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the quotation rules look up, keyed by lower-cased surface form."""

    verbs: dict[str, tuple[SpeechVerb, ...]]
    lemmas: dict[str, tuple[SpeechVerb, ...]]
    words: dict[str, frozenset[str]]

    def has(self, category: str, word: str) -> bool:
        """Whether a lower-cased word belongs to a closed class of ``quotes_words.tsv``."""
        return word in self.words.get(category, _NO_WORDS)


@cache
def word_class(category: str, path: Path = WORDS) -> frozenset[str]:
    """One closed word class of ``quotes_words.tsv``, read once: for helpers that get no :class:`Lexicon`
    (the evaluation's nested-quotation filter)."""
    return frozenset(word.lower() for row_category, word, *_ in _rows(path) if row_category == category)


def _rows(path: Path) -> list[list[str]]:
    """Data rows of a TSV file: comments and the header line dropped."""
    return read_rows(path, header=True)


def read_speech_verbs(path: Path = SPEECH_VERBS) -> list[tuple[SpeechVerb, tuple[str, ...]]]:
    """The verbs of ``speech_verbs.tsv`` with their surface forms."""
    verbs = []
    for row in _rows(path):
        lemma, particle, medium, frames, forms = row[:5]
        verb = SpeechVerb(
            lemma=lemma,
            particle=None if particle == "-" else particle,
            medium=medium,
            frames=frozenset(frames.split(",")),
        )
        verbs.append((verb, tuple(form for form in forms.split(",") if form and form != "-")))
    return verbs


#: A separable verb is also read in its verb-final forms, the particle written on (``, der alle Bürger
#: aufforderte, …``, ``dass er den Vorschlag ablehnt``): ``speech_verbs.tsv`` lists main-clause forms, and 33
#: of its particle verbs lacked these (issue 12, sixteenth session).
JOINED_FORMS = True


def _verb_final_forms(lemma: str, particle: str, forms: tuple[str, ...]) -> list[str]:
    """``forderte`` -> ``aufforderte``: the particle before each finite form written without it (a
    participle ``ge…`` is listed with its particle already: ``aufgefordert``; the infinitive is left out, it
    follows a modal more often than it ends a clause: ``müsse der Regierung zustimmen``)."""
    return [
        (particle + form).lower()
        for form in forms
        if not form.startswith(particle) and not form.startswith("ge") and particle + form != lemma
    ]


def load_lexicon(verbs_path: Path = SPEECH_VERBS, words_path: Path = WORDS) -> Lexicon:
    """Build the lookup tables from the two data files."""
    by_form: dict[str, list[SpeechVerb]] = defaultdict(list)
    by_lemma: dict[str, list[SpeechVerb]] = defaultdict(list)
    for verb, forms in read_speech_verbs(verbs_path):
        by_lemma[verb.lemma].append(verb)
        for form in forms:
            joined = verb.particle is not None and form.startswith(verb.particle)
            # A form with the particle written on (mitgeteilt, bekanntgab) needs no separate particle.
            entry = SpeechVerb(verb.lemma, None, verb.medium, verb.frames) if joined else verb
            by_form[form.lower()].append(entry)
        if JOINED_FORMS and verb.particle is not None:
            whole = SpeechVerb(verb.lemma, None, verb.medium, verb.frames)
            for form in _verb_final_forms(verb.lemma, verb.particle, forms):
                if whole not in by_form[form]:
                    by_form[form].append(whole)
    words: dict[str, set[str]] = defaultdict(set)
    for category, word, *_ in _rows(words_path):
        words[category].add(word.lower())
    return Lexicon(
        verbs={form: tuple(found) for form, found in by_form.items()},
        lemmas={lemma: tuple(found) for lemma, found in by_lemma.items()},
        words={category: frozenset(found) for category, found in words.items()},
    )
