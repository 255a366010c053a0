"""Structure of HTML-read articles: kicker, lead, captions, labelled service lines, live-blog entries."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.stages.structure import StructureStage


@pytest.fixture(scope="module")
def stage() -> StructureStage:
    return StructureStage()


def labels(article: Article) -> dict[str, str | None]:
    assert article.structure is not None
    return {block.text: block.label for block in article.structure.boilerplate}


def body(article: Article) -> list[str]:
    assert article.structure is not None
    return [paragraph.text for paragraph in article.structure.paragraphs]


PAGE_TEXT = (
    "Klimaschutz\nBohren, bis es heiß wird\n\n"
    "Weltweit finanzieren Banken und Investoren Unternehmungen, die dem Klima schaden.\n\n"
    "Von Heike Buchter, New York\n"
    "Eine Fracking-Anlage in Pennsylvania © Noah Addis\n"
    "Touristen und Börsenhändler waren überrascht, als sich die Bank zurückzog.\n"
    "Inhalt teilen"
)
HINTS = {
    "kicker": "Klimaschutz",
    "lead": "Weltweit finanzieren Banken und Investoren Unternehmungen, die dem Klima schaden.",
    "captions": ["Eine Fracking-Anlage in Pennsylvania © Noah Addis"],
    "service": [["byline", "Von Heike Buchter, New York"], ["share", "Inhalt teilen URL zum Kopieren"]],
}


def test_page_hints_give_kicker_headline_lead_caption_and_labelled_service(stage: StructureStage) -> None:
    article = stage(Article.create(PAGE_TEXT, title="Bohren, bis es heiß wird", meta={"page": HINTS}))
    structure = article.structure
    assert structure is not None and structure.kicker and structure.headline and structure.lead
    assert structure.kicker.text == "Klimaschutz"
    assert structure.headline.text == "Bohren, bis es heiß wird"
    assert structure.lead.text.startswith("Weltweit finanzieren")
    assert [c.text for c in structure.captions] == ["Eine Fracking-Anlage in Pennsylvania © Noah Addis"]
    assert labels(article) == {"Von Heike Buchter, New York": "byline", "Inhalt teilen": "share"}
    assert body(article) == ["Touristen und Börsenhändler waren überrascht, als sich die Bank zurückzog."]
    for span in [structure.kicker, structure.headline, structure.lead, *structure.boilerplate]:
        assert article.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("+++ Live-Ticker +++", "ticker"),
        ("Quelle: dpa, Reuters", "source"),
        ("ISSN 1234-567X", "issn"),
        ("Artikel teilen", "share"),
        ("Autor: red", "byline"),
        ("Mitarbeit: Antonio Gutierrez", "credit"),
        ("Den kompletten Beitrag lesen Sie in der neuen Ausgabe", "promo"),
        ("Mo, 11:41 Uhr", "timestamp"),
        ("71 Kommentare", "share"),
        ("CORRECTIV ist spendenfinanziert!", "promo"),
        ("Unterstütze unsere Arbeit und abonniere das Magazin!", "promo"),
        ("Wir danken dem Autor für das Recht zur Veröffentlichung dieses Beitrags.", "credit"),
        ("Folge uns auf Facebook | Instagram", "promo"),
        ("Ein Interview von Eugen Zentner mit Sonja Silberhorn.", "byline"),
        ("von MORITZ PAPPERT", "byline"),
        ("Mittwoch, 01.11.2023", "timestamp"),
        ("erb/ots", "credit"),
        ("* Name geändert", "note"),
        ("Hochauflösendes Bild (jpeg, 1MB)", "media"),
        ("Messengerdienste sind kein rechtsfreier Raum (PDF, 298KB)", "media"),
    ],
)
def test_service_lines_are_labelled_boilerplate_never_body(
    stage: StructureStage, line: str, label: str
) -> None:
    text = f"Stadtrat vertagt Entscheidung\n\nDer Rat hat vertagt.\n{line}\nLindner will mehr Zeit."
    article = stage(Article.create(text))
    assert labels(article) == {line: label}
    assert line not in " ".join(body(article))


@pytest.mark.parametrize(
    "line",
    [
        "Die Namen der Straßen wurden geändert.",
        "Ein Interview mit dem Minister zeigt, wie knapp die Mehrheit ist.",
        "Wir danken allen Helfern für ihren Einsatz am Wochenende.",
        "Die Stiftung finanziert sich zum Teil aus Spenden, sagte Lindner.",
    ],
)
def test_sentences_like_service_lines_stay_body(stage: StructureStage, line: str) -> None:
    text = f"Stadtrat vertagt Entscheidung\n\nDer Rat hat vertagt.\n{line}\nLindner will mehr Zeit."
    article = stage(Article.create(text))
    assert labels(article) == {}
    assert line in " ".join(body(article))


def test_line_ending_in_a_photo_credit_is_a_caption(stage: StructureStage) -> None:
    text = (
        "Stadtrat vertagt Entscheidung\n\nDer Stadtrat hat die Entscheidung vertagt.\n"
        "Zur Einweihung wurde ein Wald gepflanzt (Foto: Stadt Nordhausen)\nLindner will mehr Zeit."
    )
    structure = stage(Article.create(text)).structure
    assert structure is not None
    assert [c.text for c in structure.captions] == [
        "Zur Einweihung wurde ein Wald gepflanzt (Foto: Stadt Nordhausen)"
    ]


def test_live_blog_entries_keep_their_time_stamps(stage: StructureStage) -> None:
    text = (
        "Der Tag im Liveblog\n\n+++ Live-Ticker +++\n"
        "14:05 Uhr\nMerz sagt, die Regierung stehe.\nEr lobt die Koalition.\n"
        "15:30\nScholz widerspricht am Nachmittag.\n"
        "16:45 Uhr: Die Sitzung ist beendet."
    )
    article = stage(Article.create(text))
    structure = article.structure
    assert structure is not None
    assert [(e.time, e.text) for e in structure.entries] == [
        ("14:05 Uhr", "Merz sagt, die Regierung stehe.\nEr lobt die Koalition."),
        ("15:30", "Scholz widerspricht am Nachmittag."),
        ("16:45 Uhr", "16:45 Uhr: Die Sitzung ist beendet."),
    ]
    assert labels(article) == {
        "+++ Live-Ticker +++": "ticker",
        "14:05 Uhr": "timestamp",
        "15:30": "timestamp",
    }
    for entry in structure.entries:
        assert article.text[entry.start : entry.end] == entry.text


def test_one_time_line_is_a_dateline_not_a_live_blog(stage: StructureStage) -> None:
    text = "Stadtrat vertagt Entscheidung\n\n19.10.2019 17:41\nDer Stadtrat hat die Entscheidung vertagt."
    structure = stage(Article.create(text)).structure
    assert structure is not None and structure.entries == ()


def test_labelled_structure_round_trips_through_json(stage: StructureStage) -> None:
    article = stage(
        Article.create(
            PAGE_TEXT, title="Bohren, bis es heiß wird", updated="2020-01-02", meta={"page": HINTS}
        )
    )
    assert Article.from_json(article.to_json()) == article


def test_author_box_under_its_header_is_boilerplate(stage: StructureStage) -> None:
    text = (
        "Stadtrat vertagt Entscheidung\n\nDer Rat hat vertagt.\nZur Person\n"
        "Paula Winter leitet die Lokalredaktion und schreibt über Verkehr.\nLindner will mehr Zeit."
    )
    article = stage(Article.create(text))
    assert labels(article) == {
        "Zur Person\nPaula Winter leitet die Lokalredaktion und schreibt über Verkehr.": "author"
    }
    assert body(article) == ["Der Rat hat vertagt.", "Lindner will mehr Zeit."]
