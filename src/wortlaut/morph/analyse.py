"""POS, lemma and verb mood: HanTa's HMM tagger plus rules for Konjunktiv I and II.

German indirect speech shows in the verb's mood (``er wolle``, ``es sei``,
``sie hätten``), so every finite verb gets ``mood`` (ind, sub1, sub2, imp).
HanTa gives STTS tags (``VVFIN``) and lemmas but no mood; the rules here derive
it from form and lemma, with the irregular forms in
``lang/de/morph_verb_forms.tsv``, and resolves ``habe``/``werde``/``gebe``
(first person indicative = third person Konjunktiv I) from the subject.

HanTa is pure Python; its word analysis dominates the cost (looked up in a precomputed
table for frequent forms, else run by the exact, faster reimplementation in
:mod:`wortlaut.morph.forward`), so the analyser keeps
a per-instance memo of word analyses and lemmas (word forms repeat a lot in news)
and asks HanTa's slow morphological analysis for the lemma of verbs only
(simplemma's dictionary lemmatises the rest).  The stage ``morph.hanta.v1``
(:mod:`wortlaut.stages.morph`) and ``wortlaut eval mood`` both run :class:`MorphAnalyser`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from wortlaut.article import Token
from wortlaut.lang.tables import read_column, read_rows
from wortlaut.morph.tagger import MemoTagger
from wortlaut.tokens.records import new_token

#: Words longer than this are not analysed by HanTa (its analysis grows with word length;
#: URLs and glued junk can be thousands of characters).  No German dictionary word in the
#: GSD dev set is longer than 40 characters.
MAX_WORD_CHARS = 40
#: Stand-in HanTa sees for over-long words.
PLACEHOLDER = "XY"
#: How far back (in tokens) the subject "ich" of an ambiguous -e form is looked for
#: ("was ich etwas unpersönlich finde"); the look-back stops at punctuation and at a
#: third-person subject, so "ich glaube, er habe" stays Konjunktiv.  Chosen on GSD dev.
SUBJECT_WINDOW_BEFORE = 5
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
IMPERATIVE_TAGS = frozenset({"VVIMP", "VAIMP"})
UMLAUTS = str.maketrans("äöü", "aou")


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A lexicon entry of ``morph_verb_forms.tsv``."""

    lemma: str
    mood: str
    tense: str


def read_verb_forms() -> dict[str, VerbForm]:
    """The irregular finite forms: form -> (lemma, mood, tense)."""
    forms = {}
    for form, lemma, mood, tense in read_rows("morph_verb_forms.tsv", columns=4):
        forms[form] = VerbForm(lemma, mood, tense)
    return forms


def _present_stem(lemma: str) -> str:
    """``geben`` -> ``geb``, ``verändern`` -> ``veränder``."""
    if lemma.endswith(("ern", "eln")):
        return lemma[:-1]
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def _new_umlaut(form: str, lemma: str) -> bool:
    """Whether the form has an umlaut its lemma lacks (``käme``/``kommen``, ``dächte``/``denken``)."""
    return any(ch in form and ch not in lemma for ch in "äöü")


def rule_mood(form: str, lemma: str) -> tuple[str, str | None]:
    """Mood and tense of a regular finite form from its shape: ``amb1`` needs the subject to decide.

    stem+e (``gebe``) is 1sg indicative or 3sg Konjunktiv I.  A -te(n) form is a weak or mixed
    preterite (``sagte``, ``dachte``: indicative unless context says otherwise) unless it has an
    umlaut the lemma lacks (``dächte``).  Another -e form (``ginge``, ``käme``) or an -en form
    with a new umlaut (``kämen``) is Konjunktiv II.
    """
    lemma = lemma.lower()
    stem = _present_stem(lemma)
    if form.endswith("e") and stem.endswith(form[:-1]):
        return "amb1", "pres"
    if form.endswith(("te", "ten")):
        return ("sub2", "past") if _new_umlaut(form, lemma) else ("ind", "past")
    if form.endswith("e") and len(form) > 2:
        return "sub2", "past"
    if form.endswith("en") and _new_umlaut(form, lemma):
        return "sub2", "past"
    return "ind", None


class MorphAnalyser:
    """STTS POS, lemma, and for finite verbs mood (ind/sub1/sub2/imp) and tense; resources load once here."""

    def __init__(self) -> None:
        self.tagger = MemoTagger()
        self._forms = read_verb_forms()
        self._first_person = frozenset(read_column("morph_first_person.tsv"))
        self._third_person = frozenset(read_column("morph_third_person.tsv"))

    def analyse(self, tokens: Sequence[Token]) -> tuple[Token, ...]:
        """Tag a whole article's tokens, sentence by sentence (a sentence is a run of equal ``sentence``)."""
        out: list[Token] = []
        for _, sentence in groupby(tokens, key=attrgetter("sentence")):
            out.extend(self.analyse_sentence(list(sentence)))
        return tuple(out)

    def analyse_sentence(self, tokens: Sequence[Token]) -> list[Token]:
        """Tag one sentence's tokens (also used by the evaluation on gold tokens)."""
        texts = [token.text for token in tokens]
        words = [PLACEHOLDER if len(text) > MAX_WORD_CHARS else text for text in texts]  # _taggable
        tagged = self.tagger.tag(words)
        lowered = [text.lower() for text in texts]
        result = []
        for i, (token, (pos, lemma)) in enumerate(zip(tokens, tagged, strict=True)):
            if words[i] == PLACEHOLDER:
                lemma = token.text
            # only verb tags can carry mood (saves a call for the ~85 % other tokens)
            mood, tense, pos = self._mood(lowered, i, pos, lemma) if pos[:1] == "V" else (None, None, pos)
            start, end, sentence = token.start, token.end, token.sentence
            result.append(new_token(start, end, token.text, sentence, pos, lemma, mood, tense))
        return result

    def _mood(self, words: list[str], i: int, pos: str, lemma: str) -> tuple[str | None, str | None, str]:
        form = words[i]
        entry = self._forms.get(form)
        if pos in IMPERATIVE_TAGS and (i == 0 or entry is None):
            return "imp", None, pos
        lexical_subjunctive = entry is not None and entry.mood in ("sub1", "sub2") and pos.startswith("V")
        if pos not in FINITE_TAGS and pos not in IMPERATIVE_TAGS and not lexical_subjunctive:
            return None, None, pos
        pos = pos[:2] + "FIN"
        mood, tense = (entry.mood, entry.tense) if entry else rule_mood(form, lemma)
        if mood == "amb1":
            mood = "ind" if self._first_person_subject(words, i) else "sub1"
        return mood, tense, pos

    def _first_person_subject(self, words: list[str], i: int) -> bool:
        """Whether an -e form is 1sg: "ich" before it in its clause, right after it, or verb-first."""
        if i == 0 or (i + 1 < len(words) and words[i + 1] in self._first_person):
            return True
        for word in reversed(words[max(0, i - SUBJECT_WINDOW_BEFORE) : i]):
            if word in self._first_person:
                return True
            if word in self._third_person or not any(ch.isalnum() for ch in word):
                return False
        return False


def _taggable(text: str) -> str:
    """What HanTa sees for a token: over-long tokens become a placeholder."""
    if len(text) > MAX_WORD_CHARS:
        return PLACEHOLDER
    return text
