"""FastForward: HanTa's word analysis reimplemented, equal to HanTa's own output to the last bit."""

from __future__ import annotations

import random
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wortlaut.morph import forward
from wortlaut.morph.forward import FastForward
from wortlaut.morph.tagger import MemoTagger

#: Unknown and known forms of every kind: compounds, verb forms with prefixes, names, numbers,
#: short words (HanTa guesses differently below 4 characters), umlauts, junk, the empty string.
WORDS = [
    "", "a", "zu", "xyz", "haus", "häuser", "verteidigungsministeriums", "isteriums", "zurückgetreten",
    "gegangen", "hätten", "käme", "wolle", "unterstützung", "nato", "coronakrise", "klimaschutzgesetz",
    "bundesverfassungsgericht", "abgeschoben", "herausgefordert", "qqqq", "2015", "x1y2", "straße",
    "überraschenderweise", "mitgeteilt", "angekündigten", "bürgermeisterin", "ausländerbehörde",
    "veranstaltete", "digitalisierungsstrategie", "ÖVP", "spö", "grünen", "selenskyj", "erdoğan",
]  # fmt: skip


@pytest.fixture(scope="module")
def hanta() -> Any:
    return MemoTagger(memo_forms=16).tagger


@pytest.fixture(scope="module")
def fast(hanta: Any) -> FastForward:
    return FastForward(hanta, memo=1_000)


def _reference(hanta: Any, word: str) -> list[tuple[int, float]]:
    """HanTa's own analyze_forward (MemoTagger shadows it on its instance; the class method is intact)."""
    return type(hanta).analyze_forward(hanta, word)


@pytest.mark.parametrize("word", WORDS)
def test_fast_forward_equals_hanta_exactly(hanta: Any, fast: FastForward, word: str) -> None:
    assert fast.analyze(word) == _reference(hanta, word)


def test_fast_forward_equals_hanta_on_random_german_like_words(hanta: Any, fast: FastForward) -> None:
    generator = random.Random(17)
    letters = "eeennrrstiaduhgmlcbofkwzpvüäöß"
    words = ["".join(generator.choice(letters) for _ in range(generator.randint(1, 14))) for _ in range(150)]
    mismatched = [word for word in words if fast.analyze(word) != _reference(hanta, word)]
    assert mismatched == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=string.ascii_lowercase + "äöüß-0", max_size=12))
def test_fast_forward_equals_hanta_on_any_text(hanta: Any, fast: FastForward, word: str) -> None:
    assert fast.analyze(word) == _reference(hanta, word)


def test_fast_forward_memos_stay_bounded(hanta: Any) -> None:
    small = FastForward(hanta, memo=8)
    for word in ("klimaschutzgesetz", "bundesverfassungsgericht", "digitalisierungsstrategie"):
        assert small.analyze(word) == _reference(hanta, word)
    assert small.guess.cache_info().currsize <= 8


def test_memo_tagger_uses_the_fast_analysis(hanta: Any) -> None:
    tagger = MemoTagger(memo_forms=64, lexicon=None)  # with the lexicon, forms it lacks go here
    tagger.tag(["Die", "Digitalisierungsstrategie", "scheiterte", "."])
    assert tagger.memo_sizes()["analyses"] > 0
    assert tagger.analyses.__wrapped__.__self__.__class__ is FastForward  # type: ignore[attr-defined]


def test_the_python_loops_equal_hanta_without_the_c_extension(
    hanta: Any, fast: FastForward, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forward, "_SEGMENTS", None)
    monkeypatch.setattr(forward, "_extend", forward._extend_python)
    monkeypatch.setattr(forward, "_GUESS", None)
    assert [fast.analyze_python(word) for word in WORDS] == [_reference(hanta, word) for word in WORDS]


@pytest.mark.skipif(forward._SEGMENTS is None, reason="the C extension wortlaut.morph._viterbi is not built")
def test_the_c_loops_fill_the_same_table_rows_in_the_same_order(
    fast: FastForward, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = [*WORDS, "Ölpreis-Anstieg", "x" * 40, "zurückgekommen"]
    compiled = [[list(row.items()) for row in fast._table(word)] for word in words]
    monkeypatch.setattr(forward, "_SEGMENTS", None)
    monkeypatch.setattr(forward, "_extend", forward._extend_python)
    assert [[list(row.items()) for row in fast._table(word)] for word in words] == compiled


@pytest.mark.skipif(forward._GUESS is None, reason="the C extension wortlaut.morph._viterbi is not built")
def test_the_c_guess_equals_the_python_guess(fast: FastForward, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [(word[-4:], min(len(word), 24), whole) for word in WORDS if word for whole in (True, False)]
    keys += [("", 0, False), ("ung", 3, True), ("äöüß", 24, False), ("xxxx", 5, True)]
    compiled = [fast._guess(*key) for key in keys]
    monkeypatch.setattr(forward, "_GUESS", None)
    assert [fast._guess(*key) for key in keys] == compiled


@pytest.mark.skipif(forward._FORWARD is None, reason="the C extension wortlaut.morph._viterbi is not built")
def test_the_native_analysis_equals_the_python_one(hanta: Any, fast: FastForward) -> None:
    generator = random.Random(29)
    letters = "eeennrrstiaduhgmlcbofkwzpvüäößEAZ-.'0"
    junk = ["".join(generator.choice(letters) for _ in range(generator.randint(0, 30))) for _ in range(300)]
    words = [*WORDS, "Ölpreis-Anstieg", "x" * 40, "zurückgekommen", "😀😀😀😀", *junk]
    assert fast._native is not None
    native = [fast.analyze(word) for word in words]
    assert native == [fast.analyze_python(word) for word in words]
    assert all(type(lp) is float for ranked in native for _, lp in ranked if ranked != [(forward.UNKNOWN, 0)])
    assert native[: len(WORDS)] == [_reference(hanta, word) for word in WORDS]


def test_without_the_native_analysis_the_python_one_runs(hanta: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forward, "_FORWARD", None)
    python_only = FastForward(hanta, memo=64)
    assert python_only._native is None
    assert [python_only.analyze(word) for word in WORDS] == [_reference(hanta, word) for word in WORDS]
