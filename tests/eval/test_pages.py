"""The real-pages evaluation: gold loading, scoring rules, and the pinned scores on the shared pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_path
from wortlaut.eval import pages
from wortlaut.eval.pages import GoldPage, Reading, headline_ok, load_gold, norm, run, score_page, summarise

GATE = json.loads(
    (Path(pages.__file__).parent / "data" / "pages" / "scores.json").read_text(encoding="utf-8")
)

GOLD = GoldPage(
    file="x.html",
    split="dev",
    headline="Bohren, bis es heiß wird",
    kicker="Klimaschutz",
    published="2019-10-19",
    lead=("Weltweit finanzieren", "dem Klima schaden."),
    body=("Touristen und Börsenhändler", "zurückziehen."),
    service=("Heike Buchter",),
    captions=("Eine Fracking-Anlage",),
)


def test_gold_set_has_43_development_pages_27_fresh_25_fresh2_and_24_fresh3_ones() -> None:
    gold = load_gold()
    assert len(gold) == 119
    assert {page.split for page in gold} == {"dev", "test", "fresh", "fresh2", "fresh3"}
    assert sum(page.split == "dev" for page in gold) == 22
    assert sum(page.split == "fresh" for page in gold) == 27
    assert sum(page.split == "fresh2" for page in gold) == 25
    assert sum(page.split == "fresh3" for page in gold) == 24
    assert len({page.file for page in gold}) == 119
    assert all(page.body[0] and page.body[1] and page.published[:4].isdigit() for page in gold)


@pytest.mark.parametrize(
    ("headline", "ok"),
    [
        ("Bohren, bis es heiß wird", True),
        ("Klimaschutz: Bohren, bis es heiß wird", True),
        ("Klimaschutz – Bohren,  bis es heiß wird", True),
        ("Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE", False),
        (None, False),
    ],
)
def test_headline_counts_alone_or_joined_with_its_kicker(headline: str | None, ok: bool) -> None:
    assert headline_ok(GOLD, headline) is ok


def test_score_page_checks_each_field() -> None:
    reading = Reading(
        headline="Bohren, bis es heiß wird",
        published="2019-10-19T05:00:00+02:00",
        lead="Weltweit finanzieren Banken, die dem Klima schaden.",
        body=("Von Heike Buchter", "Touristen und Börsenhändler waren überrascht … zurückziehen."),
    )
    verdict = score_page(GOLD, reading)
    assert verdict == {
        "headline": True,
        "date": True,
        "lead": True,
        "body": True,
        "clean": False,
        "captions": True,
    }
    assert summarise([verdict])["clean"] == (0, 1)


def test_no_lead_on_the_page_is_not_scored() -> None:
    page = GoldPage(
        file="y.html", split="dev", headline="H", kicker=None, published="2020-01-01", lead=None,
        body=("a", "b"), service=(), captions=(),
    )  # fmt: skip
    assert score_page(page, Reading(headline="H", published=None, lead=None, body=("a b",)))["lead"] is None


def test_norm_drops_soft_hyphens_and_collapses_space() -> None:
    assert norm("Anti\xadimperialismus  à la\nPutin") == "Antiimperialismus à la Putin"


def test_norm_composes_decomposed_umlauts() -> None:
    assert norm("u\u0308ber ihr Leben") == norm("über ihr Leben")


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "test", "fresh", "fresh2", "fresh3"])
def test_pinned_scores_hold_on_the_shared_pages(split: str) -> None:
    root = shared_path("data", "news-html", "pages")
    results = run("wortlaut", [p for p in load_gold() if p.split == split], root)
    table = summarise([verdict for _, _, verdict in results])
    for field, pinned in GATE["wortlaut"][split].items():
        good, total = table[field]
        assert good / total >= pinned, f"{field} on {split}: {good}/{total} < pinned {pinned}"
