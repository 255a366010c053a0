"""The rough sentence splitter used where no sentence layer exists."""

from __future__ import annotations

import pytest

from wortlaut.sentences import split_sentences


def _texts(text: str) -> list[str]:
    spans = split_sentences(text)
    assert all(text[span.start : span.end] == span.text for span in spans)
    return [span.text for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam. Sie ging! Wer blieb? Keiner.", ["Er kam.", "Sie ging!", "Wer blieb?", "Keiner."]),
        ("Am 3. Mai kam er.", ["Am 3. Mai kam er."]),
        ("Das gilt z. B. Heute nicht.", ["Das gilt z. B. Heute nicht."]),
        ("Er sagte. „Wir kommen.“", ["Er sagte.", "„Wir kommen.“"]),
        ("Titel\n\nText ohne Punkt", ["Titel", "Text ohne Punkt"]),
        ("ende. klein weiter", ["ende. klein weiter"]),
        ("", []),
    ],
)
def test_split_sentences_cuts_at_end_punctuation_before_capitals_and_at_line_breaks(
    text: str, expected: list[str]
) -> None:
    assert _texts(text) == expected


def test_split_sentences_leaves_the_whitespace_between_sentences_out() -> None:
    spans = split_sentences("Eins.  Zwei.")
    assert [(span.start, span.end) for span in spans] == [(0, 5), (7, 12)]
