"""``/docs``: the API reference as one HTML page built from the OpenAPI schema, served from the package.

FastAPI's default ``/docs`` and ``/redoc`` load Swagger UI and ReDoc scripts
and fonts from public CDNs: that breaks offline, leaks every visit to a
third party and would need the CSP to allow foreign scripts.  This page has
no script at all; ``/openapi.json`` stays available for tools.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

_METHODS = ("get", "post", "put", "patch", "delete")


def _schema_text(schema: dict[str, Any]) -> str:
    """A short type description: ``string (date)``, ``integer ≤ 100``, ``array of …``, or a ref name."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(_schema_text(part) for part in schema[key])
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"array of {_schema_text(schema.get('items', {}))}"
    bounds = [
        f"{label} {schema[key]}" for key, label in (("minimum", "≥"), ("maximum", "≤")) if key in schema
    ]
    if "pattern" in schema:
        bounds.append(f"pattern {schema['pattern']}")
    return " ".join([kind, *bounds])


def _parameters(operation: dict[str, Any]) -> str:
    rows = [
        f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p.get('in', ''))}</td>"
        f"<td>{'yes' if p.get('required') else 'no'}</td><td>{escape(_schema_text(p.get('schema', {})))}</td>"
        f"<td>{escape(p.get('description', '') or p.get('schema', {}).get('description', ''))}</td></tr>"
        for p in operation.get("parameters", [])
    ]
    if not rows:
        return ""
    head = "<tr><th>Name</th><th>In</th><th>Required</th><th>Type</th><th>Description</th></tr>"
    return f'<table class="data"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _operation(path: str, method: str, operation: dict[str, Any]) -> str:
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    shown = escape(json.dumps(body, indent=1)) if body else ""
    body_html = f"<details><summary>Request body (JSON)</summary><pre>{shown}</pre></details>" if body else ""
    statuses = ", ".join(escape(str(status)) for status in operation.get("responses", {}))
    return (
        f'<section class="endpoint"><h2><code>{method.upper()} {escape(path)}</code></h2>'
        f"<p>{escape(operation.get('summary', ''))}</p>{_parameters(operation)}{body_html}"
        f'<p class="meta">Responses: {statuses}</p></section>'
    )


def render(schema: dict[str, Any]) -> str:
    """The whole reference page for an OpenAPI ``schema``."""
    info = schema.get("info", {})
    sections = [
        _operation(path, method, item[method])
        for path, item in schema.get("paths", {}).items()
        for method in _METHODS
        if method in item
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(info.get('title', 'API'))} API</title>"
        '<link rel="stylesheet" href="/ui/static/wortlaut.css"></head><body><main id="main">'
        f"<h1>{escape(info.get('title', 'API'))} API {escape(str(info.get('version', '')))}</h1>"
        f"<p>{escape(info.get('description', ''))} Errors have the shape "
        '<code>{"error": {"code": …, "message": …}}</code>. Machine-readable schema: '
        '<a href="/openapi.json">/openapi.json</a>.</p>'
        f"{''.join(sections)}</main></body></html>"
    )


def add(app: FastAPI) -> None:
    """Serve the reference at ``/docs`` (the app must be built with ``docs_url=None, redoc_url=None``)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render(app.openapi()))
