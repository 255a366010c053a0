"""Reference dates: publication date, and a live-blog entry's or post's own stamp inside it."""

from __future__ import annotations

from datetime import date

from wortlaut.article import Article, Entry, Post, Structure
from wortlaut.timex.anchors import anchor_function, parse_day, stamp_day


def test_parse_day_takes_the_date_of_an_iso_stamp_and_rejects_garbage() -> None:
    assert parse_day("2025-05-21T14:05") == date(2025, 5, 21)
    assert parse_day("21.05.2025") is None
    assert parse_day(None) is None


def test_stamp_day_reads_german_stamps_and_a_bare_clock_time_names_no_day() -> None:
    assert stamp_day("6.11.2023, 14:05") == date(2023, 11, 6)
    assert stamp_day("31.02.2023") is None
    assert stamp_day("14:05") is None


def test_offsets_inside_the_innermost_stamped_span_anchor_to_its_stamp() -> None:
    text = "Eintrag eins. Post gestern. Danach."
    post_start = text.index("Post")
    structure = Structure(
        entries=(Entry(start=0, end=27, text=text[:27], time="05.11.2023, 09:00"),),
        posts=(Post(start=post_start, end=27, text=text[post_start:27], date="2023-11-04"),),
    )
    article = Article.create(text, published="2023-11-06", structure=structure)
    anchor = anchor_function(article)
    assert anchor(0) == date(2023, 11, 5)
    assert anchor(post_start) == date(2023, 11, 4)
    assert anchor(len(text) - 1) == date(2023, 11, 6)
