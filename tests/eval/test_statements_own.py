"""The own real-page statement metric on hand-built articles, and its gold file's consistency."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.article import Article, Entity, EntityRef, Span, Statement
from wortlaut.eval.statements_own import GOLD_FILE, SPLITS, Gold, Tally, load_gold, locate, score_page

PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news-html" / "pages"


def _gold(
    first: str, last: str, speaker: str = "Anna Berger", aliases: tuple[str, ...] = ("Berger",)
) -> Gold:
    return Gold("p.html", "direct", speaker, aliases, first, last, optional=False)


def _statement(text: str, quote: str, speaker: str | None, entity: str | None = None) -> Statement:
    q = text.index(quote)
    ref = None
    if speaker is not None:
        s = text.index(speaker)
        ref = EntityRef(start=s, end=s + len(speaker), text=speaker, entity=entity)
    return Statement(
        id=quote, mode="direct", quote=Span(start=q, end=q + len(quote), text=quote), speaker=ref
    )


TEXT = "„Es ist gut so“, sagte sie. Anna Berger lachte.\nDas war\nalles, sagte Berger."


def test_anchors_match_across_line_breaks() -> None:
    assert locate(TEXT, _gold("Das war alles", "war alles")) == (
        TEXT.index("Das war"),
        TEXT.index(", sagte B"),
    )


def test_pronoun_speaker_is_right_only_when_linked_to_the_right_entity() -> None:
    entities = (Entity(id="anna", name="Anna Berger", type="PER"),)
    article = Article.create(TEXT).with_layers(entities=entities)
    for entity, right in ((None, 0), ("anna", 1)):
        tally = Tally()
        statement = _statement(TEXT, "„Es ist gut so“", "sie", entity)
        score_page(article.with_layers(statements=(statement,)), [_gold("Es ist gut", "gut so")], tally)
        assert (tally.found, tally.right) == (1, right)


def test_second_fragment_of_a_found_statement_is_a_duplicate() -> None:
    article = Article.create(TEXT).with_layers(
        statements=(_statement(TEXT, "Das war", "Berger"), _statement(TEXT, "alles", "Berger"))
    )
    tally = Tally()
    score_page(article, [_gold("Das war alles", "war alles")], tally)
    assert (tally.right, tally.duplicates, tally.false, tally.predicted) == (1, 1, 0, 2)


def test_no_named_source_wants_no_speaker() -> None:
    gold = Gold("p.html", "indirect", "-", (), "Das war alles", "alles", optional=False)
    article = Article.create(TEXT).with_layers(statements=(_statement(TEXT, "Das war", None),))
    tally = Tally()
    score_page(article, [gold], tally)
    assert tally.right == 1


def test_gold_file_has_twenty_pages_and_anchors_only() -> None:
    gold = load_gold(GOLD_FILE)
    assert len(gold) == 20
    rows = [item for items in gold.values() for item in items]
    assert all(len(item.first.split()) <= 7 and len(item.last.split()) <= 7 for item in rows)
    assert all(item.aliases or item.speaker == "-" for item in rows)


@pytest.mark.parametrize(
    ("split", "pages"),
    [("heldback", 10), ("heldback2", 10), ("heldback3", 8), ("heldback4", 10), ("heldback5", 10)],
)
def test_heldback_split_has_its_own_pages_and_anchors_only(split: str, pages: int) -> None:
    heldback = load_gold(SPLITS[split])
    assert len(heldback) == pages
    others = [name for other in SPLITS if other != split for name in load_gold(SPLITS[other])]
    assert not set(heldback) & set(others)
    rows = [item for items in heldback.values() for item in items]
    assert all(len(item.first.split()) <= 7 and len(item.last.split()) <= 7 for item in rows)
    assert all(item.aliases or item.speaker == "-" for item in rows)


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/data/news-html/pages is not available")
@pytest.mark.parametrize("split", sorted(SPLITS))
def test_every_anchor_is_found_on_its_page(split: str) -> None:
    from wortlaut.eval.statements_own import read_page

    gold = load_gold(SPLITS[split])
    missing = []
    for name, items in gold.items():
        text = read_page(PAGES / name).text
        missing += [f"{name}: {item.first}" for item in items if locate(text, item) is None]
    assert missing == []
