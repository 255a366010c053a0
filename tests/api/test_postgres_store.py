"""The API and the web UI read a PostgreSQL store and answer exactly as they do from a SQLite one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.pgserver import Server
from tests.store.samples import filler_article, rutte_article, selenskyj_article
from tests.web.conftest import hostile_article
from wortlaut.api import create_app
from wortlaut.link import HashingEncoder, update
from wortlaut.store import Store

TOKEN = "s3cret"
API_URLS = (
    "/said?speaker=Rutte", "/said?speaker=Rutte&about=Friedensgespr%C3%A4che", "/persons/Selenskyj",
    "/persons/Rutte", "/search?q=Friedensgespr%C3%A4chen", "/search?q=Ukraine%20-Gipfel",
    "/stories", "/articles?limit=5", "/health", "/search?q=Friedens*", '/search?q="geeinte%20Position"',
)  # fmt: skip
UI_URLS = (
    "/ui/", "/ui/person/Rutte", "/ui/search?q=Rutte", "/ui/search?q=Ukraine", "/ui/person/Rutte/report",
)  # fmt: skip


def _fill(location: str | Path) -> str:
    articles = [rutte_article(), selenskyj_article(), hostile_article(), filler_article(1)]
    with Store.open(location) as store:
        store.add_many(articles, link=False)
        update(store, [article.id for article in articles], encoder=HashingEncoder())
        story = store.connection.execute("SELECT id FROM stories ORDER BY id LIMIT 1").fetchone()
    return str(story[0]) if story else ""


@pytest.fixture(scope="module")
def clients(pg_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TestClient]]:
    sqlite_path = tmp_path_factory.mktemp("both") / "s.sqlite"
    url = pg_server.url()
    stories = {_fill(sqlite_path), _fill(url)}
    assert len(stories) == 1, "the same articles make the same first story on both engines"
    with (
        TestClient(create_app(sqlite_path, token=TOKEN), base_url="http://localhost") as lite,
        TestClient(create_app(url, token=TOKEN), base_url="http://localhost") as pg,
    ):
        yield {"sqlite": lite, "postgresql": pg, "story": stories.pop()}  # type: ignore[dict-item]


@pytest.mark.parametrize("path", API_URLS)
def test_api_answers_the_same_from_postgresql(clients: dict[str, TestClient], path: str) -> None:
    lite, pg = clients["sqlite"].get(path), clients["postgresql"].get(path)
    assert pg.status_code == lite.status_code == 200, pg.text
    assert pg.json() == lite.json()


def test_story_endpoints_answer_the_same(clients: dict[str, TestClient]) -> None:
    story = clients["story"]
    assert story, "linking made a story"
    for path in (f"/stories/{story}", f"/ui/story/{story}"):
        lite, pg = clients["sqlite"].get(path), clients["postgresql"].get(path)
        assert pg.status_code == lite.status_code == 200
        assert pg.text == lite.text


@pytest.mark.parametrize("path", UI_URLS)
def test_ui_pages_are_the_same_from_postgresql(clients: dict[str, TestClient], path: str) -> None:
    lite, pg = clients["sqlite"].get(path), clients["postgresql"].get(path)
    assert pg.status_code == lite.status_code == 200
    assert pg.text == lite.text


def test_post_articles_writes_to_postgresql(clients: dict[str, TestClient]) -> None:
    client = clients["postgresql"]
    record = json.dumps(filler_article(7).to_json()).encode()
    headers = {"content-type": "application/json", "authorization": f"Bearer {TOKEN}"}
    response = client.post("/articles", content=record, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["results"][0]["status"] == "added"
    again = client.post("/articles", content=record, headers=headers).json()
    assert again["results"][0]["status"] == "unchanged"
    assert client.get("/said", params={"speaker": "Beispiel7"}).json()["items"]
