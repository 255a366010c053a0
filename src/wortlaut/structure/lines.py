"""Lines of a text and the roles the structure rules give them.

A text's layout is its lines: :func:`split_lines` returns the non-empty ones,
trimmed, with code-point offsets and the number of blank lines before each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from wortlaut.article import Span

_SENTENCE_END = tuple(".!?…:;\"“”»«'’")


class Role(Enum):
    """What a line is; every line starts as body text until a rule claims it."""

    BODY = "body"
    KICKER = "kicker"
    LEAD = "lead"
    HEADLINE = "headline"
    CAPTION = "caption"
    POST = "post"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line, trimmed, with its offsets and the blank lines before it."""

    start: int
    end: int
    text: str
    blank_before: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of the text with code-point offsets (whitespace trimmed)."""
    lines: list[Line] = []
    blank = 0
    for match in re.finditer(r"[^\n]*", text):
        raw = match.group()
        if match.start() > 0 and match.start() == match.end() and text[match.start() - 1] != "\n":
            continue  # finditer's empty match right after a line's content
        stripped = raw.strip()
        if not stripped:
            blank += 1
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped, blank))
        blank = 0
    return lines


def ends_sentence(text: str) -> bool:
    """Whether the line ends in sentence-final punctuation or a closing quote (so it is no headline)."""
    return text.rstrip().endswith(_SENTENCE_END)


def line_span(line: Line) -> Span:
    """The line as a :class:`~wortlaut.article.Span`."""
    return Span(start=line.start, end=line.end, text=line.text)
