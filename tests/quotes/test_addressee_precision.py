"""Addressee precision by rule family (issue 12, eighteenth session): where a rule family's addressee is no
hearer, narrowed by grammar, each checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _addressees(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.addressee.text if s.addressee else None) for s in article.statements]


@pytest.mark.parametrize(
    "text",
    [
        "Nach einem Treffen mit der Kanzlerin sagte der Minister, die Gespräche seien gut verlaufen.",
        "Der Minister sagte nach dem langen Gespräch mit den Gewerkschaften, eine Einigung sei nahe.",
        "Vor einem Treffen mit dem Präsidenten erklärte die Ministerin, sie erwarte keine Einigung.",
    ],
)
def test_the_partner_of_a_timed_talk_is_no_addressee(pipeline: Pipeline, text: str) -> None:
    """``nach``/``vor``/``seit`` + a talk noun dates the statement: the partner of that meeting is not whom
    the statement is said to."""
    statements = _addressees(pipeline, text)
    assert statements and all(addressee is None for _, addressee in statements)


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "In einem Interview mit der Zeitung sagte der Minister, die Gespräche seien gut verlaufen.",
            "der Zeitung",
        ),
        ("Der Minister sagte im Gespräch mit dem Sender, eine Einigung sei nahe.", "dem Sender"),
    ],
)
def test_the_partner_of_the_talk_the_statement_is_made_in_stays(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    """``in einem Interview mit X`` / ``im Gespräch mit X``: the statement is made in that talk, to X."""
    assert [addr for _, addr in _addressees(pipeline, text)] == [addressee]


def test_a_statement_of_another_rule_takes_no_talk_partner(pipeline: Pipeline) -> None:
    """A statement not framed by a speech verb (a Konjunktiv ``ob`` clause after ``wollte sich … erst später
    festlegen``) reads no talk partner from the sentence around its cue (``details.LATE_MARKERS``); negated
    (``nicht festlegen``) it is no statement at all (``frame_clauses.NEGATED_CUES``)."""
    text = (
        "Der Regierungschef wollte sich in einem Interview mit dem Rundfunk erst später festlegen, ob der "
        "Schaden vor einem deutschen Gericht eingeklagt werden solle."
    )
    statements = _addressees(pipeline, text)
    assert statements and all(addressee is None for _, addressee in statements)


def test_a_statement_of_another_rule_keeps_its_gegenueber(pipeline: Pipeline) -> None:
    """``so X gegenüber Y`` (the ``according`` rule) keeps its addressee: only ``talk`` is left out."""
    assert _addressees(pipeline, "Die Lage sei ernst, so der Minister gegenüber der BBC.") == [
        ("Die Lage sei ernst", "der BBC")
    ]
