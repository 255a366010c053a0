"""Turns a :class:`~wortlaut.timex.patterns.Candidate` into a TIMEX3 type and value.

Relative expressions are resolved against an anchor date (publication or post date).
Without one they keep a ``relative`` description (``weekday:wednesday``, ``day:+1``,
``week:-1``) and no value: a missing date is never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from wortlaut.timex import daynumber, grammar, phrases, spoken, units
from wortlaut.timex.calendar import iso_week, safe_date, weekday_date, weekday_year, year_for_month
from wortlaut.timex.lengths import LengthRules
from wortlaut.timex.lexicon import TimeLexicon
from wortlaut.timex.patterns import Candidate
from wortlaut.timex.resolved import Context, Resolved, offset_value, sign

SEASONS = {"Frühling": "SP", "Frühjahr": "SP", "Sommer": "SU", "Herbst": "FA", "Winter": "WI"}
#: Month in which each season begins (winter: December, so it carries that year's number).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
POSITION_MODS = {"Anfang": "START", "Beginn": "START", "Mitte": "MID", "Ende": "END"}
PART_CODES = {
    "Abend": "EV",
    "früh": "MO",
    "Früh": "MO",
    "Morgen": "MO",
    "Vormittag": "MO",
    "Mittag": "MI",
    "Nachmittag": "AF",
    "Nacht": "NI",
}
#: Year words after a month (``April des Vorjahres``) -> offset from the anchor's year.
YEAR_WORDS = {"Vorjahres": -1}
#: Day words counted from the day last named rather than from publication (``am Vortag``).
FOCUS_RELATIVE = frozenset(
    {"Vortag", "Vortages", "Folgetag", "Tag zuvor", "Tag danach", "Tag darauf", "Tags darauf", "tags darauf"}
    | {"diesem Tag", "nächsten Tag", "folgenden Tag"}
    | {"selben Tag", "gleichen Tag", "demselben Tag", "jenem Tag"}
)
#: The same day again (``am selben Tag``, ``an jenem Tag``) names the day in focus; with none, the day is one
#: the text does not date (an event's day), TIMEX3 ``XXXX-XX-XX`` by the guidelines' unknown digits.
SAME_DAY = frozenset({"selben Tag", "gleichen Tag", "demselben Tag", "jenem Tag"})
#: Words before a weekday that count from the day in focus (``am folgenden Freitag`` after ``am 3. März``).
FOLLOWING = frozenset({"folgenden", "darauffolgenden"})
#: Words for the day after that say nothing without a day in focus (``am nächsten Tag`` after no named day
#: follows an event the rules cannot date): no value is guessed then.
FOCUS_ONLY = frozenset({"nächsten Tag", "folgenden Tag", "Tag darauf", "Tags darauf", "tags darauf"})
#: Two-digit years up to this value are read as 20xx (``21.05.25``), later ones as 19xx.
TWO_DIGIT_CENTURY_SPLIT = 40


class Normaliser:
    """Maps candidates to :class:`Resolved` values with the lexicon's vocabulary."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        self.lengths = LengthRules(lex)
        self.handlers: dict[str, Callable[[dict[str, str], Context], Resolved | None]] = {
            "iso": self._absolute,
            "numdate": self._absolute,
            "daymonth": self._absolute,
            "daylist": self._absolute,
            "daypart": self._daypart,
            "month": self._month,
            "modyear": self._modyear,
            "year": self._year,
            "century": self._century,
            "decade": self._decade,
            "night": lambda g, c: self._weekday({**g, "part": "nacht"}, c),
            "weekday": self._weekday,
            "weekdays": self._weekdays,
            "weekend": self._weekend,
            "word": self._word,
            "relunit": self._relunit,
            "duration": self.lengths.duration,
            "vague": self.lengths.vague,
            "span_adj": self.lengths.span_adj,
            "future": lambda g, c: Resolved("DATE", "FUTURE_REF"),
            "recent": lambda g, c: Resolved("DATE", "PAST_REF"),
            "clock": self.lengths.clock,
            "season": self._season,
            "quarter": self._quarter,
            "every": self.lengths.every,
            "duration_abbr": self.lengths.duration,
            "holiday": self._holiday,
            **{kind: self._era for kind in grammar.ERA_KINDS},
            **{kind: self._phrase for kind in phrases.KINDS},
            **{kind: self._spoken for kind in spoken.KINDS},
            "season_part": self._season_part,
            "dayonly": self._dayonly,
            "stamp": self._dayonly,
            "month_again": self._dayonly,
            **{kind: self._units for kind in units.KINDS},
        }

    def _mod(self, word: str, default: int = 0) -> int:
        """The direction of a modifier word (any case), or ``default``."""
        return self.lex.modifiers.get(word.lower(), default)

    def _mod_or_none(self, word: str) -> int | None:
        """The direction of a modifier word, ``None`` when there is none."""
        return self.lex.modifiers.get(word.lower())

    def resolve(self, cand: Candidate, ctx: Context) -> Resolved | None:
        """The normalised value, or ``None`` when the candidate is no valid time after all."""
        tagged = cand.kind in grammar.ERA_KINDS | phrases.KINDS | spoken.KINDS | units.KINDS | daynumber.KINDS
        groups = {**cand.groups, "_kind": cand.kind} if tagged else cand.groups
        return self.handlers[cand.kind](groups, ctx)

    # -- absolute dates ---------------------------------------------------------------------
    def _month_number(self, text: str) -> int:
        return int(text) if text.isdigit() else self.lex.months[text]

    def _absolute(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        month, day = self._month_number(g["month"]), int(g["day"])
        if "year" in g:
            year = int(g["year"])
            if len(g["year"]) == 2:
                year += 2000 if year <= TWO_DIGIT_CENTURY_SPLIT else 1900
        elif ("ymod" in g or "yword" in g) and ctx.anchor is not None:
            year = ctx.anchor.year + self._year_offset(g)
        elif ctx.year is not None:
            year = ctx.year
        elif ctx.anchor is not None:
            year = year_for_month(ctx.anchor, month, day, ctx.direction)
            if "apposed" in g and g["wd"] in self.lex.weekdays:  # ``Montag, 2. Mai``; not ``Dienstag den``
                year = weekday_year(year, month, day, self.lex.weekdays[g["wd"]], ctx.anchor)
        else:
            valid = safe_date(2000, month, day) is not None
            return Resolved("DATE", None, f"XXXX-{month:02d}-{day:02d}") if valid else None
        found = safe_date(year, month, day)
        if found is None:
            return None
        if "h" in g:
            return self.lengths.clock(g, Context(anchor=ctx.anchor, direction=ctx.direction, day=found))
        if "night" in g:  # ``in der Nacht zum 4. Mai``, ``am Abend des 3. Mai``
            return Resolved("TIME", f"{found.isoformat()}T{PART_CODES[g['night']]}")
        return Resolved("DATE", found.isoformat())

    def _dayonly(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        """``am 18.``: that day of the month in focus (nothing without one); ``Mo, 11:41 Uhr``: a stamp."""
        if g["_kind"] == "month_again":
            return Resolved("DATE", ctx.period) if daynumber.MONTH_VALUE.match(ctx.period or "") else None
        if "abbr" in g:
            day = daynumber.stamp_day(g, ctx.anchor)
            return self.lengths.clock(g, Context(anchor=ctx.anchor, day=day, local_day=True))
        value = daynumber.resolve(g, ctx.period, ctx.day)
        return Resolved("DATE", value) if value else None

    def _units(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        found = units.resolve(g["_kind"], g)
        return Resolved(*found) if found else None

    def _daypart(self, g: dict[str, str], ctx: Context) -> Resolved:
        """``am Nachmittag``: that part of the day in focus (or of the anchor day)."""
        code = PART_CODES[g["part"].removesuffix("s")]
        day = ctx.day or ctx.anchor
        if day is None:
            return Resolved("TIME", None, f"day:+0T{code}")
        return Resolved("TIME", f"{day.isoformat()}T{code}")

    def _month(self, g: dict[str, str], ctx: Context) -> Resolved:
        month = self._month_number(g["month"])
        mod = POSITION_MODS.get(g.get("pmod", ""))
        if "year" in g:
            return Resolved("DATE", f"{g['year']}-{month:02d}", mod=mod)
        if ctx.year is not None and "ymod" not in g and "yword" not in g:
            return Resolved("DATE", f"{ctx.year}-{month:02d}", mod=mod)
        if ctx.anchor is None:
            return Resolved("DATE", None, f"month-of-year:{month}", mod=mod)
        if "ymod" in g or "yword" in g:
            year = ctx.anchor.year + self._year_offset(g)
        else:
            year = year_for_month(ctx.anchor, month, None, ctx.direction)
        return Resolved("DATE", f"{year}-{month:02d}", mod=mod)

    def _year_offset(self, g: dict[str, str]) -> int:
        """Years from the anchor's for ``des Vorjahres`` / ``vergangenen Jahres`` after a month or day."""
        return YEAR_WORDS[g["yword"]] if "yword" in g else self._mod(g["ymod"], 0)

    def _modyear(self, g: dict[str, str], ctx: Context) -> Resolved:
        mod = POSITION_MODS[g["pmod"]]
        if "year" in g:
            return Resolved("DATE", g["year"], mod=mod)
        offset = self._mod(g.get("ymod", ""), 0)
        unit = g["unit"]
        if unit.startswith("Jahr") and ctx.year is not None and g.get("ymod", "des") in {"des", "der"}:
            return Resolved("DATE", str(ctx.year), mod=mod)
        if unit.startswith("Jahr"):
            return self._offset_value("year", offset, ctx, mod)
        return self._offset_value("month" if unit.startswith("Monat") else "week", offset, ctx, mod)

    def _year(self, g: dict[str, str], ctx: Context) -> Resolved:
        return Resolved("DATE", g["year"])

    def _century(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        number = int(g["num"])
        return Resolved("DATE", f"{number - 1:02d}") if 1 <= number <= 21 else None

    def _decade(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        digits = g["num"]
        if len(digits) == 4:
            return Resolved("DATE", digits[:3]) if digits.endswith("0") else None
        if not digits.endswith("0"):
            return None
        return Resolved("DATE", ("20" if digits in {"00", "10"} else "19") + digits[0])

    def _holiday(self, g: dict[str, str], ctx: Context) -> Resolved:
        value, relative = grammar.resolve_holiday(g, ctx.anchor, ctx.direction)
        return Resolved("DATE", value, relative or None)

    def _era(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        value, mod = grammar.resolve_era(g["_kind"], g, ctx.anchor)
        if value is None:
            relative = {"century_rel": "century", "decade_rel": "decade"}.get(g["_kind"])
            return None if relative is None else Resolved("DATE", None, relative, mod=mod)
        return Resolved("DATE", value, mod=mod)

    def _phrase(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        if g["_kind"] == "unit_position" and g["unitc"] == "Jahres" and "year" not in g and ctx.year:
            # ``bis Jahresende`` in a sentence that named its year (``2010 – … bis Jahresende``)
            return Resolved("DATE", str(ctx.year), mod=phrases.UNIT_POSITIONS[g["pos"]])
        amount = self.lengths.number(g["num"]) if "num" in g else None
        type_, value, relative, mod = phrases.resolve(g["_kind"], g, ctx.anchor, ctx.day, amount)
        return Resolved(type_, value, relative, mod=mod) if value or relative else None

    def _spoken(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        type_, value, relative, mod = spoken.resolve(g["_kind"], g, self.lex, ctx.anchor, ctx.day, ctx.period)
        return Resolved(type_, value, relative, mod=mod) if value or relative else None

    # -- relative dates ---------------------------------------------------------------------
    def _offset_value(self, unit: str, offset: int, ctx: Context, mod: str | None = None) -> Resolved:
        return offset_value(unit, offset, ctx, mod)

    def _weekday(self, g: dict[str, str], ctx: Context) -> Resolved:
        weekday = self.lex.weekdays[g["wd"]]
        # ``Mittwochabend``, ``Montag früh``; ``am Nachmittag des kommenden Samstag(s)`` (the part before it)
        part = PART_CODES.get(g.get("part", "").strip().capitalize(), "")
        part = part or PART_CODES.get(g.get("dpre", ""), "")
        if "every" in g:
            return Resolved("SET", f"XXXX-WXX-{weekday}")
        if "indef" in g:  # ``an einem Sonntag``: a Sunday the text does not date, TIMEX3 unknown week
            return Resolved("TIME" if part else "DATE", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
        offset = self._mod_or_none(g.get("mod", ""))
        kind = "TIME" if part else "DATE"
        following = "after" in g or g.get("mod", "").lower() in FOLLOWING
        if (
            following and ctx.day is not None
        ):  # ``am Freitag darauf``: the first Friday after the day in focus
            day = weekday_date(ctx.day, weekday, direction="future", offset=1)
            return Resolved(kind, day.isoformat() + (f"T{part}" if part else ""))
        if ctx.anchor is None:
            name = self.lex.weekday_names[weekday]
            suffix = f"T{part}" if part else ""
            shift = "" if offset is None else ":" + sign(offset)
            return Resolved(kind, None, f"weekday:{name}{shift}{suffix}")
        day = weekday_date(ctx.anchor, weekday, direction=ctx.direction, offset=offset)
        return Resolved(kind, day.isoformat() + (f"T{part}" if part else ""))

    def _weekdays(self, g: dict[str, str], ctx: Context) -> Resolved:
        return Resolved("SET", f"XXXX-WXX-{self.lex.weekdays[g['wd'].capitalize()]}")

    def _weekend(self, g: dict[str, str], ctx: Context) -> Resolved:
        offset = self._mod_or_none(g.get("mod", ""))
        if ctx.anchor is None:
            return Resolved("DATE", None, f"weekend:{sign(offset or 0)}")
        if offset is None:
            weekend = ctx.anchor.isoweekday() >= 6
            offset = -1 if ctx.direction == "past" and not weekend else 0
        return Resolved("DATE", iso_week(ctx.anchor + timedelta(weeks=offset)) + "-WE")

    def _word(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        text = g["word"]
        word = self.lex.words.get(text) or self.lex.words[text[:1].lower() + text[1:]]
        if "generic" in g:  # ``die Stadt von morgen``
            return Resolved("DATE", g["generic"])
        if "nowadays" in g:
            # ``heute`` meaning "nowadays": the publication day on the timeline, PRESENT_REF for TimeML.
            today = self._offset_value("day", 0, ctx)
            return Resolved("DATE", today.value, today.relative, timeml_value="PRESENT_REF")
        if word.kind == "day":
            key = text if text in FOCUS_RELATIVE else text[:1].lower() + text[1:]  # ``Jenem Tag`` opening
            if key in FOCUS_ONLY and ctx.day is None:
                return None
            if key in SAME_DAY and ctx.day is None:
                return Resolved("DATE", "XXXX-XX-XX")
            base = ctx
            if key in FOCUS_RELATIVE and ctx.day is not None:
                base = Context(anchor=ctx.day)
            resolved = self._offset_value("day", int(word.value), base)
            part = PART_CODES.get(g.get("part", ""))
            if part and resolved.value:
                return Resolved("TIME", f"{resolved.value}T{part}")
            if part:
                return Resolved("TIME", None, f"{resolved.relative}T{part}")
            return resolved
        if word.kind in {"week", "month", "year"}:
            return self._offset_value(word.kind, int(word.value), ctx)
        return Resolved(word.type, word.value)

    def _relunit(self, g: dict[str, str], ctx: Context) -> Resolved:
        offset = self._mod(g["mod"], 0)
        unit = g["unit"]
        if unit in SEASONS:
            return self._season({"season": unit, "mod": g["mod"]}, ctx)
        names = {"Woche": "week", "Monat": "month", "Monats": "month"}
        return self._offset_value(names.get(unit, "year"), offset, ctx)

    def _season(self, g: dict[str, str], ctx: Context) -> Resolved:
        code = SEASONS[g["season"]]
        if "year" in g:
            return Resolved("DATE", f"{g['year']}-{code}")
        if ctx.anchor is None:
            return Resolved("DATE", None, f"season:{code}")
        if "ymod" in g or "yword" in g:
            return Resolved("DATE", f"{ctx.anchor.year + self._year_offset(g)}-{code}")
        offset = self._mod(g.get("mod", ""), 0)
        year = ctx.anchor.year
        start = SEASON_START[code]
        if offset > 0 and ctx.anchor.month >= start:
            year += 1  # ``kommenden Herbst``: the next one to begin (this year's if not begun yet)
        elif offset < 0 and ctx.anchor.month < start + 3:
            year -= 1  # ``vergangenen Sommer``: the last one to have ended
        elif offset == 0 and "mod" not in g:
            year += _season_shift(code, ctx.anchor.month, ctx.direction)
        return Resolved("DATE", f"{year}-{code}")

    def _season_part(self, g: dict[str, str], ctx: Context) -> Resolved:
        """``Spätherbst 2014``: the season's value with the part as its mod."""
        season = {"season": g["sname"].capitalize(), **({"year": g["year"]} if "year" in g else {})}
        whole = self._season(season, ctx)
        return Resolved(whole.type, whole.value, whole.relative, spoken.SEASON_PARTS[g["spre"]])

    def _quarter(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        number = self.lex.ordinals[g["ord"]]
        half = g["q"].startswith(("Halb", "Jahresh"))
        if number > (2 if half else 4):
            return None
        code = f"{'H' if half else 'Q'}{number}"
        if "year" in g:
            return Resolved("DATE", f"{g['year']}-{code}")
        if ctx.anchor is None:
            return Resolved("DATE", None, f"quarter:{code}")
        current = (ctx.anchor.month - 1) // (6 if half else 3) + 1
        year = ctx.anchor.year - 1 if ctx.direction == "past" and number > current else ctx.anchor.year
        return Resolved("DATE", f"{year}-{code}")


def _season_shift(code: str, month: int, direction: str | None) -> int:
    """Years from the anchor's for a bare season name, by the clause's tense: ``im Frühjahr`` said in July
    about the future is next spring, said in the past this spring; ``im Herbst`` said in March in the past
    is last autumn. Winter carries the year of its December."""
    start = SEASON_START[code]
    if code == "WI":
        begun = month == 12
        if month <= 2:
            return -1  # the winter under way began last December
        return -1 if direction == "past" and not begun else 0
    if direction == "future" and month >= start + 3:
        return 1
    if direction == "past" and month < start:
        return -1
    return 0
