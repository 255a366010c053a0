"""One statement in two quotation parts (issue 12, eighth session): the second part is not emitted again
as a statement of its own; invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _direct(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, int]]:
    article = pipeline(Article.create(text))
    return [
        (s.quote.text, s.speaker.text if s.speaker else None, len(s.quote.spans or ((0, 0),)))
        for s in article.statements
        if s.mode == "direct"
    ]


def test_quotation_interrupted_by_its_frame_is_one_statement_in_two_parts(pipeline: Pipeline) -> None:
    found = _direct(
        pipeline,
        "„Wir haben täglich Meldungen bekommen“, erklärte Nadja Weber von „Pfotenhilfe“, „da hätte sofort "
        "reagiert werden müssen.“ Darum hat die Organisation Anzeige erstattet.",
    )
    assert len(found) == 1
    quote, speaker, parts = found[0]
    assert quote.startswith("„Wir haben") and quote.endswith("müssen.“")
    assert speaker is not None and "Nadja Weber" in speaker
    assert parts == 2


def test_two_quoted_pieces_of_one_sentence_with_one_speaker_are_one_statement(pipeline: Pipeline) -> None:
    found = _direct(
        pipeline,
        "„Die Mieten steigen zu stark“, sagte die Sprecherin Ruth Becher. Für den Geschäftsführer Paul "
        "Meier ist klar, dass „die Stadt sofort handeln muss“, da sich „viele Familien die Mieten nicht "
        "mehr leisten können“.",
    )
    assert [speaker for _, speaker, _ in found] == [
        "die Sprecherin Ruth Becher",
        "den Geschäftsführer Paul Meier",
    ]
    assert found[1][2] == 2


def test_two_quotations_with_a_sentence_between_stay_two_statements(pipeline: Pipeline) -> None:
    found = _direct(
        pipeline,
        "„Wir bleiben dabei“, sagte Jonas Brenner. Dann verließ er den Saal. „Das war es“, sagte Brenner.",
    )
    assert len(found) == 2
