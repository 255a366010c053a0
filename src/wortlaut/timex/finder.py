"""The time finder: candidates, clause direction and anchors combined into TimeExpr records.

Library entry point used by the ``times`` stage and the evaluation: :meth:`TimeFinder.find`
works on plain text with optional sentences, tokens and per-offset anchors (post dates).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from wortlaut.article import Span, TimeExpr, Token
from wortlaut.sentences import split_sentences
from wortlaut.timex import attached, choice, combined, schedule, spoken
from wortlaut.timex.cues import DATELINE, clock_hour
from wortlaut.timex.lexicon import TimeLexicon, load_lexicon
from wortlaut.timex.normalise import FOCUS_RELATIVE, Normaliser
from wortlaut.timex.patterns import Candidate, PatternSet
from wortlaut.timex.resolved import Context, Resolved
from wortlaut.timex.tense import direction_at

DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: "Soon" words: in a past clause they mean soon after a time told (``Er merkte bald``), no FUTURE_REF.
SOON_WORDS = frozenset({"bald", "zeitnah"})

#: Kinds whose TIME names a part of a day they name themselves (``Mittwochabend``, ``in der Nacht auf
#: Sonntag``, ``gestern Abend``): they set the day in focus, so ``gegen 22 Uhr`` after them falls on that day.
#: Clock times and parts of the day in focus (``am Abend``) take the day in focus and do not set it.
DAY_PART_KINDS = frozenset({"weekday", "night", "word"})
#: Kinds whose year carries over to later month names in the sentence (not a bare ``Jahrgang 2013``).
YEAR_FOCUS_KINDS = frozenset({"iso", "numdate", "daymonth", "month", "season", "quarter"})
#: Kinds that take a year from elsewhere when they name none: the other end of a range
#: (``von Januar bis März 2014``), the sentence, or the narrative (``Im März 1992 … Am 5. April``).
YEARLESS_KINDS = frozenset({"numdate", "daymonth", "daylist", "month"})
#: What joins the two ends of a range (``bis``, ``und``, a dash).
RANGE_JOIN = re.compile(r"\s*(?:bis(?:\s+(?:zum|zur|in\s+den))?|und|oder|–|-|/)\s*")
#: Kinds whose explicit year starts a narrative: a month or day of a year other than the anchor's.
NARRATIVE_KINDS = frozenset({"iso", "numdate", "daymonth", "month"})
#: A narrative needs a year at least this far before the anchor's: a month of the year before is mostly a
#: comparison point in news (``im April 2014 … im April``, the statistics of a year ago), not a story told
#: in order. Chosen by reading how the narrative rule changed the finds on 10kGNAD (no gold there).
NARRATIVE_MIN_YEARS_BACK = 2

#: SET values of a daily or weekly recurrence whose clock times name no day (see :func:`_daily_or_weekly`).
DAILY_SETS = frozenset({"P1D", "P1W"})
#: ``seit`` before a date names a starting point that has been reached: the date lies in the past whatever
#: the tense (``Er wird seit Januar festgehalten`` in November is this January, not the next).
SINCE_BEFORE = re.compile(
    r"(?<!\w)[Ss]eit\s+(?:(?:Anfang|Mitte|Ende|Beginn)\s+)?(?:(?:dem|vergangenem|letztem)\s+)?$"
)

#: A direction word right before a month or feast names which one (``im vergangenen September`` lies back
#: whatever the clause's tense; ``zum kommenden Ostern`` ahead).
PAST_BEFORE = re.compile(r"(?<!\w)(?:vergangenen|letzten|vorigen|zurückliegenden)\s+$")
FUTURE_BEFORE = re.compile(r"(?<!\w)(?:kommenden|nächsten|bevorstehenden)\s+$")
#: Kinds whose direction such a word decides.
DIRECTED_KINDS = frozenset({"month", "daymonth", "holiday"})
#: ``von`` / ``vom`` before a date that starts no range or onset dates a thing by its origin (``die
#: Entscheidung von Februar``, ``das Urteil vom 3. März``, ``das Interview vom Dienstag``): it lies back.
ORIGIN_BEFORE = re.compile(r"(?<!\w)(?<!Woche\s)vo[mn]\s+$")
ORIGIN_NOT_AFTER = re.compile(r"\s*(?:bis|an|ab|auf|zu[mr]?|-|–)(?!\w)")
#: ``bis`` after a range's first end, also after its clock time (``von Mittwoch 8.00 Uhr bis …``); a dash
#: is no range there (``Ergebnisse vom Freitag – 17. Runde``).
RANGE_TO_AFTER = re.compile(r"\s*(?:,?\s*(?:um\s+|ab\s+)?\d{1,2}(?:[.:]\d\d)?\s*Uhr\s*)?bis(?!\w)")
ORIGIN_KINDS = frozenset({"month", "daymonth", "weekday"})
#: ``von`` / ``vom`` (also opening a sentence) before the first end of a range.
RANGE_START_BEFORE = re.compile(r"(?<!\w)[Vv]o[mn]\s+$")
#: ``bis`` before a day or month names a limit; in a clause without tense (``Die Regel gilt bis Freitag``) the
#: limit lies ahead (with one, the tense decides: ``Er blieb bis Freitag``).
#: A sentence about every year (``Jedes Jahr im Mai``, ``findet alljährlich am 3. Mai statt``, ``immer im
#: Herbst``) names a month or day of no particular year: TIMEX3 ``XXXX-05``.
YEARLY = re.compile(
    r"(?<!\w)(?:[Jj]edes\s+Jahr|[Aa]ll?jährlich|Jahr\s+für\s+Jahr|[Ii]mmer\s+(?:im|am|zum|Anfang|Mitte|Ende))(?!\w)"
)
#: Kinds that read as a month or day of every year in such a sentence.
YEARLY_KINDS = frozenset({"month", "daymonth", "season"})
CALENDAR_VALUE = re.compile(r"^\d{4}-(?:\d{2}|SP|SU|FA|WI)")
#: The first ends of a calendar range (``16. bis 18. Juni``, ``April bis Juni``).
RANGE_KINDS = frozenset({"month", "daymonth", "daylist", "numdate", "weekday"})
UNTIL_BEFORE = re.compile(r"(?<!\w)bis\s+(?:(?:zum|zur|Ende|Anfang|Mitte)\s+)?$")
#: ``ab`` before a day or month names an onset; like ``bis``, in a clause without tense it lies ahead (``Ab
#: Montag gelten neue Regeln``; ``Ab Montag galten …`` keeps the past tense's direction).
ONSET_BEFORE = re.compile(r"(?<!\w)[Aa]b\s+(?:(?:dem|kommendem|nächstem|Anfang|Mitte|Ende)\s+)?$")

#: A date at least this many years before the anchor is "then" to a sentence-initial ``Heute`` right after it
#: (``Im Gründungsjahr 1951 … Heute umfasst …``): the contrast makes ``heute`` mean "nowadays". A decade is
#: the smallest span German news calls "damals"; chosen by that reading, not fitted to a corpus.
CONTRAST_YEARS = 10
#: Words for "back then" that set up the same contrast.
THEN_WORDS = frozenset({"damals", "einst", "früher", "seinerzeit"})
#: A sentence-initial ``Heute`` (the topic of a contrast), not ``heute Abend`` or ``Heute Morgen``.
CONTRAST_HEUTE = re.compile(
    r"[\s„\"»(]*Heute(?!\s+(?:Abend|Morgen|Nachmittag|Vormittag|Mittag|Nacht|früh)\b)"
)

#: What may stand before a year that opens a sentence or a chronicle's entry (``… verschüttet. 2010 – …``:
#: the sentence splitter keeps a number after a full stop in the sentence before, as it may be an ordinal).
ENTRY_BEFORE = re.compile(r"(?:^|[.!?]\s+)[\s„\"»(]*$")
#: How far back :data:`ENTRY_BEFORE` looks (its ``^`` still means the sentence start only).
ENTRY_WINDOW = 12

#: The hour from which a clock time in a night named in the same sentence (``Nacht auf Montag``) belongs to
#: the evening before (German ``Nacht auf X`` runs from the evening before X into X's early morning).
EVENING = 18

#: What stands between the two clock times of a told range (``von 7 Uhr bis 10 Uhr``: the second one carries
#: its ``bis``): its end lies on the day of its start, not on every day as a schedule's bare ``bis 10 Uhr``.
CLOCK_RANGE_GAP = re.compile(r"\s*")

#: How far from the anchor's year a bare number before a capitalised word may be to count as a year.
NEAR_YEARS = 1

AnchorFn = Callable[[int], date | None]


class _Focus:
    """The day last named in the text (``am Freitag … um 9 Uhr``), while the anchor stays the same."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.anchor: date | None = None
        self.sentence = -1
        self.narrative_year: int | None = None
        #: Whether the day in focus was named as the night before it (``in der Nacht auf Montag``).
        self.night = False
        #: The last sub-year period named (``2009-Q3``) and its anchor, for ``Vorjahreszeitraum``.
        self.period: tuple[str, date | None] | None = None
        self.narrative_anchor: date | None = None
        #: Sentence starts: the current one and the last one that named a time long past (or ``damals``).
        self.current = -1
        self.past_named = -2
        self.previous = -3
        #: The number of the current sentence in the text (a feature of the learned direction).
        self.number = 0

    def follow(self, cand: Candidate, resolved_relative: bool, ref: date | None) -> None:
        """Track the narrative year: an explicit past or future month starts it, a date counted from
        the anchor (``gestern``, ``am Montag``) returns to the anchor's time."""
        if "year" in cand.groups and cand.kind in NARRATIVE_KINDS:
            year = int(cand.groups["year"])
            back = ref is None or year <= ref.year - NARRATIVE_MIN_YEARS_BACK
            self.narrative_year = year if back else None
            self.narrative_anchor = ref
        elif resolved_relative and cand.kind not in YEARLESS_KINDS:
            self.narrative_year = None

    def open_year(self, year: int, ref: date | None) -> None:
        """A year that opens a sentence (a chronicle's ``1930 – …``, ``2005 endete …``) starts a narrative
        like ``Im März 1992``: the dates without a year after it are of that year (same distance rule)."""
        if ref is None or year <= ref.year - NARRATIVE_MIN_YEARS_BACK:
            self.narrative_year, self.narrative_anchor = year, ref

    def narrative(self, ref: date | None, direction: str | None) -> int | None:
        """The narrative year for a yearless date under this anchor (not in a clause about the future)."""
        if direction == "future" or self.narrative_anchor != ref:
            return None
        return self.narrative_year


