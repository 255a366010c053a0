"""Input the API must refuse cleanly: impossible dates, deep JSON, lone surrogates, broken records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.api import create_app
from wortlaut.api.validation import MAX_JSON_DEPTH, is_partial_date
from wortlaut.cli import main
from wortlaut.echo import printable
from wortlaut.store import Store

TOKEN = "validation-token"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    path = tmp_path / "validation.sqlite"
    with Store.open(path) as store:
        store.add_many([selenskyj_article()], link=False)
    return TestClient(create_app(path, token=TOKEN), base_url="http://localhost")


def _post(client: TestClient, body: bytes) -> Any:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    return client.post("/articles", params={"analyze": "false"}, content=body, headers=headers)


@pytest.mark.parametrize("value", ["2025-02-30", "2023-02-29", "2025-13", "2025-00-10", "2025-04-31"])
def test_impossible_dates_are_422_in_the_api(client: TestClient, value: str) -> None:
    for url in ("/said?speaker=Rutte", "/stories?x=1", "/articles?x=1"):
        response = client.get(url, params={"since": value})
        assert response.status_code == 422, (url, value)
        assert response.json()["error"]["code"] == "invalid_request"
    assert client.get("/said", params={"speaker": "Rutte", "until": value}).status_code == 422


@pytest.mark.parametrize("value", ["2024-02-29", "2025-12", "2025", "2025-01-31"])
def test_real_dates_are_accepted(client: TestClient, value: str) -> None:
    assert is_partial_date(value)
    assert client.get("/articles", params={"since": value}).status_code == 200


def test_impossible_dates_are_400_pages_in_the_ui(client: TestClient) -> None:
    assert client.get("/ui/person/Selenskyj", params={"since": "2025-02-30"}).status_code == 400
    assert client.get("/ui/search", params={"q": "x", "until": "2025-02-30"}).status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # past Python's recursion limit while parsing
        b'{"text": "x", "meta": ' + b"[" * 500 + b"]" * 500 + b"}",  # parses, too deep to use
        b'{"text": "x", "title": ' + b'{"a": ' * (MAX_JSON_DEPTH + 1) + b"1" + b"}" * (MAX_JSON_DEPTH + 2),
    ],
)
def test_deeply_nested_json_is_a_clean_400(client: TestClient, body: bytes) -> None:
    response = _post(client, body)
    assert response.status_code == 400 and "nested deeper" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "Hallo \\ud800 Welt"}',
        b'{"text": "Hallo", "title": "\\udfff"}',
        b'{"text": "Hallo", "meta": {"\\ud83d": 1}}',
        b'[{"text": "ok"}, {"text": "\\ud800"}]',
    ],
)
def test_lone_surrogates_are_a_clean_400(client: TestClient, body: bytes) -> None:
    for analyze in ("false", "true"):
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        response = client.post("/articles", params={"analyze": analyze}, content=body, headers=headers)
        assert response.status_code == 400, response.text
        assert "surrogate" in response.json()["error"]["message"]


def _broken(change: str) -> dict[str, Any]:
    record = copy.deepcopy(rutte_article().to_json())
    if change == "string offset":
        record["statements"][0]["quote"]["start"] = "39"
    elif change == "float offset":
        record["mentions"][0]["end"] = 31.5
    elif change == "offset past the text":
        record["statements"][0]["quote"]["end"] = 10**9
    elif change == "negative offset":
        record["statements"][0]["cue"]["start"] = -4
    elif change == "backwards span":
        record["mentions"][0]["start"] = 40
    elif change == "bool offset":
        record["mentions"][0]["start"] = True
    elif change == "entity name not a string":
        record["entities"][0]["name"] = 7
    elif change == "statements not a list":
        record["statements"] = {"s1": 1}
    elif change == "text not a string":
        record["text"] = ["x"]
    return record


@pytest.mark.parametrize(
    "change",
    [
        "string offset",
        "float offset",
        "offset past the text",
        "negative offset",
        "backwards span",
        "bool offset",
        "entity name not a string",
        "statements not a list",
        "text not a string",
    ],
)
def test_posted_record_with_broken_offsets_or_types_is_422_and_never_stored(
    client: TestClient, change: str
) -> None:
    record = _broken(change)
    response = _post(client, json.dumps(record).encode())
    assert response.status_code == 422, response.text
    assert "wortlaut/1" in response.json()["error"]["message"]
    assert client.get(f"/ui/article/{rutte_article().id}").status_code == 404


def test_valid_posted_record_is_stored_and_its_page_renders(client: TestClient) -> None:
    response = _post(client, json.dumps(rutte_article().to_json()).encode())
    assert response.status_code == 201, response.text
    assert client.get(f"/ui/article/{rutte_article().id}").status_code == 200


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2JGelöscht", "Gelöscht"),
        ("\x1b]0;pwned\x07Titel", "Titel"),
        ("\x1b]8;;http://evil\x1b\\klick", "klick"),
        ("a\rb\x00c\x9bd", "abcd"),
        ("Zeile 1\nZeile 2\tTab", "Zeile 1\nZeile 2\tTab"),
    ],
)
def test_printable_strips_terminal_escapes(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_cli_errors_do_not_echo_terminal_escapes(tmp_path: Path) -> None:
    db = tmp_path / "\x1b[2Jmissing" / "x.sqlite"
    result = CliRunner().invoke(main, ["said", "Rutte", "--db", str(db)], color=True)  # as on a terminal
    assert result.exit_code != 0 and "wortlaut: error:" in result.stderr
    assert "\x1b" not in result.stderr
