"""Grammar classes of the sixteenth issue-12 session on real pages, each on invented sentences through the
pipeline (issue 12)."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import linked_article
from wortlaut.article import Article, Entity, EntityRef, Span, Statement
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.link import SpeakerLinker


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_a_verb_without_subject_after_a_comma_shares_the_inverted_subject_before(pipeline: Pipeline) -> None:
    text = (
        "Paul Brenner spielt wieder mit. „Das wäre eine große Sache für die Jungen“, weiß der frühere "
        "Kapitän, warnt aber: „Man darf nie vergessen, dass wir älter sind.“"
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == [
        "der frühere Kapitän",
        "der frühere Kapitän",
    ]


def test_two_quotations_around_two_clauses_are_two_statements(pipeline: Pipeline) -> None:
    text = (
        "Paul Brenner spielt wieder mit. „Das wäre eine große Sache für die Jungen“, weiß der frühere "
        "Kapitän, warnt aber: „Man darf nie vergessen, dass wir älter sind.“"
    )
    quotes = [quote for quote, _ in _found(pipeline, text)]
    assert quotes == [
        "„Das wäre eine große Sache für die Jungen“",
        "„Man darf nie vergessen, dass wir älter sind.“",
    ]


def test_a_quotation_split_by_one_frame_is_still_one_statement(pipeline: Pipeline) -> None:
    text = "„Wir haben das Spiel verdient gewonnen“, sagte die Trainerin Eva Kuhn, „und wir bleiben oben.“"
    assert len(_found(pipeline, text)) == 1


def test_a_comma_after_a_subject_clause_gives_no_inverted_subject(pipeline: Pipeline) -> None:
    text = "Die Lage ist ernst, warnte der Landrat Peter Sommer am Montag."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["der Landrat Peter Sommer"]


def _linked(
    text: str, entities: tuple[Entity, ...], names: dict[str, str], quote: str, speaker: str
) -> str | None:
    """The entity the linker gives the speaker phrase ``speaker`` of a statement quoting ``quote``, when the
    phrase starts out linked to the entity of the mention it holds (as the statements stage links it)."""
    article = linked_article(text, entities, names)
    q, s = text.index(quote), text.index(speaker)
    inside = next(
        (names[surface] for surface in names if text.index(surface) >= s and surface in speaker), None
    )
    statement = Statement(
        id="s",
        mode="indirect",
        quote=Span(start=q, end=q + len(quote), text=quote),
        speaker=EntityRef(start=s, end=s + len(speaker), text=speaker, entity=inside),
    )
    linked = SpeakerLinker(load_lexicon()).link(article, (statement,))[0]
    return linked.speaker.entity if linked.speaker else None


def test_a_source_noun_the_tagger_named_with_its_possessor_speaks_as_that_person() -> None:
    entities = (
        Entity(id="karl", name="Karl Wendt", type="PER", aliases=("Karl Wendt", "Wendt")),
        Entity(id="prognose", name="Wendts Prognose", type="PER", aliases=("Wendts Prognose",)),
    )
    text = "Der Forscher Karl Wendt schreibt Bücher. Die Zeiten werden hart, so Wendts Prognose."
    names = {"Karl Wendt": "karl", "Wendts Prognose": "prognose"}
    assert _linked(text, entities, names, "Die Zeiten werden hart", "Wendts Prognose") == "karl"


def test_a_possessor_without_a_person_of_that_name_stays_as_tagged() -> None:
    entities = (Entity(id="prognose", name="Wendts Prognose", type="PER", aliases=("Wendts Prognose",)),)
    text = "Die Zeiten werden hart, so Wendts Prognose."
    names = {"Wendts Prognose": "prognose"}
    assert _linked(text, entities, names, "Die Zeiten werden hart", "Wendts Prognose") == "prognose"


def test_an_organisation_description_with_a_person_in_its_complement_is_the_organisation() -> None:
    entities = (
        Entity(id="nordnet", name="Nordnet", type="ORG", aliases=("Nordnet",)),
        Entity(id="lena", name="Lena Vogt", type="PER", aliases=("Lena Vogt",)),
    )
    text = "Nordnet wehrt sich gegen das Gesetz. Das Unternehmen von Lena Vogt kritisiert die Bußgelder."
    names = {"Nordnet": "nordnet", "Lena Vogt": "lena"}
    speaker = "Das Unternehmen von Lena Vogt"
    assert _linked(text, entities, names, "Das Unternehmen von Lena Vogt kritisiert", speaker) == "nordnet"


@pytest.mark.parametrize(
    "text",
    [
        "Der Gedenkstein am Markt trägt die Aufschrift: „Hier wohnte der Maler Otto Lenz, geboren 1890.“",
        "Das Blatt druckte vor der Wahl Artikel wie: „Wird auch dein Dorf bald leer?“",
        "Der Verein veröffentlichte 2010 eine Denkschrift: „Gemeinsam leben – für faire Arbeit sorgen“",
    ],
)
def test_a_quotation_after_a_title_noun_and_a_colon_is_a_title(pipeline: Pipeline, text: str) -> None:
    assert _found(pipeline, text) == []


def test_a_speech_verb_before_a_title_noun_and_a_colon_still_frames_the_quotation(pipeline: Pipeline) -> None:
    text = "Der Minister Paul Kern sagte in der Sendung: „Wir bleiben bei unserem Plan für die Schulen.“"
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Der Minister Paul Kern"]


def test_a_bracketed_aside_between_subject_and_verb_is_no_part_of_the_subject(pipeline: Pipeline) -> None:
    text = "Der Historiker Peter Korig (»Die Woche« 35/2023) befürchtet, es könne sich manches wiederholen."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Der Historiker Peter Korig"]


def test_a_party_in_brackets_stays_with_the_name(pipeline: Pipeline) -> None:
    text = "Die Abgeordnete Petra Lind (SPD) sagte, sie werde gegen das Gesetz stimmen."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Die Abgeordnete Petra Lind (SPD)"]


def test_a_separated_particle_before_a_bracketed_source_closes_its_clause(pipeline: Pipeline) -> None:
    text = "Udo Wolter wies auf eine Gleichzeitigkeit alter und neuer Momente hin (»Die Woche« 39/2023)."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Udo Wolter"]


def test_a_block_quotation_closed_on_its_own_line_takes_the_frame_after_it(pipeline: Pipeline) -> None:
    text = (
        "Die Lage ist ernst.\n„\nVor allem die Krise hat dazu beigetragen, dass Menschen sich abwenden\n“ "
        "sagt Amtschefin Eva Roth."
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Amtschefin Eva Roth"]


@pytest.mark.parametrize(
    "quotation", ["„Außen knusprig, innen cremig“.", "„Außen knusprig, innen cremig und für alle gedacht.“"]
)
def test_a_so_sentence_after_a_quotation_frames_it(pipeline: Pipeline, quotation: str) -> None:
    text = f"Neu ist ein Keks mit Creme. {quotation} So beschreibt der Hersteller Bahlmann sein Produkt."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["der Hersteller Bahlmann"]


def test_a_so_sentence_without_a_quotation_before_it_reports_on_its_own(pipeline: Pipeline) -> None:
    text = "Neu im Handel ist ein Keks mit Creme. So beschreibt der Hersteller Bahlmann sein neues Produkt."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["der Hersteller Bahlmann"]


def test_als_right_before_a_konjunktiv_verb_after_other_words_compares(pipeline: Pipeline) -> None:
    text = "Die Bühne ist ganz in Blau getaucht, weich und fließend beleuchtet, als blicke man auf das Meer."
    assert _found(pipeline, text) == []


def test_a_coordinated_inverted_subject_is_no_reported_content(pipeline: Pipeline) -> None:
    text = "Auf der Gedenkfeier im Landtag sprachen die Überlebende Ruth Weiss und der Präsident Paul Abel."
    assert _found(pipeline, text) == []


def test_an_object_after_an_inverted_subject_is_still_reported(pipeline: Pipeline) -> None:
    text = "Auf der Feier sprach der Präsident Paul Abel von einer Pflicht zur Erinnerung."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["der Präsident Paul Abel"]


@pytest.mark.parametrize(
    "text",
    [
        "Das Ganze nimmt inzwischen derart seltsame Züge an, dass man sich fragt, ob das alles echt ist.",
        "Der Streit nahm so heftige Formen an, dass die Polizei kommen musste.",
    ],
)
def test_a_dass_clause_after_a_degree_word_is_a_result_not_a_report(pipeline: Pipeline, text: str) -> None:
    assert _found(pipeline, text) == []


def test_a_dass_clause_without_a_degree_word_is_still_reported(pipeline: Pipeline) -> None:
    text = "Die Ministerin Eva Roth nimmt an, dass die Preise im Herbst wieder sinken."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Die Ministerin Eva Roth"]


def test_a_quoted_term_does_not_stop_the_object_report_of_a_named_speaker(pipeline: Pipeline) -> None:
    text = (
        "Die Präsidentin Anna Roth warnte vor neuem Hass und wandte sich gegen „Menschenhass“ in jeder Form."
    )
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Die Präsidentin Anna Roth"]


def test_a_speakerless_passive_with_a_quoted_term_is_no_report(pipeline: Pipeline) -> None:
    assert (
        _found(pipeline, "Am Ende wurde das neue „Leitbild“ der Stadt in allen Gremien lange kritisiert.")
        == []
    )


def test_a_wie_clause_that_names_the_noun_before_it_is_no_report(pipeline: Pipeline) -> None:
    text = (
        "Die Behörde kommentiert das Gesetz zur Rechtsdurchsetzung im Netz, wie der Entwurf offiziell heißt."
    )
    assert [quote for quote, _ in _found(pipeline, text) if quote.startswith("wie")] == []


def test_a_wie_clause_after_a_speech_verb_still_reports(pipeline: Pipeline) -> None:
    text = "Die Ministerin Eva Roth erklärte, wie der Entwurf die Kosten der Länder senken soll."
    assert [speaker for _, speaker in _found(pipeline, text)] == ["Die Ministerin Eva Roth"]


def test_a_laut_phrase_ends_its_part_at_a_full_stop_inside_the_readers_sentence(pipeline: Pipeline) -> None:
    """The closing mark without an opening one keeps the sentence reader from splitting after it."""
    text = (
        "„Das prüfen wir“, sagt Eva Roth aus dem Rathaus. Auch die Steine sind Teil des Verfahrens.“ "
        "Schon vorher gab es Ärger. Das hätte nicht passieren dürfen, laut Aussage der Gemeinde. "
        "Weil die Stellen wichtig seien, könnten sie nicht repariert werden."
    )
    found = _found(pipeline, text)
    assert ("Das hätte nicht passieren dürfen", "Aussage der Gemeinde") in found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Autorin Lea Brandt bemerkt, manches an dem Film sei schlicht zu lang.",
            "Die Autorin Lea Brandt",
        ),
        ("Der Kritiker Jan Vogt merkte an, dass der zweite Teil schwächer sei.", "Der Kritiker Jan Vogt"),
        ("Der Regisseur Tom Hahn konstatiert: „Das Publikum hat sich verändert.“", "Der Regisseur Tom Hahn"),
    ],
)
def test_bemerken_anmerken_konstatieren_frame_speech(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert [who for _, who in _found(pipeline, text)] == [speaker]


def test_a_laut_statement_ends_at_a_full_stop_before_a_quotation_in_the_same_sentence(
    pipeline: Pipeline,
) -> None:
    """Mixed marks (an opening ``"`` closed by ``“``) keep the sentence reader from splitting at the stop."""
    text = (
        "Die Firma Nordwerk hingegen kommt laut Geschäftsführer Paul Hanke auf eine Quote von 96 Prozent. "
        '"Wir verbrauchen im Vergleich zu alten Verfahren viel weniger Energie.“\nIm ersten Schritt werden '
        "die Akkus entladen."
    )
    quotes = [quote for quote, _ in _found(pipeline, text)]
    assert quotes[0].endswith("von 96 Prozent") and len(quotes) == 2
