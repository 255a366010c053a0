"""Headline, kicker, lead, captions and service blocks read from a page's own markup."""

from __future__ import annotations

from trafilatura.utils import load_html

from wortlaut.ingest.htmltext import page_to_text
from wortlaut.ingest.pagemeta import strip_site
from wortlaut.ingest.pageparts import find_parts, load_page_markers, matches_part

BODY = (
    "<p>Der Stadtrat hat die Entscheidung über den Umbau des Bahnhofs am Dienstag vertagt. "
    "Oberbürgermeisterin Eva Lindner sagte, man brauche mehr Zeit für die Prüfung der Kosten.</p>"
    "<p>„Wir entscheiden lieber richtig als schnell“, sagte Lindner nach der Sitzung am Abend im Rathaus.</p>"
    "<p>Die Opposition kritisierte die Vertagung scharf und sprach von einem verlorenen Jahr.</p>"
)


def page(head: str, article: str) -> str:
    body = f"<body><article>{article}</article></body>"
    return f'<html lang="de"><head><meta charset="utf-8">{head}</head>{body}</html>'


def test_site_name_and_trailing_date_are_cut_off_titles() -> None:
    assert strip_site("Bohren, bis es heiß wird | ZEIT ONLINE", ["ZEIT ONLINE"]) == "Bohren, bis es heiß wird"
    assert strip_site("Ein Quantensprung : 06.11.2023, 11.41 Uhr", []) == "Ein Quantensprung"
    assert strip_site("»Kein Geld mehr« (neues deutschland)", ["neues-deutschland"]) == "»Kein Geld mehr«"
    assert (
        strip_site("Klimavorreiter Oberland? - Tegernseerstimme", ["tegernseerstimme"])
        == "Klimavorreiter Oberland?"
    )


def test_visible_headline_wins_over_an_seo_h1() -> None:
    head = '<meta property="og:title" content="Stadtrat vertagt: Bahnhof bleibt offen | Testblatt">'
    head += (
        '<meta property="og:site_name" content="Testblatt"><title>Bahnhof Umbau Stadtrat Nachrichten</title>'
    )
    html = page(
        head,
        "<h1>Bahnhof Umbau Stadtrat Nachrichten</h1><h2>Stadtrat vertagt: Bahnhof bleibt offen</h2>" + BODY,
    )
    read = page_to_text(html)
    assert read.title == "Stadtrat vertagt: Bahnhof bleibt offen"
    assert read.text.startswith("Stadtrat vertagt: Bahnhof bleibt offen\n\n")


def test_kicker_inside_the_headline_is_kept_apart() -> None:
    head = '<meta property="og:title" content="Bahnhof: Stadtrat vertagt Entscheidung">'
    kicker = '<span class="article-heading__kicker">Bahnhof</span>'
    h1 = f"<h1>{kicker}: <span>Stadtrat vertagt Entscheidung</span></h1>"
    read = page_to_text(page(head, h1 + BODY))
    assert read.title == "Stadtrat vertagt Entscheidung"
    assert read.parts["kicker"] == "Bahnhof"
    assert read.text.startswith("Bahnhof\nStadtrat vertagt Entscheidung\n\n")


def test_lead_element_becomes_its_own_block_and_dates_follow_the_rule() -> None:
    head = (
        '<meta property="og:title" content="Stadtrat vertagt Entscheidung">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Stadtrat vertagt",'
        ' "datePublished": "2025-02-03T23:30:00Z", "dateModified": "2025-02-05T09:00:00+01:00"}</script>'
        '<meta name="date" content="2025-02-06">'
    )
    lead = (
        '<p class="article__lead">Die Kosten sind unklar, der Rat will mehr Zeit für die Prüfung haben.</p>'
    )
    read = page_to_text(page(head, "<h1>Stadtrat vertagt Entscheidung</h1>" + lead + BODY))
    assert read.parts["lead"].startswith("Die Kosten sind unklar")
    assert "\n\nDie Kosten sind unklar, der Rat will mehr Zeit für die Prüfung haben.\n\n" in read.text
    assert (read.published, read.published_source) == ("2025-02-04", "json-ld datePublished")
    assert (read.updated, read.updated_source) == ("2025-02-05", "json-ld dateModified")


