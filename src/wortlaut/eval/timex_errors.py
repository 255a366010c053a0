"""Wrong time values by the decision that made them, under document-grouped cross-validation (issue 15m).

Hand rules raised the development sets of issue 15 but not the untouched KRAUTS half: they fitted what was
read. To see which *decisions* (not which expressions) go wrong on text in general, this runs the rules over
the development pool (tune half + own sets A, B, D, F, H, I, J, K, L) with the folds of
:mod:`wortlaut.eval.timex_cv` (each held-out fold scored with the families the other folds keep) and sorts
every matched expression with a wrong value by the first decision that explains it:

- ``ref``: a PRESENT_REF / PAST_REF / FUTURE_REF reading on one side only (generic against dated);
- ``undated``: a value of no particular day on one side (``XXXX-05`` against ``2015-05``, a schedule's
  ``XXXX-WXX-1`` or bare ``T19:00`` against a dated one: unresolved against resolved);
- ``direction``: another clause direction (past, future, none) on the same anchor gives the gold value;
- ``anchor: day last named`` / ``anchor: last explicit date``: resolving from the day the text last named, or
  from its last date with a written year, instead of the document date gives it;
- ``year``: a yearless date right with the year last written in the text;
- ``type``: a DURATION against a point (``vor einem Jahr`` read as the DATE a year back, not the DURATION),
  or another type on the same span;
- ``extent``: the found span is not the gold span (a range or duration joined or split, a part of a longer
  expression), no reading above fixes it;
- ``granularity``: one value is a coarser or finer form of the other (``2015-05`` / ``2015-05-03``,
  a day / a day with a clock time);
- ``duration``: two periods of different amount or unit (``P18M`` / ``P1.5Y``);
- ``other``: a calendar value no reading reaches.

It prints the counts by class and by set, separating the tune half (the untouched half's own genre, the
Dolomiten regional daily) and sets J and K (chosen like it) from the rest, and unmatched finds and missed
gold.
The held-back sets are never read. Usage::

    .venv/bin/python -m wortlaut.eval.timex_errors            # counts (needs ../shared)
    .venv/bin/python -m wortlaut.eval.timex_errors --lines    # and one line per wrong value
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from wortlaut.article import Span, TimeExpr, Token
from wortlaut.eval import timex as evaluation
from wortlaut.eval.timex_cv import (
    FOLDS,
    OWN_DEVELOPMENT,
    chosen_off,
    cross_validate,
    development_documents,
    folds,
    made_without,
)
from wortlaut.eval.timex_sets import SHARED_DATA, own_documents
from wortlaut.timex import choice
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.finder import AnchorFn, TimeFinder, _Focus
from wortlaut.timex.patterns import Candidate
from wortlaut.timex.resolved import Context
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument

#: The classes in the order they are tried (the first that explains a wrong value takes it).
CLASSES = (
    "ref",
    "undated",
    "direction",
    "anchor: day last named",
    "anchor: last explicit date",
    "year",
    "type",
    "duration",
    "extent",
    "granularity",
    "other",
)
REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: Which documents are of the untouched half's genre: the tune half is the same paper; J and K were chosen
#: like it (regional, court, police, sport, culture news).
GENRE = {"tune": "Dolomiten (tune half)", "own-j": "like it (J, K)", "own-k": "like it (J, K)"}


@dataclass
class Alternatives:
    """The values one candidate takes under other readings than the rules' own."""

    direction: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)
    explicit: set[str] = field(default_factory=set)
    year: set[str] = field(default_factory=set)


