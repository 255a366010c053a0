"""Speakers of frameless quotations (issue 12, eighteenth session: errors read from folds 0 and 1 of
quotes-wikinews/train only), each construction checked on invented sentences."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.extract import build_context
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.speaker_features import candidates


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_an_accusative_person_before_the_colon_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Die Ministerin Anna Roth sprach am Montag vor dem Parlament. "
        "Dabei griff sie auch den Präsidenten Karl Brenner an: „Wer so redet, hat verloren.“"
    )
    assert ("„Wer so redet, hat verloren.“", "sie") in _statements(pipeline, text)


def test_a_person_in_a_prepositional_phrase_before_the_colon_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Im Landtag ging es hoch her. Bei der Debatte hatte sich Peter Müller während einer Rede der "
        "Abgeordneten Eva Sommer zu einem Zwischenruf hinreißen lassen: „Sie lügen doch alle in diesem Haus!“"
    )
    assert _statements(pipeline, text) == [("„Sie lügen doch alle in diesem Haus!“", "Peter Müller")]


def test_the_holder_after_fuer_before_the_colon_still_speaks(pipeline: Pipeline) -> None:
    text = "Der Verein wächst. Für Jonas Albers steht die Qualität vorn: „Der Preis kommt danach.“"
    assert _statements(pipeline, text) == [("„Der Preis kommt danach.“", "Jonas Albers")]


def test_the_subject_before_the_colon_still_speaks(pipeline: Pipeline) -> None:
    text = "Der Verein wächst. Der Trainer Olaf Kessler will nur eines: „Wir greifen in jedem Spiel an.“"
    assert _statements(pipeline, text) == [("„Wir greifen in jedem Spiel an.“", "Der Trainer Olaf Kessler")]


def test_a_speech_verb_after_und_shares_the_first_verbs_subject(pipeline: Pipeline) -> None:
    text = (
        "Die Sprecherin des Verbands nannte den Entwurf einen „großen Fortschritt“ und forderte die "
        "Regierung auf, ihn rasch umzusetzen."
    )
    speakers = {speaker for _, speaker in _statements(pipeline, text)}
    assert speakers == {"Die Sprecherin des Verbands"}


def test_nach_with_a_direction_is_no_source_and_lends_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Der Pilot Jan Berger forderte eine bessere Sicht nach vorn. "
        "Die Fenster seien zu klein und die Scheiben seien zerkratzt."
    )
    assert (
        "Die Fenster seien zu klein und die Scheiben seien zerkratzt.",
        "Der Pilot Jan Berger",
    ) in _statements(pipeline, text)


def test_a_postposed_nach_after_a_view_noun_still_gives_the_source(pipeline: Pipeline) -> None:
    assert _statements(pipeline, "Seiner Sicht nach ist der Plan gescheitert.") == [
        ("ist der Plan gescheitert", "Seiner Sicht")
    ]


def test_a_paper_in_quotation_marks_after_mit_is_no_candidate(pipeline: Pipeline) -> None:
    text = "Die Ministerin hat in einem Gespräch mit ''Le Monde'' angeregt, man solle früher wählen."
    ctx = build_context(pipeline(Article.create(text)), load_lexicon())
    cue = [next(index for index, tok in enumerate(ctx.tokens) if tok.low == "angeregt")]
    phrases = {ctx.text[slice(*ctx.chars(item.first, item.last))] for item in candidates(ctx, 0, cue)}
    assert "Die Ministerin" in phrases
    assert not any("Monde" in phrase for phrase in phrases)


def test_a_named_subject_of_the_sentence_before_outranks_a_carried_speaker(pipeline: Pipeline) -> None:
    text = (
        "Der Bürgermeister Jan Koch sagte, die Lage sei ruhig. Greenpeace sammelt Unterschriften gegen das "
        "Projekt. Der Bau sei zu teuer und schade der Umwelt."
    )
    assert ("Der Bau sei zu teuer und schade der Umwelt.", "Greenpeace") in _statements(pipeline, text)


def test_a_thing_with_a_name_in_its_genitive_does_not_take_over(pipeline: Pipeline) -> None:
    text = (
        "Der Bürgermeister Jan Koch sagte, die Lage sei ruhig. Der Verkauf der Stadtwerke an Siemens wurde "
        "verschoben. Der Preis sei zu niedrig gewesen."
    )
    assert ("Der Preis sei zu niedrig gewesen.", "Der Bürgermeister Jan Koch") in _statements(pipeline, text)
