"""``wortlaut watch``: add, run as JSON lines, post to a local webhook, refuse remote URLs."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.cli import main
from wortlaut.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "watch.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article()], link=False)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[object]]]:
    """A local HTTP server that records the JSON bodies posted to it."""
    received: list[object] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()


def test_watch_run_prints_new_matches_once(db: Path) -> None:
    code, out, _ = run("watch", "add", "Rutte", "--db", str(db))
    assert code == 0 and json.loads(out)["kind"] == "person"
    code, out, _ = run("watch", "run", "--db", str(db))
    first = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and first and all(m["speaker"] == "Mark Rutte" for m in first)
    assert run("watch", "run", "--db", str(db))[1] == ""
    with Store.open(db) as store:
        store.add_many([selenskyj_article()], link=False)
    code, out, _ = run("watch", "run", "--since", "2024-01-01", "--db", str(db))
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {selenskyj_article().id}


def test_watch_run_posts_to_a_local_webhook(db: Path, webhook: tuple[str, list[object]]) -> None:
    url, received = webhook
    run("watch", "add", "Rutte", "--db", str(db))
    code, _, err = run("watch", "run", "--post", url, "--db", str(db))
    assert code == 0 and "posted" in err
    assert len(received) == 1 and isinstance(received[0], list) and received[0]
    run("watch", "run", "--post", url, "--db", str(db))
    assert received[1] == []


def test_remote_webhooks_and_bad_dates_are_refused(db: Path) -> None:
    code, _, err = run("watch", "run", "--post", "https://example.org/hook", "--db", str(db))
    assert code == 2 and "on this machine" in err
    assert run("watch", "run", "--since", "gestern", "--db", str(db))[0] == 2


def test_list_and_remove(db: Path) -> None:
    run("watch", "add", "Sanktionen", "--query", "--db", str(db))
    listed = [json.loads(line) for line in run("watch", "list", "--db", str(db))[1].splitlines()]
    assert [w["value"] for w in listed] == ["Sanktionen"]
    assert run("watch", "remove", str(listed[0]["id"]), "--db", str(db))[0] == 0
    assert run("watch", "remove", str(listed[0]["id"]), "--db", str(db))[0] == 2
