"""A hypothesis fuzz test per reader (text, HTML, feed, JSON Lines, WARC): generated and damaged inputs
give articles or one-line error values, never an exception, and good items survive bad neighbours."""

from __future__ import annotations

import io
import json
from html import escape
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wortlaut.article import Article
from wortlaut.ingest import IngestError, read_bytes

from .helpers import split

FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
#: Text XML can carry (no control characters or non-characters).
XML_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")), max_size=40)


def _clean(items: list[Article | IngestError], name: str) -> None:
    for item in items:
        assert isinstance(item, Article | IngestError)
        if isinstance(item, IngestError):
            assert item.path.startswith(name) and "\n" not in item.reason


@FUZZ
@given(WORDS)
def test_text_reader_keeps_the_text_exactly(text: str) -> None:
    items = list(read_bytes(text.encode("utf-8"), name="t.txt", format="text"))
    _clean(items, "t.txt")
    assert len(items) == 1
    if isinstance(items[0], Article):
        assert items[0].text == text


TAGS = st.sampled_from(["p", "div", "span", "h1", "article", "script", "br", "img", "table", "td", "a"])


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        names = st.from_regex(r"[a-z]{1,6}", fullmatch=True)
        pairs = draw(st.lists(st.tuples(names, WORDS), max_size=4))
        attributes = " ".join(f'{name}="{escape(value)}"' for name, value in pairs)
        parts.append(
            f"<{tag} {attributes}>{escape(draw(WORDS))}" + (f"</{tag}>" if draw(st.booleans()) else "")
        )
    page = f"<html><head><title>{escape(draw(WORDS))}</title></head><body>{''.join(parts)}</body></html>"
    data = page.encode("utf-8")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@FUZZ
@given(html_pages())
def test_html_reader_gives_an_article_or_an_error(page: bytes) -> None:
    items = list(read_bytes(page, name="p.html", format="html"))
    _clean(items, "p.html")
    assert len(items) == 1


@st.composite
def feeds(draw: st.DrawFn) -> tuple[bytes, int]:
    entries = draw(st.lists(st.tuples(XML_WORDS, XML_WORDS), max_size=8))
    items = "".join(
        f"<item><title>{escape(title)}</title><description>{escape(body)}</description>"
        f"<link>https://x.example/{number}</link></item>"
        for number, (title, body) in enumerate(entries)
    )
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    return data.encode("utf-8"), len(entries)


@FUZZ
@given(feeds(), st.booleans(), st.integers(0, 400))
def test_feed_reader_gives_one_item_per_entry_or_reports(feed: tuple[bytes, int], cut: bool, at: int) -> None:
    data, entries = feed
    items = list(read_bytes(data[: len(data) - at] if cut else data, name="f.xml", format="feed"))
    _clean(items, "f.xml")
    if not cut and entries:
        assert len(items) == entries  # each entry an article, or an error naming it


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(WORDS, children, max_size=3),
    max_leaves=10,
)
GOOD = st.builds(lambda text, extra: {"text": "Satz " + text, "extra": extra}, WORDS, JSON)
BAD = st.one_of(
    JSON.map(lambda value: json.dumps(value)),
    st.just('{"text": "lone \\udc80 surrogate"}'),
    st.just("[" * 5000 + "]" * 5000),
    st.binary(max_size=30).map(lambda raw: raw.decode("latin-1")),
)


@FUZZ
@given(st.lists(st.one_of(GOOD.map(lambda record: (True, json.dumps(record))),
                          BAD.map(lambda line: (False, line))), min_size=1, max_size=12))  # fmt: skip
def test_jsonl_reader_keeps_every_good_record_whatever_is_around_it(lines: list[tuple[bool, str]]) -> None:
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for _, line in lines).encode("utf-8")
    items = list(read_bytes(data, name="r.jsonl", format="jsonl"))
    _clean(items, "r.jsonl")
    good = sum(1 for is_good, _ in lines if is_good)
    assert len(split(items)[0]) >= good


def _warc(pages: list[str]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number, page in enumerate(pages):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(page.encode("utf-8"))
        url = f"https://x.example/{number}"
        record: Any = writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


@FUZZ
@given(st.lists(WORDS, min_size=1, max_size=4), st.integers(0, 10_000))
def test_warc_reader_reports_any_cut(bodies: list[str], cut: int) -> None:
    pages = [f"<html><body><article><p>Die Ministerin sagte {escape(b)}.</p></article></body></html>"
             for b in bodies]  # fmt: skip
    data = _warc(pages)
    assert split(read_bytes(data, name="w.warc.gz"))[1] == []
    items = list(read_bytes(data[: min(cut, len(data) - 1)], name="w.warc.gz"))
    _clean(items, "w.warc.gz")
