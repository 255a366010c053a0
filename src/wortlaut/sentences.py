"""The rough sentence splitter for text that has no sentence layer.

The tokens stage splits sentences properly (rules over tokens, abbreviations,
ordinals); this fallback serves code that also runs on bare text or on
articles built without that stage: the time finder, event and status
detection, hedge cues and the quotation rules.  It is deliberately simple and
conservative: a sentence ends at ``.``, ``!`` or ``?`` after a letter or a
closing mark (not after a digit, so ``am 3. Mai`` stays whole, and not after a
single-letter abbreviation such as ``z. B.``) when whitespace and a capital or
an opening quotation mark follow, and at every line break.
"""

from __future__ import annotations

import re

from wortlaut.article import Span

#: Sentence ends: end punctuation before whitespace and a capital or opening quote, or a line break.
SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?])(?<!\s[a-zA-Z]\.)\s+(?=[„\"A-ZÄÖÜ])|\n+")


def split_sentences(text: str) -> list[Span]:
    """Rough sentence spans of ``text``; the whitespace between sentences belongs to neither."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append(Span(start=start, end=match.start(), text=text[start : match.start()]))
        start = match.end()
    if start < len(text):
        spans.append(Span(start=start, end=len(text), text=text[start:]))
    return spans
