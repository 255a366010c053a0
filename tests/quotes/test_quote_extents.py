"""Quotation extents (issue 12, fifteenth session; classes counted on quotes-wikinews/train's lost quote
tokens, tested on invented sentences)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    """(quote, speaker, rule) of each statement; a quote with its source phrase cut out reads from its
    first part to its last."""
    article = pipeline(Article.create(_LEAD + text))
    return [(s.quote.text, s.speaker.text if s.speaker else None, s.rule) for s in article.statements]


def test_a_source_phrase_in_a_relative_clause_reports_that_clause_only(pipeline: Pipeline) -> None:
    text = "Ein Boot, auf dem sich nach Angaben der Polizei viel Geld befunden haben soll, ist gekentert."
    assert _found(pipeline, text) == [
        (
            "auf dem sich nach Angaben der Polizei viel Geld befunden haben soll",
            "Angaben der Polizei",
            "reported.nach",
        )
    ]


def test_a_laut_phrase_in_a_trailing_subordinate_clause_reports_that_clause(pipeline: Pipeline) -> None:
    text = "Die Fähre fuhr am Abend nicht, weil laut dem Wetterdienst ein Sturm aufziehen werde."
    found = _found(pipeline, text)
    assert (
        "weil laut dem Wetterdienst ein Sturm aufziehen werde",
        "dem Wetterdienst",
        "reported.laut",
    ) in found


def test_a_laut_phrase_in_the_main_clause_still_reports_the_whole_sentence(pipeline: Pipeline) -> None:
    text = "Laut dem Bürgermeister wird die Brücke, die seit Mai gesperrt ist, im Herbst abgerissen."
    quotes = [quote for quote, _, rule in _found(pipeline, text) if rule == "reported.laut"]
    assert quotes == ["wird die Brücke, die seit Mai gesperrt ist, im Herbst abgerissen"]


def test_a_zufolge_clause_ends_at_a_quotation_after_a_glued_full_stop(
    pipeline: Pipeline,
) -> None:
    text = (
        "Die Deiche sind erneuert, zumal das Wasser den Prognosen zufolge nicht so hoch steigt wie 2002. "
        "„Wir sind gut vorbereitet“, sagte der Landrat."
    )
    zufolge = [quote for quote, _, rule in _found(pipeline, text) if rule == "reported.zufolge"]
    assert zufolge == ["zumal das Wasser den Prognosen zufolge nicht so hoch steigt wie 2002."]


def test_a_trailing_source_clause_ends_the_statement_around_it(pipeline: Pipeline) -> None:
    text = (
        "Die Stadt legte einen Entwurf vor. Demnach soll die Gebühr nur für große Betriebe gelten, "
        "was laut dem Ministerium derzeit auf zehn Firmen zutrifft."
    )
    found = _found(pipeline, text)
    assert (
        "was laut dem Ministerium derzeit auf zehn Firmen zutrifft",
        "dem Ministerium",
        "reported.laut",
    ) in found
    demnach = [quote for quote, _, rule in found if rule == "indirect.demnach"]
    assert demnach == ["soll die Gebühr nur für große Betriebe gelten"]


def test_a_laut_phrase_in_a_second_main_clause_reports_that_clause(pipeline: Pipeline) -> None:
    text = "Der Flughafen ist wieder geöffnet, jedoch ist laut dem Sender noch unklar, wann die Züge fahren."
    laut = [quote for quote, _, rule in _found(pipeline, text) if rule == "reported.laut"]
    assert laut == ["jedoch ist laut dem Sender noch unklar, wann die Züge fahren"]


def test_a_source_phrase_after_a_speech_verb_stays_in_its_content(pipeline: Pipeline) -> None:
    text = "Ein Sprecher sagte am Abend, nach neuesten Erkenntnissen habe ein Fremder den Namen benutzt."
    found = _found(pipeline, text)
    content = "nach neuesten Erkenntnissen habe ein Fremder den Namen benutzt"
    assert (content, "Ein Sprecher", "indirect.subjunctive") in found
    assert not any(quote.startswith("habe") for quote, _, _ in found)


def test_a_source_phrase_after_worauf_reports_its_clause(pipeline: Pipeline) -> None:
    text = (
        "Der Reporter rief im Ministerium an, worauf dieses nach Angaben des Senders nicht antworten wollte."
    )
    nach = [quote for quote, _, rule in _found(pipeline, text) if rule == "reported.nach"]
    assert nach == ["worauf dieses nach Angaben des Senders nicht antworten wollte"]


def test_an_insertion_after_a_sentence_initial_source_stays_out_of_the_claim(pipeline: Pipeline) -> None:
    text = (
        "Nach Angaben von Peter Kramer, der vom Sender befragt wurde, würde dies für einen Anschlag sprechen."
    )
    nach = [(quote, speaker) for quote, speaker, rule in _found(pipeline, text) if rule == "reported.nach"]
    assert nach == [("würde dies für einen Anschlag sprechen", "Angaben von Peter Kramer")]


def test_an_infinitive_clause_after_a_dative_object_is_no_relative_clause(pipeline: Pipeline) -> None:
    text = "Die Gutachterin empfahl dem Gericht, der Klage der Stadt stattzugeben."
    assert _found(pipeline, text) == [
        ("der Klage der Stadt stattzugeben", "Die Gutachterin", "indirect.infinitive")
    ]


def test_a_pronominal_adverb_before_the_comma_announces_the_clause(pipeline: Pipeline) -> None:
    text = "Der Bürgermeister kritisierte den Minister offen dafür, gegen das Gesetz gestimmt zu haben."
    assert _found(pipeline, text) == [
        ("gegen das Gesetz gestimmt zu haben", "Der Bürgermeister", "indirect.infinitive")
    ]


def test_a_semicolon_ends_a_reported_clause(pipeline: Pipeline) -> None:
    text = "Viele Anwohner gaben an, sich nachts unsicher zu fühlen; vor allem Frauen meiden den Platz."
    assert _found(pipeline, text) == [
        ("sich nachts unsicher zu fühlen", "Viele Anwohner", "indirect.infinitive")
    ]


def test_a_semicolon_bounds_what_a_laut_phrase_reports(pipeline: Pipeline) -> None:
    text = "Laut dem Bericht stiegen die Preise um zehn Prozent; die Löhne blieben gleich."
    laut = [quote for quote, _, rule in _found(pipeline, text) if rule == "reported.laut"]
    assert laut == ["stiegen die Preise um zehn Prozent"]


def test_a_cue_ending_a_konjunktiv_clause_does_not_frame_the_adverbial_clause_after_it(
    pipeline: Pipeline,
) -> None:
    text = "Die Sprecherin sagte am Montag nichts. Er werde sich erst äußern, wenn der Kandidat feststehe."
    quotes = [quote for quote, _, _ in _found(pipeline, text)]
    assert "wenn der Kandidat feststehe" not in quotes
    assert "Er werde sich erst äußern, wenn der Kandidat feststehe." in quotes


def test_a_zu_infinitive_after_a_participle_cue_without_a_comma_is_reported(pipeline: Pipeline) -> None:
    text = "Der Hersteller hat angekündigt die Preise ab Oktober zu erhöhen."
    assert _found(pipeline, text) == [
        ("die Preise ab Oktober zu erhöhen", "Der Hersteller", "indirect.infinitive")
    ]


def test_soll_with_a_perfect_infinitive_is_an_allegation_far_from_any_statement(pipeline: Pipeline) -> None:
    text = (
        "Die Feuerwehr rückte am Abend aus. Die Straße blieb gesperrt. Viele Schaulustige kamen. "
        "Der Täter soll das Gebäude gestürmt haben."
    )
    assert _found(pipeline, text) == [
        ("Der Täter soll das Gebäude gestürmt haben.", None, "free_indirect.alleged")
    ]


def test_soll_for_a_plan_far_from_any_statement_is_no_allegation(pipeline: Pipeline) -> None:
    text = (
        "Die Feuerwehr rückte am Abend aus. Die Straße blieb gesperrt. Viele Schaulustige kamen. "
        "Die Brücke soll im Mai eröffnet werden."
    )
    assert _found(pipeline, text) == []


def test_a_konjunktiv_clause_reports_from_the_dass_clause_it_continues(pipeline: Pipeline) -> None:
    text = (
        "Die Experten zeigten sich erstaunt, dass es keine Beweise dafür gäbe, dass sie ihn je getragen habe."
    )
    found = _found(pipeline, text)
    assert [(quote, rule) for quote, _, rule in found] == [
        ("dass es keine Beweise dafür gäbe, dass sie ihn je getragen habe", "indirect.konjunktiv")
    ]
