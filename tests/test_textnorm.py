"""The three folds of :mod:`wortlaut.textnorm` and the callers that used to carry their own copies."""

from __future__ import annotations

import re
import unicodedata

import pytest

from wortlaut.kb.normalize import key
from wortlaut.link.text import fold
from wortlaut.store.text import normalize
from wortlaut.textnorm import fold_latin, match_words, name_key, strip_marks

#: Every character of the Basic Multilingual Plane except surrogates: the folds are per character
#: (plus casefold's expansions), so equality on all of them and on a few mixed strings pins them.
BMP = "".join(chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code < 0xE000)
MIXED = [
    "Selenskyj",
    "SELENSKYJ",
    "Ukrainë",
    "Straße",
    "STRASSE",
    "Ærø-Fähre",
    "’s",
    "ﬁnal",
    "Ĳssel",
    "Καλημέρα",
]


def _old_kb_key(word: str) -> str:
    """kb.normalize.key before the move (without the edge-punctuation trim, which stays in kb)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return plain.replace("ß", "ss").replace("’", "'")


def _old_link_fold(text: str) -> str:
    def strip(char: str) -> str:
        return "".join(
            part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
        )

    table = {code: strip(chr(code)) for code in range(0xC0, 0x250) if strip(chr(code)) != chr(code)}
    return text.casefold().translate(table)


def _old_store_normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", stripped.replace("ß", "ss")))


@pytest.mark.parametrize("text", [BMP, *MIXED])
def test_folds_equal_the_copies_they_replace(text: str) -> None:
    assert name_key(text) == _old_kb_key(text)
    assert fold_latin(text) == _old_link_fold(text)
    assert match_words(text) == _old_store_normalize(text)


def test_callers_use_the_shared_folds() -> None:
    assert key("„Selenskyj“") == name_key("Selenskyj")
    assert fold("Ærø-Fähre") == fold_latin("Ærø-Fähre")
    assert normalize("Wolodymyr  SELENSKYJ!") == match_words("Wolodymyr  SELENSKYJ!") == "wolodymyr selenskyj"


@pytest.mark.parametrize(
    ("text", "key_form", "latin_form", "words_form"),
    [
        ("Ukrainë", "ukraine", "ukraine", "ukraine"),
        ("CO²-Preis", "co2-preis", "co²-preis", "co2 preis"),
        ("Καλημέρα", "καλημερα", "καλημέρα", "καλημερα"),
        ("Baden-Württemberg’s", "baden-wurttemberg's", "baden-wurttemberg’s", "baden wurttemberg s"),
    ],
)
def test_the_folds_differ_where_their_callers_need_it(
    text: str, key_form: str, latin_form: str, words_form: str
) -> None:
    assert (name_key(text), fold_latin(text), match_words(text)) == (key_form, latin_form, words_form)


def test_strip_marks_decomposes_compatibility_forms_and_drops_marks() -> None:
    assert strip_marks("Café ﬁ") == "Cafe fi"
