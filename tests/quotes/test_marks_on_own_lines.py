"""Quotation marks on lines of their own (issue 12, sixth session): some press pages put each mark on a
separate line (``„`` newline text newline ``“ sagt …``).  Whitespace next to a mark counts as nothing;
offsets still point into the text as given.  Invented texts."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.marks import find_quoted

_WORDS = "Die Lage hat sich deutlich verschärft. Wir müssen handeln."


def _spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text) if q.closed]


@pytest.mark.parametrize(
    "text",
    [
        f"Das Amt legt den Bericht vor.\n„\n{_WORDS}\n“ sagt Präsidentin Anna Keller.",
        f"Das Amt legt den Bericht vor.\n„\n{_WORDS}\n“, sagt Präsidentin Anna Keller.",
        f"Das Amt legt den Bericht vor.\n\n„\n\n{_WORDS}\n\n“ sagt Präsidentin Anna Keller.",
        f"Präsidentin Anna Keller sagt: „ \n{_WORDS}\n“\nDer Bericht erscheint jährlich.",
        f'Das Amt legt den Bericht vor.\n"\n{_WORDS}\n" sagt Präsidentin Anna Keller.',
    ],
)
def test_a_mark_on_its_own_line_still_opens_and_closes_the_quotation(text: str) -> None:
    spans = _spans(text)
    assert len(spans) == 1
    assert spans[0][0] in '„"' and spans[0][-1] in '“"'
    assert _WORDS in spans[0]


def test_offsets_point_into_the_text_as_given() -> None:
    text = f"Vorwort.\n„\n{_WORDS}\n“ sagt sie."
    quoted = find_quoted(text)[0]
    assert (quoted.start, quoted.end) == (text.index("„"), text.index("“") + 1)


def test_a_closing_mark_that_ends_a_line_after_words_does_not_open_a_new_quotation() -> None:
    text = "Er sagte „Das gilt“ und ging. “ \n\nDanach sprach niemand mehr mit der Presse darüber."
    assert _spans(text) == ["„Das gilt“"]


def test_an_opening_mark_at_a_line_end_without_a_closer_still_stops_at_the_next_line() -> None:
    text = "Sie rief „\nKommt her\nDann ging sie nach Hause."
    quoted = find_quoted(text)[0]
    assert not quoted.closed
    assert text[quoted.start : quoted.end] == "„\nKommt her"


@pytest.mark.parametrize("bridge", ["", ","])
def test_the_frame_after_a_closing_mark_on_its_own_line_names_the_speaker(
    pipeline: Pipeline, bridge: str
) -> None:
    text = f"Das Amt legt den Bericht vor.\n„\n{_WORDS}\n“{bridge} sagt Präsidentin Anna Keller.\n"
    statements = pipeline(Article.create(text)).statements
    assert [(s.mode, s.speaker.text if s.speaker else None) for s in statements] == [
        ("direct", "Präsidentin Anna Keller")
    ]
    assert _WORDS in statements[0].quote.text
