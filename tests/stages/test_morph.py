"""Morphology: STTS tags, lemmas, and the mood of finite verbs (Konjunktiv I/II) in context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wortlaut.article import Article
from wortlaut.stages.morph import MorphStage
from wortlaut.stages.tokens import TokensStage


@pytest.fixture(scope="module")
def tokens() -> TokensStage:
    return TokensStage()


@pytest.fixture(scope="module")
def morph() -> MorphStage:
    return MorphStage()


def _analyse(tokens: TokensStage, morph: MorphStage, text: str) -> Article:
    return morph(tokens(Article.create(text)))


def _mood(tokens: TokensStage, morph: MorphStage, text: str, word: str) -> str | None:
    article = _analyse(tokens, morph, text)
    return next(token.mood for token in article.tokens if token.text == word)


@pytest.mark.parametrize(
    ("text", "word", "mood"),
    [
        ("Rutte sagte, er wolle Möglichkeiten erörtern.", "wolle", "sub1"),
        ("Rutte sagte, er wolle Möglichkeiten erörtern.", "sagte", "ind"),
        ("Er betonte, wie wichtig es sei, zu reden.", "sei", "sub1"),
        ("Er sagte, er habe nichts gewusst.", "habe", "sub1"),
        ("Ich habe nichts gewusst.", "habe", "ind"),
        ("Das habe ich nicht gewusst.", "habe", "ind"),
        ("Sie haben nichts gewusst.", "haben", "ind"),
        ("Ohne Hilfe hätten sie keine Chance.", "hätten", "sub2"),
        ("Sie würden das nicht tun.", "würden", "sub2"),
        ("Sie könnten verhandeln, sagte er.", "könnten", "sub2"),
        ("Wenn er käme, wäre alles gut.", "käme", "sub2"),
        ("Wenn er käme, wäre alles gut.", "wäre", "sub2"),
        ("Die Regierung gebe nicht nach, hieß es.", "gebe", "sub1"),
        ("Der Minister könne nicht kommen.", "könne", "sub1"),
        ("Sag mir das!", "Sag", "imp"),
        ("Die Gespräche dauern an.", "Gespräche", None),
    ],
)
def test_mood_of_finite_verbs(tokens: TokensStage, morph: MorphStage, text: str, word: str,
                              mood: str | None) -> None:
    assert _mood(tokens, morph, text, word) == mood


def test_pos_is_plain_stts_and_lemmas_are_set(tokens: TokensStage, morph: MorphStage) -> None:
    article = _analyse(tokens, morph, "Sie hätten die Verhandlungen fortgesetzt.")
    by_text = {token.text: token for token in article.tokens}
    assert by_text["hätten"].pos == "VAFIN"
    assert by_text["hätten"].lemma == "haben"
    assert by_text["Verhandlungen"].pos == "NN"
    assert by_text["Verhandlungen"].lemma == "Verhandlung"
    assert by_text["fortgesetzt"].mood is None


def test_morph_keeps_offsets_and_sentences(tokens: TokensStage, morph: MorphStage) -> None:
    before = tokens(Article.create("Er kam. Sie sagte, er sei müde."))
    after = morph(before)
    assert [(t.start, t.end, t.text, t.sentence) for t in after.tokens] == [
        (t.start, t.end, t.text, t.sentence) for t in before.tokens
    ]
    assert all(token.pos for token in after.tokens)


@pytest.mark.parametrize(
    "text",
    ["", "😀🎉🇩🇪 🙈", "Привет мир. مرحبا بالعالم. 你好世界。这是 Test.", "x" * 5000 + " sagte er.",
     "https://example.org/" + "a" * 300],
)
def test_bad_input_is_tagged_without_errors(tokens: TokensStage, morph: MorphStage, text: str) -> None:
    article = _analyse(tokens, morph, text)
    assert all(token.pos is not None and token.lemma is not None for token in article.tokens)


@pytest.mark.slow
def test_long_text_without_punctuation_is_tagged(tokens: TokensStage, morph: MorphStage) -> None:
    words = ["die", "Regierung", "sagte", "heute", "sei", "alles", "gut", "und", "Rutte", "wolle"]
    text = " ".join(words[i % len(words)] for i in range(100_000))
    article = _analyse(tokens, morph, text)
    assert len(article.tokens) == 100_000
    assert {token.mood for token in article.tokens if token.text == "wolle"} <= {"sub1", None}


_TOKENS = TokensStage()
_MORPH = MorphStage()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_random_text_is_tagged_with_offsets_intact(text: str) -> None:
    article = _MORPH(_TOKENS(Article.create(text)))
    assert all(article.text[t.start:t.end] == t.text and t.pos is not None for t in article.tokens)
    assert all(t.mood in (None, "ind", "sub1", "sub2", "imp") for t in article.tokens)
