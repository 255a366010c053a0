"""A frameless quotation or Konjunktiv sentence with no statement before it takes the person named in the
sentence right before it (issue 12, ninth session); invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article, Token
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.extract import build_context
from wortlaut.quotes.found import Found
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.previous import person_before


def _speakers(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.mode, s.speaker.text if s.speaker else None) for s in article.statements]


def test_unframed_quotation_after_an_introducing_sentence_takes_its_person(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "Verbandspräsident Konrad Ebeling äußert sich zum Stopp der Förderprogramme.\n\n"
        '"Die sofortige Einstellung der Förderung ist ein schlechtes Zeichen für alle Betriebe im Land."',
    )
    assert len(found) == 1
    assert found[0][1] is not None and "Konrad Ebeling" in found[0][1]


def test_konjunktiv_sentence_after_a_named_view_takes_that_person(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "Für die Rechtsprofessorin Hanna Lindqvist ist der Brief ein klarer Hinweis auf eine Spende. "
        "Hier habe sich die Partei die Spende entgegen den Vorschriften zu eigen gemacht.",
    )
    assert ("free_indirect", "die Rechtsprofessorin Hanna Lindqvist") in found or any(
        speaker is not None and "Lindqvist" in speaker for _, speaker in found
    )


def test_person_two_sentences_back_is_not_taken(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "Verbandspräsident Konrad Ebeling war am Montag in Berlin. Der Stopp kam überraschend.\n\n"
        '"Die sofortige Einstellung der Förderung ist ein schlechtes Zeichen für alle Betriebe im Land."',
    )
    assert all(speaker is None or "Ebeling" not in speaker for _, speaker in found)


def test_speech_verb_subject_before_a_frameless_quotation_speaks_when_no_person_is_tagged() -> None:
    """The tagger may miss the name (``Schwannecke``): the subject of the announcing speech verb is taken,
    if it holds a name (thirteenth session).  Hand-built tokens, no mentions."""
    words = [
        ("Verbandschef", "NN", 0), ("Brenner", "NE", 0), ("äußert", "VVFIN", 0), ("sich", "PRF", 0),
        ("zum", "APPRART", 0), ("Stopp", "NN", 0), (".", "$.", 0), ("„Das", "XY", 1), ("ist", "VAFIN", 1),
        ("falsch", "ADJD", 1), (".“", "$.", 1),
    ]  # fmt: skip
    text = " ".join(word for word, _, _ in words)
    tokens, at = [], 0
    for word, tag, sentence in words:
        start = text.index(word, at)
        at = start + len(word)
        tokens.append(Token(start=start, end=at, text=word, sentence=sentence, pos=tag))
    article = Article.create(text).with_layers(tokens=tuple(tokens))
    ctx = build_context(article, load_lexicon())
    quote_start = text.index("„")
    statement = Found(mode="direct", quote=[(quote_start, len(text))], rule="direct.unframed", sentence=1)
    person_before(ctx, [statement], [])
    assert statement.speaker is not None
    assert text[statement.speaker[0] : statement.speaker[1]] == "Verbandschef Brenner"
