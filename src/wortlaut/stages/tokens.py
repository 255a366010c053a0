"""The tokens stage: an adapter over :mod:`wortlaut.tokens`.

It reads the word lists (``lang/de/tokens_*.tsv``) and builds the tokenizer
once, cuts the article into blocks along its structure (boilerplate skipped),
and maps each sentence's tokens to the ``sentences`` and ``tokens`` layers.
"""

from __future__ import annotations

from wortlaut.article import Article, Span, Token
from wortlaut.pipeline import Stage, register_stage
from wortlaut.tokens.blocks import text_blocks
from wortlaut.tokens.records import new_token
from wortlaut.tokens.sentences import SentenceRules, read_column
from wortlaut.tokens.tokenizer import NewsTokenizer


@register_stage("tokens.spacy.v1")
class TokensStage(Stage):
    """Tokens and sentences with character offsets, skipping boilerplate."""

    reads = ("text", "structure")
    writes = ("sentences", "tokens")

    def __init__(self) -> None:
        rules = SentenceRules(
            final_abbreviations=read_column("tokens_sentence_final_abbreviations.tsv"),
            months=read_column("tokens_months.tsv"),
            starters=read_column("tokens_sentence_starters.tsv"),
            ordinal_determiners=read_column("tokens_ordinal_determiners.tsv"),
        )
        self._tokenizer = NewsTokenizer(read_column("tokens_abbreviations.tsv"), rules)

    def __call__(self, article: Article) -> Article:
        text = article.text
        sentences: list[Span] = []
        tokens: list[Token] = []
        for raw in self._tokenizer.sentences(text, text_blocks(text, article.structure)):
            index = len(sentences)
            start, end = raw[0].start, raw[-1].end
            sentences.append(Span(start=start, end=end, text=text[start:end]))
            tokens.extend([new_token(t.start, t.end, t.text, index) for t in raw])
        return article.with_layers(sentences=tuple(sentences), tokens=tuple(tokens))
