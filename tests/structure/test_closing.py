"""A web page's closing block: a short colon header with only a few short lines under it."""

from __future__ import annotations

from wortlaut.structure.closing import closing_block
from wortlaut.structure.lines import Role, split_lines

STORY = (
    "Der Stadtrat hat die Entscheidung über den Umbau des Bahnhofs am Dienstag vertagt, weil die Kosten "
    "seit dem Frühjahr um mehr als ein Drittel gestiegen sind und die Fraktionen mehr Zeit verlangen."
)


def _closing(text: str) -> list[str]:
    lines = split_lines(text)
    return [span.text for span in closing_block(text, lines, [Role.BODY] * len(lines))]


def test_a_colon_header_with_short_lines_under_it_closes_the_page() -> None:
    text = f"{STORY}\n{STORY}\nMehr Informationen finden Sie unter:\nwww.example.de\nTel.: 030 123"
    assert _closing(text) == ["Mehr Informationen finden Sie unter:", "www.example.de", "Tel.: 030 123"]


def test_a_colon_line_followed_by_story_text_is_part_of_the_story() -> None:
    assert _closing(f"{STORY}\nDie Forderungen im Überblick:\n{STORY}") == []


def test_a_long_line_ending_in_a_colon_introduces_a_quote_not_a_block() -> None:
    said = "Die Oberbürgermeisterin sagte nach der Sitzung am Abend vor Journalisten im Rathaus:"
    text = f"{STORY}\n{said}\n„Wir warten.“"
    assert _closing(text) == []


def test_the_first_line_is_never_a_closing_header() -> None:
    assert _closing("Pressekontakt:\nAnna Beispiel") == []
