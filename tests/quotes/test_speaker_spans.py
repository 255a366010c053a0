"""Extent of the speaker phrase (issue 12, fifth session): the WikiNews annotation takes the whole noun
phrase with its appositions, leading adjectives and place attributes; invented sentences, whole pipeline."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_adjective_before_a_zufolge_source_stays_in_the_phrase(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Ersten offiziellen Angaben zufolge wurden bei dem Unfall drei Menschen verletzt."
    )
    assert speakers == ["Ersten offiziellen Angaben"]


def test_apposition_after_an_inverted_subject_joins_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "„Wir haben alles versucht“, sagte Jonas Brenner, Trainer des Vereins, nach dem Spiel."
    )
    assert speakers == ["Jonas Brenner, Trainer des Vereins"]


def test_name_apposition_after_a_role_joins_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "„Das reicht nicht“, erklärte die Geschäftsführerin des Vereins, Lena Vogt."
    )
    assert speakers == ["die Geschäftsführerin des Vereins, Lena Vogt"]


def test_sentence_initial_source_phrase_runs_to_the_finite_verb(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Nach Angaben des Statistischen Landesamtes in Kiel leben dort etwa 5.000 Menschen."
    )
    assert speakers == ["Angaben des Statistischen Landesamtes in Kiel"]


def test_place_attribute_of_a_speaker_after_the_verb(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Am Freitag teilte ein Sprecher der Polizei in Koblenz mit, dass der Mann gefasst sei."
    )
    assert speakers == ["ein Sprecher der Polizei in Koblenz"]


def test_time_after_the_speaker_is_not_part_of_it(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "„Wir bleiben“, sagte der Bürgermeister am Montag in Kiel.")
    assert speakers == ["der Bürgermeister"]


def test_name_before_a_role_in_the_prefield_is_one_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Petra Schubert, die Präsidentin des Verbands sagte, die Lage sei ernst.")
    assert speakers == ["Petra Schubert, die Präsidentin des Verbands"]


def test_ranker_choice_inside_the_rules_apposition_keeps_the_whole(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Stephen Singer, ein Klimaexperte vom WWF erklärte, der Bericht sei gut.")
    assert speakers == ["Stephen Singer, ein Klimaexperte vom WWF"]


def test_a_phrase_after_the_verb_is_an_object_when_the_prefield_holds_the_subject(pipeline: Pipeline) -> None:
    from wortlaut.quotes.speaker_model import SpeakerModel
    from wortlaut.stages.statements import StatementsStage

    text = "Der Verband kritisierte die Entscheidung der Regierung als „kurzsichtig“."
    analysed = pipeline(Article.create(text))
    likes_objects = SpeakerModel(weights={"side=after": 5.0, "side=before": 2.0}, threshold=0.5)
    statements = StatementsStage(speaker_model=likes_objects)(analysed).statements
    assert [s.speaker.text if s.speaker else None for s in statements] == ["Der Verband"]


def test_quoted_name_after_an_inverted_subject_joins_it(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Am Abend meldete die Nachrichtenagentur „Nordpress“, die Fähre sei gesunken."
    )
    assert speakers == ["die Nachrichtenagentur „Nordpress“"]


def test_laut_with_a_quoted_name_keeps_both_marks(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Laut „Morgenpost“ soll der Vertrag verlängert werden.")
    assert speakers == ["„Morgenpost“"]


def test_abbreviation_in_brackets_stays_with_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "„Die Lage ist ruhig“, sagte ein Reporter der Deutschen Presse-Agentur (dpa) am Abend."
    )
    assert speakers == ["ein Reporter der Deutschen Presse-Agentur (dpa)"]


def test_partitive_pronoun_heads_the_speaker_phrase(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Einer der beteiligten Feuerwehrmänner sagte: „Ich habe so etwas nie gesehen.“"
    )
    assert speakers == ["Einer der beteiligten Feuerwehrmänner"]


def test_number_word_after_a_name_starts_the_clause_not_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Unter den Toten sollen laut Atmar neun Zivilisten gewesen sein.")
    assert speakers == ["Atmar"]


def test_verbless_apposition_with_an_attribute_in_the_prefield_joins_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline,
        "Frank Weber, Vorsitzender des Journalisten-Verbands für das Münsterland, sagte, es sei unfassbar.",
    )
    assert speakers == ["Frank Weber, Vorsitzender des Journalisten-Verbands für das Münsterland"]


def test_relative_clause_in_the_prefield_stays_out_of_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Der Verband, der die Bäcker vertritt, sagte, man wolle die Preise senken."
    )
    assert speakers == ["Der Verband"]


def test_apposition_after_an_inverted_subject_ends_before_a_prepositional_adverbial(
    pipeline: Pipeline,
) -> None:
    speakers = _speakers(
        pipeline,
        "Alle Gebiete seien unter Kontrolle, sagte Charles Brun, kanadischer General und Kommandeur des "
        "Einsatzes am Montag.",
    )
    assert speakers == ["Charles Brun, kanadischer General und Kommandeur des Einsatzes"]


def test_clause_after_the_comma_is_no_apposition_of_the_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Das Werk bleibe offen, sagte Müller, die Firma in Berlin sei gesund.")
    assert speakers == ["Müller"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Geschäftsführer von „Solarwerk“, Karl Brandt, sagte, das Investment sei sinnvoll.",
            "Der Geschäftsführer von „Solarwerk“, Karl Brandt",
        ),
        (
            "Der Vertreter der Arbeitgeber im Aufsichtsrat der Agentur, Peter Klee, hat gefordert, dass der "
            "Datenschutz gelockert werde.",
            "Der Vertreter der Arbeitgeber im Aufsichtsrat der Agentur, Peter Klee",
        ),
    ],
)
def test_prefield_role_with_attribute_or_quoted_name_and_name_apposition_is_one_speaker(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_heisst_es_source_named_by_a_document_noun_before_its_genitive(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "„Wir bleiben dabei“, heißt es dazu in einer Mitteilung des Vereins.")
    assert speakers == ["einer Mitteilung des Vereins"]
