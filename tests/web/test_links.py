"""Only http/https URLs become links; every other scheme is shown as text (pages and reports)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.store.samples import selenskyj_article
from tests.web.conftest import JS_URL, HostileDb
from wortlaut.api import create_app
from wortlaut.web.links import link_url

HOSTILE_URLS = [
    JS_URL,
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "http:alert(1)",
    "https://[::1",
    "https://example.org/" + "a" * 3000,
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_link_url_refuses_every_scheme_but_http_and_https(url: str) -> None:
    assert link_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1#c", "http://example.org", "HTTPS://Example.org/x"]
)
def test_link_url_keeps_web_urls(url: str) -> None:
    assert link_url(url) == url


def test_link_url_refuses_non_strings() -> None:
    assert link_url(None) is None and link_url(42) is None and link_url("") is None


@pytest.fixture(scope="module")
def hostile(hostile_url_db: HostileDb) -> Iterator[tuple[TestClient, str, str]]:
    with TestClient(create_app(hostile_url_db.path), base_url="http://localhost") as client:
        yield client, hostile_url_db.article_id, hostile_url_db.story_id


def _pages(article_id: str, story_id: str) -> list[str]:
    return [
        f"/ui/article/{article_id}",
        f"/ui/story/{story_id}",
        f"/ui/story/{story_id}/report",
        "/ui/person/Rutte",
        "/ui/person/Rutte/report",
        "/ui/",
        "/ui/search?q=Rutte",
    ]


def test_javascript_url_is_shown_as_text_on_every_page(hostile: tuple[TestClient, str, str]) -> None:
    client, article_id, story_id = hostile
    for url in _pages(article_id, story_id):
        response = client.get(url)
        assert response.status_code == 200, url
        hrefs = re.findall(r'href="([^"]*)"', response.text)
        assert not [h for h in hrefs if h.lower().lstrip().startswith("javascript")], url
    for url in (f"/ui/article/{article_id}", f"/ui/story/{story_id}", f"/ui/story/{story_id}/report"):
        shown = f'Original: <span class="url-text">{JS_URL}</span>'
        assert shown in client.get(url).text, url


def test_http_url_still_becomes_the_original_link(client: TestClient) -> None:
    article = selenskyj_article()
    page = client.get(f"/ui/article/{article.id}").text
    assert f'<a href="{article.url}" rel="noopener noreferrer">Original</a>' in page
