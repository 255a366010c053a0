"""A quoted name between an auxiliary and its participle belongs to the clause (issue 12, invented)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_quoted_name_between_auxiliary_and_participle_keeps_the_coordinated_subject(
    pipeline: Pipeline,
) -> None:
    text = (
        "Auch die Feuerwehr blieb gelassen und hatte noch am Morgen auf Anfrage der „Berliner Zeitung“ "
        "mitgeteilt, ihr seien keine Schäden bekannt."
    )
    (statement,) = pipeline(Article.create(text)).statements
    assert statement.speaker is not None and statement.speaker.text == "die Feuerwehr"
    assert statement.cue is not None and statement.cue.text.startswith("hatte")


def test_quoted_phrase_between_auxiliary_and_participle_still_ends_the_clause(pipeline: Pipeline) -> None:
    text = "Seine Bilder werden von Kennern als „Meilensteine der Malerei“ bezeichnet."
    speakers = [s.speaker.text for s in pipeline(Article.create(text)).statements if s.speaker is not None]
    assert "Seine Bilder" not in speakers
