"""Where value errors lie, in counts only: per document, per TIMEX3 type and per anchor kind.

Issue 15g: on the KRAUTS tune half about one matched expression in fifty has a wrong value, on the untouched
half about one in eight. Whether that loss sits in a few documents (a data-path cause such as a creation
time that does not fit the text) or in one TIMEX3 type, or is spread (a convention), can be told from counts
without printing any text or value of a held-back half: this prints, per document, its creation time (DCT,
metadata), gold, predicted, matched and value-correct counts, and the same counts per gold type and per
``anchorTimeID`` kind (``t0`` = the DCT, ``text`` = another TIMEX3, ``none``). Usage::

    .venv/bin/python -m wortlaut.eval.timex_breakdown --half tune
    .venv/bin/python -m wortlaut.eval.timex_breakdown --half untouched   # a look: write it down
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from wortlaut.eval.timex import _constant, align, timeml_reading
from wortlaut.eval.timex_sets import HALVES, SHARED_DATA, split_names
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument, read_timeml


@dataclass
class Tally:
    """Gold expressions, those matched by a prediction, and matched ones with the exact gold value."""

    gold: int = 0
    matched: int = 0
    correct: int = 0

    @property
    def wrong(self) -> int:
        """Matched expressions whose value differs from the gold value."""
        return self.matched - self.correct


@dataclass
class DocumentTally:
    """One document's counts: its DCT, the tally over its gold and how many predictions it got."""

    name: str
    dct: str | None
    predicted: int = 0
    tally: Tally = field(default_factory=Tally)

    @property
    def value_f1(self) -> float:
        total = self.predicted + self.tally.gold
        return 2 * self.tally.correct / total if total else 0.0


@dataclass
class Breakdown:
    """The counts of all documents, and by gold type and anchor kind."""

    documents: list[DocumentTally] = field(default_factory=list)
    by_type: dict[str, Tally] = field(default_factory=dict)
    by_anchor: dict[str, Tally] = field(default_factory=dict)


def anchor_kind(gold: GoldTimex) -> str:
    """``t0`` (resolved against the DCT), ``text`` (against another TIMEX3) or ``none``."""
    if not gold.anchor:
        return "none"
    return "t0" if gold.anchor == "t0" else "text"


def _add(tallies: dict[str, Tally], key: str, matched: bool, correct: bool) -> None:
    tally = tallies.setdefault(key, Tally())
    tally.gold += 1
    tally.matched += matched
    tally.correct += correct


def breakdown(docs: Sequence[TimeMLDocument], finder: TimeFinder) -> Breakdown:
    """Run the finder on each document (DCT as publication date, as ``eval timex`` does) and count."""
    result = Breakdown()
    for doc in docs:
        predicted = finder.find(doc.text, anchor=_constant(parse_day(doc.dct)))
        values = {id(gold): timeml_reading(pred) for gold, pred in align(doc.timexes, predicted)}
        row = DocumentTally(doc.name, doc.dct, predicted=len(predicted))
        for gold in doc.timexes:
            matched = id(gold) in values
            correct = matched and values[id(gold)] == gold.value
            row.tally.gold += 1
            row.tally.matched += matched
            row.tally.correct += correct
            _add(result.by_type, gold.type, matched, correct)
            _add(result.by_anchor, anchor_kind(gold), matched, correct)
        result.documents.append(row)
    return result


def _weekday(dct: str | None) -> str:
    day: date | None = parse_day(dct)
    return day.strftime("%a") if day else "-"


def report(result: Breakdown) -> list[str]:
    """Printable lines: documents by wrong values (most first), then types and anchor kinds."""
    lines = ["document                 DCT        day  gold pred match right wrong value-F1"]
    for row in sorted(result.documents, key=lambda row: (-row.tally.wrong, row.value_f1)):
        t = row.tally
        lines.append(
            f"{row.name:24s} {row.dct or '-':10s} {_weekday(row.dct):4s} {t.gold:4d} {row.predicted:4d} "
            f"{t.matched:5d} {t.correct:5d} {t.wrong:5d} {row.value_f1:8.3f}"
        )
    for title, tallies in (("gold type", result.by_type), ("anchor", result.by_anchor)):
        lines.append(f"{title:10s} gold match right wrong  wrong/matched")
        for key in sorted(tallies):
            t = tallies[key]
            share = t.wrong / t.matched if t.matched else 0.0
            lines.append(f"{key:10s} {t.gold:4d} {t.matched:5d} {t.correct:5d} {t.wrong:5d}  {share:.3f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES, default="tune")
    args = parser.parse_args(argv)
    krauts = SHARED_DATA / "time-krauts" / "dolomiten-100"
    if not krauts.is_dir():
        print(f"{krauts}: shared data not found")
        return 1
    docs = [read_timeml(krauts / name) for name in split_names(args.half)]
    print("\n".join(report(breakdown(docs, TimeFinder()))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