class ProbingFinder(TimeFinder):
    """The rules' finder that also resolves every candidate under the other readings, and keeps them by the
    candidate's start offset. It decides exactly as :class:`TimeFinder` does (the hook returns the rules'
    context unchanged)."""

    def __init__(self) -> None:
        super().__init__(chooser=lambda point: choice.direction_of(point.rules))
        self.alternatives: dict[int, Alternatives] = {}
        self._explicit: date | None = None
        self._explicit_year: int | None = None

    def find(
        self, text: str, *, anchor: AnchorFn, sentences: Sequence[Span] = (), tokens: Sequence[Token] = ()
    ) -> list[TimeExpr]:
        self.alternatives, self._explicit, self._explicit_year = {}, None, None
        return super().find(text, anchor=anchor, sentences=sentences, tokens=tokens)

    def _choose(
        self, where: choice.Where, ctx: Context, yearless: bool, focus: _Focus, tokens: Sequence[Token]
    ) -> Context:
        cand, found = where.cand, Alternatives()
        for name in choice.READINGS:
            direction = choice.direction_of(name)
            year = focus.narrative(ctx.anchor, direction) if yearless else ctx.year
            found.direction |= self._values(cand, replace(ctx, direction=direction, year=year))
            if focus.day is not None and focus.day != ctx.anchor:
                found.named |= self._values(cand, replace(ctx, anchor=focus.day, direction=direction))
            if self._explicit is not None and self._explicit != ctx.anchor:
                found.explicit |= self._values(cand, replace(ctx, anchor=self._explicit, direction=direction))
            if yearless and self._explicit_year is not None:
                found.year |= self._values(cand, replace(ctx, direction=direction, year=self._explicit_year))
        self.alternatives[where.offset + cand.start] = found
        if "year" in cand.groups:
            self._explicit_year = int(cand.groups["year"])
            written = self.normaliser.resolve(cand, ctx)
            match = FULL_DAY.match((written.value or "") if written else "")
            if match:
                self._explicit = date(*(int(part) for part in match.groups()))
        return ctx

    def _values(self, cand: Candidate, ctx: Context) -> set[str]:
        found = self.normaliser.resolve(cand, ctx)
        value = (found.timeml_value or found.value) if found is not None else None
        return {value} if value else set()


def classify(gold: GoldTimex, pred: TimeExpr, found: Alternatives | None) -> str:
    """The first decision of :data:`CLASSES` that explains a wrong value. A reading explains it only when
    the found value is one of the rules' readings too (both differ by that decision alone); without the
    readings (``found`` is ``None``) a day a whole number of weeks off, or a date a year off, counts as
    direction."""
    got, want = evaluation.timeml_reading(pred) or "", gold.value
    if (got in REFS) != (want in REFS):
        return "ref"
    if _undated(got) != _undated(want) or ("X" in got and "X" in want):
        return "undated"
    if found is None:
        if _weeks_or_year_apart(got, want):
            return "direction"
    elif got in found.direction:
        for name, values in (
            ("direction", found.direction),
            ("anchor: day last named", found.named),
            ("anchor: last explicit date", found.explicit),
            ("year", found.year),
        ):
            if want in values:
                return name
    if pred.type != gold.type and "DURATION" in (pred.type, gold.type):
        return "type"
    if got.startswith("P") and want.startswith("P"):
        return "duration"
    if (pred.start, pred.end) != (gold.start, gold.end) and pred.text.strip() != gold.text.strip():
        return "extent"
    if pred.type != gold.type:
        return "type"
    if got.startswith(want) or want.startswith(got):
        return "granularity"
    return "other"


def _undated(value: str) -> bool:
    """A value of no particular day or year: ``X`` digits, or a clock time alone (``T19:00``)."""
    return "X" in value or value.startswith("T")


def _weeks_or_year_apart(got: str, want: str) -> bool:
    """Two days a whole number of weeks apart (up to four), or two dates that differ in their year by one
    and agree after it: what another direction of the same expression gives."""
    one, two = FULL_DAY.match(got), FULL_DAY.match(want)
    if one and two and got[10:] == want[10:]:
        days = (date(*map(int, one.groups())) - date(*map(int, two.groups()))).days
        if days and days % 7 == 0 and abs(days) <= 28:
            return True
    years = got[:4], want[:4]
    return all(y.isdigit() for y in years) and abs(int(years[0]) - int(years[1])) == 1 and got[4:] == want[4:]


@dataclass(frozen=True, slots=True)
class WrongValue:
    """One matched expression with a wrong value: where it is, both values and its class."""

    set_name: str
    document: str
    gold: GoldTimex
    got: str
    kind: str


@dataclass
class Profile:
    """Wrong values, unmatched finds and missed gold of the held-out documents."""

    wrong: list[WrongValue] = field(default_factory=list)
    spurious: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)


def set_names() -> dict[str, str]:
    """Document name -> the development set it belongs to (``tune`` for the KRAUTS half)."""
    names = {doc.name: "tune" for doc in development_documents()}
    for name in OWN_DEVELOPMENT:
        names.update({doc.name: name for doc in own_documents(SHARED_DATA, name=name)})
    return names


