"""The layer contract checks of :mod:`wortlaut.contracts` on hand-built articles."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, LanguageSpan, Span, Statement, Structure, Token
from wortlaut.contracts import (
    ContractError,
    bad_span,
    check_input,
    check_stage,
    field_error,
    satisfies,
    undeclared_change,
)

TEXT = "Rutte sagte, er sei zufrieden."


def span(start: int, end: int, text: str = TEXT) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def article(**layers: object) -> Article:
    return Article.create(TEXT, **layers)


def test_field_names_and_nested_parts_are_validated() -> None:
    assert field_error("tokens") is None
    assert field_error("structure.languages") is None
    assert "no Article field" in (field_error("token") or "")
    assert "no field of Structure" in (field_error("structure.language") or "")


def test_reads_are_served_by_base_fields_whole_writes_and_part_writes() -> None:
    assert satisfies("text", [])
    assert satisfies("structure.languages", ["structure"])
    assert satisfies("structure.languages", ["structure.languages"])
    assert not satisfies("structure", ["structure.languages"])
    assert not satisfies("tokens", ["sentences"])


def test_an_unchanged_or_declared_field_is_no_breach() -> None:
    before = article()
    after = before.with_layers(sentences=(span(0, len(TEXT)),))
    assert undeclared_change(before, after, ["sentences"]) is None
    assert undeclared_change(before, after, []) == "sentences"


def test_a_part_write_allows_only_that_part_of_the_record() -> None:
    before = article(structure=Structure(paragraphs=(span(0, len(TEXT)),)))
    languages = (LanguageSpan(start=0, end=5, language="de"),)
    only_languages = before.with_layers(
        structure=Structure(paragraphs=before.structure.paragraphs, languages=languages)
    )  # type: ignore[union-attr]
    assert undeclared_change(before, only_languages, ["structure.languages"]) is None
    with_headline = before.with_layers(structure=Structure(headline=span(0, 5), languages=languages))
    assert undeclared_change(before, with_headline, ["structure.languages"]) == "structure.headline"
    assert undeclared_change(article(), only_languages, ["structure.languages"]) == "structure"


def test_untrue_text_offsets_and_parts_are_found_with_their_path() -> None:
    good = Statement(id="s1", mode="direct", quote=span(13, 29))
    assert bad_span(article(statements=(good,)), ["statements"]) is None
    wrong_text = Statement(id="s1", mode="direct", quote=Span(start=13, end=29, text="er war zufrieden"))
    problem = bad_span(article(statements=(good, wrong_text)), ["statements"])
    assert problem is not None and problem.startswith("statements[1].quote: text 'er war zufrieden'")
    outside = Token(start=20, end=99, text="x")
    assert "outside the text" in (bad_span(article(tokens=(outside,)), ["tokens"]) or "")
    parts = Span(start=0, end=11, text=TEXT[:11], spans=((6, 11), (0, 5)))
    assert "part 0:5 not inside 0:11 in order" in (bad_span(article(sentences=(parts,)), ["sentences"]) or "")


def test_check_stage_names_stage_field_and_first_bad_span() -> None:
    before = article()
    shifted = before.with_layers(
        tokens=(Token(start=0, end=5, text="Rutte"), Token(start=7, end=11, text="sagte"))
    )
    with pytest.raises(
        ContractError, match=r"stage 'x\.v1' wrote an untrue span in tokens\[1\]: text 'sagte'"
    ):
        check_stage("x.v1", ["tokens"], before, shifted)
    with pytest.raises(ContractError, match=r"stage 'x\.v1' changed field 'tokens'"):
        check_stage("x.v1", ["sentences"], before, shifted)
    with pytest.raises(ContractError, match="changed the article text"):
        check_stage("x.v1", ["text"], before, Article.create("Anders"))


def test_an_article_with_an_untrue_span_is_refused_at_the_entrance() -> None:
    with pytest.raises(ContractError, match="enters the pipeline with an untrue span in sentences"):
        check_input(article(sentences=(Span(start=0, end=5, text="Merz"),)))
