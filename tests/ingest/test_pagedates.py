"""Page dates: parsing, Central European days, and the first-publication/update rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wortlaut.ingest.pagedates import (
    DateCandidate,
    choose_updated,
    parse_page_date,
    published_candidates,
    to_central_european,
    updated_candidates,
)

MONTHS = {"oktober": 10, "januar": 1}


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2019-10-18T22:04:00Z", "2019-10-19"),  # 00:04 in Linz (CEST)
        ("2019-01-18T23:30:00+00:00", "2019-01-19"),  # winter: CET is UTC+1
        ("2019-10-19T12:00:00+02:00", "2019-10-19"),
        ("2023-11-06T15:20:33+0100", "2023-11-06"),
        ("2019-10-18", "2019-10-18"),
        ("27.04.2020 18:50", "2020-04-27"),
        ("19.10.19, 12:00 Uhr", "2019-10-19"),
        ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19"),
        ("Mi, 18. Oktober 2023 um 12:50 Uhr", "2023-10-18"),
        ("kein Datum", None),
        ("31.02.2020", None),
    ],
)
def test_parse_page_date_gives_the_local_day(raw: str, day: str | None) -> None:
    assert parse_page_date(raw, MONTHS) == day


def test_summer_time_starts_on_the_last_sunday_of_march_at_one_utc() -> None:
    before = to_central_european(datetime(2024, 3, 31, 0, 59, tzinfo=UTC))
    after = to_central_european(datetime(2024, 3, 31, 1, 0, tzinfo=UTC))
    assert (before.hour, after.hour) == (1, 3)


def _published(**overrides: object) -> list[DateCandidate]:
    args: dict[str, object] = {
        "ld": [],
        "meta": {},
        "visible": [],
        "header": [],
        "times": [],
        "fallback": None,
    }
    args.update(overrides)
    return published_candidates(months=MONTHS, **args)  # type: ignore[arg-type]


def test_json_ld_date_published_beats_meta_date_and_modified() -> None:
    ld = [{"datePublished": "2019-10-19T03:00:00Z", "dateModified": "2019-10-20T10:00:00Z"}]
    found = _published(ld=ld, meta={"date": ["2019-10-21"]})
    assert found[0] == DateCandidate("2019-10-19", "json-ld datePublished")


def test_stand_line_is_never_the_first_publication() -> None:
    found = _published(header=["Aktualisiert: 11.04.2020, 10:27", "29.04.2020, 12:01 Uhr"])
    assert [c.day for c in found] == ["2020-04-29"]


def test_visible_published_line_beats_time_elements() -> None:
    found = _published(visible=["Publiziert: 03.04.2020, 12:35"], times=["2020-04-11T08:27:52Z"])
    assert found[0].day == "2020-04-03"


def test_update_before_first_publication_is_dropped() -> None:
    published = DateCandidate("2019-10-19", "json-ld datePublished")
    early = updated_candidates(
        ld=[{"dateModified": "2019-10-17T14:59:45+02:00"}], meta={}, visible=[], months=MONTHS
    )
    assert choose_updated(early, published) is None
    later = updated_candidates(ld=[], meta={}, visible=["Stand: 21.4.2021, 16:41 Uhr"], months=MONTHS)
    assert choose_updated(later, published) == DateCandidate("2021-04-21", "visible Stand/Aktualisiert line")


def test_date_inside_a_sentence_is_not_the_publication_but_a_dateline_is() -> None:
    sentence = (
        "Doch nun liegen belastbare Zahlen vor, veröffentlicht im Bulletin des RKI am 15.04.2020, "
        "die zeigen, dass es so ist und nicht anders."
    )
    assert _published(header=[sentence]) == []
    found = _published(
        header=["27.1.2022 - Bei der Erinnerung an die Verfolgten war vieles unsichtbar, was erst spät kam."]
    )
    assert [c.day for c in found] == ["2022-01-27"]


@pytest.mark.parametrize(
    "lines",
    [
        ["Erschienen am:", "13.10.2021", "Herausgeber:"],  # a bare label, the date in the next block
        ["Datum: 13.10.2021"],
        ["Ort Saarbrücken Datum 13.10.2021"],
        ["Pressemitteilung vom 13.10.2021"],
    ],
)
def test_publication_labels_name_the_first_publication(lines: list[str]) -> None:
    found = _published(visible=lines, meta={"date": ["2021-10-15"]})
    assert found[0] == DateCandidate("2021-10-13", "visible Publiziert/Veröffentlicht/Datum line")


def test_byline_date_above_the_headline_comes_after_the_dates_below_it() -> None:
    before = ["Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com", "Vorlesen"]
    assert _published(before=before)[0] == DateCandidate("2020-04-22", "visible date above the headline")
    found = _published(before=before, header=["23.04.2020"])
    assert [c.day for c in found] == ["2020-04-23", "2020-04-22"]
