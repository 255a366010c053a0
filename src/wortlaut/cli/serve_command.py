"""``wortlaut serve``: the HTTP API (and the web UI, when installed) on localhost by default."""

from __future__ import annotations

from pathlib import Path

import click

from wortlaut.cli.store_options import EXIT_NOTHING, db_option, fail, resolve_db
from wortlaut.settings import get_settings

#: Environment variable holding the write token, so it need not appear in the process list.
TOKEN_ENV = "WORTLAUT_TOKEN"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 exposes the server to the network.")  # fmt: skip
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--token", default=None,
              help=f"Bearer token enabling POST /articles (default: ${TOKEN_ENV}).")  # fmt: skip
@click.option("--allowed-host", "allowed", multiple=True, metavar="NAME",
              help="Host name to answer besides localhost and --host (repeatable; * = any).")  # fmt: skip
@click.option("--max-connections", type=click.IntRange(1, 100_000), default=None,
              help="Open connections at most (default 4096; lowered to fit the file limit).")  # fmt: skip
@db_option
def serve(
    host: str,
    port: int,
    token: str | None,
    allowed: tuple[str, ...],
    max_connections: int | None,
    db: Path | None,
) -> None:
    """Serve the HTTP API (API docs at /docs) over the store.

    Only requests naming localhost, 127.0.0.1, the --host or an --allowed-host
    in their Host header are answered. Slow clients are cut off after 10 s
    without a complete request head; SIGTERM stops the server within seconds.

    Example: wortlaut serve --db demo.sqlite --port 8000
    """
    from wortlaut.api import create_app, security, server
    from wortlaut.store import StoreError

    path = resolve_db(db)
    hosts = ["*"] if "*" in allowed else security.allowed_hosts([host, *allowed])
    try:
        app = create_app(path, token=token or get_settings().serve.token or None, allowed_hosts=hosts)
    except StoreError as error:
        fail(str(error), EXIT_NOTHING)
    click.echo(f"wortlaut: serving {path} on http://{host}:{port} (API docs: /docs)", err=True)
    if host in ("0.0.0.0", "::") and not allowed:
        click.echo(
            "wortlaut: name the server's public host with --allowed-host so clients are answered", err=True
        )
    limits = server.Limits(max_connections=max_connections or server.MAX_CONNECTIONS)
    server.serve(app, host=host, port=port, limits=limits)
