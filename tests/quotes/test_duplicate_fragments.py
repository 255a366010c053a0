"""Duplicate fragments (issue 12, tenth session): a statement found inside another one that the reader
sees as one statement.  Invented texts."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.marks import MAX_QUOTE_LINES, find_quoted

_PARAGRAPHS = [
    "Die Entscheidung kam völlig überraschend und ist für die Betriebe nicht nachvollziehbar.",
    "Viele Projekte sind bereits bewilligt, jetzt fehlt plötzlich jede Planungssicherheit.",
    "Mit dem Stopp sendet die Regierung ein fatales Signal und droht, den Umbau auszubremsen.",
]


def test_one_straight_mark_before_several_paragraphs_and_one_after_them_is_one_quotation() -> None:
    body = "\n".join(_PARAGRAPHS)
    text = f'Der Verband äußert sich zum Förderstopp.\n"{body}"\nDie Regierung hat noch nicht reagiert.'
    closed = [text[q.start : q.end] for q in find_quoted(text) if q.closed]
    assert closed == [f'"{body}"']


def test_an_unclosed_mark_does_not_reach_a_closer_beyond_the_line_limit() -> None:
    filler = "\n".join("Ein Absatz ohne Anführungszeichen." for _ in range(MAX_QUOTE_LINES + 1))
    text = f'Sie sagte: "Wir kommen.\n{filler}\nEnde der Meldung."'
    first = find_quoted(text)[0]
    assert not first.closed
    assert text[first.start : first.end] == '"Wir kommen.'


def test_a_later_opening_mark_keeps_an_unclosed_quotation_in_its_paragraph() -> None:
    text = 'Sie sagte: "Wir kommen.\nDer Verband nannte das "falsch" und ging.'
    first = find_quoted(text)[0]
    assert not first.closed


def test_a_reported_clause_inside_a_quoted_multi_paragraph_statement_is_no_statement_of_its_own(
    pipeline: Pipeline,
) -> None:
    body = "\n".join(_PARAGRAPHS)
    text = (
        "Der Handwerksverband kritisiert den Förderstopp.\n"
        f'"{body}"\n'
        "Das sagte Verbandspräsident Karl Moser am Montag in Berlin.\n"
    )
    statements = pipeline(Article.create(text)).statements
    inside = [s for s in statements if text.index(body) <= s.quote.start < text.index(body) + len(body)]
    assert inside == []
    assert any(s.mode == "direct" and _PARAGRAPHS[2][:20] in s.quote.text for s in statements)


def test_a_quotation_with_an_inner_opening_mark_read_as_closer_is_one_statement(pipeline: Pipeline) -> None:
    text = (
        "Der Landtag hat die Partei um eine Stellungnahme gebeten. „Die Partei hat uns dazu mitgeteilt, dass "
        "es sich um eine „Sonderaktion“ des Vereins handele, also niemand davon gewusst habe“, schreibt ein "
        "Sprecher des Landtags.\n"
    )
    statements = pipeline(Article.create(text)).statements
    opening = text.index("„Die Partei")
    at_opening = [s for s in statements if s.quote.start <= opening < s.quote.end]
    assert len(at_opening) == 1
    assert at_opening[0].speaker is not None and at_opening[0].speaker.text == "ein Sprecher des Landtags"


@pytest.mark.parametrize(
    "text",
    [
        "Das Thema liegt auf dem dritten Platz der „heiklen Themen“: 58 Prozent sortierten es so ein.",
        'Der Plan verstößt gegen den Grundsatz des "Do no significant harm" (DNSH) der Verordnung.',
    ],
)
def test_short_quotation_inside_a_noun_phrase_is_a_term(pipeline: Pipeline, text: str) -> None:
    """After an article or preposition a short quotation without a frame is a term, not someone's words
    (thirteenth session)."""
    assert [s.mode for s in pipeline(Article.create(text)).statements if s.mode == "direct"] == []


def test_a_quoted_term_under_a_coordinated_cue_is_part_of_the_statement_before(pipeline: Pipeline) -> None:
    """``forderte, »…« zu rücken, und begründete das mit dem »…«``: the second, short quotation after an
    article belongs to the same speaker's statement in its sentence (issue 12, fourteenth session)."""
    article = pipeline(
        Article.create(
            "Die Ministerin Anna Keller forderte, »die Schulen in die Mitte der Stadt« zu rücken, und "
            "begründete das mit dem »wachsenden Bedarf« an Plätzen."
        )
    )
    assert [s.quote.text for s in article.statements] == ["»die Schulen in die Mitte der Stadt«"]


def test_a_quoted_term_alone_in_its_sentence_stays(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Die Ministerin Anna Keller lobte den »mutigen Schritt« der Stadt."))
    assert [s.quote.text for s in article.statements] == ["»mutigen Schritt«"]
