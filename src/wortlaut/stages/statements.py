"""The statements stage: who said what, to whom, how and where (``statements.rules.v1``).

Rules over tokens (with Konjunktiv from the morphology stage when it ran),
speech verbs from ``lang/de/speech_verbs.tsv`` and the structure layer for
posts, headline and boilerplate; speakers take their entity from the mention
(or coreference) that covers them.  See :mod:`wortlaut.quotes` for the rules and
:mod:`wortlaut.quotes.statements` for how found quotations become statements.
"""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article
from wortlaut.claims.hedge import load_hedge_patterns
from wortlaut.pipeline import Stage, register_stage
from wortlaut.quotes.datelines import load_dateline_tables
from wortlaut.quotes.lexicon import Lexicon, load_lexicon
from wortlaut.quotes.link import SpeakerLinker
from wortlaut.quotes.span_model import DEFAULT_POLICY, SpanTagger
from wortlaut.quotes.speaker_model import SpeakerModel
from wortlaut.quotes.statements import USE_DEFAULT_MODEL, default_model, find_statements


@register_stage("statements.rules.v1")
class StatementsStage(Stage):
    """Find direct, indirect, reported, free indirect, post and headline statements."""

    reads = ("id", "text", "structure", "sentences", "tokens", "mentions", "entities")
    writes = ("statements",)

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        speaker_model: SpeakerModel | object | None = USE_DEFAULT_MODEL,
        *,
        span_model: str | None = None,
    ) -> None:
        """``span_model``: the path of a quotation-span tagger trained with
        ``python -m wortlaut.quotes.train_spans`` (``[pipeline.stage_options."statements.rules.v1"]``);
        its quotations join the rules'.  None ships: the only training data, quotes-wikinews, is
        CC BY-NC-SA 4.0 (see ``docs/quotes-span-model.md``)."""
        self.lexicon = lexicon or load_lexicon()
        self.speaker_model: SpeakerModel | None = (
            default_model() if speaker_model is USE_DEFAULT_MODEL else speaker_model  # type: ignore[assignment]
        )
        self.linker = SpeakerLinker(self.lexicon)
        self.span_tagger: SpanTagger | None = None
        if span_model:
            self.span_tagger = SpanTagger(Path(span_model), policy=DEFAULT_POLICY)
        load_dateline_tables()  # tables the rules read lazily: loaded with the stage, before any fork
        load_hedge_patterns()

    def __call__(self, article: Article) -> Article:
        statements = find_statements(article, self.lexicon, self.speaker_model, self.linker, self.span_tagger)
        return article.with_layers(statements=statements)
