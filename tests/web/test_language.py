"""Pages speak German by default and English on request; dates, numbers and roles follow the language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from wortlaut.web.locale import COOKIE


@pytest.fixture
def reader(client: TestClient) -> Iterator[TestClient]:
    """The shared client, with the language cookie that ``?lang=`` sets removed afterwards."""
    client.cookies.clear()
    yield client
    client.cookies.clear()


def test_pages_are_german_by_default(reader: TestClient) -> None:
    response = reader.get("/ui/")
    page = response.text
    assert '<html lang="de">' in page and "Wer hat was gesagt" in page and "Neueste Artikel" in page
    assert response.headers["content-language"] == "de"
    assert "Who said what" not in page


def test_lang_query_switches_to_english_and_is_remembered(reader: TestClient) -> None:
    english = reader.get("/ui/?lang=en")
    assert '<html lang="en">' in english.text and "Who said what" in english.text
    assert english.cookies.get(COOKIE) == "en"
    again = reader.get("/ui/search?q=Rutte")
    assert '<html lang="en">' in again.text and "Filter results" in again.text
    back = reader.get("/ui/?lang=de")
    assert "Wer hat was gesagt" in back.text


def test_accept_language_picks_english(reader: TestClient) -> None:
    page = reader.get("/ui/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert "Most quoted this week" in page and 'hreflang="de"' in page


def test_dates_are_long_and_localised(reader: TestClient) -> None:
    german = reader.get("/ui/person/Mark%20Rutte").text
    english = reader.get("/ui/person/Mark%20Rutte?lang=en").text
    assert 'datetime="2025-03-03">3. März 2025</time>' in german
    assert 'datetime="2025-03-03">March 3, 2025</time>' in english


def test_person_roles_read_as_offices_with_dates(reader: TestClient) -> None:
    german = reader.get("/ui/person/Mark%20Rutte").text
    assert "NATO-Generalsekretär seit 1. Oktober 2024" in german
    english = reader.get("/ui/person/Mark%20Rutte?lang=en").text
    assert "since October 1, 2024</li>" in english  # the fixture's role is a label already, not a KB id


def test_error_pages_speak_the_reader_s_language(reader: TestClient) -> None:
    assert "Nicht gefunden" in reader.get("/ui/person/Niemand%20Bekannt").text
    assert "Not found" in reader.get("/ui/person/Niemand%20Bekannt?lang=en").text


def test_unknown_language_falls_back_to_german(reader: TestClient) -> None:
    page = reader.get("/ui/?lang=fr").text
    assert '<html lang="de">' in page
