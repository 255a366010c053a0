"""Several writers on one PostgreSQL store: every article once, every statement group once.

Two processes ingest the same input into one store at the same time.  The
unique keys with ``ON CONFLICT DO NOTHING`` keep each article once, and the
store's advisory write lock (:mod:`wortlaut.store.postgres`) runs write
transactions one at a time, so the linker of one process never decides on a
state the other is changing: the result equals a single process's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pgserver import Server
from tests.store.samples import filler_article, rutte_article
from wortlaut.article import Article
from wortlaut.link import HashingEncoder
from wortlaut.store import Store

PROJECT = Path(__file__).resolve().parents[2]
#: Articles in the ingest test, in batches of :data:`BATCH`: enough batches that the runs interleave.
RECORDS = 240
BATCH = 10
QUOTES = ("Wir müssen mehr tun.", "Wir müssen mehr tun!", "Europa muss zusammenstehen.")


def _analysed() -> list[Article]:
    """Rutte saying one of three things in many outlets (statement groups form), and fillers."""
    rutte = [rutte_article(url=f"https://example.org/r{n}", quote=QUOTES[n % 3]) for n in range(24)]
    return [item for pair in zip(rutte, [filler_article(n) for n in range(24)], strict=True) for item in pair]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT), "WORTLAUT_ENCODER": "hashing"}


def _snapshot(url: str) -> dict[str, object]:
    """What the linking decided, in terms that do not depend on which process wrote first."""
    with Store.open(url, readonly=True) as store:
        connection = store.connection

        def rows(sql: str) -> list[tuple[object, ...]]:
            return sorted(tuple(row) for row in connection.execute(sql).fetchall())

        return {
            "articles": rows("SELECT id, COUNT(*) FROM articles GROUP BY id"),
            "pending": rows("SELECT article_id FROM link_pending"),
            "groups": rows(
                "SELECT g.speaker_entity, g.size, COUNT(m.statement_id) FROM statement_groups g"
                " JOIN statement_group_members m ON m.group_id = g.id GROUP BY g.id, g.speaker_entity, g.size"
            ),
            "duplicates": rows("SELECT kind, COUNT(*) FROM duplicates GROUP BY kind"),
            "stories": rows("SELECT size FROM stories"),
            "members": rows("SELECT COUNT(*), COUNT(DISTINCT statement_id) FROM statement_group_members"),
        }


_WRITER = """
import sys
from tests.store.test_pg_concurrency import _analysed
from wortlaut.link import HashingEncoder
from wortlaut.link.flow import add_and_link
from wortlaut.store import Store
articles = _analysed()
with Store.open(sys.argv[1]) as store:
    for start in range(0, len(articles), 4):
        outcome = add_and_link(store, articles[start:start + 4], encoder=HashingEncoder())
        assert outcome.link_error is None, outcome.link_error
"""


@pytest.mark.slow
def test_two_writers_store_and_link_each_article_once(pg_server: Server) -> None:
    alone, together = pg_server.url(), pg_server.url()
    Store.open(together).close()  # migrated once, as a deployment would
    with Store.open(alone) as store:
        for start in range(0, len(_analysed()), 4):
            store.add_many(_analysed()[start : start + 4], link=False)
        from wortlaut.link import update

        update(store, [article.id for article in _analysed()], encoder=HashingEncoder())
    command = [sys.executable, "-c", _WRITER, together]
    writers = [
        subprocess.Popen(command, cwd=PROJECT, env=_environment(), stderr=subprocess.PIPE) for _ in range(2)
    ]
    for writer in writers:
        _, stderr = writer.communicate(timeout=300)
        assert writer.returncode == 0, stderr.decode()
    expected, found = _snapshot(alone), _snapshot(together)
    assert all(count == 1 for _, count in found["articles"])  # type: ignore[attr-defined]
    assert found == expected


def _write_jsonl(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(RECORDS):
            text = f"Meldung {number % 60}: Der Minister sagte, Vorgang {number % 60} werde geprüft. " * 3
            record = {"id": f"a{number:05d}", "text": text, "published": "2024-05-01",
                      "url": f"https://x.example/{number}"}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ingest(inputs: Path, url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "wortlaut", "ingest", str(inputs), "--db", url, "--no-analyze",
               "--batch-size", str(BATCH), "--workers", "1", "--quiet"]  # fmt: skip
    return subprocess.Popen(command, cwd=PROJECT, env=_environment(), stderr=subprocess.PIPE)


@pytest.mark.slow
def test_two_concurrent_cli_ingests_leave_every_article_once(pg_server: Server, tmp_path: Path) -> None:
    inputs = tmp_path / "news.jsonl"
    _write_jsonl(inputs)
    alone, together = pg_server.url(), pg_server.url()
    single = _ingest(inputs, alone)
    assert single.wait(timeout=300) == 0, single.stderr.read().decode() if single.stderr else ""
    Store.open(together).close()
    runs = [_ingest(inputs, together) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr.decode()
    found = _snapshot(together)
    assert len(found["articles"]) == RECORDS  # type: ignore[arg-type]
    assert all(count == 1 for _, count in found["articles"])  # type: ignore[attr-defined]
    assert found == _snapshot(alone)
