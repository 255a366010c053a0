"""API of claims: versions with drift flags, relations, positions, and the unreal-events toggle."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.claims.samples import MERZ, build_store, claim, denial, later
from tests.store.samples import rutte_article
from wortlaut.api import create_app
from wortlaut.article import DateInfo, Event
from wortlaut.store import Store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    articles = [
        claim(),
        claim("Blatt B", "Wir werden die Steuern für Besserverdiener erhöhen"),
        denial(),
        later(),
    ]
    db = build_store(tmp_path_factory.mktemp("claims-api") / "c.sqlite", articles)
    return TestClient(create_app(db), base_url="http://localhost")


def _first_claim_id(client: TestClient) -> str:
    items = client.get("/said", params={"speaker": "Merz", "about": "Besserverdiener"}).json()["items"]
    return str(items[0]["sources"][0]["statement_id"])


def test_versions_align_each_outlet_with_the_earliest(client: TestClient) -> None:
    body = client.get(f"/statements/{_first_claim_id(client)}/versions").json()
    assert [v["source"] for v in body["versions"]] == ["Blatt A", "Blatt B"]
    assert body["versions"][0]["earliest"] and body["versions"][0]["flags"] == []
    assert body["versions"][1]["flags"] == ["negation_dropped"]
    assert {"op": "delete", "reference": "nicht", "version": ""} in body["versions"][1]["segments"]
    assert body["flags"] == ["negation_dropped"]


def test_versions_of_an_unknown_statement_is_404(client: TestClient) -> None:
    assert client.get("/statements/nope/versions").status_code == 404


def test_relations_of_a_statement(client: TestClient) -> None:
    person = client.get(f"/persons/{MERZ.name}").json()
    ids = [
        item["statement"]["sources"][0]["statement_id"] for item in person["timeline"] if item["statement"]
    ]
    answered = [client.get(f"/statements/{i}/relations").json()["items"] for i in ids]
    labels = [item["label"] for items in answered for item in items]
    assert labels == ["denied by"]


def test_positions_over_time(client: TestClient) -> None:
    body = client.get("/positions", params={"person": "Merz", "topic": "Steuern"}).json()
    stances = [(item["date"], item["stance"]) for item in body["items"]]
    assert ("2025-03-05", "against") in stances
    assert client.get("/positions", params={"person": "Merz"}).status_code == 422


def test_person_lists_unreal_events_only_when_asked(tmp_path: Path) -> None:
    base = rutte_article()
    meeting = base.events[0]
    unreal = Event(id="e2", type="meeting", trigger=meeting.trigger, participants=meeting.participants,
                   date=DateInfo(value="2024-12-19", source="published"), status="hypothetical")  # fmt: skip
    article = dataclasses.replace(base, events=(meeting, unreal))
    with Store.open(tmp_path / "e.sqlite") as store:
        store.add_many([article], link=False)
    client = TestClient(create_app(tmp_path / "e.sqlite"), base_url="http://localhost")

    def statuses(**params: str) -> list[str]:
        body = client.get("/persons/Rutte", params=params).json()
        return sorted(item["event"]["status"] for item in body["timeline"] if item["event"])

    assert statuses() == ["happened"]
    assert statuses(include_unreal="true") == ["happened", "hypothetical"]
