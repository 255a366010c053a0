"""Live-blog entries: body lines grouped under the time stamps they were posted at."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.ingest.htmltext import page_article
from wortlaut.stages.structure import StructureStage
from wortlaut.structure.live import STAMP_LINE, STAMP_PREFIX, find_entries


def test_stamp_lines_open_entries_over_the_body_lines_after_them() -> None:
    texts = [
        "Liveblog",
        "14:05 Uhr",
        "Merz spricht.",
        "Er lobt die Koalition.",
        "15:30",
        "Scholz widerspricht.",
    ]
    body = [False, False, True, True, False, True]
    entries = find_entries(texts, body)
    assert [(e.stamp, e.time, e.lines, e.own_line) for e in entries] == [
        (1, "14:05 Uhr", (2, 3), True),
        (4, "15:30", (5,), True),
    ]


def test_a_stamp_opening_a_body_paragraph_is_part_of_its_entry() -> None:
    texts = ["14:05 Uhr: Merz spricht.", "16:45 – Die Sitzung ist beendet."]
    entries = find_entries(texts, [True, True])
    assert [(e.stamp, e.time, e.lines, e.own_line) for e in entries] == [
        (0, "14:05 Uhr", (0,), False),
        (1, "16:45", (1,), False),
    ]


def test_one_stamp_is_a_dateline_not_a_live_blog() -> None:
    assert find_entries(["19.10.2019 17:41", "Der Stadtrat vertagt."], [False, True]) == []


def test_a_stamp_without_body_under_it_makes_no_entry() -> None:
    texts = [
        "14:05",
        "Merz spricht.",
        "15:30",
        "Lesen Sie auch: Der Tag in Bildern",
        "16:00",
        "Scholz antwortet.",
    ]
    body = [False, True, False, False, False, True]
    assert [e.time for e in find_entries(texts, body)] == ["14:05", "16:00"]


def test_prefix_stamps_outside_the_body_do_not_count() -> None:
    texts = ["14:05 Uhr: Werbung", "15:30 Uhr: Newsletter", "Der Text."]
    assert find_entries(texts, [False, False, True]) == []


def test_stamp_forms_with_dates_and_ticker_signs() -> None:
    for line in ("06.11.2023, 14:05 Uhr", "+++ 14:05 +++", "9.30 Uhr", "14:05"):
        assert STAMP_LINE.match(line), line
    assert STAMP_PREFIX.match("+++ 14:05 +++ Merz spricht")
    assert not STAMP_LINE.match("Um 14:05 Uhr sprach Merz")
    assert not STAMP_PREFIX.match("14:05Uhr")


def test_live_blog_page_keeps_each_entry_with_its_stamp() -> None:
    posts = "".join(
        f'<div class="entry"><p class="time">{time}</p><p>{text}</p></div>'
        for time, text in (
            ("09:15 Uhr", "Der Bundestag beginnt die Debatte über den Haushalt am Morgen."),
            ("10:40 Uhr", "Die Opposition kritisiert die Pläne der Regierung als unsolide."),
            ("12:05 Uhr", "Nach drei Stunden unterbricht die Präsidentin die Sitzung."),
        )
    )
    html = (
        '<html lang="de"><head><meta charset="utf-8">'
        '<meta property="og:title" content="Haushalt im Liveblog"></head>'
        "<body><article><h1>Haushalt im Liveblog</h1>" + posts + "</article></body></html>"
    )
    article = StructureStage()(page_article(html))
    structure = article.structure
    assert structure is not None
    assert [entry.time for entry in structure.entries] == ["09:15 Uhr", "10:40 Uhr", "12:05 Uhr"]
    assert structure.entries[1].text == "Die Opposition kritisiert die Pläne der Regierung als unsolide."
    for entry in structure.entries:
        assert article.text[entry.start : entry.end] == entry.text
        assert entry.stamp is not None and article.text[entry.stamp.start : entry.stamp.end] == entry.time


def test_entries_round_trip_through_json() -> None:
    text = "Liveblog\n\n14:05 Uhr\nMerz spricht.\n15:30\nScholz widerspricht."
    article = StructureStage()(Article.create(text))
    assert article.structure is not None and len(article.structure.entries) == 2
    assert Article.from_json(article.to_json()) == article
