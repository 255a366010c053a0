"""Readers for the structure stage's data files and the post-signature parser.

Kept apart from :mod:`wortlaut.structure.rules` so the line classifier reads
as a short sequence of decisions, and so the signature parser can be tested
on its own.  Markers, month names and news-agency tags live in
``lang/de/structure_*.tsv``; the agency tags are also read by the entity stage,
which must not take ``(dpa)`` in ``Berlin (dpa) –`` for an organisation mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from wortlaut.lang.tables import read_rows

#: Post signatures name an author in a few words ("Mark Rutte", "Bundeskanzler
#: Friedrich Merz"); a longer stretch before "(@handle)" is prose, not a signature.
MAX_AUTHOR_WORDS = 6


#: A dateline names its place(s) and date in a few words before the agency tag
#: ("Berlin/Warschau", "Frankfurt/Main, 11. März"); longer text before a bracket is prose.
MAX_DATELINE_PLACE_CHARS = 60
#: Desks and author initials after an agency ("dpa/lni", "AFP/jW") are short words.
MAX_TAG_SUFFIX_CHARS = 12

#: "Name (@handle) date" up to the end of the line, after the dash or opening phrase.
_SIGNATURE_TAIL = (
    r"(?P<author>[^()\n—–]{1,80}?)\s*"
    r"\((?P<handle>@[A-Za-z0-9_][\w.\-]*(?:@[\w.\-]+)?)\)\s*"
    r"(?P<date>[^()\n]{0,40}?)\s*$"
)
_SIGNATURE = re.compile(r"(?:[—–]|(?:^|(?<=\s))-{1,2})\s*" + _SIGNATURE_TAIL)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


@dataclass(frozen=True, slots=True)
class Markers:
    """Compiled boilerplate markers: link-list headers, labelled boilerplate lines, caption lines."""

    list_headers: tuple[re.Pattern[str], ...]
    lines: tuple[tuple[re.Pattern[str], str], ...]
    captions: tuple[re.Pattern[str], ...] = ()
    boxes: tuple[re.Pattern[str], ...] = ()

    def is_list_header(self, line: str) -> bool:
        stripped = line.strip().rstrip(":").strip()
        return any(pattern.fullmatch(stripped) for pattern in self.list_headers)

    def is_boilerplate_line(self, line: str) -> bool:
        return self.boilerplate_label(line) is not None

    def boilerplate_label(self, line: str) -> str | None:
        """The label of the first line marker that matches (``byline``, ``promo`` …), or ``None``."""
        return next((label for pattern, label in self.lines if pattern.search(line)), None)

    def is_box_header(self, line: str) -> bool:
        """A header ("Zur Person", "Über den Autor") whose next paragraph is an author box."""
        stripped = line.strip().rstrip(":").strip()
        return any(pattern.fullmatch(stripped) for pattern in self.boxes)

    def is_caption_line(self, line: str) -> bool:
        return any(pattern.search(line) for pattern in self.captions)


def load_markers(name: str = "structure_boilerplate.tsv") -> Markers:
    rows = read_rows(name, columns=(3, 4))
    headers = tuple(re.compile(row[1]) for row in rows if row[0] == "list")
    lines = tuple(
        (re.compile(row[1]), row[3].strip() if len(row) > 3 else "boilerplate")
        for row in rows
        if row[0] == "line"
    )
    captions = tuple(re.compile(row[1]) for row in rows if row[0] == "caption")
    boxes = tuple(re.compile(row[1]) for row in rows if row[0] == "box")
    return Markers(list_headers=headers, lines=lines, captions=captions, boxes=boxes)


def load_months(name: str = "structure_months.tsv") -> dict[str, int]:
    return {row[0].strip().lower(): int(row[1]) for row in read_rows(name, columns=2)}


@dataclass(frozen=True, slots=True)
class AgencyTags:
    """Bracketed news-agency tags: ``(dpa)``, ``(dpa/AFP)``, ``(AFP/jW)``.

    Only the bracket form in its usual places counts: at the start of a line after at most a
    short place name and before a dash or colon (the dateline ``Berlin (dpa) –``), alone on a
    line, or at the end of a line after a sentence (the credit ``… sagte er. (AFP)``).  An
    agency named in running text ("wie dpa berichtet") is a real mention and stays untouched.
    """

    tag: re.Pattern[str]
    dateline: re.Pattern[str]
    credit: re.Pattern[str]

    def is_tag_line(self, line: str) -> bool:
        """Whether a whole line is one agency tag (``(dpa)``)."""
        return self.tag.fullmatch(line.strip()) is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Offsets of the bracketed agency tags of datelines, credits and tag lines, in text order."""
        found = {match.span("tag") for match in self.dateline.finditer(text)}
        found.update(match.span("tag") for match in self.credit.finditer(text))
        return sorted(found)


