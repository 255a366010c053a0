"""Quotations the rules never found (issue 12, twelfth session; classes counted on a sample of
quotes-wikinews/train's missed indirect and reported quotations, tested on invented sentences)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    article = pipeline(Article.create(_LEAD + text))
    return [(s.quote.text, s.speaker.text if s.speaker else None, s.mode) for s in article.statements]


def test_a_separated_particle_after_an_apposition_still_closes_the_cue(pipeline: Pipeline) -> None:
    text = "Am Dienstag gab der Leiter des Bauamts, Peter Kramer, bekannt, dass die Brücke gesperrt werde."
    assert _found(pipeline, text) == [
        ("dass die Brücke gesperrt werde", "der Leiter des Bauamts, Peter Kramer", "indirect")
    ]


def test_a_particle_written_apart_before_a_verb_final_cue_belongs_to_it(pipeline: Pipeline) -> None:
    text = "Die Brücke bleibt bis Mai gesperrt, wie die Stadtverwaltung am Montag bekannt gab."
    found = _found(pipeline, text)
    assert [(quote, mode) for quote, _, mode in found] == [("Die Brücke bleibt bis Mai gesperrt", "indirect")]
    assert found[0][1] is not None and "Stadtverwaltung" in found[0][1]


def test_a_particle_written_apart_before_a_participle_belongs_to_it(pipeline: Pipeline) -> None:
    text = "Von der Stadt wurde am Montag bekannt gegeben, dass die Brücke bis Mai gesperrt bleibe."
    assert [mode for _, _, mode in _found(pipeline, text)] == ["indirect"]
