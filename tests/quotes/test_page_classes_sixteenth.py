"""Grammar classes of the sixteenth issue-12 session on real pages, each on invented sentences through the
pipeline (issue 12)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_a_verb_without_subject_after_a_comma_shares_the_inverted_subject_before(pipeline: Pipeline) -> None:
    text = (
        "Paul Brenner spielt wieder mit. „Das wäre eine große Sache für die Jungen“, weiß der frühere "
        "Kapitän, warnt aber: „Man darf nie vergessen, dass wir älter sind.“"
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == [
        "der frühere Kapitän",
        "der frühere Kapitän",
    ]


def test_two_quotations_around_two_clauses_are_two_statements(pipeline: Pipeline) -> None:
    text = (
        "Paul Brenner spielt wieder mit. „Das wäre eine große Sache für die Jungen“, weiß der frühere "
        "Kapitän, warnt aber: „Man darf nie vergessen, dass wir älter sind.“"
    )
    quotes = [quote for quote, _ in _found(pipeline, text)]
    assert quotes == [
        "„Das wäre eine große Sache für die Jungen“",
        "„Man darf nie vergessen, dass wir älter sind.“",
    ]


def test_a_quotation_split_by_one_frame_is_still_one_statement(pipeline: Pipeline) -> None:
    text = "„Wir haben das Spiel verdient gewonnen“, sagte die Trainerin Eva Kuhn, „und wir bleiben oben.“"
    assert len(_found(pipeline, text)) == 1


def test_a_comma_after_a_subject_clause_gives_no_inverted_subject(pipeline: Pipeline) -> None:
    text = "Die Lage ist ernst, warnte der Landrat Peter Sommer am Montag."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["der Landrat Peter Sommer"]
