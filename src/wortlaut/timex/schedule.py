"""Weekdays of a schedule: opening hours and service times name every such day, not one date.

``(Montag bis Freitag 13.30 bis 18 Uhr, Samstag 10 bis 18 Uhr)``, ``in einem Zeitraum von Montag bis Freitag
zwischen 11 und 19 Uhr``: a weekday without an article or a preposition other than ``von``, followed by its
clock times, is a line of a timetable. TimeML writes such a day as a SET (``XXXX-WXX-1``), and its clock
times name no day (``T13:30``), as the own sets' guidelines (H, K) and KRAUTS's ``von 10-18 Uhr`` do. A
weekday with ``am`` (``am Samstag von 10 bis 18 Uhr``) or a week (``vergangene Woche von Montag bis Freitag``)
names one day and is left to the anchoring rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wortlaut.timex.patterns import Candidate

#: What may stand before a schedule's first weekday: the start of the sentence or of a parenthesis, a list's
#: comma or semicolon, or ``von`` opening a range (not after ``Woche``, which dates it).
BEFORE = re.compile(r"(?:^|[(,;:]|(?<!Woche\s)\b[Vv]on)\s*$")
#: A clock time after the weekday, or after the range's second day (``um 11 Uhr``, ``zwischen 11 und 19 Uhr``,
#: ``13.30 bis 18 Uhr``); no comma between (``Dienstag, 12.00 Uhr`` dates one day).
CLOCK_AFTER = re.compile(
    r"\s+(?:(?:um|von|zwischen|ab|jeweils|je)\s+)?\d{1,2}(?:[.:]\d\d)?(?:\s*Uhr|\s*(?:bis|und|–|-)\s*\d)"
)
#: A clock range right after a single weekday (``Samstag 10 bis 18 Uhr``): one clock time alone
#: (``Samstag 10 Uhr``) may be a dated programme line.
CLOCK_RANGE_AFTER = re.compile(
    r"\s+(?:(?:von|zwischen|jeweils|je)\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?:Uhr\s*)?(?:bis|und|–|-)\s*\d"
)
#: What joins the two days of a range.
DAY_RANGE = re.compile(r"\s*(?:bis|–|-)\s*")
#: The ``every`` group a schedule's weekday gets (it then resolves to a SET like ``jeden Montag``).
SCHEDULE = "schedule"
#: Weekday groups that name one day in a particular way (a part of the day, ``darauf``, ``kommenden``).
DATED_GROUPS = frozenset({"part", "dpre", "after", "mod", "every", "indef"})


def is_schedule_day(cands: Sequence[Candidate], index: int, chunk: str) -> bool:
    """Whether the weekday candidate at ``index`` of a sentence is a line of a schedule (see the module)."""
    cand = cands[index]
    if cand.kind != "weekday" or DATED_GROUPS & cand.groups.keys():
        return False
    previous = cands[index - 1] if index else None
    if previous is not None and _day_range(previous, cand, chunk):
        return previous.groups.get("every") == SCHEDULE  # the second day of a schedule's range
    if BEFORE.search(chunk, max(0, cand.start - 12), cand.start) is None:
        return False
    if CLOCK_RANGE_AFTER.match(chunk, cand.end):
        return True
    following = cands[index + 1] if index + 1 < len(cands) else None
    return (
        following is not None
        and _day_range(cand, following, chunk)
        and CLOCK_AFTER.match(chunk, following.end) is not None
    )


def _day_range(first: Candidate, second: Candidate, chunk: str) -> bool:
    return second.kind == "weekday" and DAY_RANGE.fullmatch(chunk, first.end, second.start) is not None
