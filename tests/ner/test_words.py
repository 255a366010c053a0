"""The NER tagger over match words: token spans become word ranges, labels become mention types."""

from __future__ import annotations

from collections.abc import Sequence

from tests.kb.articles import tokenized
from wortlaut.kb.text import article_words
from wortlaut.ner.words import tag_words


class LabelTagger:
    """Tags every token whose text is in ``labels`` with its label; records what it was given."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        self.calls: list[list[str]] = []

    def tag(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        self.calls.append(list(words))
        return [(i, i + 1, self.labels[w]) for i, w in enumerate(words) if w in self.labels]


def test_tag_words_maps_a_hyphenated_token_to_all_its_words() -> None:
    article = tokenized("NATO-Generalsekretär Rutte sprach.")
    items = article_words(article)
    assert [w.text for w in items][:3] == ["NATO", "-", "Generalsekretär"]
    tagger = LabelTagger({"NATO-Generalsekretär": "ORG", "Rutte": "PER"})
    assert tag_words(tagger, article, items) == [(0, 3, "ORG", "ner"), (3, 4, "PER", "ner")]


def test_tag_words_runs_sentence_by_sentence_and_maps_oth_to_misc() -> None:
    article = tokenized("Der Bundestag tagte. Die Berlinale beginnt.")
    tagger = LabelTagger({"Bundestag": "ORG", "Berlinale": "OTH", "Die": "NOT-A-TYPE"})
    spans = tag_words(tagger, article, article_words(article))
    assert tagger.calls == [["Der", "Bundestag", "tagte", "."], ["Die", "Berlinale", "beginnt", "."]]
    assert [(first, type_) for first, _, type_, _ in spans] == [(1, "ORG"), (5, "MISC")]


def test_tag_words_without_tagger_or_words_is_empty() -> None:
    article = tokenized("Rutte sprach.")
    assert tag_words(None, article, article_words(article)) == []
    assert tag_words(LabelTagger({}), article, []) == []


class BatchLabelTagger(LabelTagger):
    """A :class:`LabelTagger` that also tags a batch of sentences; records each batch."""

    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__(labels)
        self.batches: list[list[list[str]]] = []

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        self.batches.append([list(words) for words in sentences])
        return [self.tag(words) for words in sentences]


def test_tag_words_hands_a_batch_tagger_all_sentences_at_once() -> None:
    article = tokenized("Der Bundestag tagte. Die Berlinale beginnt.")
    batch = BatchLabelTagger({"Bundestag": "ORG", "Berlinale": "OTH"})
    single = LabelTagger({"Bundestag": "ORG", "Berlinale": "OTH"})
    items = article_words(article)
    assert tag_words(batch, article, items) == tag_words(single, article, items)
    assert batch.batches == [[["Der", "Bundestag", "tagte", "."], ["Die", "Berlinale", "beginnt", "."]]]
