"""Event status and statement hedges scored on the hand-annotated claims set (``eval/data/claims``).

Events: every annotated trigger is looked up in the article the default pipeline analysed; an
event whose trigger is that word (or, for a merged event, whose evidence sentence holds it) gives
the predicted status, no event gives ``none``.  Status accuracy is over the gold events the
system emitted; emission is scored apart (gold ``none`` emitted, gold events missed).

Hedges: the gold statement (a WikiNews quotation with its cue and frame, or an anchored sentence)
is classified by :func:`wortlaut.claims.hedge.attribution_certainty`; precision, recall and F1 of
``hedged``.  Every split is scored under the options and cue kinds the stages ship; beside them the
report gives what ``tune`` alone would choose in-sample and a 5-fold cross-validation of that choice.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article, Span, Statement
from wortlaut.claims.hedge import DEFAULT_KINDS, HEDGED, KINDS, attribution_certainty
from wortlaut.eval import claims_data as data
from wortlaut.events.frames import find_triggers, nearest_time
from wortlaut.events.lexicon import load_event_lexicon
from wortlaut.events.status import StatusOptions, dated_status, event_status
from wortlaut.sentences import split_sentences
from wortlaut.stages.events import EventsStage

NONE = "none"
#: The splits of the event rows: ``tune`` (rules chosen on it), ``test``, ``test-d`` (a second held-back
#: part, issue 20i), ``test-e`` (a third, issue 20j; released to choosing in 20l, ``data.RELEASED_EVENTS``)
#: ``test-f`` (a fourth, issue 20l), ``test-g`` (issue 20o: a choosing part from the start, released like
#: ``test-e``), ``test-h`` (issue 20o, held back; released in 20q) and ``test-j`` (issue 20q, held back: the
#: rest of the candidate pool; released in 20s), each reported alone.
EVENT_SPLITS = ("tune", "test", "test-d", "test-e", "test-f", "test-g", "test-h", "test-j")
#: Folds of the cross-validation on the tune split.
FOLDS = 5


@dataclass(frozen=True, slots=True)
class EventCase:
    """A gold trigger located in its analysed article."""

    gold: data.GoldEvent
    article: Article
    trigger: Span


@dataclass(frozen=True, slots=True)
class StatementCase:
    """A gold statement as a :class:`Statement` of its article."""

    gold: data.GoldStatement
    article: Article
    statement: Statement


def per_label(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per gold label of (gold, predicted) pairs."""
    scores = {}
    for label in sorted({gold for gold, _ in pairs} | {pred for _, pred in pairs}):
        tp = sum(1 for gold, pred in pairs if gold == pred == label)
        predicted = sum(1 for _, pred in pairs if pred == label)
        support = sum(1 for gold, _ in pairs if gold == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return scores


def accuracy(pairs: Sequence[tuple[str, str]]) -> float:
    return sum(1 for gold, pred in pairs if gold == pred) / len(pairs) if pairs else 0.0


def system_status(case: EventCase) -> str:
    """The status of the system's event for a gold trigger, ``none`` when it emitted none.

    A trigger merged into an event told elsewhere takes that event's status; among the events
    whose evidence sentence holds it, one of the trigger's own type and nearest comes first.
    """
    events = case.article.events
    exact = [e for e in events if e.trigger.start == case.trigger.start]
    if exact:
        return exact[0].status
    holding = [e for e in events if any(s.start <= case.trigger.start < s.end for s in e.evidence)]
    if not holding:
        return NONE
    trig = load_event_lexicon().trigger(case.trigger.text)
    same_type = [e for e in holding if trig is not None and e.type == trig.type]
    return min(same_type or holding, key=lambda e: abs(e.trigger.start - case.trigger.start)).status


def trigger_sentence(article: Article, trigger: Span) -> Span:
    """The sentence of the analysed article that holds a gold trigger; where the sentence layer leaves the
    trigger out (a gallery caption after the body: "Bildergalerie zum Doppelgipfel:", issue 20o), the plain
    sentence split of the text, and else the trigger's line, so that the rules can still be asked."""
    holding = [s for s in article.sentences if s.start <= trigger.start < s.end]
    holding = holding or [s for s in split_sentences(article.text) if s.start <= trigger.start < s.end]
    if holding:
        return holding[0]
    start = article.text.rfind("\n", 0, trigger.start) + 1
    end = article.text.find("\n", trigger.end)
    end = len(article.text) if end < 0 else end
    return Span(start=start, end=end, text=article.text[start:end])


def own_trigger(case: EventCase) -> bool:
    """Whether the finder takes the gold word itself as a trigger: :func:`system_status` also counts a word
    as emitted when another event's evidence sentence holds it (issue 20m)."""
    sentence = trigger_sentence(case.article, case.trigger)
    found = find_triggers(case.article, sentence, load_event_lexicon())
    return any(span.start == case.trigger.start for span, _, _ in found)


def rule_status(case: EventCase, options: StatusOptions) -> str:
    """The status rules alone on a gold trigger (no detection, no merging): for choosing options."""
    sentence = trigger_sentence(case.article, case.trigger)
    status = event_status(case.article, case.trigger, sentence, options=options)
    time = nearest_time(case.article.times, sentence, case.trigger.start)
    date = time.value if time is not None and time.value else None
    trig = load_event_lexicon().trigger(case.trigger.text)
    return dated_status(case.article, status, date, options=options, event_type=trig.type if trig else None)


def choose(
    candidates: Sequence[Any], cases: Sequence[Any], score: Callable[[Any, Sequence[Any]], float]
) -> Any:
    """The candidate with the best score on the cases (ties: the earlier, preferred one)."""
    return max(candidates, key=lambda candidate: (score(candidate, cases), -candidates.index(candidate)))


def cross_validate(
    candidates: Sequence[Any], cases: Sequence[Any], score: Callable[[Any, Sequence[Any]], float]
) -> float:
    """Mean held-out score when each fold's candidate is chosen on the other folds."""
    results = []
    for fold in range(FOLDS):
        held = [case for index, case in enumerate(cases) if index % FOLDS == fold]
        rest = [case for index, case in enumerate(cases) if index % FOLDS != fold]
        if held:
            results.append(score(choose(candidates, rest, score), held))
    return sum(results) / len(results)


#: The rule switches alone (``model=False``): the classifier is chosen apart, by
#: :mod:`wortlaut.eval.claims_status`, and reported beside the rules.
STATUS_OPTIONS = [
    StatusOptions(konjunktiv2=k2, future_date=fd, extend_lists=ex, cluster=cl, model=False)
    for k2, fd, ex, cl in itertools.product(
        (False, True), (True, False), (True, False), ("main", "strongest")
    )
]


def reanalysed(cases: Sequence[EventCase], options: StatusOptions) -> list[EventCase]:
    """The cases with their articles' events found again under other status options (events stage only)."""
    stage = EventsStage(options)
    articles: dict[str, Article] = {}
    result = []
    for case in cases:
        if case.article.id not in articles:
            articles[case.article.id] = stage(case.article)
        result.append(EventCase(gold=case.gold, article=articles[case.article.id], trigger=case.trigger))
    return result


def _status_score(options: StatusOptions, cases: Sequence[EventCase]) -> float:
    """Status accuracy of the system's events on the gold events it emitted, under some options."""
    pairs = [(c.gold.status, system_status(c)) for c in reanalysed(cases, options)]
    return accuracy([(gold, pred) for gold, pred in pairs if NONE not in (gold, pred)])


HEDGE_KINDS = [frozenset(KINDS)] + [frozenset(KINDS) - {kind} for kind in KINDS]


def _hedge_score(kinds: frozenset[str], cases: Sequence[StatementCase]) -> float:
    pairs = [(c.gold.label, attribution_certainty(c.article, c.statement, kinds=kinds)) for c in cases]
    return per_label(pairs).get(HEDGED, {}).get("f1", 0.0)


def event_report(cases: Sequence[EventCase]) -> dict[str, Any]:
    """Tune/test scores of the event status (the system's events) under the options the stage ships, and
    the options tune alone would choose beside them.

    Every split is scored under the shipped options: a choice made in-sample on tune can differ from what
    ships (in 20k a new tune batch made Konjunktiv II win in-sample, 0.8363 against 0.8338, while its
    article-grouped CV was 0.8159), and then held-back scores under it would describe no product.
    ``tune_choice_is_shipped`` says whether the two agree; a change of the shipped options is decided by
    the grouped CV (``python -m wortlaut.eval.claims_status_stage --options``), not here.
    """
    tune = [c for c in cases if c.gold.split in data.TUNE_SPLITS]
    shipped = StatusOptions()
    chosen = choose(STATUS_OPTIONS, tune, _status_score)
    report: dict[str, Any] = {
        "shipped_options": dataclasses.asdict(shipped),
        "tune_choice": dataclasses.asdict(chosen),
        "tune_choice_is_shipped": chosen == shipped,
        "tune_cv_status_accuracy": cross_validate(STATUS_OPTIONS, tune, _status_score),
    }
    for split in EVENT_SPLITS:
        report[split] = _split_report([c for c in cases if c.gold.split == split], shipped)
        report[split]["model"] = _split_report(
            [c for c in cases if c.gold.split == split], dataclasses.replace(shipped, model=True)
        )
    report["released"] = sorted(data.RELEASED_EVENTS)
    return report


def _split_report(cases: Sequence[EventCase], chosen: StatusOptions) -> dict[str, Any]:
    """Scores of one split under some options (the rules alone, or with the classifier)."""
    part = reanalysed(cases, chosen)
    pairs = [(c.gold.status, system_status(c)) for c in part]
    emitted = [(g, p) for g, p in pairs if g != NONE and p != NONE]
    return {
        "gold_triggers": len(pairs),
        "gold_events": sum(1 for g, _ in pairs if g != NONE),
        "status_accuracy_emitted": accuracy(emitted),
        "emitted_events": len(emitted),
        "per_label_emitted": per_label(emitted),
        "rule_accuracy_all_events": accuracy(
            [(c.gold.status, rule_status(c, chosen)) for c in part if c.gold.status != NONE]
        ),
        "six_way_accuracy": accuracy(pairs),
        "none_emitted": sum(1 for g, p in pairs if g == NONE and p != NONE),
        "none_emitted_own_trigger": sum(
            1 for c, (g, p) in zip(part, pairs, strict=True) if g == NONE != p and own_trigger(c)
        ),
        "gold_none": sum(1 for g, _ in pairs if g == NONE),
        "events_missed": sum(1 for g, p in pairs if g != NONE and p == NONE),
        "confusion": Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common(),
        "by_source": _by_source(part),
    }


def source_kind(source: str) -> str:
    """The corpus of a gold row (``wikinews``, ``10kgnad``, ``news-html``): the test split mixes them."""
    return source.partition("/")[0]


def _by_source(cases: Sequence[EventCase]) -> dict[str, dict[str, Any]]:
    """Status accuracy of the emitted gold events per source corpus (is a gap between splits a shift?)."""
    result = {}
    for kind in sorted({source_kind(c.gold.source) for c in cases}):
        pairs = [(c.gold.status, system_status(c)) for c in cases if source_kind(c.gold.source) == kind]
        emitted = [(g, p) for g, p in pairs if NONE not in (g, p)]
        result[kind] = {"status_accuracy_emitted": accuracy(emitted), "emitted_events": len(emitted)}
    return result


def hedge_report(cases: Sequence[StatementCase]) -> dict[str, Any]:
    """Tune/test precision/recall of the hedge under the cue kinds the stage ships, with the kinds tune
    alone would choose beside them (see :func:`event_report`)."""
    tune = [c for c in cases if c.gold.split == "tune"]
    chosen = choose(HEDGE_KINDS, tune, _hedge_score)
    report: dict[str, Any] = {
        "shipped_kinds": sorted(DEFAULT_KINDS),
        "tune_choice": sorted(chosen),
        "tune_choice_is_shipped": chosen == DEFAULT_KINDS,
        "tune_cv_hedged_f1": cross_validate(HEDGE_KINDS, tune, _hedge_score),
    }
    for split in ("tune", "test"):
        part = [c for c in cases if c.gold.split == split]
        pairs = [(c.gold.label, attribution_certainty(c.article, c.statement)) for c in part]
        report[split] = {"statements": len(pairs), "per_label": per_label(pairs), "accuracy": accuracy(pairs)}
    return report


def report(data_dir: Path) -> dict[str, Any]:
    """Both reports (event status, statement hedge) on the project's claims set."""
    from wortlaut.eval.claims_cases import event_cases, statement_cases

    events, event_notes = event_cases(data_dir)
    statements, statement_notes = statement_cases(data_dir)
    return {
        "events": event_report(events),
        "statements": hedge_report(statements),
        "notes": event_notes + statement_notes,
    }


@click.command(name="claims")
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
def command(data_dir: Path | None) -> None:
    """Event status and statement hedge scores on the project's claims set (JSON).

    DATA_DIR is the shared data folder (default: ../shared/data beside the project).
    """
    scores = report(data_dir or Path.cwd().parent / "shared" / "data")
    click.echo(json.dumps(scores, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims [DATA_DIR]``: the same as ``wortlaut eval claims``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
