"""Find quoted passages in German text, whatever the marks: „…“ "…" »…« «…» ‚…‘ “…”.

A scanner rather than one regular expression, because real articles mix
styles and break them: an opening mark inside an open quote that is never
closed (seed 000, line 8) must not end the quote, and a quote that is never
closed stops at the end of its paragraph instead of running over the article.  A quote goes on over a
line break when the next line closes it before opening another one (hard-wrapped pages, a quotation
running over a paragraph break).
"""

from __future__ import annotations

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
    return (before.isspace() or before in "([:–—-/") and not after.isspace()


def _continues(text: str, newline: int, closers: str) -> bool:
    """Whether an open quote goes on over the line break at ``newline``: the next line closes it before
    anything opens a new quote (hard-wrapped text, or a quotation that runs over a paragraph break).
    Only a single line is read, so an unclosed quote still stops at its paragraph's end."""
    index = newline + 1
    while index < len(text) and text[index] != "\n":
        if _can_open(text, index):
            return False
        if text[index] in closers:
            return True
        index += 1
    return False


def find_quoted(text: str) -> list[Quoted]:
    """All top-level quoted passages, in text order; nested quotes stay inside their outer one."""
    found: list[Quoted] = []
    index, length = 0, len(text)
    while index < length:
        if not _can_open(text, index):
            index += 1
            continue
        opener, start = text[index], index
        closers = _PAIRS[opener]
        index += 1
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
