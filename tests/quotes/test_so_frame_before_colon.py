"""``…, so X: „…“``: a ``so X`` frame ending in a colon frames the clause before it, and the quotation after
the colon is X's, the person named last before the colon (issue 12, fourteenth session); invented
sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

_TEXT = (
    "Der Umgang der Regierung mit dem Thema von Olaf Scholz bis Friedrich Merz sei völlig unangemessen, so "
    "die Forscherin Anna Keller: „Wir versuchen im Moment, den Arbeitsmarkt von gestern zu retten.“"
)


def test_a_so_frame_before_a_colon_frames_the_clause_before_it(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TEXT))
    framed = [s for s in article.statements if s.quote.text.startswith("Der Umgang")]
    assert len(framed) == 1
    assert framed[0].mode == "indirect"
    assert framed[0].speaker is not None and "Anna Keller" in framed[0].speaker.text


def test_the_quotation_after_the_colon_is_the_last_person_s(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TEXT))
    quoted = [s for s in article.statements if s.quote.text.startswith("„Wir versuchen")]
    assert len(quoted) == 1
    assert quoted[0].speaker is not None and "Anna Keller" in quoted[0].speaker.text


def test_an_inserted_so_frame_naming_a_person_reports_an_indicative_sentence(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Die Reform, so der Autor, ist im jetzigen System nie möglich."))
    found = [(s.mode, s.speaker.text if s.speaker else None) for s in article.statements]
    assert found == [("indirect", "der Autor")]


def test_so_auch_gives_an_example_not_a_frame(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create("Viele Familien wurden vertrieben, so auch Anna Kellers Großmutter, die überlebte.")
    )
    assert article.statements == ()
