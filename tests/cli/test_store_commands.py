"""The store commands on the command line: output formats, exit codes and clean errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.cli import main
from wortlaut.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article(), selenskyj_article()], link=False)
        store.connection.execute(
            "INSERT INTO stories VALUES ('st1', 'Gipfel', '2024-12-18', '2024-12-18', 1, NULL)"
        )
        store.connection.execute("INSERT INTO story_articles VALUES ('st1', ?, 1.0)", (rutte_article().id,))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_said_text_lists_groups_with_dates_and_sources(db: Path) -> None:
    code, out, _ = run("said", "Rutte", "--db", str(db))
    assert code == 0
    assert "18. Dezember 2024  Mark Rutte" in out and "https://example.org/nato-rutte" in out


def test_said_json_csv_and_jsonl(db: Path) -> None:
    _, out, _ = run("said", "Rutte", "--about", "Friedensgespräche", "--format", "json", "--db", str(db))
    assert [group["speaker"] for group in json.loads(out)] == ["Mark Rutte"]
    _, out, _ = run("said", "Rutte", "--format", "csv", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3 and rows[0]["url"]
    _, out, _ = run("said", "Rutte", "--format", "jsonl", "--limit", "2", "--db", str(db))
    assert len(out.splitlines()) == 2


def test_db_defaults_to_the_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_DB", str(db))
    assert run("said", "Selenskyj")[0] == 0


def test_person_stories_story_and_search(db: Path) -> None:
    code, out, _ = run("person", "selenskyj", "--db", str(db))
    assert code == 0 and "Wolodymyr Selenskyj" in out
    assert "Getroffen (gemeinsame Ereignisse): Mark Rutte" in out
    assert "st1" in run("stories", "--db", str(db))[1]
    assert "Gipfel" in run("story", "st1", "--db", str(db))[1]
    code, out, _ = run("search", "Friedensgesprächen", "--format", "json", "--db", str(db))
    assert code == 0 and len(json.loads(out)["statements"]) == 2


def test_not_found_exits_3_with_one_line(db: Path, tmp_path: Path) -> None:
    code, _, err = run("person", "Niemand", "--db", str(db))
    assert code == 3 and err.strip() == "wortlaut: error: no person or entity named 'Niemand' in the store"
    assert run("story", "nope", "--db", str(db))[0] == 3
    code, _, err = run("said", "Rutte", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 3 and "no such store" in err


def test_bad_query_and_bad_date_exit_2(db: Path) -> None:
    code, _, err = run("search", '"offen', "--db", str(db))
    assert code == 2 and "unbalanced double quote" in err and "Traceback" not in err
    assert run("said", "Rutte", "--since", "gestern", "--db", str(db))[0] == 2


def test_export_jsonl_csv_parquet(db: Path, tmp_path: Path) -> None:
    _, out, _ = run("export", "--db", str(db))
    records = [json.loads(line) for line in out.splitlines()]
    assert {record["schema"] for record in records} == {"wortlaut/1"} and len(records) == 2
    _, out, _ = run("export", "--format", "csv", "--table", "events", "--db", str(db))
    assert next(csv.DictReader(io.StringIO(out)))["participants"] == "Wolodymyr Selenskyj|Rutte"
    target = tmp_path / "statements.parquet"
    assert run("export", "--format", "parquet", "--output", str(target), "--db", str(db))[0] == 0

    assert pq.read_table(target).num_rows == 5
    assert run("export", "--format", "parquet", "--db", str(db))[0] == 2


def test_ingest_reports_bad_files_and_stores_the_rest(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "gut.txt").write_text("Die Ministerin sagte, alles sei gut.", encoding="utf-8")
    (inputs / "leer.txt").write_text("", encoding="utf-8")
    db = tmp_path / "new.sqlite"
    code, _, err = run("ingest", str(inputs), "--db", str(db), "--no-analyze", "--no-link", "--published",
                       "2025-01-02", "--quiet")  # fmt: skip
    assert code == 1
    assert "leer.txt" in err and "1 added" in err
    with Store.open(db, readonly=True) as store:
        assert [info.published for info in store.articles()] == ["2025-01-02"]
    code, _, err = run("ingest", str(inputs / "gut.txt"), "--db", str(db), "--no-analyze", "--quiet")
    assert code == 0 and "1 already stored" in err
    assert run("ingest", str(tmp_path / "missing"), "--db", str(db), "--quiet")[0] == 3
