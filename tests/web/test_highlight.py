"""Highlighting: overlapping and discontinuous spans become well-nested, escaped HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.web.conftest import SCRIPT, hostile_article
from wortlaut.web.highlight import Mark, anchor_id, article_marks, highlight, render


class _Checker(HTMLParser):
    """Collects tags and the text of the page, failing on badly nested end tags."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"badly nested </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def test_highlight_crossing_spans_are_split_and_nest() -> None:
    text = "abcdefghij"
    marks = [
        Mark(key="q", kind="quote", parts=((0, 6),), label="quote"),
        Mark(key="s", kind="speaker", parts=((4, 9),), label="speaker"),
    ]
    checker = _parse(render(text, marks))
    keys = [attrs["data-key"] for _, attrs in checker.tags]
    assert keys.count("s") == 2  # the speaker crosses the quote's end, so it is cut in two
    assert [a.get("tabindex") for _, a in checker.tags if a["data-key"] == "s"] == ["0", None]
    assert "".join(checker.text) == text


def test_highlight_discontinuous_cue_keeps_one_key_and_text() -> None:
    text = "stellte der Führer fest"
    cue = Mark(key="c", kind="cue", parts=((0, 7), (19, 23)), label="cue")
    speaker = Mark(key="s", kind="speaker", parts=((8, 18),), label="speaker")
    checker = _parse(render(text, [cue, speaker]))
    cue_parts = [attrs for _, attrs in checker.tags if attrs.get("data-key") == "c"]
    assert len(cue_parts) == 2 and "hl-cont" in (cue_parts[1]["class"] or "")
    assert "".join(checker.text) == text


def test_highlight_escapes_text_and_labels() -> None:
    article = hostile_article()
    html = str(highlight(article))
    assert SCRIPT not in html and "&lt;script&gt;" in html
    checker = _parse(html)
    assert "".join(checker.text).count(SCRIPT) == 2  # shown as text, twice, as in the article


def test_article_marks_cover_every_layer_with_reasons() -> None:
    marks = article_marks(hostile_article())
    kinds = {mark.kind for mark in marks}
    assert {"quote", "speaker", "cue", "entity", "post", "signature", "boilerplate"} <= kinds
    quote = next(mark for mark in marks if mark.kind == "quote")
    assert "direct.frame_after" in quote.label and quote.anchor == anchor_id("a:s1")
    entity = next(mark for mark in marks if mark.kind == "entity")
    assert "Q57792" in entity.label and "Quelle: kb" in entity.label
