"""Search by meaning in the UI: the similar-statements page, its links, and the search page's toggle."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wortlaut.store import Store


@pytest.fixture(autouse=True)
def hashing_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The model-free encoder as the process default, as the fixture store was linked with it."""
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    yield


def _statement_ids(db: Path) -> list[str]:
    with Store.open(db, readonly=True) as store:
        return [row[0] for row in store.connection.execute("SELECT id FROM statements ORDER BY rid")]


def test_similar_page_shows_the_statement_and_its_neighbours_in_german(
    client: TestClient, fixture_db: Path
) -> None:
    sid = _statement_ids(fixture_db)[0]
    page = client.get(f"/ui/similar/{sid}?lang=de")
    assert page.status_code == 200
    assert "<h1>Ähnliche Aussagen</h1>" in page.text
    hits = re.findall(r'<li class="hit">', page.text)
    assert 0 < len(hits) <= 20
    assert "Ähnlichkeit" in page.text


def test_similar_page_in_english_and_as_download(client: TestClient, fixture_db: Path) -> None:
    sid = _statement_ids(fixture_db)[0]
    assert "<h1>Similar statements</h1>" in client.get(f"/ui/similar/{sid}?lang=en").text
    download = client.get(f"/ui/similar/{sid}", params={"download": "similar.json"})
    assert download.status_code == 200 and download.json()[0]["statement_id"] != sid


def test_unknown_statement_is_a_404_page(client: TestClient) -> None:
    page = client.get("/ui/similar/nope")
    assert page.status_code == 404 and "no statement" in page.text


def test_statement_lists_link_to_similar_statements(client: TestClient) -> None:
    page = client.get("/ui/search", params={"q": "Rutte", "lang": "de"})
    assert re.search(r'<a class="similar" href="/ui/similar/[^"]+">ähnliche Aussagen</a>', page.text)


def test_search_toggle_adds_statements_by_meaning(client: TestClient) -> None:
    plain = client.get("/ui/search", params={"q": "Frieden", "lang": "de"})
    assert 'name="meaning"' in plain.text and "Aussagen nach Bedeutung" not in plain.text
    page = client.get("/ui/search", params={"q": "Frieden", "meaning": "1", "lang": "de"})
    assert page.status_code == 200
    assert (
        "Aussagen nach Bedeutung" in page.text
        and 'id="meaning" name="meaning" type="checkbox" value="1" checked' in page.text
    )
