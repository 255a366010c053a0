"""Reliability: a killed ingest resumes without loss or duplicates; readers never see "locked"."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.store.samples import filler_article, rutte_article, selenskyj_article
from wortlaut.store import Store

PROJECT = Path(__file__).resolve().parents[2]
#: Records in the kill test: enough that the ingest is still running when it is killed.
KILL_RECORDS = 6_000
KILL_BATCH = 25


def _write_jsonl(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            text = f"Meldung {number}: Der Minister sagte, Vorgang {number} werde geprüft. " * 3
            record = {
                "id": f"a{number:06d}",
                "text": text,
                "published": "2024-05-01",
                "url": f"https://x.example/{number}",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ingest(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "wortlaut", "ingest", str(inputs), "--db", str(db), "--no-analyze",
               "--no-link", "--batch-size", str(KILL_BATCH), "--quiet"]  # fmt: skip
    return subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stored(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.mark.slow
def test_killed_ingest_resumes_with_nothing_lost_or_duplicated(tmp_path: Path) -> None:
    inputs, db = tmp_path / "news.jsonl", tmp_path / "store.sqlite"
    _write_jsonl(inputs, KILL_RECORDS)
    process = _ingest(inputs, db)
    deadline = time.monotonic() + 60
    while _stored(db) < 2 * KILL_BATCH and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after_kill = _stored(db)
    assert 0 < after_kill < KILL_RECORDS, "the ingest should have been killed mid-run"
    assert after_kill % KILL_BATCH == 0  # only whole batches were committed

    with Store.open(db) as store:  # consistent after the kill
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")

    rerun = _ingest(inputs, db)
    _, stderr = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, stderr.decode()
    assert f"{after_kill} already stored" in stderr.decode()
    with Store.open(db) as store:
        ids = [row[0] for row in store.connection.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == KILL_RECORDS
        store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert len(store.search("Vorgang 5999").articles) >= 1


def _writer(path: str, start: int, count: int) -> None:
    with Store.open(path) as store:
        for first in range(start, start + count, 10):
            store.add_many([filler_article(number) for number in range(first, first + 10)], link=False)


def test_readers_during_writes_never_see_locked_errors(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    with Store.open(db) as store:
        store.add_many([rutte_article(), selenskyj_article()], link=False)
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    writers = [context.Process(target=_writer, args=(str(db), start, 300)) for start in (0, 1000)]
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read() -> None:
        try:
            with Store.open(db, readonly=True) as reader:
                while not stop.is_set():
                    assert len(reader.said("Rutte")) == 3
                    reader.search("wichtig")
                    reader.person("Selenskyj")
                    seen.append(reader.counts()["articles"])
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for process in writers:  # fork before any reader thread exists
        process.start()
    for thread in readers:
        thread.start()
    for process in writers:
        process.join(timeout=120)
    stop.set()
    for thread in readers:
        thread.join()
    assert errors == []
    assert [process.exitcode for process in writers] == [0, 0]  # two writers waited for each other
    assert len(set(seen)) > 1  # readers saw the store grow while it was written
    with Store.open(db, readonly=True) as reader:
        assert reader.counts()["articles"] == 602
