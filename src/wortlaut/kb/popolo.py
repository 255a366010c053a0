"""Office holders from a flat Popolo-style CSV: one row per person and office held, with dates.

The format follows the Popolo ``Membership`` (``person_id``, ``post_id``,
``start_date``, ``end_date``) flattened into one table the way EveryPolitician
published its CSV exports, so a user can load thousands of office holders from
a spreadsheet or a Wikidata query (``P39`` position held with ``P580``/``P582``
qualifiers) without writing YAML.  Columns (header required, order free):

``id``          the person's KB id (an existing id extends that person)
``name``        canonical German name
``post``        wortlaut role id ``<function>:<country or organisation id>``
``start_date``  ISO day (``YYYY-MM-DD``), empty when unknown
``end_date``    ISO day, last day in office, empty while in office
``gender``      ``m`` / ``f`` (optional)
``aliases``     other names separated by ``|`` (optional)
``wikidata``    the person's Wikidata item, e.g. ``Q567`` (optional, informational)
``source``      where the row can be checked (required: a row without a source is refused)

Rows of the same ``id`` become one person with several roles.  Empty lines
and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REQUIRED = ("id", "name", "post", "start_date", "end_date", "source")
GENDERS = frozenset({"", "m", "f"})


class PopoloError(ValueError):
    """A malformed office-holder CSV; the message names the file and line."""


def read_office_holders(path: Path) -> Iterator[dict[str, Any]]:
    """Raw KB entries (the loader's YAML shape) for the people of one office-holder CSV."""
    people: dict[str, dict[str, Any]] = {}
    for line, row in _rows(path):
        where = f"{path}:{line}"
        person = people.setdefault(row["id"], {"id": row["id"], "name": row["name"], "type": "PER"})
        if person["name"] != row["name"]:
            raise PopoloError(
                f"{where}: id {row['id']!r} has two names ({person['name']!r}, {row['name']!r})"
            )
        if row.get("gender"):
            person["gender"] = row["gender"]
        aliases = [alias.strip() for alias in (row.get("aliases") or "").split("|") if alias.strip()]
        person.setdefault("aliases", []).extend(a for a in aliases if a not in person["aliases"])
        role = {"role": row["post"], "start": row["start_date"] or None, "end": row["end_date"] or None}
        person.setdefault("roles", []).append(role)
    yield from people.values()


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PopoloError(f"{path}: cannot read office-holder CSV ({error})") from None
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return
    reader = csv.DictReader([line for _, line in lines])
    missing = [column for column in REQUIRED if column not in (reader.fieldnames or ())]
    if missing:
        raise PopoloError(f"{path}: office-holder CSV lacks column(s) {', '.join(missing)}")
    for (number, _), row in zip(lines[1:], reader, strict=False):
        row = {name: (value or "").strip() for name, value in row.items() if name}
        _check(row, f"{path}:{number}")
        yield number, row


def _check(row: dict[str, str], where: str) -> None:
    for column in ("id", "name", "post", "source"):
        if not row.get(column):
            raise PopoloError(f"{where}: empty {column!r}")
    if ":" not in row["post"]:
        raise PopoloError(f"{where}: post {row['post']!r} is not '<function>:<country or organisation id>'")
    if row.get("gender", "") not in GENDERS:
        raise PopoloError(f"{where}: gender must be m, f or empty, got {row['gender']!r}")
