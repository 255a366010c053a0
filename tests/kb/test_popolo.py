"""Office holders from a flat Popolo-style CSV, and the shipped generated base."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from wortlaut.kb import KBError, load_kb
from wortlaut.kb.loader import DATA_DIR
from wortlaut.kb.popolo import PopoloError, read_office_holders

HEADER = "id,name,gender,post,start_date,end_date,wikidata,source,aliases\n"


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "holders.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_popolo_rows_of_one_person_become_one_entity_with_dated_roles(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ana-test,Ana Test,f,president:germany,2001-01-01,2002-01-01,,list A,Test\n"
        "# a comment\n"
        "ana-test,Ana Test,f,chancellor:germany,2003-01-01,,,list B,\n",
    )
    kb = load_kb([path])
    person = kb.entities["ana-test"]
    assert (person.type, person.gender, person.aliases) == ("PER", "f", ("Test",))
    assert kb.holder("chancellor:germany", on=date(2010, 1, 1)) == person
    assert kb.holder("president:germany", on=date(2010, 1, 1)) is None


def test_popolo_row_extends_a_yaml_person(tmp_path: Path) -> None:
    yaml_file = tmp_path / "people.yaml"
    yaml_file.write_text("- {id: ana-test, name: Ana Test, type: PER}\n", encoding="utf-8")
    csv_file = write(tmp_path, "ana-test,Ana Test,,president:austria,2001-01-01,,,list,\n")
    kb = load_kb([yaml_file, csv_file])
    assert [role.value for role in kb.entities["ana-test"].roles] == ["president:austria"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("x,X Y,,president:germany,2001-01-01,,,,\n", "empty 'source'"),
        ("x,X Y,,president,2001-01-01,,,list,\n", "is not '<function>"),
        ("x,X Y,q,president:germany,2001-01-01,,,list,\n", "gender must be"),
        ("x,X Y,,president:germany,01.01.2001,,,list,\n", "not an ISO date"),
    ],
)
def test_popolo_bad_rows_are_clear_errors(tmp_path: Path, row: str, reason: str) -> None:
    with pytest.raises(KBError, match=reason):
        load_kb([write(tmp_path, row)])


def test_popolo_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "holders.csv"
    path.write_text("id,name\nx,X\n", encoding="utf-8")
    with pytest.raises(PopoloError, match="lacks column"):
        list(read_office_holders(path))


def shipped_rows() -> list[dict[str, str]]:
    lines = (DATA_DIR / "office_holders.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if line and not line.startswith("#")))


def test_popolo_shipped_base_states_source_and_start_for_every_row() -> None:
    rows = shipped_rows()
    assert len(rows) > 300
    assert all(row["source"] and row["start_date"] for row in rows)


def test_popolo_shipped_base_has_no_two_holders_of_one_office_at_once() -> None:
    spans: dict[str, list[tuple[str, str, str]]] = {}
    for row in shipped_rows():
        if row["post"].startswith("member:"):
            continue  # a seat in a body of several members (test below)
        spans.setdefault(row["post"], []).append((row["start_date"], row["end_date"] or "9999", row["id"]))
    for post, held in spans.items():
        held.sort()
        for (_, end, who), (start, _, successor) in pairwise(held):
            assert start >= end, f"{post}: {who} until {end} overlaps {successor} from {start}"


def test_popolo_shipped_swiss_federal_council_has_seven_members_on_every_day_since_2005() -> None:
    """The seven seats of the Swiss Bundesrat: no gap and no overlap in the members' dates."""
    rows = [row for row in shipped_rows() if row["post"] == "member:bundesrat-switzerland"]
    day = date(2005, 1, 1)
    while day <= date(2025, 6, 30):
        iso = day.isoformat()
        members = {
            r["id"] for r in rows if r["start_date"] <= iso and (not r["end_date"] or iso <= r["end_date"])
        }
        assert len(members) == 7, f"{iso}: {sorted(members)}"
        day += timedelta(days=1)


def test_popolo_shipped_base_covers_the_dach_offices_on_one_day() -> None:
    kb = load_kb()
    day = date(2024, 6, 1)
    names = {role: kb.holder(role, on=day).name for role in (  # type: ignore[union-attr]
        "president:germany", "president:austria", "president:switzerland",
        "chancellor:germany", "chancellor:austria",
        "foreign_minister:germany", "foreign_minister:austria", "foreign_minister:switzerland",
    )}
    assert names["president:austria"] == "Alexander Van der Bellen"
    assert names["chancellor:austria"] == "Karl Nehammer"
    assert names["foreign_minister:switzerland"] == "Ignazio Cassis"
    assert len(set(names.values())) == 8
