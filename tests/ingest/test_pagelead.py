"""The lead of a page: a block the page sets apart from the body, not any copy of og:description."""

from __future__ import annotations

import sys

from wortlaut.ingest.htmltext import page_to_text
from wortlaut.ingest.pagelead import alnum, description_core

TEASER = "Der Stadtrat vertagt den Umbau des Bahnhofs. Die Opposition spricht von einem verlorenen Jahr"
FIRST = (
    "Der Stadtrat hat die Entscheidung über den Umbau des Bahnhofs am Dienstag vertagt. "
    "Oberbürgermeisterin Eva Lindner sagte, man brauche mehr Zeit für die Prüfung der Kosten."
)
REST = (
    "<p>„Wir entscheiden lieber richtig als schnell“, sagte Lindner nach der Sitzung am Abend im Rathaus.</p>"
    "<p>Die Opposition kritisierte die Vertagung scharf und sprach von einem verlorenen Jahr.</p>"
)
PICTURE = '<figure><img src="bahnhof.jpg"><figcaption>Der Bahnhof am Abend</figcaption></figure>'
HEADLINE = "<h1>Stadtrat vertagt Entscheidung</h1>"


def page(description: str, article: str) -> str:
    head = (
        '<meta charset="utf-8"><meta property="og:title" content="Stadtrat vertagt Entscheidung">'
        f'<meta property="og:description" content="{description}">'
    )
    return f'<html lang="de"><head>{head}</head><body><article>{article}</article></body></html>'


def lead_of(html: str) -> str | None:
    return page_to_text(html).parts.get("lead")


def test_description_shown_alone_before_the_body_container_is_the_lead() -> None:
    html = page(
        TEASER, f'{HEADLINE}<p class="topic"><strong>{TEASER}</strong></p><div><p>{FIRST}</p>{REST}</div>'
    )
    assert lead_of(html) == TEASER
    assert page_to_text(html).text.count(TEASER) == 1  # the lead block, not a body line as well


def test_bare_teaser_text_above_the_picture_is_the_lead() -> None:
    html = page(
        f"06.11.2023, 11.41 Uhr : {TEASER}...", f"{HEADLINE}<div>{TEASER}...<br>{PICTURE}<br>{FIRST}</div>"
    )
    assert lead_of(html) == TEASER + "..."


def test_teaser_paragraph_with_the_picture_nested_in_it_is_the_lead() -> None:
    html = page(
        TEASER + " Der Bahnhof am Abend " + FIRST,
        f"{HEADLINE}<div><p>{TEASER}{PICTURE}</p><p>{FIRST}</p>{REST}</div>",
    )
    assert lead_of(html) == TEASER


