"""Store problems end a command with one line and a documented exit code, never a traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.samples import filler_article, rutte_article
from wortlaut.cli import main
from wortlaut.cli.store_options import EXIT_NOTHING, EXIT_STORE, EXIT_USAGE
from wortlaut.store import SCHEMA_VERSION, Store, StoreError
from wortlaut.store.errors import WriteError

QUERIES = [["said", "Rutte"], ["search", "Gipfel"], ["stories"], ["person", "Rutte"], ["story", "x"]]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("wortlaut: error: ") and "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database " * 100)
    return path


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article()], link=False)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("command", QUERIES)
def test_query_on_a_file_that_is_no_store(not_sqlite: Path, command: list[str]) -> None:
    code, _, err = run(*command, "--db", str(not_sqlite))
    assert code == EXIT_STORE and "not a wortlaut store" in _one_line(err)


@pytest.mark.parametrize("command", [*QUERIES, ["ingest", "-"], ["link"]])
def test_store_from_a_newer_wortlaut(newer: Path, command: list[str]) -> None:
    code, _, err = run(*command, "--db", str(newer))
    assert code == EXIT_STORE and "knows up to" in _one_line(err)


def test_ingest_into_a_file_that_is_no_store(not_sqlite: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Der Kanzler sagte, es gehe voran.", encoding="utf-8")
    code, _, err = run("ingest", str(source), "--db", str(not_sqlite), "--no-analyze", "--quiet")
    assert code == EXIT_STORE and "not a wortlaut store" in _one_line(err)


def test_disk_full_is_a_write_error_in_the_library(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up now
        with pytest.raises(WriteError, match="disk is full"):
            store.add_many([filler_article(number) for number in range(200)], link=False)
        assert store.counts()["articles"] == 0  # the batch was rolled back whole


def test_disk_full_during_ingest_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = Store.open

    def small_disk(path: str | os.PathLike[str], **options: object) -> Store:
        store = opened(path, **options)  # type: ignore[arg-type]
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        return store

    monkeypatch.setattr(Store, "open", staticmethod(small_disk))
    source = tmp_path / "many.jsonl"
    source.write_text("".join(f'{{"text": "Meldung {n}: {"Wort " * 200}"}}\n' for n in range(100)))
    code, _, err = run("ingest", str(source), "--db", str(tmp_path / "s.sqlite"), "--no-analyze",
                       "--no-link", "--quiet")  # fmt: skip
    assert code == EXIT_STORE and "disk is full" in _one_line(err)


def test_read_only_store_is_a_write_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        store.connection.execute("PRAGMA query_only = 1")  # as a read-only file would refuse writes
        with pytest.raises(WriteError, match="cannot write the store"):
            store.add_many([rutte_article()], link=False)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write read-only files")
def test_read_only_store_file_on_ingest(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    path.chmod(0o444)
    source = tmp_path / "a.txt"
    source.write_text("Der Kanzler sagte, es gehe voran.", encoding="utf-8")
    code, _, err = run("ingest", str(source), "--db", str(path), "--no-analyze", "--quiet")
    assert code == EXIT_STORE and "cannot write" in _one_line(err)


def test_missing_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store.open(blocker / "sub" / "s.sqlite")


def test_huge_offset_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store.open(db) as store:
        store.add_many([rutte_article()], link=False)
    code, _, err = run("said", "Rutte", "--offset", str(10**30), "--db", str(db))
    assert code == EXIT_USAGE and "Traceback" not in err and "--offset" in err
    code, _, _ = run("said", "Rutte", "--offset", str(2**63 - 1), "--db", str(db))
    assert code == 0


@pytest.mark.parametrize("value", ["gestern", "2024-02-30", "2024-13-01", "24-01-01"])
def test_ingest_published_must_be_a_real_date(tmp_path: Path, value: str) -> None:
    code, _, err = run("ingest", "-", "--db", str(tmp_path / "s.sqlite"), "--published", value)
    assert code == EXIT_USAGE and "is not a date" in err


def test_ingest_published_accepts_a_date(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Der Kanzler sagte, es gehe voran.", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    code, _, err = run("ingest", str(source), "--db", str(db), "--no-analyze", "--no-link", "--quiet",
                       "--published", "2024-02-29")  # fmt: skip
    assert code == 0, err
    with Store.open(db) as store:
        (article,) = store.articles()
    assert article.published == "2024-02-29"


@pytest.mark.parametrize("command", [["ingest", "--no-analyze"], ["said", "Rutte"]])
def test_a_database_url_as_db_is_one_line_and_creates_nothing(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("Die Ministerin sagte, alles sei gut.", encoding="utf-8")
    args = [command[0], *(["in.txt"] if command[0] == "ingest" else []), *command[1:]]
    code, _out, err = run(*args, "--db", "mysql://localhost/news")
    assert code == EXIT_STORE
    assert "database URL of an unsupported kind" in _one_line(err)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.txt"]
    pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")
    code, _out, err = run(*args, "--db", f"postgresql://nobody:secret@/news?host={tmp_path}")
    assert code in (EXIT_STORE, EXIT_NOTHING)
    assert "cannot connect to PostgreSQL" in _one_line(err) and "secret" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.txt"]
