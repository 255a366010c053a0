"""HTML is checked for its shape before any parser sees it: attributes, elements and nesting are capped."""

from __future__ import annotations

import io
from typing import Any

import pytest

from wortlaut.ingest import limits, read_bytes, read_path
from wortlaut.ingest import warc as warc_module
from wortlaut.ingest.limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, check_html_shape

from .helpers import SAMPLES, split


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Fails the test if a refused page reaches the HTML parser; records what does."""
    parsed: list[bytes] = []

    def parse(data: bytes, **_kwargs: object) -> object:
        parsed.append(data)
        raise AssertionError("a page over the limits reached the parser")

    monkeypatch.setattr("wortlaut.ingest.reader.page_article", parse)
    return parsed


def _page(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def test_element_with_too_many_attributes_is_refused_before_parsing(no_parser: list[bytes]) -> None:
    attributes = " ".join(f"a{number}=1" for number in range(MAX_HTML_ATTRIBUTES + 1))
    (error,) = split(read_bytes(_page(f"<div {attributes}>Text</div>"), name="p.html"))[1]
    assert f"over {MAX_HTML_ATTRIBUTES:,} attributes" in error.reason and no_parser == []


def test_boolean_attributes_count_too(no_parser: list[bytes]) -> None:
    attributes = " ".join("x" for _ in range(MAX_HTML_ATTRIBUTES + 1))
    (error,) = split(read_bytes(_page(f"<p {attributes}>Text</p>"), name="p.html"))[1]
    assert "attributes" in error.reason


def test_too_many_elements_are_refused(monkeypatch: pytest.MonkeyPatch, no_parser: list[bytes]) -> None:
    monkeypatch.setattr(limits, "MAX_HTML_ELEMENTS", 500)
    (error,) = split(read_bytes(_page("<span></span>" * 600), name="p.html"))[1]
    assert "over 500 elements" in error.reason


def test_deep_nesting_is_refused(no_parser: list[bytes]) -> None:
    depth = MAX_HTML_DEPTH + 5
    (error,) = split(read_bytes(_page("<div>" * depth + "x" + "</div>" * depth), name="p.html"))[1]
    assert "nested over" in error.reason


def test_unclosed_paragraphs_and_void_elements_do_not_count_as_nesting() -> None:
    check_html_shape(_page("<p>Absatz<br><img src=x>" * (MAX_HTML_DEPTH + 10)))


def test_real_pages_pass_the_shape_check() -> None:
    for path in sorted(SAMPLES.glob("*.html")):
        check_html_shape(path.read_bytes())
    articles, errors = split(read_path(SAMPLES / "2025-03-21_eu-gipfel.html"))
    assert len(articles) == 1 and errors == []


@pytest.mark.parametrize("size", [2_000, 8_000])
def test_shape_scan_is_linear_in_hostile_markup(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """``<a<a<a…`` without any ``>``: the tag pattern never runs past the next ``<``."""
    steps = 0
    original = limits._TAG

    class Counting:
        def finditer(self, data: bytes) -> object:
            nonlocal steps
            for match in original.finditer(data):
                steps += 1
                yield match

    monkeypatch.setattr(limits, "_TAG", Counting())
    check_html_shape(b"<a" * size + b">")
    assert steps <= 1
    spans = [match.span() for match in original.finditer(b"<a" * size + b">")]
    assert sum(end - start for start, end in spans) <= 2 * size + 1  # each byte is read once


def test_hostile_page_in_a_warc_never_reaches_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    parsed: list[bytes] = []
    real = warc_module.page_article

    def parse(data: bytes, **options: Any) -> Any:
        parsed.append(data)
        return real(data, **options)

    monkeypatch.setattr(warc_module, "page_article", parse)
    attributes = " ".join(f"a{number}=1" for number in range(MAX_HTML_ATTRIBUTES + 1))
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record("https://x.example/a", "response", payload=io.BytesIO(
        _page(f"<div {attributes}>Text</div>")), http_headers=headers)  # fmt: skip
    writer.write_record(record)
    writer.write_record(writer.create_warc_record("https://x.example/b", "response", payload=io.BytesIO(
        _page("<article><p>Die Ministerin sagte, der Plan werde geprüft.</p></article>")),
        http_headers=headers))  # fmt: skip
    articles, errors = split(read_bytes(out.getvalue(), name="w.warc"))
    assert len(parsed) == 1 and b"<div " not in parsed[0]  # only the second page reached the parser
    assert [article.url for article in articles] == ["https://x.example/b"]
    (error,) = errors
    assert error.path == "w.warc#1" and "attributes" in error.reason
