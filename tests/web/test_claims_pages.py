"""Claims in the UI: wording per outlet side by side, relations and unreal events on person pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.claims.samples import build_store, claim, denial, later
from tests.store.samples import rutte_article
from wortlaut.api import create_app
from wortlaut.article import DateInfo, Event
from wortlaut.store import Store


@pytest.fixture(scope="module")
def claims_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    articles = [
        claim(),
        claim("Blatt B", "Wir werden die Steuern für Besserverdiener erhöhen"),
        denial(),
        later(),
    ]
    db = build_store(tmp_path_factory.mktemp("claims-web") / "c.sqlite", articles)
    return TestClient(create_app(db), base_url="http://localhost")


def test_person_page_links_to_versions_and_shows_who_denied(claims_client: TestClient) -> None:
    page = claims_client.get("/ui/person/Friedrich%20Merz?lang=de")
    assert page.status_code == 200
    assert "Wortlaut je Medium" in page.text
    assert "dementiert von" in page.text and "Christian Lindner" in page.text


def test_versions_page_shows_outlets_side_by_side_with_flags(claims_client: TestClient) -> None:
    items = claims_client.get("/said", params={"speaker": "Merz", "about": "Besserverdiener"}).json()["items"]
    link = f"/ui/versions/{items[0]['sources'][0]['statement_id']}"
    page = claims_client.get(link + "?lang=de")
    assert page.status_code == 200
    assert page.text.count('class="version') >= 2
    assert "<del>nicht</del>" in page.text
    assert "Verneinung entfallen" in page.text
    english = claims_client.get(link + "?lang=en").text
    assert "negation dropped" in english
    download = claims_client.get(link, params={"download": "versions.csv"})
    assert download.status_code == 200 and "negation_dropped" in download.text


def test_versions_page_of_unknown_statement_is_404(claims_client: TestClient) -> None:
    assert claims_client.get("/ui/versions/nope").status_code == 404


def test_person_page_toggles_unreal_events(tmp_path: Path) -> None:
    base = rutte_article()
    meeting = base.events[0]
    unreal = Event(id="e2", type="meeting", trigger=meeting.trigger, participants=meeting.participants,
                   date=DateInfo(value="2024-12-19", source="published"), status="hypothetical")  # fmt: skip
    with Store.open(tmp_path / "e.sqlite") as store:
        store.add_many([dataclasses.replace(base, events=(meeting, unreal))], link=False)
    client = TestClient(create_app(tmp_path / "e.sqlite"), base_url="http://localhost")
    plain = client.get("/ui/person/Rutte?lang=de").text
    assert "status-hypothetical" not in plain and "unreal=1" in plain
    shown = client.get("/ui/person/Rutte?lang=de&unreal=1").text
    assert 'class="status status-hypothetical">hypothetisch<' in shown
