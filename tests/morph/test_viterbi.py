"""The sentence Viterbi: the C loop gives exactly the Python loop's tags, ties and unknown words included."""

from __future__ import annotations

import pytest

from wortlaut.morph import viterbi
from wortlaut.morph.tagger import MemoTagger

SENTENCES = [
    ["Die", "Ministerin", "sagte", ",", "sie", "wolle", "helfen", "."],
    ["Habe", "ich", "das", "gesagt", "?"],
    ["Der", "Kanzler", "Brandner", "telefonierte", "mit", "Zieliński", "."],
    ["Beide", "hätten", "vereinbart", ",", "enger", "zusammenzuarbeiten", "."],
    ["Xqzv", "blorpt", "fnuggt", "Wmmpf", "!"],
    ["."],
    ["2015", "18,5", "3:0", "XY", "--", "«", "»"],
    ["Er", "sei", "nicht", "zurückgetreten", ",", "hieß", "es", "aus", "dem", "Verteidigungsministerium", "."],  # noqa: E501
]  # fmt: skip


@pytest.fixture(scope="module")
def tagger() -> MemoTagger:
    return MemoTagger(memo_forms=1_000, lexicon=None)


def test_python_loop_tags_a_sentence(tagger: MemoTagger) -> None:
    tags = tagger._viterbi.best_python(tagger.word_probs, SENTENCES[0])
    names = [tagger.tagger.int2tag[tag] for tag in tags]
    assert names[:3] == ["ART", "NN", "VV(FIN)"]
    assert names[-1] == "$."


@pytest.mark.skipif(not viterbi.COMPILED, reason="the C extension wortlaut.morph._viterbi is not built")
@pytest.mark.parametrize("words", SENTENCES)
def test_compiled_loop_equals_python_loop(tagger: MemoTagger, words: list[str]) -> None:
    assert tagger._viterbi.best(tagger.word_probs, words) == tagger._viterbi.best_python(
        tagger.word_probs, words
    )


@pytest.mark.skipif(not viterbi.COMPILED, reason="the C extension wortlaut.morph._viterbi is not built")
def test_compiled_loop_lets_any_tag_through_when_the_words_allow_none(tagger: MemoTagger) -> None:
    """A word whose only tags cannot follow the state before it gets any tag, as in the Python loop."""
    vit = tagger._viterbi
    impossible = {3: 0.0}  # HanTa's UNKNOWN tag follows no state
    probs = [tagger.word_probs("Die", False), impossible, tagger.word_probs(".", True)]

    def probs_of(word: str, _: bool) -> dict[int, float]:
        return probs[int(word)]

    words = ["0", "1", "2"]
    assert vit.best(probs_of, words) == vit.best_python(probs_of, words)


@pytest.mark.skipif(not viterbi.COMPILED, reason="the C extension wortlaut.morph._viterbi is not built")
def test_compiled_loop_refuses_bad_input_with_a_clear_error(tagger: MemoTagger) -> None:
    model = tagger._viterbi._model
    with pytest.raises(TypeError, match="list of dicts"):
        model.best([[1, 2]])
    with pytest.raises(ValueError, match="tag out of range"):
        model.best([{10_000: 0.0}])
    assert model.best([]) == []


def test_without_the_c_build_the_python_loop_tags(tagger: MemoTagger) -> None:
    """An install without a C compiler has no ``_viterbi`` module: ``best`` runs the Python loop."""
    plain = viterbi.SentenceViterbi(tagger.tagger.LP_trans_word)
    plain._model = None
    for words in SENTENCES:
        assert plain.best(tagger.word_probs, words) == tagger._viterbi.best_python(tagger.word_probs, words)
