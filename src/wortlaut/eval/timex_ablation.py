"""Leave one rule family out: how much each pattern kind and each finder rule adds on each development set.

Issue 15 asks which rules only fit the KRAUTS tune half. This switches one family off at a time (a pattern
kind, or a finder or tense rule replaced by one that never fires) and prints the change of value F1 on the
tune half, the own sets A, B and D (development sets) and the news set. A family that helps the tune half and
no other set is flagged. The held-back sets (C, E, the untouched half) are never read here. Usage::

    .venv/bin/python -m wortlaut.eval.timex_ablation            # all kinds and rules (needs ../shared)
    .venv/bin/python -m wortlaut.eval.timex_ablation year word  # only these kinds
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from wortlaut.eval import timex as evaluation
from wortlaut.eval.timex_sets import SHARED_DATA, own_documents, split_names
from wortlaut.timex import attached, combined, grammar, normalise, patterns, schedule, tense
from wortlaut.timex import cues as cues_module
from wortlaut.timex import finder as finder_module
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import TimeMLDocument, read_timeml

NEVER = re.compile(r"(?!)")
#: Finder and tense rules: (module, attribute, stand-in that never fires).
RULES: dict[str, tuple[Any, str, Any]] = {
    "narrative year": (finder_module, "NARRATIVE_MIN_YEARS_BACK", 10**6),
    "contrast heute": (finder_module, "CONTRAST_HEUTE", NEVER),
    "seit looks back": (finder_module, "SINCE_BEFORE", NEVER),
    "direction word (back)": (finder_module, "PAST_BEFORE", NEVER),
    "direction word (ahead)": (finder_module, "FUTURE_BEFORE", NEVER),
    "origin von/vom": (finder_module, "ORIGIN_BEFORE", NEVER),
    "bis looks ahead": (finder_module, "UNTIL_BEFORE", NEVER),
    "ab looks ahead": (finder_module, "ONSET_BEFORE", NEVER),
    "every year (XXXX)": (finder_module, "YEARLY", NEVER),
    "range years": (finder_module, "_range_years", lambda cands, chunk: {}),
    "weekday fixes year": (normalise, "weekday_year", lambda year, *rest: year),
    "generic von morgen": (patterns, "_generic_tomorrow", lambda *args: False),
    "copula predicate": (tense, "PREDICATE", NEVER),
    "postponement": (tense, "MOVED_TO", NEVER),
    "perfect tense": (tense, "PERFECT", NEVER),
    "clause limits": (tense, "CLAUSE_BREAK", NEVER),
    "clock range end": (finder_module, "CLOCK_RANGE_GAP", NEVER),
    "participle attribute ahead": (tense, "ATTRIBUTE_BEFORE", NEVER),
    "heute in an attribute": (patterns, "NOWADAYS_ATTRIBUTE", NEVER),
    "year after a singular copula": (cues_module, "COPULA_BEFORE", NEVER),
    "schedule weekdays": (schedule, "BEFORE", NEVER),
    "present opening ahead": (tense, "PRESENT_OPENING", NEVER),
    "position of the year": (cues_module, "POSITION_BEFORE", NEVER),
    "durations in several units": (combined, "JOIN", NEVER),
    "present verb second ahead": (tense, "PRESENT_SECOND", NEVER),
    "a wenn clause after the day": (tense, "WHEN_AFTER", NEVER),
    "weekday compounds": (grammar, "COMPOUND_AFTER", NEVER),
    "a result's day lies back": (attached, "RESULT_BEFORE", NEVER),
    "the next event's day ahead": (attached, "NEXT_EVENT_BEFORE", NEVER),
}
Scores = dict[str, float]


def development_sets(shared: Path = SHARED_DATA) -> dict[str, list[TimeMLDocument]]:
    """The tune half and the own development sets A, B and D (D since the end of issue 15d)."""
    krauts = shared / "time-krauts" / "dolomiten-100"
    return {
        "tune": [read_timeml(krauts / name) for name in split_names("tune")],
        "A": own_documents(shared, name="own"),
        "B": own_documents(shared, name="own-b"),
        "D": own_documents(shared, name="own-d"),
    }


def value_scores(sets: dict[str, list[TimeMLDocument]], make: Callable[[], TimeFinder]) -> Scores:
    """Value F1 per set and the news set's share of exact rows, for a finder made fresh."""
    finder = make()
    found = {name: evaluation.evaluate_documents(docs, finder).value.f1 for name, docs in sets.items()}
    cases = evaluation.read_news_set()
    found["news"] = sum(evaluation.check_case(case, finder)[0] for case in cases) / len(cases)
    return found


def without_kind(kind: str) -> TimeFinder:
    """A finder whose pattern set lacks every pattern of ``kind``."""
    finder = TimeFinder()
    finder.patterns.groups = [
        (test, [member for member in members if member[1] != kind])
        for test, members in finder.patterns.groups
    ]
    return finder


@contextmanager
def switched_off(rule: str) -> Iterator[None]:
    """The finder rule ``rule`` replaced by its never-firing stand-in while the block runs."""
    module, attribute, stand_in = RULES[rule]
    kept = getattr(module, attribute)
    setattr(module, attribute, stand_in)
    try:
        yield
    finally:
        setattr(module, attribute, kept)


def describe(name: str, base: Scores, scores: Scores) -> str:
    """One report line: the change per set, flagged when only the tune half loses."""
    delta = {key: round(scores[key] - base[key], 3) for key in base}
    others = all(delta[key] >= 0 for key in delta if key != "tune")
    flag = "  <- helps the tune half only" if delta["tune"] < 0 and others else ""
    flag = "  (no effect on these sets)" if not any(delta.values()) else flag
    return f"{name:24s} " + " ".join(f"{key} {value:+.3f}" for key, value in delta.items()) + flag


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not (SHARED_DATA / "time-krauts").is_dir():
        print(f"{SHARED_DATA}: shared data not found")
        return 1
    sets = development_sets()
    base = value_scores(sets, TimeFinder)
    print("value F1 " + " ".join(f"{key} {value:.3f}" for key, value in base.items()))
    kinds = args or sorted({kind for kind, _ in TimeFinder().patterns.patterns})
    for kind in kinds:
        print(describe(f"kind {kind}", base, value_scores(sets, partial(without_kind, kind))))
    for rule in [] if args else RULES:
        with switched_off(rule):
            print(describe(rule, base, value_scores(sets, TimeFinder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
