"""Speakers of paired statements (issue 12, nineteenth session: errors read from folds 0 and 1 of
quotes-wikinews/train only, fold 2 unread), each construction checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes import context, free_indirect, phrase_extent, sentence_subject
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.text import Tok


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def _speaker_of(pipeline: Pipeline, text: str, words: str) -> str | None:
    """The speaker of the statement whose quotation holds ``words``."""
    found = [speaker for quote, speaker in _statements(pipeline, text) if words in quote]
    assert found, _statements(pipeline, text)
    return found[0]


def _tokens(*pairs: str) -> list[Tok]:
    """Tagged tokens from word, tag pairs."""
    words, tags = pairs[::2], pairs[1::2]
    return [Tok(0, 0, word, word.casefold(), 0, pos=tag) for word, tag in zip(words, tags, strict=True)]


ALLEGED_NEAR = (
    "Der Landrat Uwe Brandt teilte mit, dass der Brand in der Nacht ausgebrochen war. "
    "Während des Brandes sollen auch Gasflaschen explodiert sein."
)


def test_an_allegation_right_after_a_statement_continues_its_speaker(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, ALLEGED_NEAR, "Gasflaschen") == "Der Landrat Uwe Brandt"


def test_an_allegation_right_after_a_statement_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(free_indirect, "NEAR_ALLEGED", False)
    assert _speaker_of(pipeline, ALLEGED_NEAR, "Gasflaschen") is None


def test_an_allegation_far_from_any_statement_has_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Der Landrat Uwe Brandt teilte mit, dass der Brand in der Nacht ausgebrochen war. "
        "Die Feuerwehr kam mit vier Wagen. Die Straße war bis zum Morgen gesperrt. "
        "Die Anwohner konnten erst am Mittag zurück. "
        "Während des Brandes sollen auch Gasflaschen explodiert sein."
    )
    assert _speaker_of(pipeline, text, "Gasflaschen") is None


def test_a_number_counting_a_noun_after_a_source_name_is_no_part_of_it(pipeline: Pipeline) -> None:
    text = "Bei dem Sturm kamen laut der Nachrichtenagentur Reuters 120 Menschen ums Leben."
    assert _speaker_of(pipeline, text, "Menschen") == "der Nachrichtenagentur Reuters"


def test_a_number_counting_a_noun_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phrase_extent, "COUNTED_NOUNS", False)
    text = "Bei dem Sturm kamen laut der Nachrichtenagentur Reuters 120 Menschen ums Leben."
    assert _speaker_of(pipeline, text, "ums Leben") == "der Nachrichtenagentur Reuters 120 Menschen"


def test_a_names_own_number_stays_in_the_phrase() -> None:
    tokens = _tokens("laut", "APPR", "Apollo", "NE", "11", "CARD", ",", "$,")
    assert phrase_extent.extend_phrase(tokens, 1, len(tokens), load_lexicon()) == 3


def test_quoted_words_of_the_statement_are_no_name_of_the_source(pipeline: Pipeline) -> None:
    text = "„Das Problem ist nicht gelöst“, werde laut Bauer „auch im nächsten Jahr bleiben“."
    speakers = {speaker for _, speaker in _statements(pipeline, text)}
    assert "Bauer" in speakers and not any("bleiben" in (speaker or "") for speaker in speakers)


def test_a_quoted_name_after_a_source_noun_stays_in_the_phrase(pipeline: Pipeline) -> None:
    text = "Die Preise steigen laut der Zeitschrift „Neue Wirtschaft“ auch im nächsten Jahr."
    assert _speaker_of(pipeline, text, "Preise") == "der Zeitschrift „Neue Wirtschaft“"


def test_a_web_address_after_wie_is_the_subject(pipeline: Pipeline) -> None:
    text = "Wie spiegel.de berichtet, ist die Brücke seit Montag gesperrt."
    assert _speaker_of(pipeline, text, "Brücke") == "spiegel.de"


def test_a_quoted_name_after_wie_is_the_subject(pipeline: Pipeline) -> None:
    text = "Wie „netz online“ berichtet, ist die Brücke seit Montag gesperrt."
    assert _speaker_of(pipeline, text, "Brücke") == "„netz online“"


def test_a_web_address_after_wie_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "NAMED_WIE_SUBJECTS", False)
    text = "Wie spiegel.de berichtet, ist die Brücke seit Montag gesperrt."
    assert _speaker_of(pipeline, text, "Brücke") is None


def test_gegenueber_ends_a_prefield_source(pipeline: Pipeline) -> None:
    text = (
        "Nach Angaben der Sprecherin Eva Klein gegenüber dem Stadtanzeiger ist der Hafen der größte im Land."
    )
    assert _speaker_of(pipeline, text, "Hafen") == "Angaben der Sprecherin Eva Klein"


def test_unter_berufung_auf_ends_a_prefield_source(pipeline: Pipeline) -> None:
    text = "Laut Radio Nord unter Berufung auf die Polizei wurde der Mann am Morgen festgenommen."
    assert _speaker_of(pipeline, text, "festgenommen") == "Radio Nord"


def test_a_place_after_a_prefield_source_stays_in_it(pipeline: Pipeline) -> None:
    text = "Nach Angaben des Kraftfahrt-Bundesamtes in Flensburg fahren immer mehr Autos mit Strom."
    assert _speaker_of(pipeline, text, "Strom") == "Angaben des Kraftfahrt-Bundesamtes in Flensburg"


def test_a_report_with_an_author_in_a_passive_speaks(pipeline: Pipeline) -> None:
    text = (
        "In einem Bericht von netz.de werden die Vorkehrungen zum Gipfel als „völlig überzogen“ bezeichnet."
    )
    assert _speaker_of(pipeline, text, "überzogen") == "einem Bericht von netz.de"


def test_a_quoted_paper_after_im_in_a_passive_speaks(pipeline: Pipeline) -> None:
    text = "Die Stadtwerke wurden gestern im „Kurier“ als „ein Staat im Staate“ bezeichnet."
    assert _speaker_of(pipeline, text, "Staat") == "„Kurier“"


def test_the_report_of_a_passive_keeps_its_speaker(pipeline: Pipeline) -> None:
    text = (
        "Der Zugang zu den Lagern des Nordens, wo die Helfer seit Wochen arbeiten, wird im Bericht als "
        "sehr schwierig bezeichnet."
    )
    assert _speaker_of(pipeline, text, "schwierig") == "Bericht"


def test_an_issue_of_a_magazine_in_a_passive_speaks(pipeline: Pipeline) -> None:
    text = (
        "In der aktuellen Ausgabe des Magazins Nordblick werden die Stadtwerke und ihre Geschäfte "
        "thematisiert "
        "und erwogen, ob die Preise zu hoch seien."
    )
    assert _speaker_of(pipeline, text, "Preise") == "der aktuellen Ausgabe des Magazins Nordblick"


def test_a_subject_before_a_dative_source_of_zufolge_is_no_part_of_it(pipeline: Pipeline) -> None:
    text = "Zudem lobte Berger dem „Kurier“ zufolge in einem Interview die Arbeit der Polizei."
    assert _speaker_of(pipeline, text, "Polizei") == "dem „Kurier“"


def test_an_article_before_a_possessive_source_of_nach_is_no_part_of_it(pipeline: Pipeline) -> None:
    text = "Die seiner Ansicht nach falsche Politik der Regierung führte zu hohen Preisen."
    assert _speaker_of(pipeline, text, "Preisen") == "seiner Ansicht"


def test_a_genitive_chain_before_zufolge_stays_whole(pipeline: Pipeline) -> None:
    text = "Den Angaben der Polizei von Hamburg zufolge wurden zwei Menschen verletzt."
    assert _speaker_of(pipeline, text, "verletzt") == "Den Angaben der Polizei von Hamburg"


PASSIVE_MAIN = (
    "Bei dem Unfall sind laut den Angaben der Polizei zwei Fahrer gestorben. "
    "Vier Mitfahrer wurden verletzt, die Verletzten seien alle aus Bremen."
)


def test_the_patient_of_a_passive_main_clause_is_no_speaker(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, PASSIVE_MAIN, "Bremen") is None


def test_the_patient_of_a_passive_main_clause_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(free_indirect, "PASSIVE_MAINS", False)
    assert _speaker_of(pipeline, PASSIVE_MAIN, "Bremen") == "Vier Mitfahrer"


def test_the_subject_of_an_active_main_clause_still_speaks(pipeline: Pipeline) -> None:
    text = "Der Minister zeigte sich bestürzt, es gebe keine einfache Lösung."
    assert _speaker_of(pipeline, text, "Lösung") == "Der Minister"


def test_von_with_an_article_continues_a_source_phrase(pipeline: Pipeline) -> None:
    text = "Ein Sprengsatz ist nach Angaben von der Agentur „Nordpress“ in einem Zug explodiert."
    assert _speaker_of(pipeline, text, "explodiert") == "Angaben von der Agentur „Nordpress“"


def test_von_with_an_article_after_a_subject_stays_out(pipeline: Pipeline) -> None:
    text = "In einem Interview sprach die Ministerin Eva Roth von der Möglichkeit einer großen Koalition."
    speakers = {speaker for _, speaker in _statements(pipeline, text)}
    assert not any("Möglichkeit" in (speaker or "") for speaker in speakers)


DOCUMENT_BEFORE = (
    "Im weiteren Verlauf der Pressemitteilung der Behörde wird deutlich, dass der Start nicht der einzige "
    "Grund war. Auch weitere Untersuchungen am Tank seien nötig."
)


def test_a_document_in_the_sentence_before_speaks(pipeline: Pipeline) -> None:
    speaker = _speaker_of(pipeline, DOCUMENT_BEFORE, "Untersuchungen")
    assert speaker is not None and "Pressemitteilung der Behörde" in speaker


def test_a_document_in_the_sentence_before_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_subject, "DOCUMENT_SENTENCES", False)
    assert _speaker_of(pipeline, DOCUMENT_BEFORE, "Untersuchungen") is None


def test_an_analysis_in_the_sentence_before_speaks(pipeline: Pipeline) -> None:
    text = (
        "In einer Analyse des Senders wird die Wahl als Reaktion auf die Krise gesehen. "
        "So vertrage sich der Präsident nicht mit seinem Nachbarn."
    )
    assert _speaker_of(pipeline, text, "Nachbarn") == "einer Analyse des Senders"


def test_quoted_words_after_a_source_noun_are_no_name(pipeline: Pipeline) -> None:
    text = "Der Täter rief bei dem Angriff laut Zeugenaussagen „Freiheit für alle“ und floh dann."
    speakers = {speaker for _, speaker in _statements(pipeline, text)}
    assert "Zeugenaussagen" in speakers and not any("Freiheit" in (speaker or "") for speaker in speakers)


def test_a_place_after_a_full_name_is_where_the_person_spoke(pipeline: Pipeline) -> None:
    text = "Das bestätigte der Minister Peter Meier in Wien, der Preis werde bald sinken."
    assert _speaker_of(pipeline, text, "Preis") == "der Minister Peter Meier"


def test_a_place_after_a_body_stays_in_the_phrase(pipeline: Pipeline) -> None:
    text = "Das bestätigte ein Sprecher des LBM in Koblenz, der Preis werde bald sinken."
    assert _speaker_of(pipeline, text, "Preis") == "ein Sprecher des LBM in Koblenz"
