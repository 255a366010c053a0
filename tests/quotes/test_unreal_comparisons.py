"""``…, als existiere er nicht``: ``als`` + Konjunktiv after a comma compares with the unreal and reports no
one's words (issue 12, fourteenth session); invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_als_with_a_konjunktiv_verb_is_no_statement(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Die Regierung handelte, als existiere der Vertrag nicht."))
    assert article.statements == ()


def test_a_konjunktiv_clause_after_a_speech_verb_still_reports(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Der Minister betonte, es gebe keine Probleme."))
    assert [s.quote.text for s in article.statements] == ["es gebe keine Probleme"]


def test_an_unreal_comparison_after_a_statement_is_no_free_indirect_speech(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Wir bleiben ruhig“, sagte der Bürgermeister Karl Braun. Ganz so, als könnten sie damit "
            "den Spuk bannen. Die Lage sei aber ernst."
        )
    )
    quotes = [s.quote.text for s in article.statements]
    assert not any("Spuk" in quote for quote in quotes)
    assert any(quote.startswith("Die Lage sei") for quote in quotes)


def test_a_konjunktiv_question_after_a_statement_is_the_author_s(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Wir bleiben ruhig“, sagte der Bürgermeister Karl Braun. Was aber würde der Rat dazu sagen? "
            "Die Lage sei ernst."
        )
    )
    quotes = [s.quote.text for s in article.statements]
    assert not any("Rat dazu" in quote for quote in quotes)


def test_moechte_after_a_statement_is_a_wish_not_free_indirect_speech(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Wir helfen gern“, sagte die Spenderin Anna Keller. Vor allem möchte das Ehepaar die Aktion "
            "unterstützen."
        )
    )
    assert not any("Ehepaar" in s.quote.text for s in article.statements)
