"""Find quoted passages in German text, whatever the marks: „…“ "…" »…« «…» ‚…‘ “…”.

A scanner rather than one regular expression, because real articles mix
styles and break them: an opening mark inside an open quote that is never
closed (seed 000, line 8) must not end the quote, and a quote that is never
closed stops at the end of its paragraph instead of running over the article.  A quote goes on over a
line break when the next line closes it before opening another one (hard-wrapped pages, a quotation
running over a paragraph break).  Whitespace next to a mark counts as nothing, line breaks included: some
press pages put each mark on a line of its own (``„`` newline text newline ``“ sagt …``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: opening mark -> the marks that close it.
_PAIRS: dict[str, str] = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "“": "”",
    '"': '"',
    "‹": "›",
}
#: Marks that may open only where a word starts (they double as closers or apostrophes elsewhere).
_WORD_START_ONLY = frozenset({'"', "“", "«", "‹"})
#: Any opening mark: :func:`find_quoted` jumps to the next one instead of testing every character.
_OPENER = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
#: Whitespace read after a line break when looking for a closing mark on the next line (``\n\n“ sagt``):
#: blank lines between a quotation and its closing mark are a few characters; the bound keeps the scan
#: linear on text made of line breaks.
MAX_BLANK = 16
#: A quotation opened and not closed in its paragraph goes on over at most this many further lines when one
#: of them closes it and none opens another quotation first (a press release quoting several paragraphs
#: with one straight mark before the first and one after the last; 1 was the old single-line reach).
MAX_QUOTE_LINES = 6
#: Every mark and whitespace: what to strip from a quoted passage to reach its words.
MARKS_AND_SPACE = '„“”"»«‚‘’‹› \t\r\n'


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted passage: ``start``/``end`` include the marks; ``closed`` is False for a runaway quote."""

    start: int
    end: int
    closed: bool = True


def _can_open(text: str, index: int) -> bool:
    mark = text[index]
    if mark not in _PAIRS:
        return False
    if mark not in _WORD_START_ONLY:
        return True
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([:–—-/") and (not after.isspace() or _alone(text, index))


def _alone(text: str, index: int) -> bool:
    """Whether the mark at ``index`` stands on a line of its own: a ``"`` or ``“`` there opens a quotation,
    one that merely ends a line after words closes an earlier one (``… verstanden. “`` newline)."""
    before = index - 1
    while before >= 0 and text[before] in " \t\r":
        before -= 1
    return (before < 0 or text[before] == "\n") and _ends_line(text, index)


def _ends_line(text: str, index: int) -> bool:
    """Whether only whitespace follows the mark at ``index`` on its line (``Er sagt: „`` newline text)."""
    after = index + 1
    while after < len(text) and text[after] in " \t\r":
        after += 1
    return after < len(text) and text[after] == "\n"


def _line_closes(text: str, index: int, closers: str) -> bool:
    """Whether the line starting at ``index`` begins (after whitespace, blank lines too) with a closing
    mark that does not start a word: ``“ sagt …`` or ``“, sagt …`` on the line after a quotation closes it."""
    stop = min(len(text), index + MAX_BLANK)
    while index < stop and text[index].isspace():
        index += 1
    after = text[index + 1] if index + 1 < len(text) else " "
    return index < len(text) and text[index] in closers and not after.isalnum()


def _continues(text: str, newline: int, closers: str) -> bool:
    """Whether an open quote goes on over the line break at ``newline``: the next line closes it before
    anything opens a new quote (hard-wrapped text, or a quotation that runs over a paragraph break); up to
    ``MAX_QUOTE_LINES`` lines are read, so a quote closed nowhere near still stops at its paragraph's end."""
    index = newline + 1
    if _line_closes(text, index, closers):
        return True
    lines = 1
    while index < len(text) and lines <= MAX_QUOTE_LINES:
        if text[index] == "\n":
            lines += 1
        elif _can_open(text, index):
            return False
        elif text[index] in closers:
            return True
        index += 1
    return False


def _next_line(text: str, index: int) -> int:
    """After an opening mark that ends its line: the start of the next line that is not blank (the quotation's
    words), or ``index`` when none follows."""
    position = index
    while position < len(text) and text[position].isspace():
        position += 1
    return position if position < len(text) else index


def find_quoted(text: str) -> list[Quoted]:
    """All top-level quoted passages, in text order; nested quotes stay inside their outer one."""
    found: list[Quoted] = []
    index, length = 0, len(text)
    while index < length:
        if not _can_open(text, index):  # no character before the next opening mark can open a quote
            following = _OPENER.search(text, index + 1)
            index = following.start() if following else length
            continue
        opener, start = text[index], index
        closers = _PAIRS[opener]
        index += 1
        if _ends_line(text, start):
            index = _next_line(text, index)
        while index < length and text[index] not in closers:
            if text[index] == "\n" and not _continues(text, index, closers):
                break
            index += 1
        if index < length and text[index] in closers:
            found.append(Quoted(start, index + 1))
            index += 1
        else:
            end = index
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            found.append(Quoted(start, end, closed=False))
    return found
