"""Security headers on every response, and the ``Host`` check against DNS rebinding.

The headers are added by a plain ASGI wrapper (no per-request task, unlike
``BaseHTTPMiddleware``) around the whole app, so they are on every answer:
pages, JSON, static files, downloads, errors and the host check's own 400.

The Content-Security-Policy allows scripts, styles and images only from the
server itself; nothing inline runs, so an injected ``<script>``, an
``onclick`` or a ``javascript:`` link is refused by the browser even if a
template ever forgot to escape or filter one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Only our own files; no inline script or style, no plugins, no framing, forms post only to us.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
#: Names a browser on this machine uses for a server on loopback.
LOCAL_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1", "[::1]")


class SecurityHeaders:
    """ASGI wrapper adding :data:`SECURITY_HEADERS` to every HTTP response (replacing any the app set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def allowed_hosts(extra: Iterable[str] = ()) -> list[str]:
    """The local names plus ``extra`` (``--host`` and ``--allowed-host``); ``0.0.0.0``/``::`` are dropped.

    A wildcard address is where the server listens, never a name a client
    sends; someone exposing the server names its public host explicitly.
    """
    hosts = list(LOCAL_HOSTS)
    for host in extra:
        name = host.strip().lower()
        if name and name not in ("0.0.0.0", "::", "[::]") and name not in hosts:
            hosts.append(f"[{name}]" if ":" in name and not name.startswith("[") and name != "*" else name)
    return hosts


def install(app: Any, hosts: Sequence[str]) -> None:
    """Check ``Host`` against ``hosts`` (``*`` allows any), then add the headers around everything."""
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(SecurityHeaders)
