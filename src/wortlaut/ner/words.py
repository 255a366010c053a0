"""The NER tagger over an article's match words, for entity linking (stage ``entities.crf.v1``).

The tagger reads whole tokens sentence by sentence; the linker works on the
finer match words of :func:`wortlaut.kb.text.article_words` (tokens cut at
hyphens).  :func:`tag_words` runs the tagger on the tokens that the words come
from and returns its spans as word ranges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from wortlaut.article import Article
from wortlaut.kb.text import Word

#: The NER tagger's labels → mention types (GermEval calls MISC "OTH").
TAGGER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC", "MISC": "MISC"}

#: A tagged name as a word range: ``(first, last_exclusive, type, "ner")``.
WordSpan = tuple[int, int, str, str]

#: Default of a ``tagger`` argument that means "the shipped tagger" (``None`` means no tagger).
SHIPPED_TAGGER = object()


class Tagger(Protocol):
    """What entity linking needs from an NER tagger (:func:`wortlaut.ner.load_tagger`)."""

    def tag(self, words: Sequence[str]) -> list[tuple[int, int, str]]: ...


def _tag_all(tagger: Tagger, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """Each sentence's spans: in one batch where the tagger can (an article's sentences share
    one gather, one dense-scorer product and one Viterbi pass instead of one each: the shipped
    tagger's numpy overhead per call was most of its cost per sentence), else one by one."""
    batch = getattr(tagger, "tag_sentences", None)
    if batch is not None:
        return list(batch(sentences))
    return [tagger.tag(words) for words in sentences]


def default_tagger() -> Tagger | None:
    """The shipped NER tagger, or ``None`` while its package or model is not installed."""
    try:
        from wortlaut.ner.tagger import load_tagger  # optional model, imported late

        tagger: Tagger = load_tagger()
    except (ImportError, OSError, RuntimeError, ValueError):
        return None
    return tagger


def tag_words(tagger: Tagger | None, article: Article, items: list[Word]) -> list[WordSpan]:
    """Tagger spans as word ranges ``(first, last, type, "ner")``, sentence by sentence."""
    if tagger is None or not items:
        return []
    by_token: dict[int, list[int]] = defaultdict(list)
    for position, word in enumerate(items):
        by_token[word.token].append(position)
    sentences: dict[int, list[int]] = defaultdict(list)
    for token in by_token:
        sentences[article.tokens[token].sentence].append(token)
    groups = list(sentences.values())
    texts = [[article.tokens[t].text for t in tokens] for tokens in groups]
    spans = []
    for tokens, tags in zip(groups, _tag_all(tagger, texts), strict=True):
        for start, end, label in tags:
            positions = [p for t in tokens[start:end] for p in by_token[t]]
            if positions and label in TAGGER_TYPES:
                spans.append((positions[0], positions[-1] + 1, TAGGER_TYPES[label], "ner"))
    return spans