def test_first_paragraph_equal_to_the_description_is_body() -> None:
    html = page(FIRST, f"{HEADLINE}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) is None
    assert FIRST in page_to_text(html).text


def test_an_advert_linking_away_does_not_set_the_first_paragraph_apart() -> None:
    advert = '<a href="https://sprachschule.example/"><img src="ad.jpg"></a>'
    html = page(FIRST, f"{HEADLINE}<div><p><strong>{FIRST}</strong></p>{advert}{REST}</div>")
    assert lead_of(html) is None


def test_lead_in_class_is_a_lead_marker() -> None:
    html = page(
        "Kurz gesagt", f'{HEADLINE}<div class="leadIn"><p>{TEASER}.</p></div><div><p>{FIRST}</p>{REST}</div>'
    )
    assert lead_of(html) == TEASER + "."


def test_description_core_drops_date_stamp_and_ellipsis() -> None:
    assert description_core("06.11.2023, 11.41 Uhr : In Nord wurde eröffnet...") == "In Nord wurde eröffnet"
    assert description_core("Ein Satz …") == "Ein Satz"


def test_description_repeated_in_a_photo_caption_is_not_the_lead() -> None:
    sentence = FIRST.split(". ")[0] + "."
    caption = f'<figure><img src="b.jpg"><figcaption><div><p>{sentence}</p></div></figcaption></figure>'
    html = page(sentence, f"{HEADLINE}{caption}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) is None


def test_a_post_printed_as_one_long_paragraph_is_not_its_own_lead() -> None:
    long_post = f"{TEASER}. {FIRST} " * 4
    html = page(TEASER, f"{HEADLINE}<div><p>{long_post}{PICTURE}</p><p>{FIRST}</p></div>")
    assert lead_of(html) is None


def test_description_part_of_a_caption_is_not_the_lead() -> None:
    label = '<span class="caption--description">Weniger Miete, mehr zum Leben!</span>'
    caption = f'<figure><img src="b.jpg"><figcaption>{label}</figcaption></figure>'
    html = page(
        FIRST, f'{HEADLINE}{caption}<p itemprop="description">{TEASER}</p><div><p>{FIRST}</p>{REST}</div>'
    )
    assert lead_of(html) == TEASER  # schema.org's description of the article is its teaser


def test_paragraph_in_the_article_header_under_the_headline_is_the_lead() -> None:
    header = (
        '<header><span class="topline">Bahnhof</span><h2>Stadtrat vertagt Entscheidung</h2>'
        f'<p>{TEASER}</p><p class="detail__authors">von Paula Winter</p></header>'
    )
    html = page(FIRST, f"<h1>Aktuelle Artikel</h1>{header}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) == TEASER


def test_short_metadata_line_with_a_date_is_not_the_lead() -> None:
    meta = '<p class="intro__meta">Nachricht | 30.10.2021 Migration / Flucht</p>'
    intro = f'<div class="box">{meta}<p class="intro__text">{TEASER}</p></div>'
    html = page(TEASER, f"{HEADLINE}{intro}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) == TEASER


def test_standfirst_heading_after_many_short_blocks_and_a_menu_is_the_lead() -> None:
    menu = "<nav><ul>" + "".join(f"<li><a href='/{n}'>Rubrik {n}</a></li>" for n in range(80)) + "</ul></nav>"
    tools = "".join(f"<span>Teilen {n}</span>" for n in range(20))
    standfirst = (
        "<h2>Der Stadtrat vertagt den Umbau, und die Opposition spricht von einem verlorenen Jahr</h2>"
    )
    html = page(FIRST, f"{HEADLINE}{menu}<div>{tools}</div>{standfirst}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) == standfirst[4:-5]


def test_one_text_in_the_headline_block_with_the_body_elsewhere_is_the_lead() -> None:
    teaser = "Neue Pläne für den Bahnhof liegen auf Eis"
    html = page(
        FIRST,
        f'<div class="head"><span>25.01.2022</span>{HEADLINE}<div class="head__text">{teaser}</div></div>'
        f"<figure><img src='a.jpg'></figure><div class='content'><p>{FIRST}</p>{REST}</div>",
    )
    assert lead_of(html) == teaser


def test_headline_block_holding_the_whole_story_gives_no_lead() -> None:
    html = page(FIRST, f"<div>{HEADLINE}<p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) is None


def test_long_h3_right_under_the_headline_is_a_standfirst_but_not_after_text() -> None:
    subtitle = "- Gemeinsam entwickelter Versuchsstand reduziert den erforderlichen Messaufwand deutlich"
    assert lead_of(page(FIRST, f"{HEADLINE}<h3>{subtitle}</h3><p>{FIRST}</p>{REST}")) == subtitle
    assert lead_of(page(FIRST, f"{HEADLINE}<p>{FIRST}</p><h3>{subtitle}</h3>{REST}")) is None


def test_the_intro_under_a_short_subheadline_is_the_lead_not_the_subheadline() -> None:
    subheadline = '<h2 class="page-intro__subheadline">Erdrutschsieg der Opposition</h2>'
    intro = f'<div class="page-intro__copy">{TEASER}</div>'
    html = page(
        "Erdrutschsieg der Opposition", f"{HEADLINE}{subheadline}{intro}<div><p>{FIRST}</p>{REST}</div>"
    )
    assert lead_of(html) == TEASER


def test_a_description_class_beside_a_picture_is_its_caption_not_the_lead() -> None:
    picture = '<picture><img src="a.jpg"></picture>'
    caption = f'<div class="visual">{picture}<div class="description">Kommt der Umbau ohne Halle?</div></div>'
    html = page(FIRST, f"{HEADLINE}{caption}<div><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) is None


def test_a_script_in_the_headline_block_is_no_teaser_text() -> None:
    script = "<script>$(function() { authorsPlugin.initOpenClick(); window.x = 1; });</script>"
    html = page(FIRST, f"<div>{HEADLINE}{script}</div><div class='content'><p>{FIRST}</p>{REST}</div>")
    assert lead_of(html) is None


def test_preface_class_is_a_lead_marker() -> None:
    html = page("Kurz", f'{HEADLINE}<div><p class="preface">{TEASER}.</p><p>{FIRST}</p>{REST}</div>')
    assert lead_of(html) == TEASER + "."


def test_alnum_keeps_exactly_what_isalnum_keeps_for_every_code_point() -> None:
    # alnum is a regex substitution; it must keep the characters the per-character isalnum test kept
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert alnum(every) == "".join(ch for ch in every.lower() if ch.isalnum())
    assert alnum("Die ZEIT_Online – 2024!") == "diezeitonline2024"
