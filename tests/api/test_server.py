"""The guarded server: header deadline, connection cap, header size, SIGTERM within seconds.

Each test runs a real uvicorn server on a free loopback port; the clients
are raw sockets so a test can be as slow or as rude as an attacker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import pytest

from tests.store.samples import rutte_article
from wortlaut.api import create_app, server
from wortlaut.store import Store

HEAD = b"GET /health HTTP/1.1\r\nHost: localhost\r\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> object:
    path = tmp_path_factory.mktemp("server") / "api.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article()], link=False)
    return create_app(path)


@contextmanager
def running(app: object, limits: server.Limits) -> Iterator[int]:
    """A guarded server in a thread; yields its port."""
    port = free_port()
    instance = server.GracefulServer(server.config(app, host="127.0.0.1", port=port, limits=limits))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield port
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


def closed_by_server(sock: socket.socket, wait: float) -> bytes | None:
    """What the server sent before closing, or ``None`` if the connection is still open after ``wait``."""
    sock.settimeout(wait)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        return None
    except ConnectionResetError:
        pass
    return received


def test_a_client_that_never_finishes_its_head_gets_408_and_is_closed(app: object) -> None:
    with (
        running(app, server.Limits(header_timeout=0.5)) as port,
        socket.create_connection(("127.0.0.1", port)) as sock,
    ):
        sock.sendall(HEAD)  # no blank line: the head never ends
        answer = closed_by_server(sock, wait=5)
    assert answer is not None and answer.startswith(b"HTTP/1.1 408")


def test_trickling_bytes_does_not_extend_the_header_deadline(app: object) -> None:
    with (
        running(app, server.Limits(header_timeout=0.6)) as port,
        socket.create_connection(("127.0.0.1", port)) as sock,
    ):
        started = time.monotonic()
        sock.sendall(b"GET /health HTTP/1.1\r\n")
        try:
            for _ in range(20):
                time.sleep(0.1)
                sock.sendall(b"X-Slow: 1\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = closed_by_server(sock, wait=3)
    assert answer is not None and time.monotonic() - started < 2.5


def test_a_connection_that_sends_nothing_is_closed(app: object) -> None:
    with (
        running(app, server.Limits(header_timeout=0.5)) as port,
        socket.create_connection(("127.0.0.1", port)) as sock,
    ):
        assert closed_by_server(sock, wait=5) is not None


def test_full_server_drops_idle_waiters_and_still_serves_real_requests(app: object) -> None:
    with running(app, server.Limits(header_timeout=30, max_connections=5)) as port:
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(12)]
        time.sleep(0.3)
        response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5)
        dropped = sum(closed_by_server(sock, wait=0.3) is not None for sock in idle)
        for sock in idle:
            sock.close()
    assert response.status_code == 200
    assert dropped >= 12 + 1 - 5, f"only {dropped} idle connections were dropped"


def test_an_endless_request_head_is_refused_before_it_fills_memory(app: object) -> None:
    with running(app, server.Limits()) as port, socket.create_connection(("127.0.0.1", port)) as sock:
        try:
            sock.sendall(HEAD + b"X-Big: " + b"a" * (server.MAX_HEADER_BYTES * 4))  # never ends
        except (BrokenPipeError, ConnectionResetError):
            return  # refused while sending
        answer = closed_by_server(sock, wait=2)  # well before the 10 s header deadline
    assert answer is not None and answer.startswith(b"HTTP/1.1 400")


def test_connection_cap_leaves_descriptors_for_the_store() -> None:
    import resource

    cap = server.connection_cap(10**9)
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert cap <= soft - server.FD_RESERVE


SLOW_APP = """
import sys, time
from fastapi import FastAPI
from wortlaut.api import server

app = FastAPI()

@app.get("/slow")
def slow() -> dict:  # runs in a worker thread, like linking after POST /articles
    open(sys.argv[2], "w").close()
    time.sleep(120)
    return {}

server.serve(app, host="127.0.0.1", port=int(sys.argv[1]))
"""


def _wait_for(check: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_sigterm_stops_the_server_within_seconds_while_a_worker_thread_is_busy(tmp_path: Path) -> None:
    port, marker = free_port(), tmp_path / "started"
    process = subprocess.Popen([sys.executable, "-c", SLOW_APP, str(port), str(marker)], cwd=Path.cwd())
    try:
        _wait_for(lambda: _port_open(port), 30)
        threading.Thread(
            target=_request_quietly, args=(f"http://127.0.0.1:{port}/slow",), daemon=True
        ).start()
        _wait_for(marker.exists, 10)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=server.GRACE_SECONDS + server.EXIT_MARGIN_SECONDS + 5)
        assert time.monotonic() - started < server.GRACE_SECONDS + server.EXIT_MARGIN_SECONDS + 2
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def _request_quietly(url: str) -> None:
    with suppress(httpx.HTTPError):
        httpx.get(url, timeout=60)


def test_wortlaut_serve_checks_hosts_sends_headers_and_stops_on_sigterm(tmp_path: Path) -> None:
    db, port = tmp_path / "serve.sqlite", free_port()
    command = [sys.executable, "-m", "wortlaut", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _port_open(port), 60)
        ok = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10)
        evil = httpx.get(f"http://127.0.0.1:{port}/health", headers={"host": "evil.example"}, timeout=10)
        assert ok.status_code == 200 and evil.status_code == 400
        assert "frame-ancestors 'none'" in ok.headers["content-security-policy"]
        assert "server" not in ok.headers
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
        assert time.monotonic() - started < 5
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def test_a_body_that_trickles_in_too_slowly_gets_408(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wortlaut.api.writes.BODY_TIMEOUT", 0.5)
    writable = create_app(tmp_path / "w.sqlite", token="secret")
    head = (
        b"POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer secret\r\n"
        b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    with running(writable, server.Limits()) as port, socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head + b'{"text": "')
        answer = closed_by_server(sock, wait=5)
    assert answer is not None and answer.startswith(b"HTTP/1.1 408")
    assert b'"body_timeout"' in answer
