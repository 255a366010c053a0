"""Speaker losses found on quotes-wikinews/train (issue 12, fourteenth session), each checked on invented
sentences: trailing frames with adverbs before their subject."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Pläne seien unverändert, sagte jetzt allerdings eine Sprecherin.", "eine Sprecherin"),
        (
            "Vor der Landung fiel ein Triebwerk aus, teilte später der Leiter der Behörde, Paul Grau, mit.",
            "der Leiter der Behörde, Paul Grau",
        ),
    ],
)
def test_a_trailing_frame_has_its_subject_after_adverbs(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_a_subject_with_apposition_before_an_inverted_verb_is_no_reported_clause(pipeline: Pipeline) -> None:
    text = "Auch die größte Bank des Landes, die Nordbank, meldete heute hohe Verluste."
    rules = [s.rule for s in pipeline(Article.create(text)).statements]
    assert "indirect.trailing" not in rules


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Minister sei zurückgetreten, sagte die in Köln lebende Journalistin.",
            "die in Köln lebende Journalistin",
        ),
        (
            "Der für die Region zuständige Koordinator sagte, die Lage sei ernst.",
            "Der für die Region zuständige Koordinator",
        ),
        (
            "Die Brücke sei sicher, teilte das zur Technischen Universität gehörende Institut mit.",
            "das zur Technischen Universität gehörende Institut",
        ),
    ],
)
def test_an_extended_attribute_stays_in_the_speaker(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_a_reported_clause_with_a_relative_clause_takes_a_trailing_frame(pipeline: Pipeline) -> None:
    text = "Ein Sturm, der lange über dem Meer lag, habe die Küste erreicht, meldet der Wetterdienst."
    assert "der Wetterdienst" in _speakers(pipeline, text)


def test_a_subject_with_a_relative_clause_is_no_reported_clause(pipeline: Pipeline) -> None:
    text = "Der Minister, der gestern zurücktrat, wies die Vorwürfe zurück."
    assert "indirect.trailing" not in [s.rule for s in pipeline(Article.create(text)).statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Kamera des Teleskops ist ausgefallen, das teilte das Institut mit.", "das Institut"),
        (
            "Der Plan hat einen großen Symbolwert – das zumindest meint Rita Horn vom Landesamt.",
            "Rita Horn vom Landesamt",
        ),
    ],
)
def test_a_demonstrative_before_a_trailing_frame_stands_for_the_clause(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Die Lage wurde so ernst, dass der Verein aufgefordert wurde, die Kosten zu tragen.", "der Verein"),
        (
            "Dem Trainer Otto Brand, einem früheren Spieler, wird vorgeworfen, gelogen zu haben.",
            "Dem Trainer Otto Brand, einem früheren Spieler",
        ),
    ],
)
def test_the_subject_of_a_passive_addressee_verb_is_addressed_not_speaking(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    statements = pipeline(Article.create(text)).statements
    assert [s.speaker for s in statements] == [None]
    assert [s.addressee.text if s.addressee else None for s in statements] == [addressee]


def test_a_demand_names_whom_it_is_made_of(pipeline: Pipeline) -> None:
    text = "Die Ministerin forderte von der Stadtverwaltung Aufklärung darüber, ob die Brücke sicher sei."
    statements = pipeline(Article.create(text)).statements
    assert [s.addressee.text if s.addressee else None for s in statements] == ["der Stadtverwaltung"]


def test_a_quoted_name_after_the_verb_is_the_addressee(pipeline: Pipeline) -> None:
    text = "Der Stadtrat sagte der „Kieler Rundschau“, dass die Brücke gesperrt bleibe."
    statements = pipeline(Article.create(text)).statements
    assert [s.addressee.text if s.addressee else None for s in statements] == ["der „Kieler Rundschau“"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Lage sei ernst, sagte die Beauftragte für Katastrophenschutz.",
            "die Beauftragte für Katastrophenschutz",
        ),
        ("Der Bürgermeister dankte für die Hilfe und sagte, die Lage sei ernst.", "Der Bürgermeister"),
    ],
)
def test_fuer_and_a_bare_noun_names_a_remit(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_an_apposition_and_a_channel_before_dass_belong_to_the_frame(pipeline: Pipeline) -> None:
    text = "So sagte der Leiter der Behörde, Paul Grau, gegenüber der Presse, dass die Brücke halte."
    statements = pipeline(Article.create(text)).statements
    assert [s.quote.text for s in statements] == ["dass die Brücke halte"]


def test_a_carried_speaker_keeps_the_party_after_the_name(pipeline: Pipeline) -> None:
    text = "Der Bürgermeister Karl Lindner (SPD) äußerte sich am Montag kritisch. Die Lage sei sehr ernst."
    assert _speakers(pipeline, text) == ["Der Bürgermeister Karl Lindner (SPD)"]


def test_one_quoted_word_a_naming_verb_calls_something_is_a_statement(pipeline: Pipeline) -> None:
    assert _speakers(pipeline, "Die Ministerin nannte den Bericht eine „Zeitungsente“.") == ["Die Ministerin"]


def test_one_quoted_word_as_a_topic_stays_no_statement(pipeline: Pipeline) -> None:
    assert _speakers(pipeline, "Die Ministerin sprach über das Thema „Klimaschutz“.") == []


def test_nach_after_a_unit_of_time_is_no_source(pipeline: Pipeline) -> None:
    text = "Zwei Tage nach der Veröffentlichung der Studie meldete der Verband, dass die Zahlen stimmen."
    assert _speakers(pipeline, text) == ["der Verband"]


def test_a_reflexive_extended_attribute_stays_in_the_speaker(pipeline: Pipeline) -> None:
    text = "Die Lage sei ernst, sagte der sich selbst als Vermittler sehende Unternehmer Karl Brandt."
    assert _speakers(pipeline, text) == ["der sich selbst als Vermittler sehende Unternehmer Karl Brandt"]


def test_a_claim_inside_a_relative_clause_is_no_second_statement(pipeline: Pipeline) -> None:
    text = "Ein Video, in dem behauptet wird, dass ein Bote nach Rom fliegt, ist erfunden, sagte Tom Berg."
    statements = pipeline(Article.create(text)).statements
    assert [(s.rule, s.speaker.text if s.speaker else None) for s in statements] == [
        ("indirect.trailing", "Tom Berg")
    ]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Die Ministerin forderte eine Untersuchung.", "fordern"),
        ("Die Ministerin forderte die Bürger auf, zu wählen.", "auffordern"),
    ],
)
def test_a_cue_word_reads_as_the_verb_its_particle_names(pipeline: Pipeline, text: str, lemma: str) -> None:
    from wortlaut.quotes.details import _lemma
    from wortlaut.quotes.extract import build_context
    from wortlaut.quotes.lexicon import load_lexicon

    ctx = build_context(pipeline(Article.create(text)), load_lexicon())
    cue = [index for index, tok in enumerate(ctx.tokens) if tok.low in {"forderte", "auf"}]
    assert _lemma(ctx, cue) == lemma
