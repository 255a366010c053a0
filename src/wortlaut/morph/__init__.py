"""German morphology: STTS POS tags, lemmas, and the mood and tense of finite verbs.

:class:`MorphAnalyser` tags a sentence's tokens with HanTa's HMM tagger
(:mod:`wortlaut.morph.tagger`, with the exact faster word analysis of
:mod:`wortlaut.morph.forward`) and adds Konjunktiv I/II by the rules of
:mod:`wortlaut.morph.analyse`.
"""

from __future__ import annotations

from wortlaut.morph.analyse import MorphAnalyser, rule_mood

__all__ = ["MorphAnalyser", "rule_mood"]
