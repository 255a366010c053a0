"""Candidate grammar rows for event status, kept or dropped by document-grouped cross-validation on tune.

Each candidate group is one grammatical class of plan or past marking (a row set in the format of
``lang/de/event_status.tsv``), written from the error classes of the ``tune`` rows.  The status rules
alone (:func:`wortlaut.eval.claims.rule_status`, no detection or merging) are scored on the ``tune``
events with every subset of the groups; 5 folds by article (``zlib.crc32`` of the source, so that
the events of one article never sit on both sides): for each fold the best subset on the other four is
scored on it, and the held-out counts are pooled.  The subset chosen on all of tune is what ships
(its rows are then copied into ``event_status.tsv``).  ``test`` is never read here.

The 20g choice (:data:`SHIPPED`) is in ``event_status.tsv`` now; a run compares the issue-20o groups
(``eval.claims_status_prospect.GROUPS_20O``: wanted, recommended and scheduled events, with the 20n purpose,
request and rumour groups; the 20n ones are ``eval.claims_status_modality.GROUPS_20N``, the 20k ones
``eval.claims_status_speech.GROUPS_20K``, the 20j ones :data:`GROUPS_20J`, the 20i ones :data:`GROUPS_20I`:
rows in :data:`CANDIDATES` and :data:`EARLY`, switches in :data:`OPTION_CANDIDATES`; the issue-20p ones
``eval.claims_status_governed``, the issue-20q ones ``eval.claims_status_governors``) on top of the shipped
rows (``--group`` names any, also shipped ones, which then count twice).

``python -m wortlaut.eval.claims_status_rows ../shared/data --cache /tmp/tune_cases.pkl``
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import pickle
import re
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.eval.claims import NONE, EventCase, trigger_sentence
from wortlaut.eval.claims_cases import event_cases
from wortlaut.eval.claims_data import TUNE_SPLITS
from wortlaut.eval.claims_status_governed import GOVERNED_GROUPS
from wortlaut.eval.claims_status_governors import GOVERNOR_GROUPS
from wortlaut.eval.claims_status_modality import MODALITY_GROUPS
from wortlaut.eval.claims_status_prospect import GROUPS_20O, PROSPECT_GROUPS
from wortlaut.eval.claims_status_row import Row
from wortlaut.eval.claims_status_schedule import SCHEDULE_GROUPS
from wortlaut.eval.claims_status_speech import SPEECH_GROUPS
from wortlaut.eval.claims_status_stage import options_cv, system_scores
from wortlaut.events.frames import nearest_time
from wortlaut.events.lexicon import load_event_lexicon
from wortlaut.events.status import (
    DEFAULT_OPTIONS,
    StatusCue,
    StatusOptions,
    _rule_status,
    dated_status,
    load_status_cues,
)
from wortlaut.lang.tables import read_records

#: Folds by article.
FOLDS = 5

_DAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
_PAST = (
    r"\w+te|\w+ten|war|waren|hatte|hatten|fand|fanden|traf|trafen|kam|kamen|hat|haben|ist|sind|wurde"
    r"|wurden"
)
#: The shipped plan row that the ``attributive`` group splits (attributive adjectives vs. plan verbs).
_PLAN_ROW = (
    r"geplant\w*|plant|planen|vorgesehen|angesetzt|anberaumt|voraussichtlich|bevorstehend\w*|kommende\w*"
    r"|anstehend\w*|künftig\w*|nächste\w*"
)

#: The occurrence predicates of the shipped ``werden`` row, with ``sein`` and the verbs that conclude an
#: agreement (issue 20i, ``soll_occurrence``).
_OCCURRENCE = (
    r"statt\w*|teilnehm\w*|teil|führen|geführt|treffen|getroffen|geben|gehen|beginnen|begonnen|aufnehmen"
    r"|aufgenommen|unterzeichn\w*|besuchen|besucht|reisen|kommen|zusammenkommen|tagen|abhalten|abgehalten"
    r"|eröffnen|eröffnet|fortgesetzt|fortsetzen|erwartet|geplant|sprechen|beraten|verhandeln|empfangen|erzielt"
    r"|abgeschlossen|geschlossen|sein|beschlossen|vereinbart|ausgehandelt|zustande|erreicht|unterschrieben"
)
_SOLL_UNLESS = r"[a-zäöüß]\w*(?:t|en)\s(?:haben|sein)|worden|gewesen"

#: The candidate groups, each one grammatical class of plan marking written from the tune error classes
#: (docs/quality.md, 20g): rows to add, and shipped patterns the group replaces.
CANDIDATES: dict[str, tuple[list[Row], tuple[str, ...]]] = {
    # a relative clause on the trigger noun with a modal of plan or obligation: "…abkommen, das … beschlossen
    # werden soll", "…vereinbarung, die noch … ausgehandelt werden muss"
    "relative_modal": ([
        ("planned", "relative", "noun", r"soll|sollen|solle|muss|müssen|geplant|vorgesehen", "",
         r"worden|gewesen"),
    ], ()),
    # … with future werden + sein: "…gipfel im Herbst, bei dem … ein Thema sein werde"
    "relative_future": ([
        ("planned", "relative", "noun",
         r"sein\s(?:werde|werden|wird)|(?:werde|werden|wird)\s(?:[^,.;]*\s)?sein", "", r"worden|gewesen"),
    ], ()),
    # future werden + sein in the clause ("wird … vertreten sein"): the shipped werden row lists full verbs
    "future_sein": ([
        ("planned", "clause", "any", r"wird|werden|werde", r"sein", r"worden|gewesen"),
    ], ()),
    # the present of a scheduling verb with its particle: "findet am Donnerstag statt"
    "scheduled_present": ([
        ("planned", "clause", "any", r"findet\s(?:[^,.;]*\s)?statt|finden\s(?:[^,.;]*\s)?statt", "", ""),
    ], ()),
    # a future time adverb: "frühestens im August", "demnächst", "in Kürze", "bald"
    "future_adverb": ([
        ("planned", "clause", "any", r"frühestens|demnächst|in\sKürze|bald|alsbald", "", ""),
    ], ()),
    # a weekday right after a noun trigger in a clause without a past form: "beim Opec-Treffen am Freitag"
    "weekday_after_noun": ([
        ("planned", "after", "noun", rf"am\s(?:{_DAYS})", "", _PAST),
    ], ()),
    # expectations and preparations are of something to come: "die Erwartungen an das Treffen"
    "plan_noun_before": ([
        ("planned", "before", "any", r"Erwartung\w*\s(?:an|für)(?:\s\w+)?|Vorbereitung\w*(?:\s\w+)?", "", ""),
    ], ()),
    # a zu-infinitive governing the noun trigger: "neue Verhandlungen aufzunehmen"
    "zu_infinitive": ([
        ("planned", "after", "noun",
         r"[a-zäöüß]+zu[a-zäöüß]+en|zu\s(?:führen|halten|treffen|beginnen|aufnehmen)", "", ""),
    ], ()),
    # a plan or future about the event's end or continuation tells an event going on: "wann diese
    # Verhandlungen abgeschlossen werden", "der kommende Woche fortgesetzt werden muss"
    "ongoing_completion": ([
        ("happened", "clause", "any",
         r"abgeschlossen|abschließen|fortgesetzt|fortsetzen|fortzusetzen|weitergeführt|weiterführen", "", ""),
    ], ()),
    # an attributive plan adjective plans only its own noun ("mit dem künftigen Alterspräsidenten"): the
    # adjectives count before the trigger, as time adverbials ("in der kommenden Woche") in the clause
    "attributive": ([
        ("planned", "clause", "any",
         r"geplant\w*|plant|planen|vorgesehen|angesetzt|anberaumt|voraussichtlich", "", ""),
        ("planned", "before", "any",
         r"bevorstehend\w*|kommende\w*|anstehend\w*|künftig\w*|nächste\w*", "", ""),
        ("planned", "clause", "any",
         r"(?:am|im|in\sder|in\sden|zum|bis\szum)\s(?:kommende\w*|nächste\w*)|(?:kommende|nächste)\s(?:Woche|Monat|Jahr)\w*"
         r"|künftig", "", ""),
    ], (_PLAN_ROW,)),
    # issue 20i: a plan modal plans the event a noun names only when its predicate makes the event occur:
    # "Das Treffen soll am Montag stattfinden", not "sollen Doppelbesteuerungsabkommen … durchforstet
    # werden", "Kontrolliert soll das Abkommen … werden" (the agreement exists); verb triggers keep the row
    "soll_occurrence": ([
        ("planned", "clause", "verb", r"soll|sollen|solle", "", _SOLL_UNLESS),
        ("planned", "clause", "noun", r"soll|sollen|solle", _OCCURRENCE, _SOLL_UNLESS),
    ], (r"soll|sollen|solle",)),
    # issue 20i: a zu-infinitive plans the noun it governs only when it brings the event about ("Verhandlungen
    # aufzunehmen", "ein Treffen abzuhalten"), not "das Abkommen … einzuhalten", "sich in die Verhandlungen
    # einzubringen"
    "zu_infinitive_occurrence": ([
        ("planned", "after", "noun",
         r"(?:auf|ab|an|aus|durch|herbei)?zu(?:nehmen|schließen|halten|führen|handeln|treffen|reisen|beginnen)"
         r"|zu\s(?:führen|halten|treffen|beginnen|aufnehmen|unterzeichnen|besuchen|vereinbaren|verhandeln)",
         "", ""),
    ], (r"[a-zäöüß]+zu[a-zäöüß]+en|zu\s(?:führen|halten|treffen|beginnen|aufnehmen)",)),
    # issue 20j: an alternative not taken is not an event that happened: "setze auf Streik, statt auf
    # Gespräche", "anstelle von Verhandlungen"
    "statt_alternative": ([
        ("hypothetical", "before", "any", r"statt|anstatt|anstelle|statt\sauf|statt\szu", "", ""),
    ], ()),
    # issue 20j: Konjunktiv II / past "sollte" plans a noun event only with an occurrence predicate ("sollte
    # das Treffen … stattfinden", "Bei einem Gipfel sollte … beschlossen werden"), as ``soll_occurrence`` does
    "sollte_occurrence": ([
        ("planned", "clause", "noun", r"sollte|sollten", _OCCURRENCE, _SOLL_UNLESS),
    ], ()),
    # issue 20j: an outcome expected or hoped for is not yet an event: "gehe davon aus, dass eine Einigung
    # gelingen wird", "hofft auf eine Einigung"
    "expected_outcome": ([
        ("hypothetical", "clause", "any", r"gelingen|gelingt|hofft|hoffen|hoffe|erhofft\w*|rechnet\smit", "",
         r"gelungen|gelang"),
    ], ()),
}
CANDIDATES.update(SPEECH_GROUPS)
CANDIDATES.update(MODALITY_GROUPS)
CANDIDATES.update(PROSPECT_GROUPS)
CANDIDATES.update(GOVERNED_GROUPS)
CANDIDATES.update(GOVERNOR_GROUPS)
CANDIDATES.update(SCHEDULE_GROUPS)
#: The groups compared in the 20j session (tune, document-grouped CV; docs/quality.md).
GROUPS_20J = ("statt_alternative", "sollte_occurrence", "expected_outcome")


#: Issue 20i groups of the event noun's own attributes, tried before the clause's hypothetical and plan cues
#: (a modal or condition of the clause may belong to another predicate; an attribute on the noun is the
#: event's own): "vom letzten Gipfel … hätten … werden sollen", "für die laufenden Verhandlungen … fordert".
EARLY: dict[str, list[Row]] = {
    "own_past_attribute": [
        ("happened", "before", "any",
         r"letzte\w*|vergangene\w*|vorige\w*|jüngste\w*|vorangegangene\w*|früheren|laufende\w*|bisherige\w*"
         r"|andauernde\w*", "", ""),
    ],
    "own_plan_attribute": [
        ("planned", "before", "any",
         r"geplante\w*|angekündigte\w*|anberaumte\w*|angesetzte\w*|bevorstehende\w*|anstehende\w*"
         r"|kommende\w*|nächste\w*", "", ""),
    ],
}
#: Issue 20i switches of :class:`StatusOptions` compared beside the rows.
OPTION_CANDIDATES: dict[str, dict[str, bool | str]] = {
    "list_subordinators": {"list_subordinators": True},
    "present_schedule": {"present_schedule": True},
    # issue 20k: the morphology layer's Konjunktiv II in the trigger's clause (``StatusOptions.konjunktiv2``)
    "konjunktiv2_morphology": {"konjunktiv2": True},
    # issue 20s: a day the undated article cannot place, in a sentence without a past cue (events.schedule)
    "undated_schedule": {"undated_schedule": "sentence"},
    "undated_schedule_near": {"undated_schedule": "near"},
}
#: The groups compared in the 20i session (first run: all six; second run: the three that broke no tune
#: event alone; docs/quality.md).  ``own_past_attribute`` ships (the only one whose held-out folds gained).
GROUPS_20I = ("soll_occurrence", "zu_infinitive_occurrence", "own_past_attribute", "own_plan_attribute",
              "list_subordinators", "ongoing_completion")  # fmt: skip


#: The groups chosen on all tune in 20g (2026-12-06) and copied into ``event_status.tsv``.
SHIPPED = ("relative_modal", "relative_future", "scheduled_present", "plan_noun_before", "zu_infinitive",
           "own_past_attribute")  # fmt: skip


def fold_of(source: str) -> int:
    """The fold of an article: a stable hash of its source name."""
    return zlib.crc32(source.encode("utf-8")) % FOLDS


def _cue(row: Row) -> StatusCue:
    status, scope, trigger, pattern, with_, unless = row

    def compiled(expression: str) -> re.Pattern[str] | None:
        return re.compile(rf"(?<!\w)(?:{expression})(?!\w)") if expression else None

    return StatusCue(status, scope, trigger, compiled(pattern) or re.compile(r"(?!)"), compiled(with_),
                     compiled(unless))  # fmt: skip


def read_base_rows(path: Path) -> tuple[StatusCue, ...]:
    """The cue rows of another ``event_status.tsv`` (an earlier revision's, ``git show REV:src/…``): the
    base the groups are compared on instead of the shipped rows, so a choice can be rerun after it ships."""
    return tuple(_cue((row["status"], row["scope"], row["trigger"], row["pattern"], row.get("with") or "",
                       row.get("unless") or "")) for row in read_records(path))  # fmt: skip


def cues_with(groups: Sequence[str], base: tuple[StatusCue, ...] | None = None) -> tuple[StatusCue, ...]:
    """The shipped rows (or ``base``) with the groups' rows inserted after the last row of their status (the
    order the file's rows are tried in)."""
    dropped = {_cue(("planned", "", "", pattern, "", "")).pattern.pattern
               for name in groups if name in CANDIDATES for pattern in CANDIDATES[name][1]}  # fmt: skip
    rows = load_status_cues() if base is None else base
    cues = [cue for cue in rows if cue.pattern.pattern not in dropped]
    for name in groups:
        for row in CANDIDATES[name][0] if name in CANDIDATES else []:
            cue = _cue(row)
            last = max((i for i, c in enumerate(cues) if c.status == cue.status), default=len(cues) - 1)
            cues.insert(last + 1, cue)
    for name in groups:  # the noun's own attributes go before the first hypothetical row
        for row in EARLY.get(name, []):
            first = next((i for i, c in enumerate(cues) if c.status == "hypothetical"), len(cues))
            cues.insert(first, _cue(row))
    return tuple(cues)


def options_with(groups: Sequence[str]) -> StatusOptions:
    """The default status options with the switches of the groups that are option candidates."""
    changes: dict[str, Any] = {}
    for name in groups:
        changes.update(OPTION_CANDIDATES.get(name, {}))
    return dataclasses.replace(DEFAULT_OPTIONS, **changes)


def status_with(
    case: EventCase, cues: tuple[StatusCue, ...], options: StatusOptions = DEFAULT_OPTIONS
) -> str:
    """The status rules alone on a gold trigger with these rows (as ``eval.claims.rule_status``)."""
    article = case.article
    sentence = trigger_sentence(article, case.trigger)
    status = _rule_status(article, case.trigger, sentence, options=options, cues=cues)
    time = nearest_time(article.times, sentence, case.trigger.start)
    date = time.value if time is not None and time.value else None
    trig = load_event_lexicon().trigger(case.trigger.text)
    kind = trig.type if trig else None
    return dated_status(article, status, date, options=options, event_type=kind)


def subsets(names: Sequence[str]) -> list[tuple[str, ...]]:
    """Every subset of the groups, the empty one first (ties keep the smaller, earlier subset)."""
    return [combo for size in range(len(names) + 1) for combo in itertools.combinations(names, size)]


def grouped_cv(
    cases: Sequence[EventCase], names: Sequence[str], base: tuple[StatusCue, ...] | None = None
) -> dict[str, Any]:
    """Per fold: the best subset on the other folds, scored on the fold; pooled held-out accuracy beside
    the shipped rows' accuracy on the same folds."""
    options = subsets(names)
    correct = {combo: [0] * FOLDS for combo in options}
    sizes = [0] * FOLDS
    for case in cases:
        sizes[fold_of(case.gold.source)] += 1
    for combo in options:
        cues, switches = cues_with(combo, base), options_with(combo)
        for case in cases:
            correct[combo][fold_of(case.gold.source)] += status_with(case, cues, switches) == case.gold.status
    held, chosen = 0, []
    for fold in range(FOLDS):
        def rest(combo: tuple[str, ...], fold: int = fold) -> int:
            return sum(n for f, n in enumerate(correct[combo]) if f != fold)

        best = max(options, key=lambda combo: (rest(combo), -options.index(combo)))
        chosen.append(list(best))
        held += correct[best][fold]
    total = sum(sizes)
    on_all = max(options, key=lambda combo: (sum(correct[combo]), -options.index(combo)))
    return {"events": total, "shipped_rows": round(sum(correct[()]) / total, 4),
            "cv_chosen": round(held / total, 4), "chosen_per_fold": chosen, "chosen_on_all": list(on_all),
            "in_sample_chosen": round(sum(correct[on_all]) / total, 4),
            "each_group_alone": {n: sum(correct[(n,)]) - sum(correct[()]) for n in names}}  # fmt: skip


def by_corpus(
    cases: Sequence[EventCase], groups: Sequence[str], base: tuple[StatusCue, ...] | None = None
) -> dict[str, str]:
    """Right of total per corpus (the source's first path part) with these groups: a row kept for speech
    frames must not cost the WikiNews or 10kGNAD tune parts."""
    cues, switches = cues_with(groups, base), options_with(groups)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case in cases:
        corpus = case.gold.source.split("/")[0]
        total[corpus] += 1
        right[corpus] += status_with(case, cues, switches) == case.gold.status
    return {corpus: f"{right[corpus]}/{total[corpus]}" for corpus in sorted(total)}


def errors(cases: Sequence[EventCase], cues: tuple[StatusCue, ...]) -> Counter[str]:
    """Confusions (gold → predicted) of the rules with these rows."""
    found: Counter[str] = Counter()
    for case in cases:
        predicted = status_with(case, cues)
        if predicted != case.gold.status:
            found[f"{case.gold.status} -> {predicted}"] += 1
    return found


def tune_cases(data_dir: Path, cache: Path | None, *, with_none: bool = False) -> list[EventCase]:
    """The tune events and those of the released parts (gold ``none`` rows left out unless asked for)
    located in their analysed articles, cached."""
    if cache is not None and cache.exists():
        cases: list[EventCase] = pickle.loads(cache.read_bytes())
    else:
        cases, _ = event_cases(data_dir, splits=TUNE_SPLITS)
        if cache is not None:
            cache.write_bytes(pickle.dumps(cases))
    return [case for case in cases if with_none or case.gold.status != NONE]


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Pickle of the analysed tune cases (written when missing).")  # fmt: skip
@click.option("--group", "groups", multiple=True, help="Candidate groups to compare (default: all).")
@click.option("--system", is_flag=True, help="Score the whole events stage on tune instead, per batch.")
@click.option("--options", "switches", is_flag=True, help="Grouped CV of the stage's rule switches instead.")
@click.option("--base-rows", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Compare the groups on this event_status.tsv instead of the shipped one.")  # fmt: skip
def command(
    data_dir: Path | None,
    cache: Path | None,
    groups: tuple[str, ...],
    system: bool,
    switches: bool,
    base_rows: Path | None,
) -> None:
    """Document-grouped CV of the candidate status rows on tune (JSON)."""
    data_dir = data_dir or Path.cwd().parent / "shared" / "data"
    if system or switches:
        every = tune_cases(data_dir, cache, with_none=True)
        scores = system_scores(every) if system else options_cv(every)
        click.echo(json.dumps(scores, indent=1, ensure_ascii=False))
        return
    cases = tune_cases(data_dir, cache)
    known = {*CANDIDATES, *EARLY, *OPTION_CANDIDATES}
    unknown = [name for name in groups if name not in known]
    if unknown:
        raise click.BadParameter(f"unknown group(s) {unknown}; known: {sorted(known)}", param_hint="--group")
    names = list(groups or GROUPS_20O)
    base = read_base_rows(base_rows) if base_rows is not None else None
    result = grouped_cv(cases, names, base)
    result["by_corpus_shipped_rows"] = by_corpus(cases, (), base)
    result["by_corpus_chosen_on_all"] = by_corpus(cases, result["chosen_on_all"], base)
    result["errors_shipped_rows"] = dict(errors(cases, cues_with((), base)).most_common())
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_status_rows [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
