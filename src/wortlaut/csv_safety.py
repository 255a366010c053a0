"""CSV cells that a spreadsheet will not run as formulas (CSV/formula injection).

Quotes, titles and names come from the news and from whoever feeds the
store; a cell such as ``=HYPERLINK("http://evil", "klick")`` or
``@SUM(...)`` runs when the CSV is opened in Excel or LibreOffice.  Every CSV
writer of wortlaut (the CLI's ``said``, ``search``, ``stories``,
``export --format csv`` and the web UI's downloads) passes its cells
through :func:`safe_cell`, which prefixes such text with an apostrophe, as
OWASP recommends.  Numbers stay numbers.
"""

from __future__ import annotations

from typing import Any

#: First characters that make spreadsheets evaluate a cell (OWASP's list, plus their full-width forms,
#: which some spreadsheet locales also accept as formula starts).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(text: str) -> str:
    """``text``, with an apostrophe in front when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_cell(value: Any) -> Any:
    """A value ready for :mod:`csv`: ``None`` as empty, numbers as they are, any text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    return neutralise(str(value))
