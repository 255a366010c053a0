"""A web page's closing block: a short colon header with only a few short lines under it."""

from __future__ import annotations

from wortlaut.structure.closing import addresses_reader, closing_block, closing_fragments, reader_tail
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


def test_a_label_with_a_bare_link_opens_a_closing_block_too() -> None:
    header = "Zu unserer Kampagnenseite: https://www.example.org/klima"
    text = f"{STORY}\n{STORY}\n{header}\nWir vermitteln gern Fachleute zum Thema."
    assert _closing(text) == [header, "Wir vermitteln gern Fachleute zum Thema."]


def test_a_label_with_a_link_and_words_after_it_is_no_header() -> None:
    line = "Mehr dazu: www.example.org erklärt die Regeln ausführlich"
    assert _closing(f"{STORY}\n{STORY}\n{line}\nKurz.") == []


def test_a_colon_line_followed_by_story_text_is_part_of_the_story() -> None:
    assert _closing(f"{STORY}\nDie Forderungen im Überblick:\n{STORY}") == []


def test_a_long_line_ending_in_a_colon_introduces_a_quote_not_a_block() -> None:
    said = "Die Oberbürgermeisterin sagte nach der Sitzung am Abend vor Journalisten im Rathaus:"
    text = f"{STORY}\n{said}\n„Wir warten.“"
    assert _closing(text) == []


def test_the_first_line_is_never_a_closing_header() -> None:
    assert _closing("Pressekontakt:\nAnna Beispiel") == []


LONG_STORY = f"{STORY} {STORY}"


def _appeals(text: str) -> list[str]:
    lines = split_lines(text)
    return [span.text for span in reader_tail(text, lines, [Role.BODY] * len(lines))]


def test_lines_after_the_story_that_speak_to_the_reader_are_appeals() -> None:
    text = f"{LONG_STORY}\nKurz danach.\nAuf Sie kommt es an!\nDann hol dir jetzt meinen Newsletter."
    assert _appeals(text) == ["Auf Sie kommt es an!", "Dann hol dir jetzt meinen Newsletter."]


def test_sie_opening_a_sentence_and_quoted_address_are_not_appeals() -> None:
    text = f"{LONG_STORY}\nSie sagte danach nichts mehr.\n„Helfen Sie uns“, rief sie."
    assert _appeals(text) == []


def test_address_inside_the_story_stays() -> None:
    assert _appeals(f"Lesen Sie weiter.\n{LONG_STORY}") == []


def test_addresses_reader_knows_du_and_sie_forms() -> None:
    assert addresses_reader("Wie findest du das?")
    assert addresses_reader("Tipp: Sind Sie ein Experte?")
    assert not addresses_reader("Sie kommen morgen wieder.")


LONG = f"{STORY} {STORY}"


def _fragments(text: str) -> list[str]:
    lines = split_lines(text)
    return [span.text for span in closing_fragments(text, lines, [Role.BODY] * len(lines))]


def test_a_lone_label_after_the_story_is_a_closing_fragment() -> None:
    assert _fragments(f"{LONG}\nerb/ots\nDie Polizei bittet um Hinweise.") == ["erb/ots"]
    assert _fragments(f"{LONG}\n* Name geändert") == ["* Name geändert"]


def test_a_subheading_before_a_closing_paragraph_stays() -> None:
    assert _fragments(f"{LONG}\nWie es weitergeht\n{LONG}\n{STORY}.") == []
    assert _fragments(f"{LONG}\nWie es weitergeht\n{STORY[:130]}.") == []


def test_lists_quotes_and_bullets_after_the_story_stay() -> None:
    assert _fragments(f"{LONG}\nUFRJ\nUFBA\nUFMG") == []
    assert _fragments(f"{LONG}\n„Wir wollen nach Arbeit fragen") == []
    assert _fragments(f"{LONG}\n- Abschaffung der Steuer") == []
