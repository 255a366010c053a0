"""Where the answerable relation rows lose their link, and which the statements stage blocks."""

from __future__ import annotations

from wortlaut.article import Article, Span, Statement
from wortlaut.eval.claims_relations import GoldRelation
from wortlaut.eval.claims_targets import extracted, reference_at, table

CLAIM = "Augenzeugen berichteten von mindestens drei getöteten Demonstranten."
TEXT = f"{CLAIM} Das wurde von der Polizei bestritten."


def _article(with_statement: bool) -> Article:
    article = Article.create(TEXT)
    if not with_statement:
        return article
    quote = Span(start=0, end=len(CLAIM), text=CLAIM)
    return article.with_layers(statements=[Statement(id="s1", mode="indirect", quote=quote)])


def _gold(anchor: str = "drei getöteten", source: str = "a") -> GoldRelation:
    offset = TEXT.index("bestritten")
    return GoldRelation(source, "bestritten", offset, "denies", "Augenzeugen", anchor, "tune")


def test_a_claim_no_statement_holds_is_blocked() -> None:
    assert extracted(_article(True), _gold())
    assert not extracted(_article(False), _gold())


def test_the_reference_of_the_act_at_the_row() -> None:
    assert reference_at(_article(True), _gold()) == "pronoun"


def test_the_table_counts_answerable_right_and_blocked_rows_per_reference() -> None:
    golds = [_gold(source="a"), _gold(source="b"), _gold(anchor="-", source="a")]
    articles = {"a": _article(True), "b": _article(False)}
    result = table(golds, articles, right={("a", golds[0].offset)})
    assert result["by_reference"]["pronoun"] == {"answerable": 2, "right": 1, "blocked": 1}
    assert result["all"] == {"answerable": 2, "right": 1, "blocked": 1}


def test_why_names_an_acts_route_from_its_evidence() -> None:
    from wortlaut.eval.claims_relations import why

    link = {"route": "act:object", "evidence": "act:owner", "type": "denies", "cue": 80, "start": 80,
            "target_end": 40}  # fmt: skip
    article = Article.create(TEXT)
    assert why(link, None, article)["evidence"] == "owner"
    assert why({**link, "route": "statement", "evidence": "named:Q1"}, None, article)["evidence"] == "named"
