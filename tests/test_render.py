"""The plain-text summary: every filled layer shown, empty layers left out."""

from __future__ import annotations

from wortlaut.article import (
    Article,
    DateInfo,
    Entity,
    EntityRef,
    Event,
    Mention,
    Post,
    Span,
    Statement,
    Structure,
    TimeExpr,
)
from wortlaut.i18n import using
from wortlaut.render import render_article, snippet

TEXT = (
    "Rutte telefoniert mit Selenskyj\n\nRutte sagte am Mittwoch, er wolle helfen.\n"
    "Guter Anruf.\n— Mark Rutte (@SecGenNATO) 21. Mai 2025"
)


def span(text: str, start: int = 0) -> Span:
    begin = TEXT.index(text, start)
    return Span(start=begin, end=begin + len(text), text=text)


def ref(text: str, entity: str | None, start: int = 0) -> EntityRef:
    part = span(text, start)
    return EntityRef(start=part.start, end=part.end, text=text, entity=entity)


def analysed() -> Article:
    post, signature = span("Guter Anruf."), span("— Mark Rutte (@SecGenNATO) 21. Mai 2025")
    structure = Structure(
        headline=span("Rutte telefoniert mit Selenskyj"),
        paragraphs=(span("Rutte sagte am Mittwoch, er wolle helfen."),),
        posts=(
            Post(
                start=post.start,
                end=post.end,
                text=post.text,
                author="Mark Rutte",
                handle="@SecGenNATO",
                date="2025-05-21",
                signature=signature,
            ),
        ),
    )
    body = TEXT.index("Rutte sagte")
    mittwoch = span("am Mittwoch")
    time = TimeExpr(
        start=mittwoch.start, end=mittwoch.end, text=mittwoch.text, type="DATE", value="2025-05-21"
    )
    return Article.create(TEXT, published="2025-05-21", language="de").with_layers(
        structure=structure,
        entities=(
            Entity(id="rutte", name="Mark Rutte", type="PER"),
            Entity(id="selenskyj", name="Wolodymyr Selenskyj", type="PER"),
        ),
        mentions=(
            Mention(start=0, end=5, text="Rutte", type="PER", entity="rutte"),
            Mention(start=body, end=body + 5, text="Rutte", type="PER", entity="rutte"),
        ),
        statements=(
            Statement(
                id="x:s1",
                mode="indirect",
                quote=span("er wolle helfen"),
                cue=span("sagte"),
                speaker=ref("Rutte", "rutte", body),
            ),
        ),
        events=(
            Event(
                id="x:e1",
                type="call",
                trigger=span("telefoniert"),
                participants=(ref("Rutte", "rutte"), ref("Selenskyj", "selenskyj")),
                date=DateInfo(value="2025-05-21", source="published"),
            ),
        ),
        times=(time,),
    )


def test_every_layer_is_rendered() -> None:
    with using("en"):
        lines = render_article(analysed()).splitlines()
    assert lines[0] == "== Rutte telefoniert mit Selenskyj =="
    assert "published: 2025-05-21" in lines[1]
    assert "Post (Mark Rutte, @SecGenNATO, 2025-05-21): Guter Anruf." in lines
    assert "  Mark Rutte (PER, 2 mentions)" in lines
    assert "  Wolodymyr Selenskyj (PER, 0 mentions)" in lines
    assert "  Mark Rutte — sagte — er wolle helfen [indirect]" in lines
    assert "  2025-05-21  call: Mark Rutte, Wolodymyr Selenskyj — „telefoniert“" in lines
    assert "  am Mittwoch → 2025-05-21" in lines


def test_summary_is_german_by_default() -> None:
    lines = render_article(analysed()).splitlines()
    assert "Beitrag (Mark Rutte, @SecGenNATO, 2025-05-21): Guter Anruf." in lines
    assert "  Mark Rutte (PER, 2 Erwähnungen)" in lines and "Aussagen:" in lines


def test_empty_layers_are_left_out() -> None:
    with using("en"):
        text = render_article(Article.create("Nur Text."))
    assert text.splitlines()[0] == "== Nur Text. =="
    for heading in ("Entities:", "Statements:", "Events:", "Times:", "Headline:"):
        assert heading not in text


def test_snippet_cuts_long_text_on_one_line() -> None:
    assert snippet("a\nb  c") == "a b c"
    assert snippet("x" * 200, 10) == "x" * 9 + "…"


def test_discontinuous_cue_is_shown_as_its_parts() -> None:
    from wortlaut.article import Article, EntityRef, Span, Statement
    from wortlaut.render import render_article

    text = "Er fügte gestern hinzu, dass es gut sei."
    article = Article.create(text)
    cue = Span(start=3, end=22, text=text[3:22], spans=((3, 8), (17, 22)))
    quote = Span(start=24, end=39, text=text[24:39])
    statement = Statement(
        id="s1", mode="indirect", quote=quote, cue=cue, speaker=EntityRef(start=0, end=2, text="Er")
    )
    assert "fügte … hinzu" in render_article(article.with_layers(statements=(statement,)))
