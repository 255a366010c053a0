"""Labels, site groups and the fit of the line-model training (no shared data needed)."""

from __future__ import annotations

from wortlaut.eval.pages import GoldPage
from wortlaut.eval.pages_lines import FOLDS, PageLines, fit, fold_of, labels_for, marker_loso, site_of
from wortlaut.ingest.htmltext import PageText

GOLD = GoldPage(
    file="bsi.de-ki.html",
    split="dev",
    headline="H",
    kicker=None,
    published="2022-01-01",
    lead=None,
    body=("Das Bundesamt startet", "ausgewertet."),
    service=("Pressekontakt:",),
    captions=("Foto zeigt",),
)


def test_labels_come_from_the_body_anchors_and_service_strings() -> None:
    lines = [
        "Von Anna Beispiel",
        "Das Bundesamt startet ein Projekt.",
        "Foto zeigt das Labor",
        "Pressekontakt:",
        "Im Labor wird alles ausgewertet.",
        "Tel.: 0228 1",
    ]
    assert labels_for(GOLD, lines) == [1, 0, None, 1, 0, 1]


def test_a_lost_body_anchor_leaves_the_page_unlabelled() -> None:
    assert labels_for(GOLD, ["Im Labor wird alles ausgewertet."]) == [None]


def test_sites_group_pages_and_hash_names_stand_alone() -> None:
    assert site_of("bsi.de-ki.html") == site_of("bsi.de-other.html") == "bsi"
    assert site_of("0a12df42d1764095989ab078ee0f940b.html") == "0a12df42d1764095989ab078ee0f940b.html"
    assert fold_of("bsi.de-ki.html") == fold_of("bsi.de-other.html") and 0 <= fold_of("x.html") < FOLDS


def test_fit_learns_a_separating_feature_and_drops_rare_class_words() -> None:
    rows = [{"t:contact": 1.0, "c:rare": 1.0}, {"t:contact": 1.0}, {"t:contact": 0.0}, {"t:contact": 0.0}]
    model = fit(rows, [1, 1, 0, 0], l2=0.1, min_pages=2, pages_of_row=[0, 1, 2, 3])
    assert "c:rare" not in model.names
    low, high = model.probabilities([{"t:contact": 0.0}, {"t:contact": 1.0}])
    assert high > 0.7 > 0.3 > low


def _page(file: str, service: str) -> PageLines:
    story = "Das Bundesamt startet ein Projekt. Im Labor wird alles ausgewertet."
    lines = (story, service, "Pressekontakt:", "Tel.: 0228 1")
    gold = GoldPage(
        file=file, split="dev", headline="Projekt gestartet", kicker=None, published="2022-01-01",
        lead=None, body=("Das Bundesamt startet", "alles ausgewertet."), service=("Pressekontakt:", service),
        captions=(),
    )  # fmt: skip
    read = PageText(text="Projekt gestartet\n\n" + "\n".join(lines), title="Projekt gestartet",
                    published=None, author=None, sitename=None, body_lines=lines)  # fmt: skip
    return PageLines(gold=gold, read=read, rows=[{} for _ in lines], labels=labels_for(gold, lines))


def test_markers_supported_by_one_site_only_are_left_out_for_that_site() -> None:
    data = [
        _page("bsi.de-ki.html", "Erstellt am: 01.11.2023"),
        _page("lsvd.de-x.html", "Folge uns auf Mastodon"),
    ]
    scores, support = marker_loso(data)
    sites = {pattern: found for pattern, found in support if found}
    assert any(found == {"bsi", "lsvd"} for found in sites.values())  # the press-contact header
    assert any(found == {"bsi"} for found in sites.values())  # the creation-date line
    assert scores["clean"] == (0, 2)  # each page keeps a line only its own site's marker catches
    assert scores["body"] == (2, 2)
