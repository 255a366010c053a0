"""``strip_marks``' ASCII shortcut (issue 17zn) gives what the character loop gives."""

from __future__ import annotations

import random
import unicodedata

import pytest

from wortlaut.textnorm import strip_marks


def _loop(text: str) -> str:
    """The fold without the shortcut: NFKD, then every combining mark dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ukrainë", "Ukraine"), ("ﬁnanz", "finanz"), ("Selenskyj", "Selenskyj"), ("", ""), ("²", "2")],
)
def test_strip_marks_folds(text: str, expected: str) -> None:
    assert strip_marks(text) == expected


def test_strip_marks_equals_the_loop_on_every_character_and_random_words() -> None:
    characters = [chr(code) for code in range(0x3000) if not 0xD800 <= code < 0xE000]
    assert [strip_marks(char) for char in characters] == [_loop(char) for char in characters]
    pick = random.Random(17).choice
    pool = "aäöüßéAÉx-'’\u0301\u0308ﬁ²Ωя" + "".join(characters[::97])
    words = ["".join(pick(pool) for _ in range(length % 14)) for length in range(20_000)]
    assert [strip_marks(word) for word in words] == [_loop(word) for word in words]
