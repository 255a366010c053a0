"""Atom feeds of a person, a search and a story: well-formed Atom with stable ids, dates and links."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest
from fastapi.testclient import TestClient

from wortlaut.web.feeds import ATOM, TAG, timestamp


def _story_id(client: TestClient) -> str:
    return client.get("/ui/").text.split('href="/ui/story/')[1].split('"')[0]


def _feed_urls(client: TestClient) -> list[str]:
    return [
        "/ui/person/Mark%20Rutte/feed.atom",
        "/ui/search/feed.atom?q=Rutte",
        f"/ui/story/{_story_id(client)}/feed.atom",
    ]


def _check_atom_rules(body: bytes) -> None:
    """RFC 4287's must-haves: feed id/title/updated, author, and per entry id/title/updated/link."""
    root = ET.fromstring(body)
    assert root.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{{{ATOM}}}{tag}")) == 1, tag
    for entry in root.findall(f"{{{ATOM}}}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{{{ATOM}}}{tag}")) == 1, tag
        assert entry.find(f"{{{ATOM}}}link[@rel='alternate']") is not None


def test_every_feed_parses_as_atom_with_ids_dates_and_links(client: TestClient) -> None:
    for url in _feed_urls(client):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("application/atom+xml")
        _check_atom_rules(response.content)
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.id.startswith(TAG) and parsed.feed.updated_parsed is not None
        assert parsed.entries, url
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)) and all(i.startswith(TAG) for i in ids)
        for entry in parsed.entries:
            assert entry.updated_parsed is not None
            assert entry.link.startswith("http://localhost/ui/")


def test_entry_ids_are_stable_between_requests(client: TestClient) -> None:
    url = "/ui/person/Mark%20Rutte/feed.atom"
    first = [e.id for e in feedparser.parse(client.get(url).content).entries]
    assert first == [e.id for e in feedparser.parse(client.get(url).content).entries]


def test_feed_of_unknown_person_is_404_and_empty_search_400(client: TestClient) -> None:
    assert client.get("/ui/person/Niemand%20Bekannt/feed.atom").status_code == 404
    assert client.get("/ui/search/feed.atom?q=").status_code == 400


def test_markup_in_quotes_is_escaped_in_the_feed(client: TestClient) -> None:
    body = client.get("/ui/person/Mark%20Rutte/feed.atom").content
    assert b"<script>" not in body


@pytest.mark.parametrize(
    ("value", "stamp"),
    [
        ("2025-05-21", "2025-05-21T00:00:00Z"),
        ("2025-05-21T10:30:00+02:00", "2025-05-21T10:30:00+02:00"),
        ("2025-05", None),
        (None, None),
    ],
)
def test_dates_become_rfc3339(value: str | None, stamp: str | None) -> None:
    assert timestamp(value) == stamp
