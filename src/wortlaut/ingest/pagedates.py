"""Publication and update dates of a news page, and the rule that picks between them.

A page names its dates in several places that disagree more often than one
would think: JSON-LD ``datePublished``/``dateModified``, ``article:published_time``,
``<time>`` elements, a generic ``<meta name="date">`` (sometimes the print date,
sometimes the last change) and visible lines (``Stand: …``, ``Aktualisiert: …``,
``Publiziert: …``).  The rule, in docs/quality.md ("Real pages"):

1. first publication: JSON-LD ``datePublished`` of the article object, else an
   explicit publication meta tag (``article:published_time``, ``datePublished``,
   ``DC.date.issued``, any ``*publish*`` name), else JSON-LD ``dateCreated``, else a
   visible ``Publiziert:``/``Veröffentlicht:``/``Erstellt:``/``Datum:``/``Pressemitteilung
   vom`` line (the date may stand in the block after a bare label), else the first
   ``<time datetime>``, else a date line in the article header, else a date line just
   before the headline (bylines set above it: ``Gunter Frank / 22.04.2020 / 06:15``),
   else ``<meta name="date">``, else trafilatura's original date.  A date line is a
   short block or a block that opens with the date (``27.1.2022 - Bei der …``); a date
   inside a sentence of the text is what the story is about, not when it appeared.  A
   ``Stand:``/``Aktualisiert:``/modified date is never taken as the first publication.
2. last update: JSON-LD ``dateModified``, ``article:modified_time``/``og:updated_time``,
   a visible ``Stand:``/``Aktualisiert:`` line; kept only when it is not before the
   first publication.
3. Times given in UTC are read in Central European time (CET/CEST, the zone of
   every German-language publisher in the set) before the day is taken, so a
   story published at 00:04 in Linz is dated that day, not the day before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from wortlaut.article import Article

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_GERMAN = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?!\d)(?:,?\s*(?:um\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2}))?"
)
_RFC = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3})\w*\.?\s+(?P<y>\d{4})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?\s*(?P<tz>[+-]\d{4}|GMT|UTC)?)?"
)
_WORD = re.compile(
    r"(?P<d>\d{1,2})\.\s*(?P<mon>[^\W\d_]+)\.?\s+(?P<y>\d{4})(?:,?\s*(?:um\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2}))?"
)
_RFC_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


#: ``meta["published_source"]`` of a date given on the command line.
GIVEN = "--published"


def override_published(article: Article, published: str | None) -> Article:
    """The article with an explicitly given date, which always wins over the input's own.

    The caller (``--published`` of ``analyze`` and ``ingest``) vouches for the date;
    ``meta["published_source"]`` records that it was given, and the page's own
    choice stays visible as ``meta["page_published"]``.
    """
    if not published:
        return article
    meta = dict(article.meta)
    if article.published and article.published != published:
        meta["page_published"] = article.published
    meta["published_source"] = GIVEN
    return article.with_layers(published=published, meta=meta)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date found on the page: the ISO day (local), and where it came from."""

    day: str
    source: str


def parse_page_date(text: str, months: dict[str, int] | None = None) -> str | None:
    """The local (CET/CEST) ISO day of a date string in ISO, RFC 2822 or German form."""
    text = text.strip()
    if match := _ISO.search(text):
        return _day(int(match["y"]), int(match["m"]), int(match["d"]), match["H"], match["M"], match["tz"])
    if match := _GERMAN.search(text):
        year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
        return _day(year, int(match["m"]), int(match["d"]), None, None, None)
    if (match := _RFC.search(text)) and match["mon"].lower()[:3] in _RFC_MONTHS:
        tz = match["tz"]
        tz = "Z" if tz in ("GMT", "UTC") else tz
        return _day(
            int(match["y"]),
            _RFC_MONTHS[match["mon"].lower()[:3]],
            int(match["d"]),
            match["H"],
            match["M"],
            tz,
        )
    if months and (match := _WORD.search(text)) and match["mon"].lower().rstrip(".") in months:
        return _day(
            int(match["y"]), months[match["mon"].lower().rstrip(".")], int(match["d"]), None, None, None
        )
    return None


#: No web page was published before the web; an older "date" on a page is a
#: historical date in the text (``28.9.1912``), not the publication.
MIN_PAGE_YEAR = 1995


