"""Readable office names: ``secretary_general:nato`` → ``NATO-Generalsekretär``, gendered, with the place.

The labels are data (``lang/<lang>/role_labels.tsv`` and ``role_places.tsv``):
a row for the whole role id wins; otherwise the office's row is followed by
the place's phrase (``Präsident`` + ``Frankreichs``).  An id with no row at
all is shown as written, so a new KB role never breaks a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wortlaut import i18n
from wortlaut.lang.tables import read_rows

FEMININE = "f"


@dataclass(frozen=True, slots=True)
class Labels:
    """One language's office forms (masculine, feminine) and place phrases."""

    offices: dict[str, tuple[str, str]]
    places: dict[str, str]


@cache
def labels(lang: str) -> Labels:
    """The label tables of ``lang``, read once per process."""
    offices = {
        row[0]: (row[1], row[2] if len(row) > 2 else row[1])
        for row in read_rows("role_labels.tsv", columns=(2, 3), lang=lang)
    }
    places = {row[0]: row[1] for row in read_rows("role_places.tsv", columns=2, lang=lang)}
    return Labels(offices=offices, places=places)


def role_label(role: str, *, gender: str | None = None, lang: str | None = None) -> str:
    """The office as a reader says it, in ``lang`` (default: the current language)."""
    table = labels(lang or i18n.current())
    form = 1 if gender == FEMININE else 0
    if role in table.offices:
        return table.offices[role][form]
    office, _, place = role.partition(":")
    if office not in table.offices:
        return role
    name = table.offices[office][form]
    phrase = table.places.get(place)
    if phrase:
        return f"{name} {phrase}"
    return f"{name} ({place})" if place else name


def role_line(role: str, start: str | None, end: str | None, *, gender: str | None = None) -> str:
    """Office and period: ``NATO-Generalsekretär seit 1. Oktober 2024``, ``… von … bis …``."""
    label = role_label(role, gender=gender)
    if start and end:
        period = {"start": i18n.day(start), "end": i18n.day(end)}
        return i18n._("%(role)s from %(start)s to %(end)s", role=label, **period)
    if start:
        return i18n._("%(role)s since %(start)s", role=label, start=i18n.day(start))
    if end:
        return i18n._("%(role)s until %(end)s", role=label, end=i18n.day(end))
    return label
