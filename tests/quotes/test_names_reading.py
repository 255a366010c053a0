"""How the quotation rules read entity tags (issue 14ze): a name that only modifies a compound names nobody,
an interview's guest is introduced by a full name, and (opt-in) a parenthetical is no subject.  Invented
sentences; the mentions are set by hand, as a tagger might give them, so the tests do not hang on the
shipped tagger."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Mention
from wortlaut.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from wortlaut.quotes import interviews, rerank
from wortlaut.quotes.extract import extract
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.statements import default_model


@pytest.fixture(scope="module")
def analyse() -> Pipeline:
    """The default pipeline up to (not including) the statements stage."""
    names = [name for name, _ in DEFAULT_STAGES]
    return build_pipeline(DEFAULT_STAGES[: names.index("statements.rules.v1")])


def _speakers(analyse: Pipeline, text: str, tags: list[tuple[str, str, int]]) -> list[str | None]:
    """Speaker texts of ``text``'s statements with the mentions ``tags`` (words, type, occurrence) only."""
    mentions = []
    for words, kind, occurrence in tags:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(words, start + 1)
        mentions.append(Mention(start=start, end=start + len(words), text=words, type=kind))
    article = analyse(Article.create(text)).with_layers(mentions=tuple(mentions))
    found = extract(article, load_lexicon(), default_model())
    return [text[f.speaker[0] : f.speaker[1]] if f.speaker else None for f in found]


_PARENTHESIS = (
    "Der Bürgermeister Peter Hansen hat in einem Gespräch mit seinem Amtskollegen Jan Vos (Partij, dt. etwa "
    "Volkspartei) bekräftigt, die Stadt bekenne sich zu ihrer Verantwortung für den Hafen."
)
_PARENTHESIS_TAGS = [
    ("Peter Hansen", "PER", 0),
    ("Jan Vos", "PER", 0),
    ("Partij", "ORG", 0),
    ("Volkspartei", "ORG", 0),
]


def test_an_organisation_in_parentheses_is_no_speaker_when_switched_on(
    analyse: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rerank, "NOT_IN_PARENTHESES", True)
    assert _speakers(analyse, _PARENTHESIS, _PARENTHESIS_TAGS) == ["Der Bürgermeister Peter Hansen"]


def test_by_default_the_ranker_may_take_the_parenthesis(analyse: Pipeline) -> None:
    """Off by default: on train CV it cost a partly right speaker inside a long phrase (issue 14ze)."""
    assert _speakers(analyse, _PARENTHESIS, _PARENTHESIS_TAGS) == ["Volkspartei"]


_COMPOUND = (
    "Die Regierung beschuldigt die Huthi-Rebellen darüber hinaus immer wieder, Gelder aus dem Ausland zu "
    "erhalten."
)


def test_a_name_inside_a_compound_names_no_subject_after_the_verb(analyse: Pipeline) -> None:
    assert _speakers(analyse, _COMPOUND, [("Huthi", "PER", 0)]) == ["Die Regierung"]


def test_without_the_rule_the_compound_s_name_is_taken(
    analyse: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rerank, "WHOLE_WORD_NAMES", False)
    assert _speakers(analyse, _COMPOUND, [("Huthi", "PER", 0)]) == ["die Huthi-Rebellen"]


_INTERVIEW = (
    "Stadtparks als Heilmittel\n\n"
    "Die Historikerin Anna Berger hat ein Buch über die Geschichte der Stadtparks geschrieben. "
    "Wir haben mit ihr gesprochen.\n"
    "Wie sind Sie auf das Thema gekommen? Ich bin in einem Park groß geworden und habe dort als Kind "
    "jeden Nachmittag verbracht.\n"
    "„Am meisten hat mich überrascht, wie früh die Bürger selbst Parks gefordert haben“\n"
    "Was war aus Ihrer Sicht die Idee der ersten Parks? Die Idee war, dass in der frischen Luft die "
    "Wurzel der Gesundheit liege. Deshalb sollten alle Menschen Zugang zu Grünflächen bekommen.\n"
    "Und heute? Heute planen die Städte ihre Parks vor allem als Schutz gegen die Hitze im Sommer und "
    "gegen Starkregen.\n"
    "Was hat Sie am meisten überrascht? Am meisten hat mich überrascht, wie früh die Bürger selbst "
    "Parks gefordert und bezahlt haben.\n"
)
_INTERVIEW_TAGS = [("Stadtparks", "PER", 0), ("Anna Berger", "PER", 0)]


def test_a_one_word_person_in_the_headline_is_no_interviewee(analyse: Pipeline) -> None:
    assert "Anna Berger" in (_speakers(analyse, _INTERVIEW, _INTERVIEW_TAGS)[0] or "")


def test_without_the_rule_the_headline_s_word_is_the_interviewee(
    analyse: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interviews, "FULL_NAME_GUEST", False)
    assert _speakers(analyse, _INTERVIEW, _INTERVIEW_TAGS)[0] == "Stadtparks"
