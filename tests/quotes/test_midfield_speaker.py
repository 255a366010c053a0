"""Speakers the prefield does not hold (issue 12, tenth session): the subject between a finite auxiliary
and a participle after a comma, with its apposition, and the source of ``heißt es`` before a relative
clause.  Invented sentences."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article, Mention
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.carry import whole_names
from wortlaut.quotes.found import Found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Vor kurzem hatte ein Sprecher auf ukrainischer Seite, Taras Bondar, erklärt, die Brücke sei zu.",
            "ein Sprecher auf ukrainischer Seite, Taras Bondar",
        ),
        (
            "Erst gestern hatte der Investor für den Neubau, Karl Weber, zugesagt, die Pläne zu ändern.",
            "der Investor für den Neubau, Karl Weber",
        ),
    ],
)
def test_the_subject_with_apposition_between_auxiliary_and_participle_speaks(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_the_source_of_heisst_es_stands_before_a_relative_clause(pipeline: Pipeline) -> None:
    text = (
        "In dem Bericht der Kommission, der gestern veröffentlicht wurde, heißt es, die Zahl der Fälle sei "
        "deutlich gestiegen."
    )
    assert _speakers(pipeline, text) == ["dem Bericht der Kommission"]


def test_a_participle_after_a_relative_clause_keeps_its_prefield_subject(pipeline: Pipeline) -> None:
    text = "Der Minister, der gestern in Berlin war, hat erklärt, die Steuer werde sinken."
    assert _speakers(pipeline, text) == ["Der Minister"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Eine Verschiebung der Wahl bezeichnete Karl Moser als „fatal für das Land“.", "Karl Moser"),
        (
            "Den Angehörigen der Opfer sprach Anna Keller ihr Beileid aus: „Wir trauern mit Ihnen.“",
            "Anna Keller",
        ),
    ],
)
def test_a_person_right_after_the_verb_speaks_when_the_prefield_is_a_thing(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert speaker in _speakers(pipeline, text)


def test_a_plural_verb_keeps_its_plural_prefield_subject(pipeline: Pipeline) -> None:
    text = "Kritiker werfen Karl Moser vor, die Wahl verschoben zu haben."
    assert "Karl Moser" not in _speakers(pipeline, text)


def _found(text: str, speaker: str, quote: str) -> Found:
    start, words = text.index(speaker), text.index(quote)
    return Found(
        mode="reported",
        quote=[(words, words + len(quote))],
        rule="reported.laut",
        sentence=0,
        speaker=(start, start + len(speaker)),
    )


def test_a_speaker_span_that_cuts_a_name_is_widened_to_the_whole_name() -> None:
    text = "Laut Johanna Moser gibt es Veränderungen in der Gesellschaft."
    found = [_found(text, "Johanna", "gibt es Veränderungen in der Gesellschaft")]
    whole_names(found, [Mention(start=5, end=18, text="Johanna Moser", type="PER")], text)
    assert found[0].speaker is not None
    assert text[found[0].speaker[0] : found[0].speaker[1]] == "Johanna Moser"


def test_a_quote_that_opens_on_the_rest_of_a_cut_name_opens_after_it() -> None:
    """The tagger's verb ``Moser`` opened the reported words; the name's mention says where it ends."""
    text = "Laut Johanna Moser gibt es Veränderungen."
    found = [_found(text, "Johanna", "Moser gibt es Veränderungen")]
    whole_names(found, [Mention(start=5, end=18, text="Johanna Moser", type="PER")], text)
    assert found[0].speaker == (5, 18)
    assert [text[start:end] for start, end in found[0].quote] == ["gibt es Veränderungen"]


def test_a_cut_name_inside_the_reported_clause_is_widened() -> None:
    text = "Die Partei hält den Weg laut Peter Lahm für begehbar."
    found = [_found(text, "Peter", text[:-1])]
    whole_names(found, [Mention(start=29, end=39, text="Peter Lahm", type="PER")], text)
    assert found[0].speaker == (29, 39)
    assert found[0].quote == [(0, len(text) - 1)]


def test_a_longer_phrase_ending_in_a_name_leaves_the_statement_words_alone() -> None:
    """Only a speaker that is the cut name itself is widened into the words: a phrase that ran on into a
    name (``nach Einschätzung der Ermittler der Mörder des Jungen Rhys``) is no misread name."""
    text = "Nach Angaben der Freunde von Karl Moser gibt es Streit."
    found = [_found(text, "Angaben der Freunde von Karl", "Moser gibt es Streit")]
    whole_names(found, [Mention(start=29, end=39, text="Karl Moser", type="PER")], text)
    assert found[0].speaker is not None
    assert text[found[0].speaker[0] : found[0].speaker[1]] == "Angaben der Freunde von Karl"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Einsatz solle sich, so Gall, auf schwere Fälle beschränken.", "Gall"),
        ("Der Präsident sei, so der Parteichef, schuld an der Krise.", "der Parteichef"),
    ],
)
def test_an_inserted_so_frame_names_the_speaker_of_a_reported_sentence(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    article = pipeline(Article.create(text))
    assert [(s.rule, s.speaker.text if s.speaker else None) for s in article.statements] == [
        ("indirect.so", speaker)
    ]


def test_an_inserted_so_frame_naming_a_claim_gives_no_speaker(pipeline: Pipeline) -> None:
    text = "Die Partei, so der Vorwurf, tabuisiere unbequeme Positionen."
    assert _speakers(pipeline, text) == [None]


def test_an_inserted_so_in_an_indicative_sentence_is_no_frame(pipeline: Pipeline) -> None:
    text = "Vieles war neu, so der eigene Anspruch, und die Leser waren zufrieden."
    assert all(s.rule != "indirect.so" for s in pipeline(Article.create(text)).statements)
