"""Tokens and sentences: news-specific tokens, rule-based sentence ends, structure and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wortlaut.article import Article, Span, Structure
from wortlaut.stages.tokens import TokensStage
from wortlaut.tokens.sentences import MAX_SENTENCE_TOKENS


@pytest.fixture(scope="module")
def stage() -> TokensStage:
    return TokensStage()


def _tokens(stage: TokensStage, text: str) -> list[str]:
    return [token.text for token in stage(Article.create(text)).tokens]


def _sentences(stage: TokensStage, text: str) -> list[str]:
    return [sentence.text for sentence in stage(Article.create(text)).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lob für #NATO-Unterstützung heute", "#NATO-Unterstützung"),
        ("schrieb @SecGenNATO am Montag", "@SecGenNATO"),
        ("Mehr unter https://www.nato.int/cps/de?id=1.", "https://www.nato.int/cps/de?id=1"),
        ("Siehe nato.int für Details", "nato.int"),
        ("Ein Wert von 3.5 Prozent", "3.5"),
        ("Am 21. Mai 2025 kam er", "21."),
        ("Dr. Müller kam", "Dr."),
        ("Er sagte z.B. nichts", "z.B."),
        ("Sie kam bzw. ging", "bzw."),
        ("Abg. Meier stimmte zu", "Abg."),
    ],
)
def test_tokens_keep_news_units_whole(stage: TokensStage, text: str, expected: str) -> None:
    assert expected in _tokens(stage, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Nein“, sagte er.", ["„", "Nein", "“", ",", "sagte", "er", "."]),
        ("»Ja« und ‚nein‘", ["»", "Ja", "«", "und", "‚", "nein", "‘"]),
        ('Er sagte "so" – und — dann', ["Er", "sagte", '"', "so", '"', "–", "und", "—", "dann"]),
        ("Er sagte:„Nein.“Dann", ["Er", "sagte", ":", "„", "Nein", ".", "“", "Dann"]),
    ],
)
def test_tokens_split_quotes_and_dashes(stage: TokensStage, text: str, expected: list[str]) -> None:
    assert _tokens(stage, text) == expected


def test_glued_sentence_is_split_into_two_sentences_and_tokens(stage: TokensStage) -> None:
    article = stage(Article.create("Das sagte er.Ohne Druck gehe nichts."))
    assert [s.text for s in article.sentences] == ["Das sagte er.", "Ohne Druck gehe nichts."]
    assert [t.text for t in article.tokens[:5]] == ["Das", "sagte", "er", ".", "Ohne"]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Müller und Prof. Meier kamen nach St. Pölten.",
        "Das gilt z. B. für Nr. 5 und u. a. für Bayern.",
        "Am 21. Mai 2025 und am 3. Oktober kam er.",
        "Er nannte 3.5 Prozent und nato.int als Quelle.",
        "„Warum?“ fragte er.",
        "Er sagte: „Wir kämpfen. Wir geben nicht auf.“",
        "Der 25. Geburtstag war schön.",
        "Am 3. Mai 1960 und im Mai 1960. April war es kalt.",
        "Der 2. Weltkrieg endete, die 1960er Jahre kamen.",
        "Sie feierte den 1000. Besucher und zum 2000. Mal Jubiläum.",
        "Er bestritt seinem 1500. Spiel Rekord.",
    ],
)
def test_no_sentence_end_inside(stage: TokensStage, text: str) -> None:
    assert _sentences(stage, text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam. Sie ging!", ["Er kam.", "Sie ging!"]),
        ("„Wir kämpfen.“ Dann ging er.", ["„Wir kämpfen.“", "Dann ging er."]),
        ("Er ist 25. Das war 1999.", ["Er ist 25.", "Das war 1999."]),
        ("Es kostet usw. Dann kam er.", ["Es kostet usw.", "Dann kam er."]),
        (
            "Es war die erste Wahl seit dem Jahr 1960. Günther Platter wird zitiert.",
            ["Es war die erste Wahl seit dem Jahr 1960.", "Günther Platter wird zitiert."],
        ),
        (
            "Das Fest dauert bis 2008. Offiziell eröffnet hat es Anna.",
            ["Das Fest dauert bis 2008.", "Offiziell eröffnet hat es Anna."],
        ),
        ("Er lebte 1931 – 2005. Seine Tochter erbte.", ["Er lebte 1931 – 2005.", "Seine Tochter erbte."]),
        ("Erste Zeile ohne Punkt\nZweite Zeile", ["Erste Zeile ohne Punkt", "Zweite Zeile"]),
    ],
)
def test_sentence_ends(stage: TokensStage, text: str, expected: list[str]) -> None:
    assert _sentences(stage, text) == expected


def test_ordinal_before_capitalised_function_word_is_split_off(stage: TokensStage) -> None:
    assert _tokens(stage, "Er ist 25. Das war so.")[2:4] == ["25", "."]


def test_structure_boundaries_end_sentences_and_boilerplate_is_skipped(stage: TokensStage) -> None:
    text = "Rutte warnt Moskau Der Generalsekretär sprach. Newsletter abonnieren! Mehr dazu"
    article = Article.create(text)
    headline = article.span(0, 18)
    body = article.span(19, 46)
    boilerplate = article.span(47, 69)
    assert headline and body and boilerplate
    structure = Structure(headline=headline, paragraphs=(body, article.span(70, len(text)) or body),
                          boilerplate=(boilerplate,))
    result = stage(article.with_layers(structure=structure))
    expected = ["Rutte warnt Moskau", "Der Generalsekretär sprach.", "Mehr dazu"]
    assert [s.text for s in result.sentences] == expected
    assert all(not result.is_boilerplate(token.start) for token in result.tokens)
    assert "Newsletter" not in [token.text for token in result.tokens]


def test_token_sentence_index_matches_sentence_span(stage: TokensStage) -> None:
    article = stage(Article.create("Er kam. Sie ging. Es regnete."))
    for token in article.tokens:
        sentence = article.sentences[token.sentence]
        assert sentence.start <= token.start < token.end <= sentence.end


BAD_TEXTS = ["", "   \n\n ", "😀🎉🇩🇪 🙈", "Привет мир. مرحبا بالعالم. 你好世界。这是 Test."]


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_bad_input_gives_consistent_layers(stage: TokensStage, text: str) -> None:
    article = stage(Article.create(text))
    assert all(article.text[t.start:t.end] == t.text for t in article.tokens)
    assert bool(article.tokens) == bool(text.strip())


def test_long_text_without_punctuation_is_force_split(stage: TokensStage) -> None:
    text = " ".join(["wort"] * 100_000)
    article = stage(Article.create(text))
    assert len(article.tokens) == 100_000
    sizes = [0] * len(article.sentences)
    for token in article.tokens:
        sizes[token.sentence] += 1
    assert max(sizes) <= MAX_SENTENCE_TOKENS
    assert len(article.sentences) >= 100_000 // MAX_SENTENCE_TOKENS


def _check_offsets(article: Article) -> None:
    previous_end = 0
    previous_sentence = 0
    for token in article.tokens:
        assert article.text[token.start:token.end] == token.text
        assert token.text.strip() == token.text and token.text
        assert token.start >= previous_end
        assert token.sentence >= previous_sentence
        previous_end, previous_sentence = token.end, token.sentence
    for sentence in article.sentences:
        assert isinstance(sentence, Span)
        assert article.text[sentence.start:sentence.end] == sentence.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_offsets_hold_on_random_text(text: str) -> None:
    _check_offsets(_STAGE(Article.create(text)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Er", "sagte", ".", "„", "“", "»", "z.", "B.", "21.", "Mai", "#NATO", "@x",
                                 "https://a.de/b.", "er.Ohne", " ", "\n", "?", "!", "3.5", "–", '"', "sie"]),
                max_size=60))
def test_offsets_hold_on_random_news_like_text(parts: list[str]) -> None:
    _check_offsets(_STAGE(Article.create(" ".join(parts))))


_STAGE = TokensStage()


def test_tokenizer_vocabulary_computes_only_whether_a_lexeme_is_space() -> None:
    from spacy.attrs import IS_SPACE

    from wortlaut.tokens.tokenizer import make_tokenizer

    tokenizer = make_tokenizer(frozenset({"Abg."}))
    assert set(tokenizer.vocab.lex_attr_getters) == {IS_SPACE}
    doc = tokenizer("Abg.  Meier\u00a0kam\tnie")
    assert [token.text for token in doc if not token.is_space] == ["Abg.", "Meier", "kam", "nie"]


def test_whitespace_runs_and_odd_spaces_leave_no_tokens(stage: TokensStage) -> None:
    assert _tokens(stage, "Er  kam\u00a0 \u2009heute\t an .") == ["Er", "kam", "heute", "an", "."]
