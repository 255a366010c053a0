"""Durations, sets and clock times: the rule family of TIMEX3 types DURATION, SET and TIME.

Split from :mod:`wortlaut.timex.normalise` (which keeps the dates) so each module stays small; the
:class:`~wortlaut.timex.normalise.Normaliser` dispatches the candidate kinds ``duration``, ``span_adj``,
``vague``, ``every`` and ``clock`` here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wortlaut.timex.cues import clock_hour
from wortlaut.timex.lexicon import TimeLexicon
from wortlaut.timex.resolved import UNIT_NAMES, Context, Resolved, offset_value, period

VAGUE_UNITS = {"Tag": "D", "Woche": "W", "Monat": "M", "Jahr": "Y", "Jahrzehnt": "DE"}
#: Vague clock units (``einige Stunden`` = PTXH): TIMEX3 writes them after ``T``.
VAGUE_CLOCK_UNITS = {"Stund": "H", "Minut": "M", "Sekund": "S"}
#: Adjectives of length -> TIMEX3 unit (``zweitägig`` = P2D, ``43-minütig`` = PT43M).
SPAN_ADJ_UNITS = {
    "wöchig": "W",
    "tägig": "D",
    "monatig": "M",
    "stündig": "H",
    "minütig": "MIN",
    "jährig": "Y",
}
#: Words of approximation before a count -> TIMEX3 mod (``vor rund zwei Wochen`` APPROX).
APPROX_MODS = {
    "rund": "APPROX",
    "etwa": "APPROX",
    "ungefähr": "APPROX",
    "zirka": "APPROX",
    "circa": "APPROX",
    "gut": "APPROX",
    "knapp": "LESS_THAN",
    "fast": "LESS_THAN",
    "beinahe": "LESS_THAN",
    "über": "MORE_THAN",
    "mehr als": "MORE_THAN",
    "mindestens": "EQUAL_OR_MORE",
    "genau": "EQUAL",
}
#: The same words for the date a span back (``vor über zehn Jahren`` lies before the date ten years back).
DATE_BACK_MODS = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE"}
#: The unit of ``jede Stunde`` / ``pro Tag`` / ``jährlich`` -> the TIMEX3 SET value.
#: Season names -> TIMEX3 season code (``jeden Sommer`` = XXXX-SU).
SEASONS = {"Frühling": "SP", "Frühjahr": "SP", "Sommer": "SU", "Herbst": "FA", "Winter": "WI"}
#: Units of ``jeden zweiten Tag`` / ``jede dritte Woche`` -> TIMEX3 period unit.
NTH_UNITS = {"Tag": "D", "Woche": "W", "Monat": "M", "Jahr": "Y"}
#: ``pro Nacht`` (hotel prices, hours of sleep) recurs daily like ``pro Tag``.
EVERY_VALUES = {"Stunde": "PT1H", "Tag": "P1D", "Nacht": "P1D", "Woche": "P1W", "Monat": "P1M"}


#: Digits grouped by thousands with dots (``10.000 Arbeitsstunden``): German writes counts this way.
THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


class LengthRules:
    """Resolves durations, sets and clock times with the lexicon's numbers and units."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex

    def number(self, text: str) -> float | None:
        """A number in digits (``2,5``, ``10.000``) or words (``fünf``), ``None`` when it is neither."""
        if THOUSANDS.fullmatch(text):
            return float(text.replace(".", ""))
        if text[:1].isdigit():
            return float(text.replace(",", "."))
        return self.lex.numbers.get(text) or self.lex.numbers.get(text.lower())

    def duration(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        number = self.number(g["num"])
        unit = self.lex.units.get(g["unit"]) or self.lex.unit_abbreviations[g["unit"]]
        if number is None or number <= 0:
            return None
        if g.get("adj", "").startswith("halb"):  # ``ein halbes Jahr``, ``eine halbe Stunde``
            return Resolved("DURATION", half_period(number, unit))
        prep = g.get("prep", "").lower()
        mod = APPROX_MODS.get(" ".join(g.get("approx", "").split()))
        whole = int(number) if number == int(number) else None
        if prep == "vor" and whole is not None and unit in UNIT_NAMES:
            # The timeline needs the date (``vor fünfzig Jahren`` = 1965); TimeML corpora annotate
            # the noun phrase as a duration (``P50Y``), kept as the TimeML reading.
            dated = offset_value(UNIT_NAMES[unit], -whole, ctx)
            back = DATE_BACK_MODS.get(mod or "", mod)
            return Resolved(dated.type, dated.value, dated.relative, back, timeml_value=period(number, unit))
        # ``in zwei Wochen`` is a date ahead; ``in den nächsten zwei Wochen`` or ``in den sechs Monaten bis
        # …`` (an article, direction or position word before the count) is the stretch itself, a duration.
        # TimeML corpora annotate the count ahead as the duration (``P2W``), as they do the count back (``vor
        # zwei Jahren``): its TimeML reading.
        ahead = prep == "in" and "mod" not in g and "det" not in g and ctx.direction != "past"
        if ahead and whole is not None and unit in {"M", "W", "D"}:
            dated = offset_value(UNIT_NAMES[unit], whole, ctx, mod)
            return replace(dated, timeml_value=period(number, unit))
        return Resolved("DURATION", period(number, unit), mod=mod)

    def span_adj(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        """``einwöchigen``, ``dreitägige``: a duration said as an adjective."""
        number = self.number(g["num"].rstrip("-"))
        unit = SPAN_ADJ_UNITS[g["unit"]]
        return Resolved("DURATION", period(number, unit)) if number else None

    def vague(self, g: dict[str, str], ctx: Context) -> Resolved:
        stem = g["unit"].rstrip("n").removesuffix("e") if g["unit"] != "Tagen" else "Tag"
        stem = {"Tage": "Tag", "Woch": "Woche", "Jahrzehnt": "Jahrzehnt"}.get(stem, stem)
        if stem in VAGUE_CLOCK_UNITS:
            return Resolved("DURATION", f"PTX{VAGUE_CLOCK_UNITS[stem]}")
        return Resolved("DURATION", f"PX{VAGUE_UNITS.get(stem, 'Y')}")

    def every(self, g: dict[str, str], ctx: Context) -> Resolved:
        if "weekends" in g:  # ``an (den) Wochenenden``: every weekend
            return Resolved("SET", "XXXX-WXX-WE")
        if "eseason" in g:  # ``jeden Sommer`` = every summer, ``jedes Wochenende`` = every weekend
            return Resolved(
                "SET", "XXXX-WXX-WE" if g["eseason"] == "Wochenende" else f"XXXX-{SEASONS[g['eseason']]}"
            )
        if "nth" in g:  # ``jedes zweite Jahr`` = every other year (TimeML P2Y)
            return Resolved("SET", f"P{self.lex.ordinals[g['nth']]}{NTH_UNITS[g['unitn']]}")
        if "inweek" in g:  # ``zweimal in der Woche``: a count per week
            return Resolved("SET", "P1W")
        unit = g.get("unit") or g.get("unit2") or g.get("unit3") or g["unit4"]
        return Resolved("SET", EVERY_VALUES.get(unit, "P1Y"))

    def clock(self, g: dict[str, str], ctx: Context) -> Resolved | None:
        hour, minute = clock_hour(g), int(g.get("min") or g.get("min2") or "0")
        if hour < 12 and (
            g.get("dpart") in {"abends", "nachmittags"} or (g.get("dpart") == "nachts" and hour >= 7)
        ):
            hour += 12  # ``um 8 Uhr abends`` = 20:00, ``um 11 Uhr nachts`` = 23:00; ``2 Uhr nachts`` = 02:00
        if hour > 24 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
        schedule = "range" in g or g.get("prep", "").lower() in {"bis", "ab"}
        if ctx.several_days or (schedule and not ctx.local_day):
            return Resolved("TIME", f"T{clock}")
        day = ctx.day or ctx.anchor
        if day is None:
            return Resolved("TIME", None, f"time:{clock}")
        return Resolved("TIME", f"{day.isoformat()}T{clock}")


#: Half of a unit in the next smaller one (``ein halbes Jahr`` = P6M, ``eine halbe Stunde`` = PT30M).
HALVES = {"Y": (6, "M"), "M": (15, "D"), "W": (84, "H"), "D": (12, "H"), "H": (30, "MIN"), "MIN": (30, "S")}


def half_period(number: float, unit: str) -> str:
    """``number`` halves of ``unit`` as a TIMEX3 period in whole smaller units where one exists."""
    if unit not in HALVES:
        return period(number * 0.5, unit)
    amount, smaller = HALVES[unit]
    return period(number * amount, smaller)
