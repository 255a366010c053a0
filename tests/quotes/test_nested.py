"""Verbatim parts of a paraphrase (issue 12, eleventh session): the quoted words inside an indirect
statement, which the product keeps in the one statement and the evaluation writes as the corpus's nested
direct quotation.  Invented sentences."""

from __future__ import annotations

from wortlaut.article import EntityRef, Span, Statement
from wortlaut.eval.quotes import TokenMap, predicted_annotations
from wortlaut.quotes.nested import looks_like_name, verbatim_parts

_TEXT = "Die Ministerin sagte, der Plan sei „ein schwerer Fehler“ und die „Bild“ irre."


def _statement(mode: str, text: str = _TEXT) -> Statement:
    start = text.index("der Plan")
    return Statement(
        id="t:s1",
        mode=mode,
        quote=Span(start=start, end=len(text) - 1, text=text[start:-1]),
        cue=Span(start=15, end=20, text="sagte"),
        speaker=EntityRef(start=0, end=14, text="Die Ministerin"),
    )


def _tokens(text: str) -> TokenMap:
    rows, offset = [], 0
    for number, word in enumerate(text.replace("„", "„ ").replace("“", " “").split()):
        begin = text.index(word, offset)
        offset = begin + len(word)
        rows.append({"id": number, "charBegin": begin, "charEnd": offset})
    return TokenMap(rows)


def test_quoted_words_inside_an_indirect_statement_are_a_verbatim_part() -> None:
    parts = verbatim_parts(_TEXT, _statement("indirect"))
    assert [_TEXT[start:end] for start, end in parts] == ["„ein schwerer Fehler“"]


def test_a_quoted_name_inside_a_paraphrase_is_no_verbatim_part() -> None:
    assert looks_like_name(_TEXT, _TEXT.index("„Bild“"), _TEXT.index("„Bild“") + 6)
    assert looks_like_name("„Graf Zeppelin“", 0, 15)
    assert not looks_like_name("„ein schwerer Fehler“", 0, 21)


def test_a_direct_statement_has_no_verbatim_parts_of_its_own() -> None:
    assert verbatim_parts(_TEXT, _statement("direct")) == []


def test_the_evaluation_writes_a_verbatim_part_as_a_nested_direct_quotation_with_the_speaker() -> None:
    tokens = _tokens(_TEXT)
    outer, nested = predicted_annotations([_statement("indirect")], tokens, _TEXT)
    assert nested.kind == "direct" and nested.rule == "direct.nested"
    assert nested.roles["speaker"] == outer.roles["speaker"] and nested.roles["speaker"]
    assert nested.roles["cue"] == outer.roles["cue"]
    assert nested.roles["quote"] < outer.roles["quote"]
    assert len(nested.roles["quote"]) == 5  # „ ein schwerer Fehler “: the marks belong to the quotation
    assert not nested.roles["addressee"]


def test_without_the_text_the_evaluation_keeps_one_annotation_per_statement() -> None:
    assert len(predicted_annotations([_statement("indirect")], _tokens(_TEXT))) == 1