def profile_documents(docs: Sequence[TimeMLDocument], finder: ProbingFinder, sets: dict[str, str]) -> Profile:
    """Find, align and classify every document's expressions."""
    result = Profile()
    for doc in docs:
        predicted = finder.find(doc.text, anchor=evaluation._constant(parse_day(doc.dct)))
        pairs = evaluation.align(doc.timexes, predicted)
        where = sets.get(doc.name, "?")
        result.counts[f"gold {where}"] += len(doc.timexes)
        result.counts[f"found {where}"] += len(predicted)
        result.counts[f"right {where}"] += sum(g.value == evaluation.timeml_reading(p) for g, p in pairs)
        for gold, pred in pairs:
            got = evaluation.timeml_reading(pred) or ""
            if got != gold.value:
                kind = classify(gold, pred, finder.alternatives.get(pred.start))
                result.wrong.append(WrongValue(where, doc.name, gold, got, kind))
        result.spurious[where] += len(predicted) - len(pairs)
        result.missed[where] += len(doc.timexes) - len(pairs)
    return result


def held_out_profile(k: int = FOLDS) -> tuple[Profile, list[str]]:
    """The profile of every development document scored in its held-out fold (families chosen on the rest)."""
    docs = development_documents(with_own=True)
    sets = set_names()
    _, _, table = cross_validate(docs, k)
    fold = folds([doc.name for doc in docs], k)
    whole, lines = Profile(), []
    for index in range(k):
        held = {name for name, number in fold.items() if number == index}
        off = chosen_off(table, set(fold) - held)
        lines.append(f"fold {index}: switched off {', '.join(sorted(off)) or '-'}")
        with made_without(off, ProbingFinder) as finder:
            part = profile_documents([doc for doc in docs if doc.name in held], finder, sets)
        whole.wrong += part.wrong
        whole.spurious += part.spurious
        whole.missed += part.missed
        whole.counts += part.counts
    return whole, lines


def genre(set_name: str) -> str:
    """The genre group of a development set."""
    return GENRE.get(set_name, "other own sets")


def report(profile: Profile, lines: Sequence[str], *, show: bool = False) -> list[str]:
    """The table of wrong values by class and genre group, then the span errors."""
    out = list(lines)
    groups = ["Dolomiten (tune half)", "like it (J, K)", "other own sets"]
    by = Counter((wrong.kind, genre(wrong.set_name)) for wrong in profile.wrong)
    out.append(f"{'class':28s} {'all':>4s} " + " ".join(f"{group[:22]:>22s}" for group in groups))
    for kind in CLASSES:
        row = [by[(kind, group)] for group in groups]
        out.append(f"{kind:28s} {sum(row):4d} " + " ".join(f"{count:22d}" for count in row))
    gold = sum(v for k, v in profile.counts.items() if k.startswith("gold"))
    right = sum(v for k, v in profile.counts.items() if k.startswith("right"))
    found = sum(v for k, v in profile.counts.items() if k.startswith("found"))
    out.append(f"wrong values {len(profile.wrong)}; right {right}; found {found}; gold {gold}")
    out.append(f"value F1 {2 * right / (found + gold):.4f}")
    out.append("unmatched finds by set: " + _by_set(profile.spurious))
    out.append("missed gold by set: " + _by_set(profile.missed))
    out.append("wrong values by set: " + _by_set(Counter(wrong.set_name for wrong in profile.wrong)))
    if show:
        for wrong in sorted(profile.wrong, key=lambda w: (w.kind, w.set_name, w.document)):
            out.append(
                f"{wrong.kind}\t{wrong.set_name}\t{wrong.document}\t{wrong.gold.text!r}\t"
                f"gold {wrong.gold.value}\tgot {wrong.got}"
            )
    return out


def _by_set(counts: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--lines", action="store_true", help="one line per wrong value")
    args = parser.parse_args(argv)
    if not (SHARED_DATA / "time-krauts").is_dir():
        print(f"{SHARED_DATA}: shared data not found")
        return 1
    profile, lines = held_out_profile(args.folds)
    print("\n".join(report(profile, lines, show=args.lines)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
