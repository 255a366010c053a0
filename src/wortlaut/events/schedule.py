"""Events scheduled in undated text: a day the article cannot place, told in the present.

An article without a publication date (10kGNAD, single sentences) cannot date ``am Freitag``, so the
later-date rule (:func:`wortlaut.events.status.dated_status`) never sees a planned event.  German news
tells what is still to come in the present with a day (``Am Dienstag ist der Außenminister … zu Besuch``,
``beim Opec-Treffen am Freitag``, ``treffen sich … von 16. bis 18. Juni``) and what has taken place in the
preterite or perfect; so a cue-less event whose clause holds such a day, in a sentence without any past
cue, is planned.  Past cues are those the time tagger resolves weekdays with (:mod:`wortlaut.timex.tense`:
the morphology's tense, the preterites and perfects of ``lang/de/time_tense_cues.tsv``).
"""

from __future__ import annotations

import re
from functools import cache

from wortlaut.article import Article, Span, TimeExpr, Token
from wortlaut.lang.tables import read_records
from wortlaut.timex.lexicon import load_lexicon
from wortlaut.timex.tense import cues

#: The unresolved readings (``TimeExpr.relative``) of a day: a weekday, the weekend, a date without a year.
DAY_READING = re.compile(r"(?:weekday:|weekend|XXXX-\d\d-\d\d)")
#: ``near``: the day within this many characters of the trigger (about six words), so that it is the
#: event's own day (``beim Opec-Treffen am Freitag``), not another predicate's in a long clause.
NEAR_CHARS = 60
#: The morphology's past participle tags (full, auxiliary, modal verbs).
PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})
#: The auxiliaries of a perfect; :mod:`wortlaut.events.status` reads them from here too.
PERFECT_AUX = frozenset({"haben", "sein"})


@cache
def _bound_words() -> re.Pattern[str]:
    words = "|".join(re.escape(row["word"]) for row in read_records("event_schedule.tsv"))
    return re.compile(rf"(?<!\w)(?:{words})(?:\s+(?:zum|zur|dem|den|am))?\s*$")


def scheduled_day(
    article: Article, sentence: Span, trigger: Span, start: int, end: int, *, near: bool
) -> bool:
    """Whether an undated article tells the event for a day in its clause (``start``–``end``), present."""
    if article.published is not None:
        return False
    days = [time for time in article.times if start <= time.start < end and _unplaced_day(article, time)]
    if near:
        days = [time for time in days if abs(time.start - trigger.start) < NEAR_CHARS]
    if not days:
        return False
    tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
    found = cues(sentence.text, sentence.start, load_lexicon().tense_cues, tokens)
    return not any(direction == "past" for _, direction in found) and not _perfect(tokens)


def _perfect(tokens: list[Token]) -> bool:
    """A finite ``haben``/``sein`` beside a past participle (morphology tags): the participles the timex
    cues miss, those without ``ge-`` (``hat … aufgenommen``, ``vorgefallen ist``)."""
    participle = any((t.pos or "") in PARTICIPLES for t in tokens)
    return participle and any((t.pos or "").endswith("FIN") and t.lemma in PERFECT_AUX for t in tokens)


def _unplaced_day(article: Article, time: TimeExpr) -> bool:
    if time.value is not None or not time.relative or not DAY_READING.match(time.relative):
        return False
    return _bound_words().search(article.text, max(0, time.start - 16), time.start) is None
