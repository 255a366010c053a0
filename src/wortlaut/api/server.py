"""Running the app under uvicorn so slow or hostile clients cannot take the server down.

uvicorn alone waits forever for a request's headers, keeps every idle
connection until the process runs out of file descriptors (then every
request fails), and its ``limit_concurrency`` answers 503 to *everyone* once
slow clients fill it.  :func:`guarded_protocol` adds, per connection:

- a header deadline (:data:`HEADER_TIMEOUT`): a connection that has not sent
  a complete request head in time gets ``408`` and is closed;
- a connection cap: when a new connection would exceed it, the connection
  that has waited longest *without a complete request* is dropped; clients
  that send a request at normal speed are never the oldest waiters.

:func:`serve` also bounds header size, keep-alive idling and the graceful
shutdown: after SIGTERM/SIGINT running requests get :data:`GRACE_SECONDS`,
then the process exits even if a worker thread (a long linking job) is
still busy; SQLite rolls back the unfinished transaction.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import resource
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from types import FrameType
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a client has to send a complete request head (Apache's RequestReadTimeout uses 20-40 s,
#: nginx 60 s; requests from browsers and scripts arrive in milliseconds, so 10 s is generous).
HEADER_TIMEOUT = 10.0
#: Deadlines are spread over up to this fraction of the timeout more, so a burst of slow clients that
#: connected together is not cut off (and does not reconnect) in one burst that stalls the loop.
HEADER_JITTER = 0.5
#: Open connections at most: above 2,000 so a slowloris burst of that size is cut off by the header
#: deadline rather than by evictions (benchmarks/bench_slow_clients.py); still lowered to the file limit.
MAX_CONNECTIONS = 4096
#: File descriptors kept free of connections: SQLite files, logs, the threadpool.
FD_RESERVE = 128
#: Largest request head (bytes); h11's default is 16 KiB as well, named here to be explicit.
MAX_HEADER_BYTES = 16 * 1024
#: Seconds an idle keep-alive connection stays open.
KEEP_ALIVE_SECONDS = 5
#: Seconds running requests get after SIGTERM before they are cancelled.
GRACE_SECONDS = 3
#: Extra seconds after the grace period before the process exits regardless of busy threads.
EXIT_MARGIN_SECONDS = 2.0
#: Seconds between two "connection limit reached" log lines.
WARN_EVERY_SECONDS = 10.0
_TIMEOUT_RESPONSE = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
_LOG = logging.getLogger("wortlaut.server")


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """The guards of one server."""

    header_timeout: float = HEADER_TIMEOUT
    max_connections: int = MAX_CONNECTIONS


def guarded_protocol(limits: Limits) -> type[H11Protocol]:
    """An h11 protocol class with a header deadline and a connection cap (one registry per server)."""
    waiting: OrderedDict[GuardedProtocol, None] = OrderedDict()

    class GuardedProtocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            self._await_head()
            if len(self.connections) > limits.max_connections:
                victim = next(iter(waiting)) if waiting else self
                _warn_full(limits.max_connections)
                victim._drop()

        def data_received(self, data: bytes) -> None:
            if self._header_timer is None and self.conn.their_state is h11.IDLE:
                self._await_head()  # the first byte of a keep-alive connection's next request
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._head_done()

        def connection_lost(self, exc: Exception | None) -> None:
            self._head_done()
            super().connection_lost(exc)

        def _await_head(self) -> None:
            self._head_done()
            deadline = limits.header_timeout * (1 + HEADER_JITTER * random.random())
            self._header_timer = self.loop.call_later(deadline, self._head_timed_out)
            waiting[self] = None

        def _head_done(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None
            waiting.pop(self, None)

        def _head_timed_out(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                self.transport.write(_TIMEOUT_RESPONSE)
            self._drop()

        def _drop(self) -> None:
            self._head_done()
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedProtocol


_last_warning = [0.0]


def _warn_full(cap: int) -> None:
    """Log that the cap was reached, at most once per :data:`WARN_EVERY_SECONDS` (an attack floods)."""
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS:
        _last_warning[0] = now
        _LOG.warning("connection limit %d reached; dropping the clients waiting longest", cap)


def connection_cap(requested: int = MAX_CONNECTIONS) -> int:
    """``requested``, lowered so connections never use the descriptors the store needs.

    Raises the soft open-files limit to the hard one first (allowed for any
    process), as servers do.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        try:
            target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return max(1, min(requested, soft - FD_RESERVE))


class GracefulServer(uvicorn.Server):
    """uvicorn's server, plus a watchdog that ends the process when shutdown overruns."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if not self.should_exit:
            delay = (self.config.timeout_graceful_shutdown or 0) + EXIT_MARGIN_SECONDS
            watchdog = threading.Timer(delay, _exit_now, args=(128 + sig,))
            watchdog.daemon = True
            watchdog.start()
        super().handle_exit(sig, frame)


def _exit_now(code: int) -> None:
    _LOG.error("shutdown took longer than the grace period; exiting with work unfinished")
    logging.shutdown()
    os._exit(code)


def config(app: Any, *, host: str, port: int, limits: Limits | None = None) -> uvicorn.Config:
    """The uvicorn configuration with every bound of this module applied."""
    chosen = limits or Limits()
    chosen = Limits(
        header_timeout=chosen.header_timeout, max_connections=connection_cap(chosen.max_connections)
    )
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(chosen),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_graceful_shutdown=GRACE_SECONDS,
        log_level="warning",
        server_header=False,
    )


def serve(app: Any, *, host: str, port: int, limits: Limits | None = None) -> None:
    """Run ``app`` until SIGTERM/SIGINT; returns within :data:`GRACE_SECONDS` + a margin."""
    GracefulServer(config(app, host=host, port=port, limits=limits)).run()
