"""Quotations never found on quotes-wikinews/train (issue 12, eighteenth session: the read folds only), each
construction checked on invented sentences."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.pipeline import Pipeline


def test_a_clause_after_an_als_phrase_of_regarding_is_reported(pipeline: Pipeline) -> None:
    text = "Die Ministerin sieht es als ihre Aufgabe an, die Schulen besser auszustatten."
    assert statements_of(pipeline, text) == [
        ("die Schulen besser auszustatten", "Die Ministerin", "indirect")
    ]


def test_an_als_prefield_with_a_naming_verb_frames_the_clause_after_the_comma(pipeline: Pipeline) -> None:
    text = "Als Grund für die Absage nannte der Verband, den Spielern mehr Ruhe zu geben."
    assert statements_of(pipeline, text) == [("den Spielern mehr Ruhe zu geben", "der Verband", "indirect")]


def test_a_dass_clause_after_a_comparative_als_phrase_is_reported(pipeline: Pipeline) -> None:
    text = "Die Gegner des Plans betrachten es als dringender, dass die Stadt zuerst die Brücke repariert."
    quotes = [(quote, speaker) for quote, speaker, _ in statements_of(pipeline, text)]
    assert quotes == [("dass die Stadt zuerst die Brücke repariert", "Die Gegner des Plans")]


def test_an_als_clause_of_time_frames_nothing(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Als er das Haus sah, wollte er sofort umkehren.") == []
    assert statements_of(pipeline, "Er sah aus, als ob er krank wäre.") == []


def test_a_regarding_verb_without_als_frames_nothing(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Sie sah den Zug, um dann schnell einzusteigen.") == []


def test_a_second_speech_verb_after_und_ends_the_first_report(pipeline: Pipeline) -> None:
    text = "Sie nannte die Pläne unsozial und forderte die Regierung dazu auf, die Steuer zu senken."
    statements = statements_of(pipeline, text)
    assert ("Sie nannte die Pläne unsozial", "Sie", "reported") in statements
    assert ("die Steuer zu senken", "Sie", "indirect") in statements


def test_und_before_a_verb_that_says_nothing_keeps_the_whole_report(pipeline: Pipeline) -> None:
    text = "Der Minister kritisierte die Entscheidung und verließ danach den Saal."
    assert statements_of(pipeline, text) == [(text, "Der Minister", "reported")]


def test_a_free_indirect_run_ends_where_sollen_gives_way_to_the_konjunktiv(pipeline: Pipeline) -> None:
    text = (
        "Die Staatsanwaltschaft hat Anklage gegen einen Händler erhoben. "
        "Er soll über Jahre Steuern hinterzogen haben. Er habe dafür falsche Rechnungen geschrieben."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == [
        "Er soll über Jahre Steuern hinterzogen haben.",
        "Er habe dafür falsche Rechnungen geschrieben.",
    ]


def test_konjunktiv_sentences_in_a_row_stay_one_free_indirect_quotation(pipeline: Pipeline) -> None:
    text = (
        "Der Sprecher der Firma äußerte sich am Montag. "
        "Der Umsatz sei gestiegen. Die Firma habe neue Kunden gewonnen."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == ["Der Umsatz sei gestiegen. Die Firma habe neue Kunden gewonnen."]


def test_an_indicative_relative_clause_in_the_prefield_does_not_end_a_free_indirect_run(
    pipeline: Pipeline,
) -> None:
    text = (
        "Der Sprecher der Armee äußerte sich am Montag. Der Vormarsch werde behindert. "
        "Die Brücken, die für den Nachschub gebraucht werden, müssten erst repariert werden."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == [
        "Der Vormarsch werde behindert. Die Brücken, die für den Nachschub gebraucht werden, müssten erst "
        "repariert werden."
    ]


def test_an_indicative_verb_of_the_main_clause_still_decides(pipeline: Pipeline) -> None:
    text = (
        "Der Sprecher der Armee äußerte sich am Montag. Der Vormarsch werde behindert. "
        "Der Minister lobt, dass die Truppe durchhalte."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == ["Der Vormarsch werde behindert."]


def test_a_capitalised_noun_tagged_as_a_konjunktiv_verb_reports_nothing(pipeline: Pipeline) -> None:
    text = "Der Kommandant sprach am Montag von einem Erfolg. Die Raumfähre bringt Material zur Station mit."
    # the tagger reads "Raumfähre" as a Konjunktiv I verb
    assert [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"] == []


def test_konjunktiv_two_in_a_clause_before_the_main_verb_reports_nothing(pipeline: Pipeline) -> None:
    text = (
        "Der Bürgermeister sprach am Montag von einem Neubeginn. "
        "Dass die Stadt die Halle verkaufen würde, hatte sich schon abgezeichnet."
    )
    assert [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"] == []


def test_a_konjunktiv_one_in_a_clause_before_the_main_verb_still_reports(pipeline: Pipeline) -> None:
    text = (
        "Der Bürgermeister sprach am Montag von einem Neubeginn. "
        "Weil die Halle zu teuer sei, werde die Stadt sie verkaufen."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == ["Weil die Halle zu teuer sei, werde die Stadt sie verkaufen."]


def test_a_konjunktiv_verb_after_und_continues_a_free_indirect_run(pipeline: Pipeline) -> None:
    text = (
        "Die Feuerwehr berichtete am Abend von dem Brand. Sie habe zwanzig Wagen im Einsatz. "
        "Die Polizei brachte die Anwohner in Sicherheit und habe die Straße gesperrt."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == [
        "Sie habe zwanzig Wagen im Einsatz. "
        "Die Polizei brachte die Anwohner in Sicherheit und habe die Straße gesperrt."
    ]


def test_the_part_after_a_semicolon_reads_as_free_indirect_on_its_own(pipeline: Pipeline) -> None:
    text = (
        "Die Polizei berichtete am Abend von dem Fall. "
        "Der Mann ist inzwischen wieder frei; die Anklage wegen Drohung bleibe aber bestehen."
    )
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "free_indirect"]
    assert quotes == ["die Anklage wegen Drohung bleibe aber bestehen."]


def test_a_capitalised_noun_tagged_as_a_verb_opens_no_konjunktiv_clause(pipeline: Pipeline) -> None:
    text = "Die NASA prüfte die Kacheln, die an der Raumfähre als Hitzeschild dienen."
    # the tagger reads "Raumfähre" as a Konjunktiv I verb
    assert [quote for quote, _, _ in statements_of(pipeline, text)] == []


def test_a_parenthesis_between_dashes_does_not_hide_the_particle(pipeline: Pipeline) -> None:
    text = (
        "Beim Bau wurde ein falscher Mörtel verwendet. "
        "Dies gab heute – nach langen Untersuchungen – die Gutachterin Anna Berg bekannt."
    )
    statements = statements_of(pipeline, text)
    assert [(speaker, mode) for _, speaker, mode in statements] == [("die Gutachterin Anna Berg", "indirect")]
    assert statements[0][0].startswith("Beim Bau wurde ein falscher Mörtel verwendet")


def test_a_reported_clause_ends_before_a_colon_that_opens_a_quotation(pipeline: Pipeline) -> None:
    text = "Die Trainerin glaubt, dass die Mannschaft stärker geworden sei: „Wir haben viel gelernt.“"
    statements = statements_of(pipeline, text)
    assert ("dass die Mannschaft stärker geworden sei", "Die Trainerin", "indirect") in statements
    assert ("„Wir haben viel gelernt.“", "Die Trainerin", "direct") in statements


def test_a_colon_inside_the_clause_before_more_words_does_not_cut_it(pipeline: Pipeline) -> None:
    text = "Der Sprecher sagte, man habe zwei Ziele: mehr Züge und „bessere Anschlüsse“ in der Region."
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "indirect"]
    assert quotes == ["man habe zwei Ziele: mehr Züge und „bessere Anschlüsse“ in der Region"]


def test_a_called_word_is_a_direct_statement_not_a_whole_sentence_report(pipeline: Pipeline) -> None:
    text = "Die Trainerin nannte die Absage des Spielers einen „Vertrauensbruch“."
    assert statements_of(pipeline, text) == [("„Vertrauensbruch“", "Die Trainerin", "direct")]


def test_a_contrasting_waehrend_clause_is_no_part_of_the_object_report(pipeline: Pipeline) -> None:
    after = "Die Regierung lehnte den Vorschlag zunächst ab, während die Opposition ihn begrüßte."
    assert ("Die Regierung lehnte den Vorschlag zunächst ab", "Die Regierung", "reported") in statements_of(
        pipeline, after
    )
    before = "Während die Stadt nichts ändern wollte, forderte der Verband eine neue Brücke."
    quotes = [quote for quote, _, mode in statements_of(pipeline, before) if mode == "reported"]
    assert quotes == ["forderte der Verband eine neue Brücke."]
