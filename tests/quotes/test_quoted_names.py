"""A short quoted name in the subject position of a speech verb is the speaker, not a quotation (issue 12,
eighth session); invented sentences, whole pipeline."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Das wird das größte Update“, schreibt die „Netzwoche“.", "die „Netzwoche“"),
        (
            "„Radio Nord“ berichtet unter Berufung auf die Polizei, dass die Straße gesperrt sei.",
            "„Radio Nord“",
        ),
        (
            "Wie die „Hilfe für Kinder“ heute mitteilte, werde die Sammlung fortgesetzt.",
            "die „Hilfe für Kinder“",
        ),
        ("„Er war ein Vorbild“, schrieb „Der Bote“ in einem Nachruf.", "„Der Bote“"),
    ],
)
def test_quoted_name_as_subject_speaks_and_is_no_statement_of_its_own(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    found = _statements(pipeline, text)
    assert [who for _, who in found] == [speaker]


def test_quoted_sentence_before_the_verb_is_no_name(pipeline: Pipeline) -> None:
    assert _statements(pipeline, "„Wir schaffen das“ sagte die Ministerin.") == [
        ("„Wir schaffen das“", "die Ministerin")
    ]


def test_quoted_name_before_a_passive_is_no_speaker(pipeline: Pipeline) -> None:
    found = _statements(pipeline, "Der „Bürgerliste“ wurde vorgeworfen, sie habe Spenden verschwiegen.")
    assert all(who != "Der „Bürgerliste“" for _, who in found)


@pytest.mark.parametrize(
    "text",
    [
        "In der Talkshow „Drei nach Neun“ sagte der Komiker Karl Braun, Satire richte sich gegen die Macht.",
        "Das sagt Anna Keller, Abgeordnete der Partei „Aufbruch für alle“, nicht ohne Spott.",
        "Im Artikel «Die Insel: Gut möglich, dass sie bald untergeht» wird die Lage beschrieben.",
    ],
)
def test_a_quotation_after_a_show_party_or_article_noun_is_a_name(pipeline: Pipeline, text: str) -> None:
    """``Talkshow``, ``Partei``, ``Artikel`` (also as compound ends) introduce a quoted name or title
    (issue 12, fourteenth session)."""
    article = pipeline(Article.create(text))
    assert not any(s.quote.text[:1] in "„«" for s in article.statements)
