"""Security headers on every response, the Host check, and /docs served without any CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.api import create_app
from wortlaut.api.security import CONTENT_SECURITY_POLICY, LOCAL_HOSTS, allowed_hosts
from wortlaut.store import Store
from wortlaut.web.chart import COLOURS

ARTICLE = rutte_article()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("security") / "api.sqlite"
    with Store.open(path) as store:
        store.add_many([ARTICLE, selenskyj_article()], link=False)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://localhost")


URLS = [
    "/health",
    "/said?speaker=Rutte",
    "/said?speaker=Rutte&since=yesterday",  # 422
    "/stories/nope",  # 404
    "/ui/",
    "/ui/person/Rutte",
    f"/ui/article/{ARTICLE.id}",
    f"/ui/article/{ARTICLE.id}?download=statements.csv",
    "/ui/person/Niemand",  # HTML 404
    "/ui/static/wortlaut.css",
    "/docs",
    "/openapi.json",
    "/",  # redirect
]


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url, follow_redirects=False)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_csp_allows_no_inline_script_or_style() -> None:
    for directive in ("script-src 'self'", "style-src 'self'", "default-src 'none'"):
        assert directive in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "*" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "url", ["/ui/", "/ui/person/Rutte", f"/ui/article/{ARTICLE.id}", "/ui/search?q=Rutte"]
)
def test_pages_have_no_inline_script_style_or_handlers(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert not re.search(r"\sstyle=", page), "inline style attributes are blocked by the CSP"
    assert not re.search(r"<script(?![^>]*\ssrc=)", page), "inline scripts are blocked by the CSP"
    assert not re.search(r"<style", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_legend_swatch_classes_match_the_chart_colours() -> None:
    css = (Path(__file__).parents[2] / "src/wortlaut/web/static/wortlaut.css").read_text(encoding="utf-8")
    for kind, colour in COLOURS.items():
        assert f".swatch-{kind} {{ background: {colour}; }}" in css


@pytest.mark.parametrize("host", ["evil.example", "localhost.evil.example", "attacker.test:8000"])
def test_unknown_host_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/health", headers={"host": host})
    assert response.status_code == 400
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_local_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/health", headers={"host": host}).status_code == 200


def test_configured_hosts_and_wildcard(db: Path) -> None:
    named = TestClient(create_app(db, allowed_hosts=allowed_hosts(["news.example.org"])))
    assert named.get("/health", headers={"host": "news.example.org"}).status_code == 200
    assert named.get("/health", headers={"host": "other.example.org"}).status_code == 400
    anything = TestClient(create_app(db, allowed_hosts=["*"]))
    assert anything.get("/health", headers={"host": "other.example.org"}).status_code == 200


def test_allowed_hosts_adds_the_serve_host_but_not_wildcard_addresses() -> None:
    assert allowed_hosts(["192.168.1.5", "0.0.0.0", "::", "fe80::1"]) == [
        *LOCAL_HOSTS,
        "192.168.1.5",
        "[fe80::1]",
    ]


def test_docs_are_served_from_the_package_without_cdn(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    external = re.findall(r'(?:src|href)="(https?:)?//', page)
    assert not external and "cdn" not in page.lower() and "<script" not in page
    for path in client.get("/openapi.json").json()["paths"]:
        assert f" {path}</code>" in page
    assert client.get("/redoc").status_code == 404
