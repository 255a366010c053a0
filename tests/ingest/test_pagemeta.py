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


def test_a_hidden_skip_link_heading_is_no_headline() -> None:
    head = "<title>www.example.de: Reden / Rede des Präsidenten beim Konvent der Landesparlamente</title>"
    skip = '<div><h1 class="navSkip">Navigation und Service</h1></div>'
    html = page(head, skip + "<h1>Rede des Präsidenten beim Konvent der Landesparlamente</h1>" + BODY)
    assert page_to_text(html).title == "Rede des Präsidenten beim Konvent der Landesparlamente"


def test_the_heading_wording_wins_over_the_title_punctuation() -> None:
    head = '<meta property="og:title" content="Firma in Sorge - Finanzdaten und Berater">'
    h1 = '<h1><span class="cat">Immobilienkrise</span> Firma in Sorge – Finanzdaten und Berater</h1>'
    assert page_to_text(page(head, h1 + BODY)).title == "Firma in Sorge – Finanzdaten und Berater"


def test_a_site_name_tail_is_cut_when_the_heading_holds_a_date_before_the_title() -> None:
    title = "Ministerin: Mehr Geld für die Kinderbetreuung - Bundeskanzleramt Österreich"
    head = f'<meta property="og:title" content="{title}"><title>{title}</title>'
    h1 = "<h1><span>1. Februar 2022</span> Ministerin: Mehr Geld für die Kinderbetreuung</h1>"
    assert page_to_text(page(head, h1 + BODY)).title == "Ministerin: Mehr Geld für die Kinderbetreuung"


def test_a_reworded_title_gives_way_to_the_visible_heading_with_most_of_its_words() -> None:
    head = '<meta property="og:title" content="DB Lounge: Kein Zutritt mehr mit Sparpreis-Tickets">'
    h1 = "<h1>DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket</h1><h2>Die Lounge wird umgebaut</h2>"
    assert page_to_text(page(head, h1 + BODY)).title == "DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket"


def test_time_elements_of_related_posts_teaser_lists_and_hidden_stamps_are_not_the_article_date() -> None:
    related = (
        '<ul class="related-posts"><li><time datetime="2020-12-03">3. Dezember 2020</time></li>'
        '<li><time datetime="2017-09-06">6. September 2017</time></li></ul>'
    )
    hidden = '<div class="h-hide"><time datetime="2021-10-27T20:35:36+01:00">2021-10-27</time></div>'
    more = (
        "<div><ul><li><time datetime='2022-08-10 11:05'>10.08.2022</time> Andere Meldung</li>"
        "<li><time datetime='2022-08-04 10:02'>04.08.2022</time> Noch eine</li></ul></div>"
    )
    head = '<meta property="og:title" content="Stadtrat vertagt Entscheidung">'
    shown = "<time datetime='2022-12-12 12:22'>12.12.2022</time>"
    html = page(head, shown + "<h1>Stadtrat vertagt Entscheidung</h1>" + hidden + BODY + related + more)
    assert page_to_text(html).published == "2022-12-12"
