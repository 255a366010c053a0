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


_TRANSCRIPT = (
    "Die Ökonomin Maria Seidel erwartet harte Jahre für den Einzelhandel, sagte sie im Radio.\n"
    "Jan Weber: Frau Seidel, wie schlimm wird es für die Innenstädte?\n"
    "Maria Seidel: Es wird sehr schwer. Ich glaube, dass viele kleine Läden das nächste Jahr nicht "
    "überstehen werden.\n"
    "Weber: Und die großen Ketten …\n"
    "Seidel: Die Ketten sagen, sie seien gut vorbereitet, aber das bezweifle ich sehr.\n"
    "Weber: Sie haben im Frühjahr gewarnt, dass die Mieten in den Zentren zu hoch seien.\n"
    "Seidel: Das habe ich, und die Lage ist seitdem nicht besser geworden, eher schlimmer.\n"
    "Weber: Warum sind Sie so sicher, dass die Kunden nicht zurückkommen?\n"
    "Seidel: Weil die Gewohnheiten sich geändert haben und die Menschen lieber im Netz bestellen.\n"
    "Weber: Der Ökonom Peter Lang sagt, die Umsätze seien im Herbst wieder gestiegen.\n"
    "Seidel: Das mag sein, aber die Zahlen täuschen über die Lage der kleinen Läden hinweg.\n"
)


def test_a_labelled_transcript_reads_as_an_interview_without_question_marks() -> None:
    """``Weber: Und die großen Ketten …`` asks without a question mark; the answer after it is one turn."""
    from wortlaut.quotes.extract import build_context
    from wortlaut.quotes.lexicon import load_lexicon

    ctx = build_context(Article.create(_TRANSCRIPT), load_lexicon())
    turns = interviews.labelled_turns(ctx)
    assert turns is not None
    questions, answers, guest = turns
    assert guest == "Seidel"
    assert [ctx.text[start:end].split(":")[0] for start, end in answers] == ["Maria Seidel"] + ["Seidel"] * 4
    assert len(questions) == 5


def test_clauses_inside_a_transcript_answer_are_no_statements_of_their_own(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TRANSCRIPT))
    assert not any("gut vorbereitet" in statement.quote.text for statement in article.statements)
    assert not any("nicht überstehen" in statement.quote.text for statement in article.statements)


def test_a_report_in_a_question_stays_with_the_interviewee_as_speaker(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TRANSCRIPT))
    warned = [s for s in article.statements if "Mieten in den Zentren" in s.quote.text]
    assert len(warned) == 1
    assert warned[0].speaker is not None and "Seidel" in warned[0].speaker.text


def test_a_third_party_reported_in_a_question_stays(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TRANSCRIPT))
    said = [s for s in article.statements if "im Herbst wieder gestiegen" in s.quote.text]
    assert len(said) == 1
    assert said[0].speaker is not None and "Peter Lang" in said[0].speaker.text


def test_a_clause_in_an_interrogative_question_is_no_statement(pipeline: Pipeline) -> None:
    article = pipeline(Article.create(_TRANSCRIPT))
    assert not any("nicht zurückkommen" in statement.quote.text for statement in article.statements)


_TEASED = (
    "Sind die Parks noch zu retten? Die Historikerin Anna Berger erklärt, warum die Städte ihre Grünflächen "
    "neu planen müssen.\n"
    "Frau Berger, Sie fordern, dass jede Stadt einen Plan für ihre Parks vorlegen müsse. Warum?\n"
    + "\n".join(_UNITS)
    + "\n"
)


def test_a_teaser_question_before_the_interview_leaves_the_lead_and_names_the_interviewee(
    pipeline: Pipeline,
) -> None:
    """The first line's question asks the reader; the interviewee is named after it, in the lead."""
    article = pipeline(Article.create(_TEASED))
    assert not any("Wurzel der Gesundheit" in statement.quote.text for statement in article.statements)
    demand = [s for s in article.statements if "einen Plan für ihre Parks" in s.quote.text]
    assert len(demand) == 1
    assert demand[0].speaker is not None and "Berger" in demand[0].speaker.text