class TimeFinder:
    """Finds and normalises German time expressions; holds only read-only resources."""

    def __init__(self, lexicon: TimeLexicon | None = None, *, chooser: choice.Chooser | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.patterns = PatternSet(self.lexicon)
        self.normaliser = Normaliser(self.lexicon)
        #: Decides the direction where the readings differ (a learned model, or evaluation's recorder);
        #: ``None``: the rules' direction (the default).
        self.chooser = chooser

    def find(
        self,
        text: str,
        *,
        anchor: AnchorFn,
        sentences: Sequence[Span] = (),
        tokens: Sequence[Token] = (),
    ) -> list[TimeExpr]:
        """All time expressions in ``text``; ``anchor(offset)`` gives the reference date there."""
        found: list[TimeExpr] = []
        focus = _Focus()
        starts = [tok.start for tok in tokens]
        for number, sentence in enumerate(sentences or split_sentences(text)):
            sentence_tokens = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            focus.number = number
            found.extend(self._in_sentence(text, sentence, anchor, sentence_tokens, focus))
        return found

    def _in_sentence(
        self, text: str, sentence: Span, anchor: AnchorFn, tokens: Sequence[Token], focus: _Focus
    ) -> list[TimeExpr]:
        chunk = text[sentence.start : sentence.end]
        focus.previous, focus.current = focus.current, sentence.start
        result: list[TimeExpr] = []
        year: int | None = None
        cands = self.patterns.candidates(chunk)
        partners = _range_years(cands, chunk)
        several = False
        yearly = YEARLY.search(chunk) is not None
        for index, cand in enumerate(cands):
            start, end = sentence.start + cand.start, sentence.start + cand.end
            if cand.groups.get("near_only") and _far(cand, anchor(start)):
                continue
            several = several or cand.kind == "daylist"
            if schedule.is_schedule_day(cands, index, chunk):
                # ``Montag bis Freitag 13.30 bis 18 Uhr``: every such day, as ``jeden Montag``
                cand.groups["every"] = schedule.SCHEDULE
            direction = direction_at(start, chunk, sentence.start, self.lexicon.tense_cues, tokens, end=end)
            if SINCE_BEFORE.search(chunk, max(0, cand.start - 30), cand.start) or attached.after_result(
                chunk, cand.start
            ):
                direction = "past"  # ``seit Mai``; ``nach dem 0:1 am Sonntag`` (a result lies back)
            direction = _directed(cand, chunk) or direction
            if direction is None and _until(cands, index, chunk):
                direction = "future"
            ref = anchor(start)
            day = focus.day if focus.anchor == ref else None
            if day is not None and focus.night and focus.sentence == sentence.start and _evening_clock(cand):
                day -= timedelta(days=1)  # ``in der Nacht auf Montag gegen 23.30 Uhr``: still Sunday
            local = focus.sentence == sentence.start
            head = chunk[: cand.start].strip(' „"»(')
            opens = not head or DATELINE.fullmatch(" " + head) is not None  # ``Blacksburg – Heute …``
            if opens and focus.past_named == focus.previous and CONTRAST_HEUTE.match(chunk, cand.start):
                cand.groups.setdefault("nowadays", "1")

            given = partners.get(index, year)
            yearless = given is None and (cand.kind in YEARLESS_KINDS or cand.kind == "unit_position")
            ctx = Context(
                anchor=ref,
                direction=direction,
                day=day,
                year=focus.narrative(ref, direction) if yearless else given,
                local_day=local,
                several_days=several,
                period=focus.period[0] if focus.period and focus.period[1] == ref else None,
            )
            if self.chooser is not None:
                ctx = self._choose(
                    choice.Where(chunk, sentence.start, cand, focus.number), ctx, yearless, focus, tokens
                )
                direction = ctx.direction
            resolved = self.normaliser.resolve(cand, ctx)
            if resolved is not None and resolved.value is None and ref is not None:
                continue
            if resolved is None or (direction == "past" and cand.groups.get("word") in SOON_WORDS):
                continue  # ``Er merkte bald, dass …``: soon after a time told, no FUTURE_REF
            if yearly and _of_every_year(cand, resolved):
                resolved = replace(resolved, value="XXXX" + (resolved.value or "")[4:])
            several = several or _daily_or_weekly(resolved)
            if result and cand.kind == "weekday" and index and cands[index - 1].kind == "weekday":
                ends = (cands[index - 1], cand)
                resolved, result[-1] = _ordered_range(resolved, result[-1], chunk, ends, direction)
            if result and index and _clock_range_end(cands[index - 1], cand, chunk):
                resolved = _same_day(resolved, result[-1])
            if resolved.type == "DATE" and cand.kind != "prior_period" and spoken.is_period(resolved.value):
                focus.period = (resolved.value or "", ref)
            moves_focus = cand.groups.get("word") not in FOCUS_RELATIVE
            dated = resolved.type == "DATE" or (resolved.type == "TIME" and cand.kind in DAY_PART_KINDS)
            if moves_focus and dated and resolved.value and DAY_VALUE.match(resolved.value):
                focus.day, focus.anchor = date.fromisoformat(resolved.value[:10]), ref
                focus.sentence, focus.night = sentence.start, cand.kind == "night"
            window = max(0, cand.start - ENTRY_WINDOW)
            entry = cand.kind == "year" and ENTRY_BEFORE.search(chunk, window, cand.start) is not None
            if "year" in cand.groups and resolved.type == "DATE" and (cand.kind in YEAR_FOCUS_KINDS or entry):
                year = int(cand.groups["year"])
            if _long_past(cand, resolved.timeml_value or resolved.value, ref):
                focus.past_named = sentence.start
            needs_anchor = ref is not None and self._needs_anchor(cand, day)
            focus.follow(cand, needs_anchor, ref)
            if entry:
                focus.open_year(int(cand.groups["year"]), ref)
            result.append(
                TimeExpr(
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=resolved.type,
                    value=resolved.value,
                    relative=resolved.relative,
                    anchor=ref.isoformat() if ref and needs_anchor else None,
                    mod=resolved.mod,
                    timeml_value=resolved.timeml_value,
                )
            )
        return combined.join_parts(result, text)

    def _choose(
        self, where: choice.Where, ctx: Context, yearless: bool, focus: _Focus, tokens: Sequence[Token]
    ) -> Context:
        """The context of the chooser's direction where the three readings give different values (a yearless
        date takes the narrative's year only in a reading that is not about the future), else the rules'."""
        assert self.chooser is not None
        contexts, options = {}, {}
        for name in choice.READINGS:
            direction = choice.direction_of(name)
            year = focus.narrative(ctx.anchor, direction) if yearless else ctx.year
            contexts[name] = replace(ctx, direction=direction, year=year)
            found = self.normaliser.resolve(where.cand, contexts[name])
            options[name] = found.value if found is not None else None
        if not choice.differs(options):
            return ctx
        feats = choice.features(
            where, ctx.direction, ctx.anchor, ctx.day, options, self.lexicon.tense_cues, tokens
        )
        start, end = where.offset + where.cand.start, where.offset + where.cand.end
        rules = choice.reading(ctx.direction)
        point = choice.DecisionPoint(start, end, where.cand.kind, options, rules, feats)
        return contexts[choice.reading(self.chooser(point))]

    def _needs_anchor(self, cand: Candidate, day: date | None) -> bool:
        """Whether the value depends on the anchor date (it does not for ``21. Mai 2025``)."""
        unanchored = self.normaliser.resolve(cand, Context(anchor=None, day=day))
        return unanchored is not None and unanchored.value is None


def _daily_or_weekly(resolved: Resolved) -> bool:
    """A SET of every day or of a weekday (``täglich``, ``jeden Dienstag``): a clock time after it in the
    sentence (``jeden Dienstag um 20 Uhr``) is the time of each such day, no date (TIMEX3 ``T20:00``, as
    KRAUTS writes the hours of a fair on several days)."""
    value = resolved.value or ""
    return resolved.type == "SET" and (value.startswith("XXXX-WXX") or value in DAILY_SETS)


def _clock_range_end(first: Candidate, cand: Candidate, chunk: str) -> bool:
    """Whether ``cand`` is the ``bis`` end of a range whose start is the clock time ``first``."""
    if first.kind != "clock" or cand.kind != "clock" or cand.groups.get("prep", "").lower() != "bis":
        return False
    return CLOCK_RANGE_GAP.fullmatch(chunk, first.end, cand.start) is not None


def _same_day(resolved: Resolved, first: TimeExpr) -> Resolved:
    """The range end's clock time on the day of its start, when the start names one."""
    value = resolved.value or ""
    if (
        first.type != "TIME"
        or not first.value
        or not DAY_VALUE.match(first.value)
        or not value.startswith("T")
    ):
        return resolved
    return replace(resolved, value=first.value[:10] + value)


def _far(cand: Candidate, ref: date | None) -> bool:
    """A bare number before a capitalised word (``2021 Freiburg``, ``2500 Soldaten``) is a year only when it
    is the anchor's year or next to it: a count that happens to equal the year of writing is rare, a
    photo caption's or list's year is not."""
    if not cand.groups.get("near_only"):
        return False
    return ref is None or abs(int(cand.groups["year"]) - ref.year) > NEAR_YEARS


def _evening_clock(cand: Candidate) -> bool:
    """A clock time of the evening (``23.30 Uhr``, ``11 Uhr abends``): in a night named after the day it
    ends on, such a time falls on the day before."""
    if cand.kind != "clock":
        return False
    return clock_hour(cand.groups) >= EVENING or cand.groups.get("dpart") == "abends"


def _long_past(cand: Candidate, value: str | None, ref: date | None) -> bool:
    """Whether a find names a time long before the anchor (``1951``, ``damals``; not ``kürzlich``)."""
    if cand.groups.get("word", "").lower() in THEN_WORDS:
        return True
    if not value or ref is None or not value[:4].isdigit():
        return False
    return int(value[:4]) <= ref.year - CONTRAST_YEARS


def _range_years(cands: Sequence[Candidate], chunk: str) -> dict[int, int]:
    """Index -> year for a yearless first end of a range whose second end names one."""
    found: dict[int, int] = {}
    for index in range(len(cands) - 2, -1, -1):
        first, second = cands[index], cands[index + 1]
        year = second.groups.get("year") or (str(found[index + 1]) if index + 1 in found else None)
        if "year" in first.groups or first.kind not in YEARLESS_KINDS or year is None:
            continue
        if second.kind in YEARLESS_KINDS and RANGE_JOIN.fullmatch(chunk, first.end, second.start):
            found[index] = int(year)
    return found


def _of_every_year(cand: Candidate, resolved: Resolved) -> bool:
    """A month, day or season whose year came from the anchor, not from the text (no ``2014``, no
    ``des Vorjahres``)."""
    named = "year" in cand.groups or "ymod" in cand.groups or "yword" in cand.groups or "mod" in cand.groups
    return cand.kind in YEARLY_KINDS and not named and bool(CALENDAR_VALUE.match(resolved.value or ""))


def _until(cands: Sequence[Candidate], index: int, chunk: str) -> bool:
    """``bis`` (or the onset's ``ab``) right before a day or month that is not the second end of a calendar
    range (``April bis Juni`` takes the direction of the range, not of the limit)."""
    cand = cands[index]
    window = (chunk, max(0, cand.start - 20), cand.start)
    # ``von Mittwoch 8 Uhr bis Sonntag``: a weekday range's start is an onset like ``ab Mittwoch`` (dates and
    # months of a range take their years from each other instead)
    starts = (
        cand.kind == "weekday"
        and RANGE_START_BEFORE.search(*window)
        and RANGE_TO_AFTER.match(chunk, cand.end)
    )
    limit = UNTIL_BEFORE.search(*window) or ONSET_BEFORE.search(*window) or starts
    if cand.kind not in ORIGIN_KINDS or not limit:
        return False
    first = cands[index - 1] if index else None
    joined = first is not None and RANGE_JOIN.fullmatch(chunk, first.end, cand.start) is not None
    return not (joined and first is not None and first.kind in RANGE_KINDS)


def _directed(cand: Candidate, chunk: str) -> str | None:
    """``past`` / ``future`` when a direction word stands right before a month or feast, ``past`` after an
    origin's ``von`` / ``vom``."""
    window = (chunk, max(0, cand.start - 30), cand.start)
    origin = cand.kind in ORIGIN_KINDS and ORIGIN_BEFORE.search(*window)
    if origin and not ORIGIN_NOT_AFTER.match(chunk, cand.end):
        return "past"
    if cand.kind not in DIRECTED_KINDS:
        return None
    if PAST_BEFORE.search(*window):
        return "past"
    return "future" if FUTURE_BEFORE.search(*window) else None


def _ordered_range(
    resolved: Resolved, first: TimeExpr, chunk: str, ends: tuple[Candidate, Candidate], direction: str | None
) -> tuple[Resolved, TimeExpr]:
    """A weekday range (``von Montag bis Freitag``) runs forward: when the second end came out before the
    first, a past range moves its start back (``vergangene Woche von Montag bis Freitag``), any other range
    moves its end ahead."""
    values = (resolved.value or "", first.value or "")
    if not all(DAY_VALUE.match(value) for value in values) or not RANGE_JOIN.fullmatch(
        chunk, ends[0].end, ends[1].start
    ):
        return resolved, first
    day, start = date.fromisoformat(values[0][:10]), date.fromisoformat(values[1][:10])
    if day >= start:
        return resolved, first
    weeks = timedelta(days=7 * ((start - day).days // 7 + 1))
    if direction == "past":
        moved = (start - weeks).isoformat() + values[1][10:]
        return resolved, replace(first, value=moved)
    return replace(resolved, value=(day + weeks).isoformat() + values[0][10:]), first
