"""The HTTP API: read endpoints, POST /articles, and 4xx answers with one error shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.store.samples import filler_article, rutte_article, selenskyj_article
from wortlaut.api import MAX_BODY_BYTES, create_app
from wortlaut.store import Store

TOKEN = "s3cret"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "api.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article(), selenskyj_article()], link=False)
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=TOKEN), base_url="http://localhost")


def _error(response: object, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_said_returns_groups_with_sources(client: TestClient) -> None:
    body = client.get("/said", params={"speaker": "Rutte", "about": "Friedensgespräche"}).json()
    assert [item["quote"] for item in body["items"]] == [
        "er wolle die Ukraine für künftige Friedensgespräche stärken"]  # fmt: skip
    assert body["items"][0]["sources"][0]["url"] == "https://example.org/nato-rutte"


def test_person_search_articles_and_article(client: TestClient) -> None:
    person = client.get("/persons/Selenskyj").json()
    assert person["entity"]["name"] == "Wolodymyr Selenskyj"
    assert client.get("/search", params={"q": "Friedensgesprächen"}).json()["statements"]
    items = client.get("/articles", params={"limit": 1}).json()["items"]
    assert len(items) == 1
    record = client.get(f"/articles/{items[0]['id']}").json()
    assert record["schema"] == "wortlaut/1" and record["statements"]
    assert client.get("/stories").json()["items"] == []
    assert client.get("/health").json()["counts"]["articles"] == 2


def test_unknown_things_are_404(client: TestClient) -> None:
    assert _error(client.get("/persons/Niemand"), 404)["code"] == "not_found"
    _error(client.get("/stories/nope"), 404)
    _error(client.get("/articles/nope"), 404)
    _error(client.get("/no/such/route"), 404)


def test_fts_syntax_errors_are_400_not_500(client: TestClient) -> None:
    error = _error(client.get("/search", params={"q": '"Friedens'}), 400)
    assert error["code"] == "bad_query" and "unbalanced" in error["message"]


@pytest.mark.parametrize("limit", [0, 101, 10**9, "many"])
def test_bad_page_sizes_are_422(client: TestClient, limit: object) -> None:
    assert "limit" in _error(client.get("/said", params={"speaker": "Rutte", "limit": limit}), 422)["message"]


def test_bad_dates_are_422(client: TestClient) -> None:
    _error(client.get("/said", params={"speaker": "Rutte", "since": "yesterday"}), 422)


def _post(
    client: TestClient, body: bytes, *, content_type: str = "application/json", token: str | None = TOKEN
):
    headers = {"content-type": content_type}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    return client.post("/articles", content=body, headers=headers)


def test_post_stores_a_full_record(client: TestClient) -> None:
    record = json.dumps(filler_article(7).to_json()).encode()
    response = _post(client, record)
    assert response.status_code == 201, response.text
    assert response.json()["results"][0]["status"] == "added"
    assert _post(client, record).json()["results"][0]["status"] == "unchanged"
    assert client.get("/said", params={"speaker": "Beispiel7"}).json()["items"]


def test_post_needs_the_token(client: TestClient, db: Path) -> None:
    _error(_post(client, b"{}", token=None), 401)
    _error(_post(client, b"{}", token="wrong"), 401)
    read_only = TestClient(create_app(db), base_url="http://localhost")
    assert _error(_post(read_only, b"{}"), 403)["code"] == "writes_disabled"


def test_post_wrong_content_type_is_415(client: TestClient) -> None:
    _error(_post(client, b"text=hallo", content_type="application/x-www-form-urlencoded"), 415)


def test_post_malformed_json_is_400_with_position(client: TestClient) -> None:
    error = _error(_post(client, b'{"text": "Hallo",'), 400)
    assert "malformed JSON" in error["message"] and "line 1" in error["message"]


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"[]", "list of 1"), (b'"text"', "JSON object"), (b'{"title": "x"}', '"text"'),
     (b'{"text": "x", "published": 5}', '"published"'),
     (b'{"schema": "wortlaut/9", "text": "x"}', "wortlaut/1")],
)  # fmt: skip
def test_post_json_that_is_not_an_article_is_422(client: TestClient, body: bytes, message: str) -> None:
    assert message in _error(_post(client, body), 422)["message"]


def test_post_oversized_body_is_413(client: TestClient) -> None:
    body = b'{"text": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'
    assert _error(_post(client, body), 413)["code"] == "payload_too_large"


def test_openapi_spec_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/said", "/persons/{name}", "/stories", "/stories/{story_id}", "/search", "/articles",
            "/articles/{article_id}"} <= set(paths)  # fmt: skip
    assert paths["/said"]["get"]["parameters"]


@pytest.fixture
def hashing_default(monkeypatch: pytest.MonkeyPatch) -> object:
    """The model-free encoder as the process default (no model loaded in tests)."""
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    yield


def test_similar_and_semantic_search_endpoints(client: TestClient, db: Path, hashing_default: object) -> None:
    with Store.open(db, readonly=True) as store:
        sid = store.connection.execute("SELECT id FROM statements ORDER BY rid").fetchone()[0]
    body = client.get(f"/statements/{sid}/similar", params={"limit": 3}).json()
    assert body["statement_id"] == sid and 0 < len(body["items"]) <= 3
    assert sid not in [item["statement_id"] for item in body["items"]]
    body = client.get("/search/semantic", params={"q": "Friedensgespräche"}).json()
    assert body["hybrid"] is True and body["items"][0]["text_rank"] == 1
    assert _error(client.get("/statements/nope/similar"), 404)["code"]
