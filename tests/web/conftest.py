"""Stores for the web tests: a small hand-built one (fast) and the demo store (real pipeline, seeds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from fastapi.testclient import TestClient

from tests.store.samples import RUTTE, SELENSKYJ, rutte_article, selenskyj_article
from wortlaut.api import create_app
from wortlaut.article import Article, DateInfo, EntityRef, Mention, Post, Span, Statement, Structure
from wortlaut.link import HashingEncoder, update
from wortlaut.store import Store

SCRIPT = '<script>alert("x")</script>'
#: An article URL that runs script when clicked, if a page ever makes it a link.
JS_URL = "javascript:alert(document.domain)"


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def hostile_article() -> Article:
    """An article whose title, text, quote and post contain markup, with overlapping layers."""
    text = (
        f"Rutte warnt {SCRIPT}\n"
        f"„Wir dürfen {SCRIPT} nicht ausführen“, sagte Mark Rutte am Montag.\n"
        "Wir stehen zusammen. — Mark Rutte (@SecGenNATO) 3. März 2025\n"
        "Lesen Sie auch\n- Andere <b>Meldung</b>"
    )
    quote = _span(text, f"„Wir dürfen {SCRIPT} nicht ausführen“")
    speaker = _span(text, "Mark Rutte")
    post = _span(text, "Wir stehen zusammen. — Mark Rutte (@SecGenNATO) 3. März 2025")
    statement = Statement(
        id="s1",
        mode="direct",
        quote=quote,
        cue=_span(text, "sagte"),
        speaker=EntityRef(start=speaker.start, end=speaker.end, text=speaker.text, entity=RUTTE.id),
        date=DateInfo(value="2025-03-03", source="published"),
        rule="direct.frame_after",
    )
    boilerplate = _span(text, "Lesen Sie auch\n- Andere <b>Meldung</b>")
    signature = _span(text, "— Mark Rutte (@SecGenNATO) 3. März 2025")
    return Article.create(
        text,
        url="https://example.org/hostile",
        source="Example <Source>",
        title=f"Rutte warnt {SCRIPT}",
        published="2025-03-03",
        language="de",
        entities=(RUTTE, SELENSKYJ),
        statements=(statement,),
        mentions=(
            Mention(start=speaker.start, end=speaker.end, text=speaker.text, type="PER", entity=RUTTE.id,
                    source="kb"),
            Mention(start=speaker.start + 5, end=speaker.end, text="Rutte", type="PER", entity=RUTTE.id,
                    source="alias"),
        ),
        structure=Structure(
            posts=(Post(start=post.start, end=post.end, text=post.text, author="Mark Rutte",
                        handle="@SecGenNATO", date="2025-03-03", signature=signature),),
            boilerplate=(boilerplate,),
        ),
    )  # fmt: skip


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of hand-built articles, linked with the fast hashing encoder."""
    path = tmp_path_factory.mktemp("web") / "fixture.sqlite"
    articles = [rutte_article(), selenskyj_article(), hostile_article()]
    with Store.open(path) as store:
        store.add_many(articles, link=False)
        update(store, [article.id for article in articles], encoder=HashingEncoder())
    return path


@pytest.fixture(scope="session")
def client(fixture_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_db), base_url="http://localhost") as test_client:
        yield test_client


class HostileDb(NamedTuple):
    """A store where Rutte's article carries :data:`JS_URL`, with that article's id and its story's."""

    path: Path
    article_id: str
    story_id: str


@pytest.fixture(scope="session")
def hostile_url_db(tmp_path_factory: pytest.TempPathFactory) -> HostileDb:
    path = tmp_path_factory.mktemp("links") / "hostile-url.sqlite"
    articles = [rutte_article(url=JS_URL), selenskyj_article()]
    with Store.open(path) as store:
        store.add_many(articles, link=False)
        update(store, [article.id for article in articles], encoder=HashingEncoder())
        row = store.connection.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (articles[0].id,)
        ).fetchone()
    assert row, "the hostile article is in a story"
    return HostileDb(path, articles[0].id, row[0])