def load_agencies(name: str = "structure_agencies.tsv") -> AgencyTags:
    """Compile the agency tags of the data file into the tag, dateline and credit patterns."""
    names = sorted({row[0].strip() for row in read_rows(name, columns=2)}, key=len, reverse=True)
    agency = rf"(?i:{'|'.join(re.escape(n) for n in names)})(?![\w-])"
    tag = rf"\(\s*{agency}(?:\s*[/,]\s*[\w-]{{1,{MAX_TAG_SUFFIX_CHARS}}})*\s*\)"
    place = rf"[^\W\d_][^\n()„“”\"»«!?:;]{{0,{MAX_DATELINE_PLACE_CHARS}}}?[ \t,]*"
    return AgencyTags(
        tag=re.compile(tag),
        dateline=re.compile(rf"^[ \t]*(?:{place})?(?P<tag>{tag})(?=[ \t]*(?:[-–—:]|$))", re.MULTILINE),
        credit=re.compile(rf"(?<=[.!?“”\"«»])[ \t]*(?P<tag>{tag})[ \t]*$", re.MULTILINE),
    )


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed post signature; ``start`` is where the dash begins in the line."""

    start: int
    author: str | None
    handle: str
    date: str | None


def load_post_prefixes(name: str = "structure_post_prefixes.tsv") -> re.Pattern[str] | None:
    """A pattern for signatures opened by a phrase ("Ein Beitrag geteilt von …") instead of a dash."""
    phrases = [re.escape(row[0].strip()) for row in read_rows(name, columns=2)]
    if not phrases:
        return None
    return re.compile(rf"(?i:^(?:{'|'.join(phrases)}))\s+" + _SIGNATURE_TAIL)


def parse_signature(
    line: str, months: dict[str, int], prefixes: re.Pattern[str] | None = None
) -> Signature | None:
    """``— Mark Rutte (@SecGenNATO) 21. Mai 2025`` -> author, handle, ISO date.

    The text after the handle must be empty or a date, so prose that happens
    to contain "(@name)" is not taken for a signature.
    """
    match = _SIGNATURE.search(line) or (prefixes.match(line) if prefixes is not None else None)
    if match is None:
        return None
    author = match.group("author").strip()
    if len(author.split()) > MAX_AUTHOR_WORDS or re.search(r"[.!?:;„“\"]$", author):
        return None
    raw_date = match.group("date").strip()
    iso = parse_date(raw_date, months) if raw_date else None
    if raw_date and iso is None:
        return None
    return Signature(start=match.start(), author=author or None, handle=match.group("handle"), date=iso)


def parse_date(text: str, months: dict[str, int]) -> str | None:
    """ISO date from ``21. Mai 2025``, ``May 21, 2025``, ``21.05.2025`` or ``2025-05-21``."""
    text = text.strip()
    candidates: list[tuple[int, int, int]] = []
    if match := _ISO.fullmatch(text):
        candidates.append((int(match[1]), int(match[2]), int(match[3])))
    elif match := _NUMERIC.fullmatch(text):
        candidates.append((int(match[3]), int(match[2]), int(match[1])))
    elif (match := _DAY_MONTH.fullmatch(text)) and match[2].lower() in months:
        candidates.append((int(match[3]), months[match[2].lower()], int(match[1])))
    elif (match := _MONTH_DAY.fullmatch(text)) and match[1].lower() in months:
        candidates.append((int(match[3]), months[match[1].lower()], int(match[2])))
    for year, month, day in candidates:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    return None
