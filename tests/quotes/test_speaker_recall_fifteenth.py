"""Speaker and addressee losses counted on quotes-wikinews/train (issue 12, fifteenth session), each checked
on invented sentences."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _addressees(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(text))
    return [s.addressee.text if s.addressee else None for s in article.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Regierung habe gelogen, berichtet die Online-Ausgabe des „Tagesblatt“.",
            "die Online-Ausgabe des „Tagesblatt“",
        ),
        (
            "Moritz Weber von der „Aktion Hilfe jetzt“ sagte, es sei zu spät.",
            "Moritz Weber von der „Aktion Hilfe jetzt“",
        ),
    ],
)
def test_a_quoted_name_after_a_genitive_or_von_stays_in_the_speaker(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_a_quoted_name_after_a_name_and_der_stays_a_dative_addressee(pipeline: Pipeline) -> None:
    text = "„Wir bleiben“, sagte Müller der „Abendzeitung“."
    assert _speakers(pipeline, text) == ["Müller"]
    assert _addressees(pipeline, text) == ["der „Abendzeitung“"]


def test_a_quoted_name_after_a_medium_before_a_preposition_stays_in_the_speaker(pipeline: Pipeline) -> None:
    text = "Die Band trennt sich. Das berichtete die Musikzeitschrift „Klangwelt“ in ihrer jüngsten Ausgabe."
    assert "die Musikzeitschrift „Klangwelt“" in _speakers(pipeline, text)


def test_a_quoted_word_after_a_person_before_a_preposition_is_no_name(pipeline: Pipeline) -> None:
    text = "Die Lage ist ernst. Das sagte der Minister „Heute“ in Berlin."
    assert "der Minister „Heute“" not in _speakers(pipeline, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Seine Werke werden von Kritikern als „Meilensteine der Musik“ bezeichnet.", "Kritikern"),
        ("Die Pläne wurden vom Verband scharf kritisiert: „Das ist ein Skandal.“", "Verband"),
    ],
)
def test_the_agent_of_a_passive_frame_speaks_a_direct_quotation(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_the_subject_of_a_passive_frame_does_not_speak_a_direct_quotation(pipeline: Pipeline) -> None:
    text = "Der Minister wurde später so beschrieben: „Er ist ein Mann ohne Plan.“"
    assert _speakers(pipeline, text) == [None]


def test_the_document_of_a_passive_frame_speaks_a_direct_quotation(pipeline: Pipeline) -> None:
    text = "Der Minister wurde im Bericht so beschrieben: „Er ist ein Mann ohne Plan.“"
    assert _speakers(pipeline, text) == ["Bericht"]


def test_a_quoted_person_stays_the_speaker_of_zitiert(pipeline: Pipeline) -> None:
    text = "Der Trainer wird mit den Worten zitiert: „Wir haben verdient verloren.“"
    assert _speakers(pipeline, text) == ["Der Trainer"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In einem Bericht der Zeitung wurde vermutet, dass er müde war.", "einem Bericht der Zeitung"),
        (
            "So wird in einer Pressemitteilung der Organisation gefordert, dass die Täter bestraft werden.",
            "einer Pressemitteilung der Organisation",
        ),
        ("In Berlin wurde gefordert, dass die Mieten sinken.", None),
    ],
)
def test_a_passive_without_agent_is_said_by_the_document_it_names(
    pipeline: Pipeline, text: str, speaker: str | None
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_a_carried_name_keeps_the_phrase_it_is_the_apposition_of_after_an_adverb(pipeline: Pipeline) -> None:
    text = (
        "Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich kritisch gegenüber deutschen "
        "Automarken. Sie rate zum Kauf japanischer Hybridautos."
    )
    assert _speakers(pipeline, text) == ["die Fraktionschefin der Grünen, Renate Künast"]


def test_coordinated_adjectives_before_the_noun_stay_in_the_speaker(pipeline: Pipeline) -> None:
    text = "Die afghanischen und ausländischen Soldaten waren davon ausgegangen, die Männer seien bewaffnet."
    assert _speakers(pipeline, text) == ["Die afghanischen und ausländischen Soldaten"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Planet sei jung, erklärte Jane Greaves von der University of St. Andrews.",
            "Jane Greaves von der University of St. Andrews",
        ),
        (
            "Die Oper sei schwach, so Karl Harb von den Salzburger Nachrichten.",
            "Karl Harb von den Salzburger Nachrichten",
        ),
    ],
)
def test_a_person_keeps_the_organisation_after_von(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_von_a_topic_after_a_person_is_no_affiliation(pipeline: Pipeline) -> None:
    speakers = _speakers(pipeline, "Die Lage sei ernst, sagte Karl Harb von der Möglichkeit eines Streiks.")
    assert "Karl Harb von der Möglichkeit eines Streiks" not in speakers


def test_a_prepositional_phrase_closed_by_a_comma_stays_in_the_apposition(pipeline: Pipeline) -> None:
    text = "Nach Meinung von Mike Brown, Professor am California Institute of Technology, sei das ein Planet."
    assert _speakers(pipeline, text) == [
        "Meinung von Mike Brown, Professor am California Institute of Technology"
    ]


def test_a_prepositional_phrase_at_the_sentence_end_stays_out_of_the_apposition(pipeline: Pipeline) -> None:
    text = "Der Einsatz sei beendet, sagte Charles Brun, General und Kommandeur des Einsatzes am Montag."
    assert _speakers(pipeline, text) == ["Charles Brun, General und Kommandeur des Einsatzes"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Plan war vom Ministerium abgelehnt worden, weil er zu teuer sei.", "Ministerium"),
        (
            "Im Bericht der Beauftragten war aber festgestellt worden, dass kein Spiel manipuliert war.",
            "Bericht der Beauftragten",
        ),
    ],
)
def test_a_perfect_passive_is_said_by_its_agent_or_document(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_the_document_of_a_passive_may_stand_before_a_relative_clause(pipeline: Pipeline) -> None:
    text = "In einer Erklärung, die heute veröffentlicht wurde, wurde verkündet, dass die Firma schließt."
    assert _speakers(pipeline, text) == ["einer Erklärung"]


def test_an_accusative_object_in_the_midfield_of_a_dative_verb_is_no_addressee(pipeline: Pipeline) -> None:
    text = "Die Ministerin hat am Montag die Bereitschaft ihres Landes erklärt, in Gespräche einzutreten."
    assert _addressees(pipeline, text) == [None]


def test_a_dative_object_in_the_midfield_of_a_dative_verb_is_the_addressee(pipeline: Pipeline) -> None:
    text = "Der Sprecher hat dem Ausschuss erklärt, die Zahlen seien falsch."
    assert _addressees(pipeline, text) == ["dem Ausschuss"]


def test_zu_a_noun_a_name_depends_on_is_a_topic_not_an_addressee(pipeline: Pipeline) -> None:
    text = "In einer Erklärung äußerte sich die Fraktion zum Rücktritt Hartmanns, sie nehme das zur Kenntnis."
    assert "zum Rücktritt Hartmanns" not in _addressees(pipeline, text)
    assert "Rücktritt Hartmanns" not in _addressees(pipeline, text)


def test_zu_a_name_after_a_saying_verb_is_the_addressee(pipeline: Pipeline) -> None:
    assert _addressees(pipeline, "„Wir sind bereit“, sagte der Trainer zur ARD.") == ["ARD"]


def test_gegenueber_after_a_noun_is_its_attribute_not_an_addressee(pipeline: Pipeline) -> None:
    text = "Deren Haltung gegenüber der Partei bezeichnete er als „unverantwortlich“."
    assert _addressees(pipeline, text) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "„Wir bleiben“, sagte der Sprecher gegenüber der Zeitung.",
        "„Wir bleiben“, sagte der Sprecher am Montag gegenüber der Zeitung.",
    ],
)
def test_gegenueber_after_the_speaker_or_a_time_is_the_addressee(pipeline: Pipeline, text: str) -> None:
    assert _addressees(pipeline, text) == ["der Zeitung"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ihren Widersacher Jeremy Corbyn forderte May auf, über einen Rücktritt nachzudenken.", "May"),
        ("Seinen Kritikern warf der Minister vor, die Zahlen zu fälschen.", "der Minister"),
    ],
)
def test_a_prefield_opened_by_an_oblique_possessive_is_no_speaker(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "Ihren Widersacher Jeremy Corbyn forderte May auf, über einen Rücktritt nachzudenken.",
            "Ihren Widersacher Jeremy Corbyn",
        ),
        ("Den Flüchtlingen sicherte Präsident Gusmão zu, dass sie zurückkehren könnten.", "Den Flüchtlingen"),
        ("Den Vorschlag lehnte der Minister ab, weil er zu teuer sei.", None),
    ],
)
def test_an_object_in_the_prefield_of_an_addressee_verb_is_addressed(
    pipeline: Pipeline, text: str, addressee: str | None
) -> None:
    assert _addressees(pipeline, text) == [addressee]


def test_a_speaker_phrase_ends_before_a_time(pipeline: Pipeline) -> None:
    text = "Wie der Verband am Montag mitteilte, wird das Turnier verschoben."
    assert _speakers(pipeline, text) == ["der Verband"]
