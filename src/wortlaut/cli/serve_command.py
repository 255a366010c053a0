"""``wortlaut serve``: the HTTP API (and the web UI, when installed) on localhost by default."""

from __future__ import annotations

import os
from pathlib import Path

import click

from wortlaut.cli.store_options import EXIT_NOTHING, db_option, fail, resolve_db

#: Environment variable holding the write token, so it need not appear in the process list.
TOKEN_ENV = "WORTLAUT_TOKEN"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 exposes the server to the network.")  # fmt: skip
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--token", default=None,
              help=f"Bearer token enabling POST /articles (default: ${TOKEN_ENV}).")  # fmt: skip
@db_option
def serve(host: str, port: int, token: str | None, db: Path | None) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) over the store.

    Example: wortlaut serve --db demo.sqlite --port 8000
    """
    import uvicorn

    from wortlaut.api import create_app
    from wortlaut.store import StoreError

    path = resolve_db(db)
    try:
        app = create_app(path, token=token or os.environ.get(TOKEN_ENV) or None)
    except StoreError as error:
        fail(str(error), EXIT_NOTHING)
    click.echo(f"wortlaut: serving {path} on http://{host}:{port} (API docs: /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
