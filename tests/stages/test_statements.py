"""The statements stage on hand-built articles (regex token fallback, no other stage needed)."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Mention, Post, Span, Structure
from wortlaut.stages.statements import StatementsStage


@pytest.fixture(scope="module")
def stage() -> StatementsStage:
    return StatementsStage()


def _one(stage: StatementsStage, text: str, **layers: object) -> list:
    article = stage(Article.create(text).with_layers(**layers))
    for statement in article.statements:
        assert article.text[statement.quote.start : statement.quote.end] == statement.quote.text
    return list(article.statements)


def test_indirect_subjunctive_clause_gets_subject_speaker(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Der Minister sagte, die Lage sei ernst.")
    assert statement.mode == "indirect"
    assert statement.speaker.text == "Der Minister"
    assert statement.cue.text == "sagte"
    assert statement.quote.text == "die Lage sei ernst"


def test_dass_clause_after_particle_verb_has_discontinuous_cue(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Die Polizei gab am Abend bekannt, dass niemand verletzt wurde.")
    assert statement.mode == "indirect"
    assert statement.cue.spans is not None and len(statement.cue.spans) == 2
    assert statement.quote.text.startswith("dass niemand")


def test_direct_quote_with_frame_after_gets_inverted_speaker(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "„Wir werden das Problem lösen“, sagte er.")
    assert statement.mode == "direct"
    assert statement.speaker.text == "er"
    assert statement.quote.text == "„Wir werden das Problem lösen“"


@pytest.mark.parametrize("marks", [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("‚", "‘")])
def test_direct_quote_in_every_mark_style(stage: StatementsStage, marks: tuple[str, str]) -> None:
    opening, closing = marks
    (statement,) = _one(stage, f"{opening}Wir werden das Problem lösen{closing}, sagte die Ministerin.")
    assert statement.quote.text == f"{opening}Wir werden das Problem lösen{closing}"
    assert statement.speaker.text == "die Ministerin"


def test_colon_quote_gets_previous_speaker(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Er fügte hinzu: „Das ist eine gute Gelegenheit für alle.“")
    assert statement.mode == "direct"
    assert statement.speaker.text == "Er"
    assert [statement.cue.text[0:5], statement.cue.spans is not None] == ["fügte", True]


def test_split_quote_is_one_statement(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "„Wir sind bereit“, sagte sie, „aber nicht um jeden Preis.“")
    assert statement.quote.spans is not None and len(statement.quote.spans) == 2
    assert statement.rule == "direct.split"


def test_unclosed_inner_mark_keeps_one_quote(stage: StatementsStage) -> None:
    text = "„Europa braucht eine Position. „Jede Frage erfordert Arbeit der Länder“, schrieb Selenskyj."
    (statement,) = _one(stage, text)
    assert statement.quote.text.startswith("„Europa braucht")
    assert statement.medium == "writing"
    assert statement.speaker.text == "Selenskyj"


def test_partial_quote_inside_indirect_speech_stays_in_that_statement(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Rutte sagte, er wolle „ein paar von ihnen“ einladen.")
    assert statement.mode == "indirect"
    assert "ein paar von ihnen" in statement.quote.text
    assert statement.speaker.text == "Rutte"


def test_laut_x_is_reported(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Laut Selenskyj ist ein Frieden ohne Druck unmöglich.")
    assert statement.mode == "reported"
    assert statement.cue.text == "Laut"
    assert statement.speaker.text == "Selenskyj"
    assert "ohne Druck unmöglich" in statement.quote.text


def test_zufolge_takes_the_phrase_before(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Dem Bericht zufolge wurden drei Menschen verletzt.")
    assert statement.speaker.text == "Dem Bericht"
    assert statement.cue.text == "zufolge"


def test_reported_object_without_clause(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Er betonte die Notwendigkeit umfassender Hilfe.")
    assert statement.mode == "reported"
    assert "Notwendigkeit umfassender Hilfe" in statement.quote.text


def test_assessment_is_not_statement(stage: StatementsStage) -> None:
    assert _one(stage, "Rutte schien frustriert darüber zu sein, wann Gespräche beginnen könnten.") == []


def test_boilerplate_quotes_ignored(stage: StatementsStage) -> None:
    text = "Lesen Sie auch\n- „Ich schäme mich und es tut weh“. Makarov sprach über seinen Zustand"
    structure = Structure(boilerplate=(Span(start=0, end=len(text), text=text),))
    assert _one(stage, text, structure=structure) == []


def test_free_indirect_continues_the_last_speaker(stage: StatementsStage) -> None:
    statements = _one(stage, "Der Sprecher sagte, die Lage sei ernst. Die Regierung habe bereits reagiert.")
    assert [statement.mode for statement in statements] == ["indirect", "free_indirect"]
    assert statements[1].speaker.text == "Der Sprecher"


def test_channel_and_medium_from_the_frame(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Der Präsident schrieb auf Telegram, er werde nach Brüssel reisen.")
    assert statement.channel == "Telegram"
    assert statement.medium == "writing"


def test_speaker_takes_entity_of_covering_mention(stage: StatementsStage) -> None:
    text = "Mark Rutte sagte, er wolle reden."
    mention = Mention(start=0, end=10, text="Mark Rutte", type="PER", entity="Q57792")
    (statement,) = _one(stage, text, mentions=(mention,))
    assert statement.speaker.entity == "Q57792"


def test_post_is_statement_of_its_author(stage: StatementsStage) -> None:
    body = "Guter Anruf mit @ZelenskyyUa heute."
    signature = "— Mark Rutte (@SecGenNATO) 21. Mai 2025"
    text = f"{body}\n{signature}"
    post = Post(
        start=0,
        end=len(text),
        text=text,
        author="Mark Rutte",
        handle="@SecGenNATO",
        date="2025-05-21",
        signature=Span(start=len(body) + 1, end=len(text), text=signature),
    )
    (statement,) = _one(stage, text, structure=Structure(posts=(post,)))
    assert statement.mode == "post"
    assert statement.speaker.text == "Mark Rutte"
    assert statement.cue.text == "@SecGenNATO"
    assert (
        statement.date is not None
        and statement.date.value == "2025-05-21"
        and statement.date.source == "post"
    )
    assert statement.quote.text == body


def test_headline_claim_with_colon_frame(stage: StatementsStage) -> None:
    headline = "Ohne Druck gibt es keinen Frieden: Worüber Selenskyj mit dem NATO-Chef sprach."
    text = headline + "\n\nText."
    structure = Structure(headline=Span(start=0, end=len(headline), text=headline))
    (statement,) = _one(stage, text, structure=structure)
    assert statement.mode == "headline"
    assert statement.speaker.text == "Selenskyj"
    assert statement.quote.text == "Ohne Druck gibt es keinen Frieden"


def test_statement_ids_are_stable_and_numbered(stage: StatementsStage) -> None:
    article = stage(Article.create("Er sagte, es sei gut. Sie sagte, es sei schlecht.", id="a1"))
    assert [statement.id for statement in article.statements] == ["a1:s1", "a1:s2"]


@pytest.mark.parametrize("text", ["", "   ", "„", "“ sagte er", "sagte, dass", "„Nur eine offene Klammer"])
def test_odd_input_does_not_crash(stage: StatementsStage, text: str) -> None:
    article = stage(Article.create(text))
    assert isinstance(article.statements, tuple)


def test_dative_addressee_after_speech_verb(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Der Zeuge erklärte einem Polizisten, er habe nichts gesehen.")
    assert statement.addressee is not None and statement.addressee.text == "einem Polizisten"


def test_wonach_clause_is_attributed_to_the_phrase_before(stage: StatementsStage) -> None:
    statements = _one(stage, "Es gibt einen Bericht der Zeitung, wonach der Minister zurücktreten will.")
    (statement,) = [s for s in statements if s.rule == "indirect.wonach"]
    assert statement.cue.text == "wonach"
    assert statement.quote.text == "der Minister zurücktreten will"


def test_particle_with_reflexive_and_pronominal_adverb_join_the_cue(stage: StatementsStage) -> None:
    (statement,) = _one(stage, "Die Polizei geht davon aus, dass der Brand gelegt wurde.")
    assert statement.cue.spans is not None
    assert [statement.cue.text.split()[0], statement.cue.text.split()[-1]] == ["geht", "aus"]
    assert "davon" in statement.cue.text