def test_og_description_is_the_lead_only_when_the_body_lacks_it() -> None:
    teaser = "Die Kosten für den Umbau sind weiter unklar, jetzt soll ein Gutachten helfen."
    title = '<meta property="og:title" content="Stadtrat vertagt Entscheidung">'
    head = f'{title}<meta property="og:description" content="{teaser}">'
    read = page_to_text(page(head, "<h1>Stadtrat vertagt Entscheidung</h1>" + BODY))
    assert read.parts["lead"] == teaser
    ticker = title + '<meta property="og:description" content="++ Testblatt Blaulicht ++">'
    assert "lead" not in page_to_text(page(ticker, "<h1>Stadtrat vertagt Entscheidung</h1>" + BODY)).parts


def test_caption_byline_and_share_blocks_are_found_by_their_classes() -> None:
    figure = (
        '<figure><img src="x.jpg"><figcaption>Der Bahnhof im Winter. Foto: Paula Winter</figcaption></figure>'
    )
    byline = '<p class="article-byline">Von Paula Winter, Lokalredaktion</p>'
    share = '<div class="share-bar">Artikel teilen Facebook WhatsApp</div>'
    wrapper = f'<div class="author-wrapper">{"Ein sehr langer Text. " * 40}</div>'
    tree = load_html(
        page("", "<h1>Stadtrat vertagt Entscheidung</h1>" + byline + figure + share + BODY + wrapper)
    )
    parts = find_parts(tree, load_page_markers())
    assert parts.captions == ("Der Bahnhof im Winter. Foto: Paula Winter",)
    assert ("byline", "Von Paula Winter, Lokalredaktion") in parts.service
    assert ("share", "Artikel teilen Facebook WhatsApp") in parts.service
    assert not any(
        text.startswith("Ein sehr langer") for _, text in parts.service
    )  # a container, not a block


def test_part_matching_needs_most_of_the_line() -> None:
    assert matches_part("Von Paula Winter, Testblatt", "Von Paula Winter, Testblatt 19.10.2019")
    assert not matches_part("Winter", "Der Bahnhof im Winter. Foto: Paula Winter")


def test_heading_of_kicker_and_short_title_is_found_as_the_headline_element() -> None:
    head = '<meta property="og:title" content="Klimavorreiter Oberland?">'
    teaser = '<p class="teaser">Welchen Weg schlägt die kommunale Wärmeplanung im Oberland ein?</p>'
    h1 = "<h1>Energiewende Oberland: Klimavorreiter Oberland?</h1>"
    read = page_to_text(page(head, h1 + teaser + BODY))
    assert read.title == "Klimavorreiter Oberland?"
    assert read.parts["kicker"] == "Energiewende Oberland"
    assert read.parts["lead"].startswith("Welchen Weg")


def test_title_with_a_section_prefix_gives_the_visible_heading() -> None:
    head = "<title>Fachmeldungen - Stadtrat vertagt die Entscheidung</title>"
    dated = '<div class="docData"><span>Datum:</span> <span>18.10.2021</span></div>'
    text = "<p>Im Amtsblatt vom 17. August 2021 wurde die Satzung über den Umbau des Bahnhofs verkündet.</p>"
    read = page_to_text(page(head, "<h1>Stadtrat vertagt die Entscheidung</h1>" + dated + text + BODY))
    assert read.title == "Stadtrat vertagt die Entscheidung"
    assert (read.published, read.published_source) == (
        "2021-10-18",
        "visible Publiziert/Veröffentlicht/Datum line",
    )


def test_title_element_beats_a_section_name_or_teaser_variant_in_og_title() -> None:
    from wortlaut.ingest.htmltext import page_to_text

    body = "<p>" + "Der Kanton Bern meldet neue Zahlen zur Impfung in allen Regionen. " * 3 + "</p>"
    html = (
        '<html><head><title>Impfen ist bis Ende Februar noch überall möglich</title>'
        '<meta property="og:title" content="Medienmitteilungen"></head><body>'
        "<h1>Medienmitteilung der Direktion: Impfen ist bis Ende Februar noch überall möglich</h1>"
        f"{body}</body></html>"
    )
    assert page_to_text(html).title == "Impfen ist bis Ende Februar noch überall möglich"


def test_a_title_that_is_only_the_site_name_is_no_headline() -> None:
    from wortlaut.ingest.htmltext import page_to_text

    body = "<p>" + "Zum Gedenktag erinnern Vereine an verfolgte Frauen und legen Stolpersteine. " * 3 + "</p>"
    html = (
        "<html><head><title>Gedenktag: Erinnerung mit Stolpersteinen</title></head><body>"
        "<h1>L-Mag</h1><h2>Gedenktag: Erinnerung mit Stolpersteinen</h2>"
        f"{body}</body></html>"
    )
    title = page_to_text(html, url="https://www.l-mag.de/news/1").title
    assert title == "Gedenktag: Erinnerung mit Stolpersteinen"
