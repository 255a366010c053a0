"""Ten random SIGKILLs during an ingest with linking, then one rerun: every article stored once and linked."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
RECORDS = 500
BATCH = 20
KILLS = 10
_TOPICS = ("Haushalt", "Rente", "Ukraine", "Klima", "Migration", "Bahn", "Schulen", "Wohnungsbau")


def _write_jsonl(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            topic = rng.choice(_TOPICS)
            draft = rng.randint(0, 10**6)
            text = (f"{topic}: Die Ministerin sagte am Dienstag, der Plan Nummer {number} zum Thema {topic} "
                    f"werde geprüft. Die Opposition kritisierte den Entwurf {draft}.")  # fmt: skip
            record = {"id": f"k{number:05d}", "text": text, "published": f"2024-05-{1 + number % 28:02d}",
                      "title": f"{topic} {number}", "url": f"https://kill.example/{number}"}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ingest(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "wortlaut", "ingest", str(inputs), "--db", str(db), "--no-analyze",
               "--batch-size", str(BATCH), "--quiet"]  # fmt: skip
    environment = {**os.environ, "WORTLAUT_ENCODER": "hashing"}
    return subprocess.Popen(
        command, cwd=PROJECT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _counts(db: Path) -> tuple[int, int]:
    """(stored articles, articles waiting in the link journal); zeros before the store exists."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            stored = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            pending = connection.execute("SELECT COUNT(*) FROM link_pending").fetchone()[0]
            return int(stored), int(pending)
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0, 0


@pytest.mark.slow
def test_ten_kills_during_linking_then_one_rerun_links_everything(tmp_path: Path) -> None:
    inputs, db = tmp_path / "news.jsonl", tmp_path / "store.sqlite"
    _write_jsonl(inputs, RECORDS, seed=13)
    rng = random.Random(2026)
    unlinked_after_kills = []
    for _ in range(KILLS):
        before = _counts(db)[0]
        process = _ingest(inputs, db)
        deadline = time.monotonic() + 60
        while _counts(db)[0] <= before and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # wait until this run stores its first batch, then kill at a random moment
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        unlinked_after_kills.append(_counts(db)[1])
        if _counts(db)[0] == RECORDS:
            break  # a fast machine stored everything before the last kill: the rerun still has to link
    stored, _ = _counts(db)
    assert stored > 0, "the killed runs should have stored some batches"
    assert any(unlinked_after_kills), f"no kill landed between storing and linking: {unlinked_after_kills}"

    rerun = _ingest(inputs, db)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    connection = sqlite3.connect(db)
    ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
    assert len(ids) == len(set(ids)) == RECORDS  # every article stored once
    linked = {row[0] for row in connection.execute("SELECT article_id FROM story_articles")}
    assert linked == set(ids)  # and linked
    assert connection.execute("SELECT COUNT(*) FROM link_pending").fetchone()[0] == 0
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    print(f"unlinked after each kill: {unlinked_after_kills}")
