"""The one reader for the tab-separated language tables under ``lang/<code>/``.

Every table follows the same rules, so they are read in one place: UTF-8,
one row a line, cells separated by tabs, lines that start with ``#`` are
comments and blank lines are skipped.  A table may start with a header line
that names its columns (:func:`read_records`).  A row with the wrong number of
cells is an error that names the file and line, instead of an ``IndexError``
somewhere in a loader or a silently dropped column.
"""

from __future__ import annotations

from pathlib import Path

#: The folder holding one sub-folder of tables per language code (``de``, ``en``).
LANG_ROOT = Path(__file__).resolve().parent

#: A number of cells, or an inclusive ``(least, most)`` range of them.
Columns = int | tuple[int, int]


class TableError(ValueError):
    """A language table that breaks its format (the message names the file and line)."""


def table_path(source: str | Path, *, lang: str = "de") -> Path:
    """A bare file name (``str``) is a table of ``lang/<lang>/``; a ``Path`` is read where it points."""
    return source if isinstance(source, Path) else LANG_ROOT / lang / source


def _numbered_rows(path: Path) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of every line that is neither blank nor a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (number, line.split("\t"))
        for number, line in enumerate(lines, 1)
        if line.strip() and not line.startswith("#")
    ]


def _check(path: Path, number: int, cells: list[str], columns: Columns) -> None:
    least, most = (columns, columns) if isinstance(columns, int) else columns
    if not least <= len(cells) <= most:
        wanted = str(least) if least == most else f"{least} to {most}"
        raise TableError(
            f"{path}: line {number}: expected {wanted} tab-separated columns, found {len(cells)}"
        )


def read_rows(
    source: str | Path, *, columns: Columns | None = None, header: bool = False, lang: str = "de"
) -> list[list[str]]:
    """The rows of a table as lists of cells (not stripped).

    ``columns`` checks every row's width (header included); ``header=True`` drops the first row.
    """
    path = table_path(source, lang=lang)
    numbered = _numbered_rows(path)
    if columns is not None:
        for number, cells in numbered:
            _check(path, number, cells, columns)
    return [cells for _, cells in numbered[1 if header else 0 :]]


def read_records(source: str | Path, *, lang: str = "de") -> list[dict[str, str]]:
    """The rows of a table with a header line, as dicts keyed by the header's column names.

    Every row must have exactly as many cells as the header (trailing cells may be empty).
    """
    path = table_path(source, lang=lang)
    numbered = _numbered_rows(path)
    if not numbered:
        return []
    names = numbered[0][1]
    for number, cells in numbered[1:]:
        _check(path, number, cells, len(names))
    return [dict(zip(names, cells, strict=True)) for _, cells in numbered[1:]]


def read_column(source: str | Path, *, columns: Columns | None = None, lang: str = "de") -> list[str]:
    """The first cell of every row, stripped (word lists, and tables used only for their keys)."""
    return [cells[0].strip() for cells in read_rows(source, columns=columns, lang=lang)]
