"""A day named inside a noun phrase whose head fixes its direction, whatever the clause's verb says.

A weekday (or a month) often hangs on a noun rather than on the verb: ``nach dem 0:1 gegen Gijon am
Sonntag`` dates a result, ``die nächsten beiden Spiele am Dienstag`` dates the next events. The clause's
tense then misleads (``ob er den Tiefschlag nach dem 0:1 … am Sonntag überstehen wird``: the verb looks
ahead, the result lies back), or there is no verb at all (a results line: ``Die nächsten Spiele am
Dienstag und Donnerstag.``). Grammar, not a corpus: a score is a known result, so its day lies back; an
event called the next or coming one lies ahead.
"""

from __future__ import annotations

import re

#: Words allowed between the head and ``am``: capitalised words (nouns, names), numbers, and the articles
#: and prepositions of a noun phrase's attributes (``gegen Gijon in der Primera Division``). A lower-case
#: word of another kind is most likely a verb, which ends the phrase.
_ATTRIBUTE = (
    r"(?:[A-ZÄÖÜ][\w.-]*|\d[\w.:-]*|gegen|in|im|der|die|das|den|dem|des|bei|beim|auf|vor|von|vom|über|"
    r"und|zu|zum|zur|-|–)"
)
#: A match score (``0:1``, ``3:2-Sieg``, ``1:3-Niederlage``) opening the phrase, then attributes up to ``am``.
RESULT_BEFORE = re.compile(
    rf"(?<![\w:])\d{{1,3}}:\d{{1,3}}(?:-\w+)?(?:\s+n\.V\.)?(?:\s+{_ATTRIBUTE}){{0,7}}\s+am\s+$"
)
#: ``die nächsten beiden Spiele am``, ``beim kommenden Heimspiel am``, ``das bevorstehende Treffen am`` (up
#: to three words between the direction word and ``am``); a second day of a pair (``am Dienstag und``).
NEXT_EVENT_BEFORE = re.compile(
    r"(?<!\w)(?:nächste|kommende|bevorstehende)[nrsm]?\s+(?:[\w-]+\s+){0,3}?(?:am|an|ab)\s+"
    r"(?:[A-ZÄÖÜ]\w+\s+(?:und|oder|bis)\s+)?$"
)
#: How far back the phrases are looked for (characters before the day).
WINDOW = 90


def after_result(chunk: str, start: int) -> bool:
    """Whether the expression at ``start`` dates a match result named right before it (``nach dem 0:1
    gegen Gijon am Sonntag``): then it lies back."""
    return RESULT_BEFORE.search(chunk, max(0, start - WINDOW), start) is not None


def next_event(chunk: str, left: int, start: int) -> bool:
    """Whether the expression at ``start`` dates an event its clause (from ``left``) calls the next or the
    coming one (``die nächsten beiden Spiele am Dienstag``): then it lies ahead, unless a tensed verb in
    the clause says otherwise."""
    return NEXT_EVENT_BEFORE.search(chunk, max(left, start - WINDOW), start) is not None
