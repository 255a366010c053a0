"""Statistical named-entity tagging (PER, ORG, LOC, OTH) for German: a CRF trained on GermEval 2014.

Use :func:`load_tagger` once per process and call :meth:`NerTagger.tag` on a
sentence's words; it returns ``(start_token, end_token_exclusive, TYPE)`` spans.
"""

from __future__ import annotations

from wortlaut.ner.model import NerModelError
from wortlaut.ner.tagger import NerTagger, load_tagger

__all__ = ["NerModelError", "NerTagger", "load_tagger"]
