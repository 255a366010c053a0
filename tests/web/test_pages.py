"""The pages over a hand-built store, through FastAPI's test client (no browser needed)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from tests.store.samples import rutte_article, selenskyj_article
from tests.web.conftest import SCRIPT, hostile_article

HOSTILE = hostile_article()


def _story_id(client: TestClient) -> str:
    page = client.get("/ui/").text
    match = re.search(r'href="/ui/story/([^"]+)"', page)
    assert match, "the home page lists a story"
    return match.group(1)


def test_root_redirects_to_the_ui(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/ui/"


def test_home_lists_stories_people_and_a_search_box(client: TestClient) -> None:
    page = client.get("/ui/").text
    assert '<form class="search big" role="search"' in page and 'for="home-q"' in page
    assert "Mark Rutte" in page  # most quoted in the newest week (the hostile article's week)
    assert "/ui/story/" in page and '<main id="main"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/ui/",
        "/ui/person/Rutte",
        f"/ui/article/{HOSTILE.id}",
        "/ui/search?q=Rutte",
        "/ui/search?q=ausf%C3%BChren",
    ],
)
def test_user_controlled_markup_is_shown_as_text(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert SCRIPT not in page and "<b>Meldung" not in page
    assert url == "/ui/search?q=Rutte" or "&lt;script&gt;" in page


def test_person_page_shows_identity_chart_groups_and_contacts(client: TestClient) -> None:
    page = client.get("/ui/person/Rutte").text
    assert "<h1>Mark Rutte</h1>" in page and "NATO-Generalsekretär" in page
    dates = set(re.findall(r'<g class="bar" data-date="([^"]+)"', page))
    assert len(dates) >= 2  # statements from months apart land in different bars
    for article in (rutte_article(), selenskyj_article(), HOSTILE):
        assert f'data-article="{article.id}"' in page
    assert "Wolodymyr Selenskyj" in page.split('id="h-contacts"')[1]


def test_person_filters_narrow_statements_and_chart(client: TestClient) -> None:
    page = client.get("/ui/person/Rutte", params={"since": "2025-01", "until": "2025-12"}).text
    assert f'data-article="{HOSTILE.id}"' in page
    assert f'data-article="{selenskyj_article().id}"' not in page
    topic = client.get("/ui/person/Rutte", params={"topic": "NATO"}).text
    assert f'data-article="{selenskyj_article().id}"' in topic and f'data-article="{HOSTILE.id}"' not in topic


def test_bad_filters_and_unknown_pages_get_html_errors(client: TestClient) -> None:
    assert client.get("/ui/person/Rutte", params={"since": "yesterday"}).status_code == 400
    for url in ("/ui/person/Niemand", "/ui/article/nope", "/ui/story/nope"):
        response = client.get(url)
        assert response.status_code == 404 and 'role="alert"' in response.text
    broken = client.get("/ui/search", params={"q": '"""((('})
    assert broken.status_code in (200, 400) and "Traceback" not in broken.text


def test_article_page_highlights_layers_and_marks_blocks(client: TestClient) -> None:
    page = client.get(f"/ui/article/{HOSTILE.id}").text
    quote = re.search(r'<span class="hl hl-quote"[^>]*id="s-s1"[^>]*>', page)
    assert quote and "direct.frame_after" in quote.group(0) and 'tabindex="0"' in quote.group(0)
    assert re.search(r'class="hl hl-speaker"[^>]*title="Sprecher der Aussage [^"]*Q57792', page)
    assert re.search(r'class="hl hl-cue"[^>]*>sagte<', page)
    assert re.search(
        r'class="hl hl-boilerplate"[^>]*><span class="blk-label">[^<]*</span>Lesen Sie auch', page
    )
    assert 'class="hl hl-post"' in page and "@SecGenNATO" in page


def test_story_page_has_digest_events_voices_articles(client: TestClient) -> None:
    story_id = _story_id(client)
    page = client.get(f"/ui/story/{story_id}").text
    for heading in ("h-digest", "h-events", "h-voices", "h-articles"):
        assert f'id="{heading}"' in page
    assert "/ui/article/" in page


def test_search_finds_people_statements_and_filters_by_facet(client: TestClient) -> None:
    page = client.get("/ui/search", params={"q": "Rutte"}).text
    assert 'class="person-link" href="/ui/person/Mark%20Rutte"' in page
    assert 'aria-label="Ergebnisse filtern"' in page
    narrowed = client.get("/ui/search", params={"q": "Rutte", "source": "example.org"}).text
    assert HOSTILE.id not in narrowed.split('id="h-st"')[1].split('id="h-ar"')[0]
    assert 'aria-current="true"' in narrowed


def test_lists_download_as_csv_and_json(client: TestClient) -> None:
    response = client.get("/ui/person/Rutte", params={"download": "statements.csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {row["article_id"] for row in rows} >= {rutte_article().id, HOSTILE.id}
    data = client.get("/ui/search", params={"q": "Rutte", "download": "statements.json"}).json()
    assert data and {"statement_id", "speaker", "quote"} <= set(data[0])
    assert client.get("/ui/", params={"download": "secrets.csv"}).status_code == 400


def test_csv_cells_cannot_start_formulas() -> None:
    from wortlaut.web.export import to_csv

    assert to_csv([{"a": "=HYPERLINK(1)", "b": ["x"]}]).splitlines()[1] == '\'=HYPERLINK(1),"[""x""]"'


def test_reports_are_self_contained_downloads(client: TestClient) -> None:
    for url in ("/ui/person/Rutte/report", f"/ui/story/{_story_id(client)}/report"):
        response = client.get(url)
        assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
        html = response.text
        assert "<style>" in html and 'rel="stylesheet"' not in html and "<script" not in html
        assert SCRIPT not in html
    report = client.get("/ui/person/Rutte/report").text
    assert "Mark Rutte" in report and '<svg class="chart"' in report


def test_static_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/ui/").text
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    assert client.get("/ui/static/wortlaut.css").status_code == 200
    assert client.get("/ui/static/wortlaut.js").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/ui/person/%00",
        "/ui/person/" + "x" * 5000,
        "/ui/person/Rutte?since=2025-13-45&until=%27%3B--",
        "/ui/search?q=%22%22%22((&person=~%3Cscript%3E&mode=%00",
        "/ui/search?q=" + "Ukraine%20" * 300,
        "/ui/search?q=NEAR(a%20b)%20OR%20*",
        "/ui/story/%2F..%2F..%2Fetc%2Fpasswd",
        "/ui/article/..%2F..",
        "/ui/?download=../../x.csv",
    ],
)
def test_hostile_parameters_never_break_a_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code < 500 and "Traceback" not in response.text
    assert "<script>" not in response.text
