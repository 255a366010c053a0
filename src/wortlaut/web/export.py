"""Downloads: any list on a page as CSV or JSON, and self-contained HTML reports.

Every page names its lists (``statements``, ``events``, …); adding
``?download=<list>.csv`` (or ``.json``) to the page's URL returns that list
instead of the page, so whatever a reader filtered on screen is what they
get.  CSV cells holding nested values (the sources of a statement group)
carry them as JSON, and cells that a spreadsheet would run as a formula are
prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.responses import Response

from wortlaut.csv_safety import neutralise
from wortlaut.store import to_data

_DOWNLOAD = re.compile(r"^(?P<name>[a-z_]{1,40})\.(?P<format>csv|json)$")


class DownloadError(ValueError):
    """A ``download`` parameter naming no list of the page, or an unknown format."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return neutralise(text)


def to_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as CSV with a header of every key seen (in first-seen order)."""
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def download(lists: Mapping[str, Sequence[Any]], spec: str, *, stem: str) -> Response:
    """The list named in ``spec`` (``name.csv`` or ``name.json``) as a file download."""
    match = _DOWNLOAD.match(spec)
    if match is None or match["name"] not in lists:
        names = ", ".join(f"{name}.csv|json" for name in lists)
        raise DownloadError(f"download={spec!r}: this page offers {names or 'no lists'}")
    rows = [item if isinstance(item, Mapping) else to_data(item) for item in lists[match["name"]]]
    filename = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{stem}-{match['name']}.{match['format']}")
    if match["format"] == "csv":
        body, media = to_csv(rows), "text/csv; charset=utf-8"
    else:
        body, media = json.dumps(rows, ensure_ascii=False, indent=1), "application/json"
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


def attachment(html: str, *, stem: str) -> Response:
    """A rendered report as a downloadable, self-contained HTML file."""
    filename = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)[:80] + ".html"
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
