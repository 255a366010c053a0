"""Score the whole entity stage, not just the tagger, on GermEval sentences.

What users get is the ``entities.crf.v1`` stage: the trained tagger combined
with the knowledge base, the first-name pattern and the news-writing rules.
Each GermEval sentence is joined with single spaces into an article text and
run through the default pipeline; the stage's ``name`` and ``handle``
mentions are mapped back to token ranges.  A mention that starts or ends
inside a token (``US`` in ``US-Armee``) is what GermEval calls a ``-part``
form, which the metric maps to ``O`` on the gold side, so it is left out
here too.  MISC mentions count as GermEval's OTH.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wortlaut.article import Article
from wortlaut.eval.spans import SpanScorer, SpanTuple, bio_spans
from wortlaut.ner.corpus import Sentence
from wortlaut.pipeline import Pipeline, default_pipeline

#: Mention types of the stage -> GermEval's outer labels.
GERMEVAL_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "OTH"}
#: Mention kinds that are names (descriptions and pronouns are not GermEval entities).
NAME_KINDS = frozenset({"name", "handle"})
#: Publication date given to every sentence: GermEval's texts are from 2008-2013 news and Wikipedia.
PUBLISHED = "2010-01-01"


def stage_spans(words: Sequence[str], pipeline: Pipeline) -> list[SpanTuple]:
    """The entity stage's names in a tokenised sentence, as ``(first, last, label)`` token ranges."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    offset = 0
    for index, word in enumerate(words):
        starts[offset] = index
        ends[offset + len(word)] = index + 1
        offset += len(word) + 1
    article = pipeline(Article.create(" ".join(words), published=PUBLISHED))
    spans: list[SpanTuple] = []
    for mention in article.mentions:
        label = GERMEVAL_TYPES.get(mention.type or "")
        if mention.kind not in NAME_KINDS or label is None:
            continue
        if mention.start in starts and mention.end in ends:
            spans.append((starts[mention.start], ends[mention.end], label))
    return spans


def score_stage(sentences: Iterable[Sentence], pipeline: Pipeline | None = None) -> SpanScorer:
    """Strict span scores of the default pipeline's entity stage on gold sentences."""
    pipeline = pipeline or default_pipeline()
    scorer = SpanScorer()
    for sentence in sentences:
        scorer.add(bio_spans(sentence.tags), stage_spans(sentence.words, pipeline))
    return scorer
