"""Lines the page's markup sets apart from the story: boxes after it, link lines, appeals in embeds."""

from __future__ import annotations

from lxml import html as lxml_html

from wortlaut.ingest.htmltext import page_article
from wortlaut.ingest.pagetail import tail_service
from wortlaut.stages.structure import StructureStage

LONG = (
    "Der Stadtrat hat die Entscheidung über den Umbau des Bahnhofs am Dienstag vertagt, "
    "weil Gutachten fehlen. "
)
STORY = LONG * 3
LAST = "Die Sitzung wird im März fortgesetzt, sagte die Bürgermeisterin am Abend."
BIO = "Anna Beispiel ist seit 2015 Redakteurin und schreibt über Verkehr und Stadtplanung."


def _page(after: str, before: str = "") -> str:
    return (
        "<html><body><article><h1>Stadtrat vertagt Entscheidung</h1>"
        f"{before}<div class='entry'><p>{STORY}</p><p>{STORY}</p><p>{LAST}</p>{after}</div>"
        "</article></body></html>"
    )


def test_a_box_after_the_story_is_service_and_the_story_stays() -> None:
    page = _page(f"<div class='box-x'><p>{BIO}</p></div>")
    found = tail_service(lxml_html.fromstring(page), [STORY.strip(), STORY.strip(), LAST, BIO])
    assert found == [("outside", BIO)]


def test_a_short_line_in_the_story_box_after_the_story_stays() -> None:
    page = _page("")
    assert tail_service(lxml_html.fromstring(page), [STORY.strip(), LAST]) == []


def test_a_link_line_after_the_story_is_service() -> None:
    page = _page("<p><a href='/k'>Kommentare lesen und schreiben, hier klicken</a></p>")
    lines = [STORY.strip(), STORY.strip(), LAST, "Kommentare lesen und schreiben, hier klicken"]
    assert tail_service(lxml_html.fromstring(page), lines) == [("link", lines[-1])]


def test_a_reader_appeal_in_an_embed_inside_the_story_is_service() -> None:
    label = "<div><div>Sieh dir diesen Beitrag auf Instagram an</div></div>"
    embed = f"<blockquote class='embed'>{label}</blockquote>"
    page = _page("").replace(f"<p>{LAST}</p>", f"{embed}<p>{STORY}</p>")
    lines = [STORY.strip(), STORY.strip(), "Sieh dir diesen Beitrag auf Instagram an", STORY.strip()]
    assert tail_service(lxml_html.fromstring(page), lines) == [("appeal", lines[2])]


def test_a_story_split_over_boxes_of_one_kind_is_one_story() -> None:
    page = (
        "<html><body><div class='block-text'><p>" + STORY + "</p></div>"
        "<div class='fact'><p>" + STORY + "</p></div>"
        "<div class='block-text'><p>"
        + STORY.replace("Stadtrat", "Kreistag")
        + "</p><p>"
        + LAST
        + "</p></div>"
        "</body></html>"
    )
    lines = [STORY.strip(), STORY.strip(), STORY.replace("Stadtrat", "Kreistag").strip(), LAST]
    assert tail_service(lxml_html.fromstring(page), lines) == []


def test_a_pasted_post_signature_after_the_story_stays_for_the_post_rules() -> None:
    signature = "— Marco Beispiel (@MarcoBeispiel) October 27, 2021"
    page = _page(f"<div class='embed-x'><div>{signature}</div></div>")
    assert tail_service(lxml_html.fromstring(page), [STORY.strip(), STORY.strip(), LAST, signature]) == []


def test_a_page_without_any_hint_still_gets_the_page_rules() -> None:
    """A page whose markup marks no kicker, lead, caption or service block is still a web page:
    the closing rules for pages (reader appeals after the story) run on it."""
    appeal = "Erhalten Sie Antworten auf Ihre Fragen zum Thema."
    story = f"<p>{STORY}</p><p>{STORY}</p><p>{appeal}</p>"
    page = f"<html><body><article><h1>Stadtrat vertagt</h1>{story}</article></body></html>"
    article = StructureStage()(page_article(page))
    assert article.meta["page"] is not None
    assert article.structure is not None
    assert all(appeal not in paragraph.text for paragraph in article.structure.paragraphs)
    assert any(LONG.split(",")[0] in paragraph.text for paragraph in article.structure.paragraphs)


def test_a_pointer_line_is_service_wherever_it_stands() -> None:
    pointer = "» Zum Angebot: Die Bundesliga live"
    page = _page("").replace(f"<p>{LAST}</p>", f"<p><a href='/x'>{pointer}</a></p><p>{STORY}</p>")
    lines = [STORY.strip(), STORY.strip(), pointer, STORY.strip()]
    assert tail_service(lxml_html.fromstring(page), lines) == [("link", pointer)]


def test_a_labelled_sentence_with_a_link_inside_stays() -> None:
    line = "Berlin: Der Senat hat die Vorlage am Abend beschlossen, sagte ein Sprecher."
    page = _page("").replace(
        f"<p>{LAST}</p>",
        "<p>Berlin: Der Senat hat die <a href='/v'>Vorlage</a> am Abend beschlossen, sagte ein Sprecher.</p>"
        f"<p>{STORY}</p>",
    )
    assert tail_service(lxml_html.fromstring(page), [STORY.strip(), STORY.strip(), line, STORY.strip()]) == []


def test_a_bare_address_after_the_story_stays_and_a_list_header_is_left_to_the_list_rule() -> None:
    url = "http://www.example.org/petition/gegen-die-reform"
    page = _page(f"<p><a href='{url}'>{url}</a></p><div class='more'><p><b>Siehe auch:</b></p></div>")
    lines = [STORY.strip(), STORY.strip(), LAST, url, "Siehe auch:"]
    assert tail_service(lxml_html.fromstring(page), lines) == []

