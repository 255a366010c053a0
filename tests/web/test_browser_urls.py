"""In headless Chromium: a ``javascript:`` article URL never runs, on any page type or report.

The store holds an article whose ``url`` is ``javascript:alert(document.domain)``.
On the article, story and person pages and both offline reports, every link
and the "original" marker are clicked; a dialog would mean the URL ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.web.browsing import chromium, served
from tests.web.conftest import JS_URL, HostileDb
from wortlaut.api import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(hostile_url_db: HostileDb) -> Iterator[str]:
    """Base URL of a uvicorn server over the hostile-URL store, stopped after the module."""
    with served(create_app(hostile_url_db.path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def _click_everything_suspicious(page: Page) -> list[str]:
    """Click each non-http link and the "original" marker; the messages of any dialogs that opened."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for href in hrefs:
        if href.startswith(("/", "#", "http://", "https://", "?")):
            continue
        page.locator(f"a[href={href!r}]").first.click(timeout=2000)
    original = page.get_by_text("original", exact=False)
    for index in range(original.count()):
        original.nth(index).click(timeout=2000, no_wait_after=True)
    page.wait_for_timeout(300)
    return dialogs


@pytest.mark.parametrize("kind", ["article", "story", "person"])
def test_javascript_url_fires_no_dialog_on_pages(
    browser: Browser, server: str, hostile_url_db: HostileDb, kind: str
) -> None:
    key = {"article": hostile_url_db.article_id, "story": hostile_url_db.story_id, "person": "Rutte"}[kind]
    page = browser.new_context().new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security" in message.text else None,
    )
    page.goto(f"{server}/ui/{kind}/{key}")
    assert page.locator("h1").count() == 1
    assert page.evaluate("getComputedStyle(document.body).display") == "block"  # the stylesheet loaded
    assert _click_everything_suspicious(page) == []
    assert page.locator('a[href^="javascript" i]').count() == 0
    if kind != "person":
        assert JS_URL in page.locator("span.url-text").first.inner_text()
    assert blocked == [], "the page itself must not trip its Content-Security-Policy"


@pytest.mark.parametrize("kind", ["story", "person"])
def test_javascript_url_fires_no_dialog_in_offline_reports(
    browser: Browser, server: str, hostile_url_db: HostileDb, kind: str
) -> None:
    import httpx

    key = {"story": hostile_url_db.story_id, "person": "Rutte"}[kind]
    html = httpx.get(f"{server}/ui/{kind}/{key}/report").text
    page = browser.new_context().new_page()
    page.set_content(html)  # as a reader opening the downloaded file: no server headers apply
    assert _click_everything_suspicious(page) == []
    assert page.locator('a[href^="javascript" i]').count() == 0
