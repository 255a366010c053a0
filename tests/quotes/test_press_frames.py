"""Press-release frames (``Dazu erklärt X:`` + unquoted paragraphs), ``hieß es`` with a source, and
datelines that are never speakers (issue 12, ninth session, second round); invented sentences, whole
pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.datelines import dateline_ranges


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    article = pipeline(Article.create(text))
    return [(s.rule, s.speaker.text if s.speaker else None, s.quote.text) for s in article.statements]


def test_dazu_erklaert_frame_gives_the_unquoted_paragraph_to_its_subject(pipeline: Pipeline) -> None:
    found = _found(
        pipeline,
        "Die Landesregierung hat den Haushalt beschlossen.\n\nDazu erklärt die Abgeordnete Marion Keller:\n\n"
        "Der Haushalt ist eine Mogelpackung. Die Regierung spart an den Schulen.",
    )
    press = [item for item in found if item[0] == "press.frame"]
    assert len(press) == 1
    assert press[0][1] is not None and "Marion Keller" in press[0][1]
    assert press[0][2].startswith("Der Haushalt ist") and press[0][2].endswith("an den Schulen")


def test_subject_first_frame_with_dazu_after_the_verb(pipeline: Pipeline) -> None:
    found = _found(
        pipeline,
        "Der Bundestag hat das Gesetz verabschiedet.\n\nJonas Brandt erklärt dazu:\n\n"
        "Das Gesetz kommt zu spät. Wir brauchen jetzt schnelle Hilfe für die Mieter.",
    )
    assert [(rule, speaker) for rule, speaker, _ in found] == [("press.frame", "Jonas Brandt")]


def test_statement_stops_at_the_next_frame_and_at_a_heading(pipeline: Pipeline) -> None:
    found = _found(
        pipeline,
        "Die Kommission legte ihren Bericht vor.\n\nHierzu sagt Jonas Brandt:\n\n"
        "Der Bericht bestätigt unsere Forderungen.\n\nDazu erklärt Marion Keller:\n\n"
        "Wir werden den Bericht genau lesen.\n\nÜber den Verband\n\nDer Verband vertritt 300 Betriebe.",
    )
    press = [(speaker, quote) for rule, speaker, quote in found if rule == "press.frame"]
    assert press == [
        ("Jonas Brandt", "Der Bericht bestätigt unsere Forderungen"),
        ("Marion Keller", "Wir werden den Bericht genau lesen"),
    ]


def test_quoted_paragraph_after_a_frame_stays_with_the_direct_rules(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Dazu erklärt Marion Keller:\n\n„Der Haushalt ist eine Mogelpackung.“")
    assert [rule for rule, _, _ in found if rule == "press.frame"] == []
    assert any(speaker is not None and "Keller" in speaker for _, speaker, _ in found)


def test_colon_inside_a_line_is_not_a_press_frame(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Marion Keller erklärt dazu: Der Haushalt ist eine Mogelpackung.")
    assert all(rule != "press.frame" for rule, _, _ in found)


def test_hiess_es_aus_names_the_ministry_as_speaker(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Die Reform komme nicht vor dem Sommer, hieß es aus dem Finanzministerium.")
    assert [(rule, speaker) for rule, speaker, _ in found] == [("indirect.trailing", "dem Finanzministerium")]


def test_hiess_es_in_a_statement_of_the_party_names_the_statement_of_the_party(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Die Gespräche seien gescheitert, hieß es in einer Mitteilung der Partei.")
    assert [speaker for _, speaker, _ in found] == ["einer Mitteilung der Partei"]


def test_wie_es_aus_kreisen_hiess_names_the_circles(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Wie es aus Kreisen der Koalition hieß, soll der Entwurf im Mai vorliegen.")
    assert [(rule, speaker) for rule, speaker, _ in found] == [("indirect.wie", "Kreisen der Koalition")]


def test_bare_hiess_es_keeps_no_speaker(pipeline: Pipeline) -> None:
    found = _found(pipeline, "Die Reform werde nicht vor dem Sommer kommen, hieß es.")
    assert [(rule, speaker) for rule, speaker, _ in found] == [("indirect.trailing", None)]


def test_capitals_dateline_is_never_the_speaker(pipeline: Pipeline) -> None:
    found = _found(
        pipeline,
        "BANGKOK: Ein Video, in dem behauptet wird, dass ein Bote nach Singapur fliegt, ist erfunden, "
        "sagte ein Sprecher am Montag.",
    )
    assert found and all(speaker != "BANGKOK" for _, speaker, _ in found)


def test_datelines_are_found_in_both_forms_and_party_names_are_not() -> None:
    text = "BANGKOK: Ein Video.\nBerlin (dpa) - Die Regierung tagt.\nSPD: Wir wollen mehr.\nKeller: Nein."
    assert [text[start:end] for start, end in dateline_ranges(text)] == ["BANGKOK", "Berlin (dpa)"]


def test_statement_opening_at_a_dateline_starts_after_it(pipeline: Pipeline) -> None:
    found = _found(
        pipeline, "Berlin (dpa) - Die Regierung werde die Steuern nicht erhöhen, sagte der Minister."
    )
    assert found == [("indirect.trailing", "der Minister", "Die Regierung werde die Steuern nicht erhöhen")]


def test_frame_with_a_bracketed_party_ending_its_paragraph_gives_each_paragraph(pipeline: Pipeline) -> None:
    """``erklärt X (SPD):`` (the tokenizer keeps ``):`` together) at the end of a paragraph: each following
    paragraph is a statement of X; the frame sentence itself says nothing (thirteenth session)."""
    found = _found(
        pipeline,
        "Die Regierung hat die Hilfe beschlossen. Dazu erklärt Marion Keller, Sprecherin des VdK (SPD):\n"
        "Wir begrüßen die Hilfe. Sie kommt spät.\n"
        "Die Mieter brauchen jetzt Sicherheit.",
    )
    press = [(speaker, quote) for rule, speaker, quote in found if rule == "press.frame"]
    assert [quote for _, quote in press] == [
        "Wir begrüßen die Hilfe. Sie kommt spät",
        "Die Mieter brauchen jetzt Sicherheit",
    ]
    assert all(speaker is not None and speaker.startswith("Marion Keller") for speaker, _ in press)
    assert all(not quote.startswith("Dazu erklärt") for _, _, quote in found)


def test_bare_hiess_es_after_a_statement_takes_that_source(pipeline: Pipeline) -> None:
    """``„…“, hieß es`` with no source of its own continues the source reported just before (the own pages'
    guidelines; thirteenth session), not a person named in between."""
    found = _found(
        pipeline,
        "Die Polizei teilte am Morgen mit, es gebe keine Verletzten. Anna Berger wohnt nebenan. "
        "„Wir werden das alles prüfen“, hieß es später.",
    )
    assert [speaker for _, speaker, _ in found] == ["Die Polizei", "Die Polizei"]