def _day(year: int, month: int, day: int, hour: str | None, minute: str | None, tz: str | None) -> str | None:
    if year < MIN_PAGE_YEAR:
        return None
    try:
        moment = datetime(year, month, day, int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    if hour is None or tz is None:
        return moment.date().isoformat()  # a local wall-clock time or a bare day: taken as written
    offset = timedelta(0) if tz == "Z" else _offset(tz)
    utc = (moment - offset).replace(tzinfo=UTC)
    return to_central_european(utc).date().isoformat()


def _offset(tz: str) -> timedelta:
    sign = -1 if tz.startswith("-") else 1
    digits = tz[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


def to_central_european(moment: datetime) -> datetime:
    """A UTC time as wall-clock time in Berlin/Vienna/Zurich (EU summer time rule, no tz database needed)."""
    year = moment.year
    start = _last_sunday(year, 3).replace(hour=1, tzinfo=UTC)
    end = _last_sunday(year, 10).replace(hour=1, tzinfo=UTC)
    hours = 2 if start <= moment < end else 1
    return (moment + timedelta(hours=hours)).replace(tzinfo=None)


def _last_sunday(year: int, month: int) -> datetime:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return datetime(last.year, last.month, last.day - (last.weekday() + 1) % 7)


def choose_published(candidates: list[DateCandidate]) -> DateCandidate | None:
    """The first candidate in the rule's order (the caller lists them in that order)."""
    return candidates[0] if candidates else None


def choose_updated(candidates: list[DateCandidate], published: DateCandidate | None) -> DateCandidate | None:
    """The first update date that is not before the first publication."""
    for candidate in candidates:
        if published is None or candidate.day >= published.day:
            return candidate
    return None


# -- finding the candidates on a page -------------------------------------------------------

_VISIBLE_PUBLISHED = re.compile(
    r"(?i)\b(?:publiziert|veröffentlicht|erstellt|erschienen|datum"
    r"|(?:presse|fach)?(?:mitteilung|meldung|information)\s+vom)\s*(?:am)?\s*:?\s*(.{0,40})"
)
#: A block of at most this many words may be a date line; longer ones are text,
#: whose dates are what the story is about (chosen on the 70 development pages:
#: bylines with date run to 12 words, "Ausgabejahr 2022 Datum 25.01.2022" to 4).
MAX_DATE_LINE_WORDS = 16
#: A longer block still counts when its date stands in its first characters
#: (a dateline opening the first paragraph: ``27.1.2022 - Bei der Erinnerung …``).
DATELINE_PREFIX_CHARS = 24
_VISIBLE_UPDATED = re.compile(
    r"(?i)\b(?:stand|aktualisiert|zuletzt aktualisiert|update|editiert am)\s*(?:am)?\s*:?\s*(.{6,40})"
)
_PUBLISHED_KEYS = ("article:published_time", "datepublished", "dc.date.issued", "og:published_time")
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")


def published_candidates(
    *, ld: list[dict[str, object]], meta: dict[str, list[str]], visible: list[str], header: list[str],
    times: list[str], fallback: str | None, months: dict[str, int], before: Sequence[str] = (),
) -> list[DateCandidate]:  # fmt: skip
    """First-publication candidates in the order of the rule (module docstring)."""
    found: list[DateCandidate] = []

    def add(raw: object, source: str) -> None:
        day = parse_page_date(str(raw), months) if raw else None
        if day:
            found.append(DateCandidate(day, source))

    for obj in ld:
        add(obj.get("datePublished"), "json-ld datePublished")
    for key in (*_PUBLISHED_KEYS, *(k for k in meta if "publi" in k and k not in _PUBLISHED_KEYS)):
        for value in meta.get(key, ()):
            add(value, f"meta {key}")
    for obj in ld:
        add(obj.get("dateCreated"), "json-ld dateCreated")
    for raw in labelled_dates(visible):
        add(raw, "visible Publiziert/Veröffentlicht/Datum line")
    for value in times:
        add(value, "<time datetime>")
    for line in header:
        if not _VISIBLE_UPDATED.search(line):
            add(date_line(line), "visible date under the headline")
    for line in reversed(before):
        if not _VISIBLE_UPDATED.search(line):
            add(date_line(line), "visible date above the headline")
    for value in meta.get("date", ()):
        add(value, "meta date")
    add(fallback, "trafilatura")
    return found


def date_line(line: str) -> str | None:
    """The part of a block that may hold its publication date (a short block, or a long one's start)."""
    return line if len(line.split()) <= MAX_DATE_LINE_WORDS else line[:DATELINE_PREFIX_CHARS]


def labelled_dates(lines: list[str]) -> list[str]:
    """Dates after a publication label in short lines (a bare ``Erschienen am:`` takes the next line)."""
    found = []
    for position, line in enumerate(lines):
        if len(line.split()) > MAX_DATE_LINE_WORDS or not (match := _VISIBLE_PUBLISHED.search(line)):
            continue
        rest = match.group(1).strip()
        if not rest and position + 1 < len(lines):
            rest = lines[position + 1][:40]
        if rest:
            found.append(rest)
    return found


def updated_candidates(
    *, ld: list[dict[str, object]], meta: dict[str, list[str]], visible: list[str], months: dict[str, int]
) -> list[DateCandidate]:
    """Last-update candidates: JSON-LD, modified meta tags, visible Stand:/Aktualisiert: lines."""
    found: list[DateCandidate] = []
    for obj in ld:
        raw = obj.get("dateModified")
        if raw and (day := parse_page_date(str(raw), months)):
            found.append(DateCandidate(day, "json-ld dateModified"))
    for key in _MODIFIED_KEYS:
        for value in meta.get(key, ()):
            if day := parse_page_date(value, months):
                found.append(DateCandidate(day, f"meta {key}"))
    for line in visible:
        if (match := _VISIBLE_UPDATED.search(line)) and (day := parse_page_date(match.group(1), months)):
            found.append(DateCandidate(day, "visible Stand/Aktualisiert line"))
    return found
