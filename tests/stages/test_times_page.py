"""The times stage on analysed pages: it reads the page's own stamp lines and bylines (which the tokens
stage leaves out of its sentences as boilerplate), headings and body, but no other boilerplate."""

from __future__ import annotations

from datetime import date

import pytest

from wortlaut.article import Article, Span, Structure
from wortlaut.pipeline import Pipeline, build_pipeline
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.page import OWN_LABELS, find_on_page, own_lines, reading_units

STAGES = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("times.rules.v1", "wortlaut.stages.times"),
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(STAGES)


def found(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    article = pipeline(Article.create(text, published="2021-11-10"))
    return {expr.text: expr.value for expr in article.times}


def test_a_dateline_stamp_outside_the_sentences_is_read(pipeline: Pipeline) -> None:
    text = (
        "Neue Regeln für Radwege in Kassel\n\n10.11.2021\n\n"
        "Der Stadtrat hat am Dienstag neue Regeln für die Radwege beschlossen. Sie gelten ab Januar.\n"
    )
    article = pipeline(Article.create(text, published="2021-11-10"))
    assert all("10.11.2021" not in sentence.text for sentence in article.sentences)
    expected = {"10.11.2021": "2021-11-10", "Dienstag": "2021-11-09", "Januar": "2022-01"}
    assert found(pipeline, text) == expected


def test_a_weekday_stamp_and_a_byline_with_a_date_are_read(pipeline: Pipeline) -> None:
    stamp = "Rathaus\n\nDi, 10:19 Uhr\n\nDer Bürgermeister eröffnete das neue Rathaus. Viele Gäste kamen.\n"
    assert found(pipeline, stamp) == {"Di, 10:19 Uhr": "2021-11-09T10:19"}
    byline = "Streit um die Schulreform\n\nAutor: Anna Berg, 09.11.2021\n\nDie Ministerin sprach am Montag.\n"
    assert found(pipeline, byline) == {"09.11.2021": "2021-11-09", "Montag": "2021-11-08"}


def test_a_heading_with_a_date_is_read(pipeline: Pipeline) -> None:
    text = "Landtag wählt am 26. September 2022 neu\n\nDer Landtag in Erfurt wird neu gewählt.\n"
    assert found(pipeline, text) == {"26. September 2022": "2022-09-26"}


def test_a_boilerplate_list_with_dates_stays_unseen(pipeline: Pipeline) -> None:
    text = (
        "Streit um die Schulreform\n\nDie Ministerin verteidigte am Montag ihre Pläne.\n\n"
        "Lesen Sie auch:\nWahl am 12. März 2022 verschoben\nNeue Klage seit 3. Mai 2020\n\n"
        "Der Elternverband will weiter protestieren.\n"
    )
    assert found(pipeline, text) == {"Montag": "2021-11-08"}


def test_only_own_labels_are_read_and_never_inside_a_sentence() -> None:
    text = "Wahl im Mai.\n10.11.2021\n© 2021 Verlag\n"
    structure = Structure(
        boilerplate=(
            Span(start=13, end=24, text=text[13:24], label="timestamp"),
            Span(start=24, end=38, text=text[24:38], label="copyright"),
        )
    )
    sentence = Span(start=0, end=12, text=text[:12])
    assert [line.text for line in own_lines(structure)] == ["10.11.2021"]
    assert [unit.text for unit in reading_units((sentence,), structure)] == ["Wahl im Mai.", "10.11.2021"]
    page = Article.create(text).with_layers(structure=structure)
    unseen = [offset for offset in (3, 14, 27) if page.is_boilerplate(offset, own=OWN_LABELS)]
    assert unseen == [27] and page.is_boilerplate(14)
    covering = Span(start=0, end=23, text=text[:23])
    assert reading_units((covering,), structure) == (covering,)


def test_plain_text_without_sentences_is_read_as_the_finder_reads_it() -> None:
    text = "Am Dienstag tagte der Rat. 10.11.2021 Der Beschluss gilt ab Januar."
    finder = TimeFinder()

    def anchor(_offset: int) -> date:
        return date(2021, 11, 10)

    assert reading_units((), Structure()) == ()
    assert find_on_page(finder, Article.create(text), anchor) == finder.find(text, anchor=anchor)
