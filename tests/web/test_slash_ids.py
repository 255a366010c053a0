"""Ids and names holding "/" (``Bündnis 90/Die Grünen``, ``dpa/2025/…``) work in the UI and the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from wortlaut.api import create_app
from wortlaut.article import Article, DateInfo, Entity, EntityRef, Mention, Span, Statement
from wortlaut.store import Store
from wortlaut.web.pages import page_url

PARTY = Entity(id="Q/gruene", name="Bündnis 90/Die Grünen", type="ORG", aliases=("Grüne",))
ARTICLE_ID = "dpa/2025/gruene-1"
STORY_ID = "story/2025/1"


def _article() -> Article:
    text = "Bündnis 90/Die Grünen sagte am Montag: „Wir bleiben bei unserem Nein.“"
    name_end = len(PARTY.name)
    quote = "„Wir bleiben bei unserem Nein.“"
    start = text.index(quote)
    cue = text.index("sagte")
    statement = Statement(
        id="s1",
        mode="direct",
        quote=Span(start=start, end=start + len(quote), text=quote),
        cue=Span(start=cue, end=cue + 5, text="sagte"),
        speaker=EntityRef(start=0, end=name_end, text=PARTY.name, entity=PARTY.id),
        date=DateInfo(value="2025-03-03", source="published"),
    )
    mention = Mention(start=0, end=name_end, text=PARTY.name, type="ORG", entity=PARTY.id, source="kb")
    return Article.create(
        text,
        id=ARTICLE_ID,
        url="https://example.org/gruene",
        source="Example",
        published="2025-03-03",
        language="de",
        entities=(PARTY,),
        mentions=(mention,),
        statements=(statement,),
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("slash") / "slash.sqlite"
    with Store.open(path) as store:
        store.add_many([_article()], link=False)
        store.connection.execute(
            "INSERT INTO stories VALUES (?, 'Grünes Nein', '2025-03-03', '2025-03-03', 1, NULL)", (STORY_ID,)
        )
        store.connection.execute("INSERT INTO story_articles VALUES (?, ?, 1.0)", (STORY_ID, ARTICLE_ID))
    with TestClient(create_app(path), base_url="http://localhost") as test_client:
        yield test_client


@pytest.mark.parametrize(
    "url",
    [
        page_url("person", PARTY.name),
        page_url("person", PARTY.name) + "/report",
        page_url("person", PARTY.id),
        page_url("article", ARTICLE_ID),
        page_url("story", STORY_ID),
        page_url("story", STORY_ID) + "/report",
    ],
)
def test_ui_pages_with_slashes_in_keys(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    assert "Bündnis 90/Die Grünen" in response.text or "Wir bleiben" in response.text


def test_report_route_is_not_mistaken_for_a_key(client: TestClient) -> None:
    response = client.get(page_url("story", STORY_ID) + "/report")
    assert response.headers["content-disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "url",
    [
        f"/persons/{quote(PARTY.name, safe='')}",
        f"/articles/{quote(ARTICLE_ID, safe='')}",
        f"/articles/{ARTICLE_ID}",
        f"/stories/{quote(STORY_ID, safe='')}",
    ],
)
def test_api_paths_with_slashes_in_keys(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
