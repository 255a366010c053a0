"""``marked_addressee`` calls a preposition marker only at its word (issue 17zl): each marker must say nothing
anywhere else, or skipping the other tokens would change what it finds."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.addressees import MARKER_WORDS, MARKERS
from wortlaut.quotes.extract import build_context
from wortlaut.quotes.lexicon import load_lexicon

_TEXTS = (
    "Der Minister sagte gegenüber der BBC, er habe vor der Presse mit Journalisten gesprochen.",
    "Ihr gegenüber erklärte er in einem Interview mit der New York Times, man appelliere an die Regierung.",
    "An die Gewerkschaften gewandt sagte sie vor Journalisten, das sei vor einem Jahr gewesen.",
)


def test_every_marker_has_its_word() -> None:
    assert set(MARKER_WORDS) == set(MARKERS)


def test_a_marker_finds_nothing_away_from_its_word(pipeline: Pipeline) -> None:
    found = 0
    for text in _TEXTS:
        ctx = build_context(pipeline(Article.create(text)), load_lexicon())
        for begin, end in ctx.sentences:
            for index in range(begin, end):
                for name, marker in MARKERS.items():
                    phrase = marker(ctx, index, end)
                    if ctx.tokens[index].low != MARKER_WORDS[name]:
                        assert phrase is None, (name, text, index)
                    found += phrase is not None
    assert found >= 4  # the texts exercise the markers at their words
