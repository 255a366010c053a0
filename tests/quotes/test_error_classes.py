"""The error classes seen on real pages (issue 12), each on invented sentences through the whole pipeline."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Mention, Span, Structure
from wortlaut.pipeline import Pipeline
from wortlaut.quotes import according
from wortlaut.stages.statements import StatementsStage


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None, str | None]]:
    article = pipeline(Article.create(text))
    return [
        (
            s.mode,
            s.quote.text,
            s.speaker.text if s.speaker else None,
            s.addressee.text if s.addressee else None,
        )
        for s in article.statements
    ]


def test_nested_quotation_in_indirect_speech_is_not_a_second_statement(pipeline: Pipeline) -> None:
    found = _statements(pipeline, "Der Sprecher sagte, die Maschine sei „noch schöner“ als die erste.")
    assert [(mode, speaker) for mode, _, speaker, _ in found] == [("indirect", "Der Sprecher")]


@pytest.mark.parametrize(
    "text",
    [
        "Das Buch „Per Anhalter durch die Galaxis“ liegt auf dem Tisch.",
        "Die Debatte über das „Thema“ geht weiter.",
        "Der Verein „Blau-Weiß Lohne“ gewann am Sonntag.",
    ],
)
def test_quoted_titles_names_and_scare_quotes_are_not_statements(pipeline: Pipeline, text: str) -> None:
    assert _statements(pipeline, text) == []


def test_object_is_not_taken_as_speaker(pipeline: Pipeline) -> None:
    found = _statements(pipeline, "Der Bürgermeister nennt den Vorfall „besorgniserregend“.")
    assert [speaker for _, _, speaker, _ in found] == ["Der Bürgermeister"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Angeklagte gesteht, dass er das Geld genommen habe.", "Der Angeklagte"),
        ("Die Ministerin räumte ein, dass Fehler gemacht worden seien.", "Die Ministerin"),
        ("Die Opposition warf der Regierung vor, sie habe versagt.", "Die Opposition"),
        ("Der Verband beklagte, die Preise seien zu hoch.", "Der Verband"),
    ],
)
def test_reported_speech_with_less_common_verbs(pipeline: Pipeline, text: str, speaker: str) -> None:
    found = _statements(pipeline, text)
    assert [(mode, who) for mode, _, who, _ in found] == [("indirect", speaker)]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("„Wir bleiben hier und kämpfen weiter“, sagte Müller der Zeitung.", "der Zeitung"),
        ("Gegenüber der Presse erklärte der Minister, er trete zurück.", "der Presse"),
        (
            "In einem an die Regierung gerichteten Brief forderte der Verband, die Steuer müsse sinken.",
            "die Regierung",
        ),
        ("Die Opposition warf der Regierung vor, sie habe versagt.", "der Regierung"),
    ],
)
def test_addressees(pipeline: Pipeline, text: str, addressee: str) -> None:
    (found,) = _statements(pipeline, text)
    assert found[3] == addressee


def test_dative_after_a_name_is_not_part_of_the_speaker(pipeline: Pipeline) -> None:
    (found,) = _statements(pipeline, "„Wir bleiben hier und kämpfen weiter“, sagte Müller der Zeitung.")
    assert found[2] == "Müller"


def _headline_article(headline: str, mentions: tuple[Mention, ...] = ()) -> Article:
    """A hand-built article whose structure marks the first line as the headline (the structure stage
    would re-read a two-line text)."""
    text = headline + "\nDer Minister kam am Montag nach Berlin."
    return Article.create(text).with_layers(
        structure=Structure(headline=Span(start=0, end=len(headline), text=headline)), mentions=mentions
    )


@pytest.mark.parametrize(
    ("headline", "place"),
    [
        ("Zugverkehr: Im ICE von Frankfurt nach Barcelona", None),
        ("Düsseldorf: Tote Tauben im Dome gefunden", "Düsseldorf"),
    ],
)
def test_headline_topic_and_claim_is_not_a_statement(headline: str, place: str | None) -> None:
    mentions = (Mention(start=0, end=len(place), text=place, type="LOC"),) if place else ()
    article = StatementsStage()(_headline_article(headline, mentions))
    assert [s for s in article.statements if s.mode == "headline"] == []


def test_headline_person_colon_quotation_is_a_statement() -> None:
    article = StatementsStage()(_headline_article("Habeck: „Wir schaffen das“"))
    (statement,) = [s for s in article.statements if s.mode == "headline"]
    assert statement.speaker is not None and statement.speaker.text == "Habeck"


def test_no_bare_pronoun_speaker_when_a_person_of_that_gender_is_named_before(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Anna Berger ist Ärztin. „Wir brauchen mehr Personal“, sagte sie."))
    (statement,) = article.statements
    assert statement.speaker is not None and statement.speaker.text == "sie"
    entity = article.entity(statement.speaker.entity)
    assert entity is not None and entity.name == "Anna Berger"


def test_plan_in_the_authors_voice_with_reportive_sollen_is_not_a_statement(pipeline: Pipeline) -> None:
    text = "Die Bahn will bis 2030 neue Strecken bauen. Dort sollen dann auch neue Züge fahren."
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Wochenzeitung „Nordblick“ berichtet, der Minister sei zurückgetreten.",
            "Die Wochenzeitung „Nordblick“",
        ),
        (
            "Nach Angaben libanesischer Sicherheitskreise wurden drei Menschen verletzt.",
            "Angaben libanesischer Sicherheitskreise",
        ),
        (
            "Nach Angaben einer russischen Quelle wurden drei Menschen verletzt.",
            "Angaben einer russischen Quelle",
        ),
    ],
)
def test_speaker_phrase_keeps_quoted_names_and_genitives(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert [who for _, _, who, _ in _statements(pipeline, text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Die Initiative trägt den Namen „Für gerechten Frieden sorgen“ und wurde im Mai gegründet.",
        "Der Verein startete eine Kampagne unter dem Motto „Wir lassen niemanden zurück“.",
        "Das Programm trägt den Titel „Ich tue es für Euch“ und läuft seit Januar.",
        "Sie las das Buch „Der Hund, der Eier legt“ in einer Nacht.",
        "Die Partei zog mit dem Wahlkampfslogan „Wir machen das Land wieder stark“ durch die Dörfer.",
        "Eine Band namens „Wir sind die Nachbarn“ spielte am Abend.",
    ],
)
def test_a_quotation_after_a_title_noun_is_a_name_not_a_statement(pipeline: Pipeline, text: str) -> None:
    assert _statements(pipeline, text) == []


def test_a_title_noun_ending_another_word_does_not_block_a_quotation(pipeline: Pipeline) -> None:
    text = "Die Sprecherin sagte jedem Mitglied „Wir haben lange genug gewartet“."
    assert [(mode, who) for mode, _, who, _ in _statements(pipeline, text)] == [("direct", "Die Sprecherin")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Laut Unterlagen, die der Zeitung vorliegen, antwortet Keller auf die Frage, "
            "er habe nichts gewusst.",
            "Keller",
        ),
        ("Nach einem Papier, das dem Sender vorliegt, sagte Roth, sie bleibe im Amt.", "Roth"),
    ],
)
def test_a_bare_laut_prefield_yields_to_a_speech_verb_with_its_own_subject(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert [(mode, who) for mode, _, who, _ in _statements(pipeline, text)] == [("indirect", speaker)]


def test_a_bare_laut_prefield_yields_to_a_verb_that_frames_a_quotation(pipeline: Pipeline) -> None:
    text = (
        "Laut Dokumenten, die dem Blatt vorliegen, schreibt Keller dem Kassenwart am 3. Mai: "
        "„Wir haben die Zusage längst in der Tasche.“"
    )
    assert [(mode, who) for mode, _, who, _ in _statements(pipeline, text)] == [("direct", "Keller")]


@pytest.mark.parametrize("yield_to_verb", [True, False])
def test_a_laut_phrase_before_a_non_speech_verb_stays_the_speaker(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, yield_to_verb: bool
) -> None:
    monkeypatch.setattr(according, "YIELD_TO_VERB", yield_to_verb)
    found = _statements(pipeline, "Laut Polizei sind am Abend drei Menschen verletzt worden.")
    assert [(mode, who) for mode, _, who, _ in found] == [("reported", "Polizei")]


def test_a_laut_prefield_naming_its_source_keeps_the_wikinews_reading(pipeline: Pipeline) -> None:
    """WikiNews gives the whole sentence to a ``laut`` phrase that names whose report it is (see
    ``according.YIELD_TO_VERB``)."""
    found = _statements(
        pipeline, "Laut einem Bericht der Zeitung sagte der Minister, er werde nicht zurücktreten."
    )
    assert [who for _, _, who, _ in found] == ["einem Bericht der Zeitung"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Chor sang „Der Mond ist aufgegangen“ zum Abschluss.",
        "Am Ende stand „Wir machen weiter, egal was kommt“ auf der Tafel.",
    ],
)
def test_a_frameless_quotation_inside_its_clause_is_a_title_not_speech(pipeline: Pipeline, text: str) -> None:
    assert _statements(pipeline, text) == []


def test_a_frameless_quotation_that_ends_its_sentence_is_still_speech(pipeline: Pipeline) -> None:
    found = _statements(pipeline, "Am Ende stand der Satz „Wir machen weiter, egal was kommt.“")
    assert [mode for mode, _, _, _ in found] == ["direct"]
