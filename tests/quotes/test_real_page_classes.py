"""Error classes of the second speaker session (issue 12), each on invented sentences through the pipeline:
a quotation over a line break, a frameless quotation after ``X weiß:``, a reported statement inside
another one."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.marks import find_quoted


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_a_quotation_runs_over_a_line_break_when_the_next_line_closes_it() -> None:
    text = 'Er sagte: "Ich bin gern\ngefahren. Es war schön", erzählt er.'
    assert [text[q.start : q.end] for q in find_quoted(text)] == ['"Ich bin gern\ngefahren. Es war schön"']


@pytest.mark.parametrize(
    "text",
    ["„Das bleibt offen\nDann ging sie nach Hause.", "„Das bleibt offen\n„Neu“, sagt er."],
)
def test_an_unclosed_quotation_still_stops_at_its_line(text: str) -> None:
    assert text[find_quoted(text)[0].start : find_quoted(text)[0].end] == "„Das bleibt offen"


def test_a_hard_wrapped_quotation_is_one_statement(pipeline: Pipeline) -> None:
    text = (
        'Der Autor Karl Meier fährt nur noch Zug. "Ich habe diese Art zu reisen sehr\n'
        'genossen. Die ersten Jahre waren toll", erzählt der 48-Jährige.'
    )
    found = _found(pipeline, text)
    assert len(found) == 1 and found[0][0].endswith('toll"')


def test_a_frameless_quotation_after_a_colon_belongs_to_the_person_before_it(pipeline: Pipeline) -> None:
    text = (
        "„Wenn alles läuft, spiele ich wieder“, sagt Paul Brenner. "
        "Auch Marcel Jansen trainiert mit. Jansen weiß: „Das ist keine leichte Liga, es gibt ein Niveau.“"
    )
    assert _found(pipeline, text)[-1][1] == "Jansen"


def test_a_frameless_quotation_without_a_colon_keeps_the_previous_speaker(pipeline: Pipeline) -> None:
    text = (
        "„Wir rechnen mit mehr Kunden“, sagte Anna Keller. "
        "„Die Zahlen sind gut und wir wollen noch weiter wachsen in diesem Jahr.“"
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Anna Keller", "Anna Keller"]


def test_a_reported_clause_inside_another_reported_statement_is_not_a_second_one(pipeline: Pipeline) -> None:
    text = "Zitiert wird eine Umfrage, wonach die Hälfte der Leute angibt, dass man nicht frei reden könne."
    assert len(_found(pipeline, text)) == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Wir prüfen den Fall sehr genau“, hieß es aus dem Innenministerium.", "dem Innenministerium"),
        ("Aus Regierungskreisen hieß es, die Entscheidung sei bereits gefallen.", "Regierungskreisen"),
    ],
)
def test_hiess_es_aus_takes_the_source_after_the_preposition(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert [found_speaker for _, found_speaker in _found(pipeline, text)] == [speaker]


def test_eigen_points_to_the_person_of_its_own_sentence(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "Peter Brandt sprach lange. Nach eigener Aussage hat Anna Keller den Vertrag nie gesehen."
        )
    )
    speakers = [s.speaker for s in article.statements if s.speaker is not None]
    assert [article.entity(ref.entity).name for ref in speakers if ref.entity] == ["Anna Keller"]


def test_a_frameless_quotation_takes_a_person_named_after_the_last_speaker(pipeline: Pipeline) -> None:
    text = (
        "„Wir rechnen mit mehr Kunden“, sagte Anna Keller. Auch Paul Brenner war im Saal. "
        "„Die Zahlen sind gut und wir wollen noch weiter wachsen in diesem Jahr.“"
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Anna Keller", "Paul Brenner"]


@pytest.mark.parametrize(
    "text",
    [
        "In einer Unterhaltung nannte sie das „Thema“ kaum.",
        "Nun hofft „Cello“ auf einen Sieg am Sonntag.",
        "Sie sagte nur: «Rain»",
    ],
)
def test_one_quoted_capitalised_word_beside_a_speech_verb_is_not_a_statement(
    pipeline: Pipeline, text: str
) -> None:
    assert _found(pipeline, text) == []
