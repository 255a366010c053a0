"""Interview pages without quotation marks (issue 12, eleventh session): a question, then the answer in the
rest of its paragraph or the next one.  Invented page, whole pipeline."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes import interviews

_LEAD = (
    "Die Historikerin Anna Berger hat ein Buch über die Geschichte der Stadtparks geschrieben. "
    "Wir haben mit ihr gesprochen.\n"
)
_UNITS = [
    "Wie sind Sie auf das Thema gekommen? Ich bin in einem Park groß geworden und habe dort als Kind "
    "jeden Nachmittag verbracht.",
    "Was war aus Ihrer Sicht die Idee der ersten Parks? Die Idee war, dass in der frischen Luft die "
    "Wurzel der Gesundheit liege. Deshalb sollten alle Menschen Zugang zu Grünflächen bekommen.",
    "Und heute? Heute planen die Städte ihre Parks vor allem als Schutz gegen die Hitze im Sommer und "
    "gegen Starkregen.",
    "Was hat Sie am meisten überrascht? Am meisten hat mich überrascht, wie früh die Bürger selbst "
    "Parks gefordert und bezahlt haben.",
]
_PULL_QUOTE = "„Am meisten hat mich überrascht, wie früh die Bürger selbst Parks gefordert haben“\n"


def _page(units: list[str]) -> str:
    return _LEAD + units[0] + "\n" + _PULL_QUOTE + "\n".join(units[1:]) + "\n"


def test_a_konjunktiv_clause_inside_an_answer_is_no_statement_of_its_own(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_page(_UNITS)))
    assert not any("Wurzel der Gesundheit" in statement.quote.text for statement in article.statements)


def test_a_pull_quote_between_the_answers_is_the_interviewee_s(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_page(_UNITS)))
    pulled = [s for s in article.statements if s.quote.text.startswith("„Am meisten")]
    assert len(pulled) == 1
    assert pulled[0].speaker is not None and "Anna Berger" in pulled[0].speaker.text


def test_two_questions_do_not_make_an_interview(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_page(_UNITS[:2])))
    assert any("Wurzel der Gesundheit" in statement.quote.text for statement in article.statements)


def test_answers_become_the_interviewee_s_statements_when_switched_on(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interviews, "ANSWER_STATEMENTS", True)
    article = pipeline(Article.create(_page(_UNITS)))
    answers = [s for s in article.statements if s.rule == "direct.interview"]
    assert [s.quote.text.split()[0] for s in answers] == ["Ich", "Die", "Heute", "Am"]
    assert all(s.speaker is not None and "Anna Berger" in s.speaker.text for s in answers)


_REPORT_UNITS = [
    "Was ist passiert? Der Stadtrat hat am Abend beschlossen, den Park im Norden der Stadt zu schließen.",
    "Warum gerade jetzt? Die Bürgermeisterin sagte, der Boden sei nach dem Regen nicht mehr sicher genug.",
    "Wie geht es weiter? Das Bauamt prüft nun, ob die Wege bis zum Sommer erneuert werden können.",
    "Was sagen die Anwohner? Viele Anwohner kündigten Protest an und sammeln bereits Unterschriften.",
]


def test_an_explainer_asking_the_reader_s_questions_is_no_interview(pipeline: Pipeline) -> None:
    """Questions in the third person (no du- or Sie-form, no interviewer's label) are the reader's: the
    reported statement inside an answer stays."""
    article = pipeline(Article.create(_LEAD + "\n".join(_REPORT_UNITS) + "\n"))
    assert any("nicht mehr sicher" in statement.quote.text for statement in article.statements)


def test_labelled_questions_address_the_interviewee() -> None:
    assert interviews._addresses("Redaktion: Was war die Idee der ersten Parks?")
    assert interviews._addresses("Was hat Sie am meisten überrascht?")
    assert not interviews._addresses("Wie geht es weiter?")
