"""Fewer non-events emitted: word-sense data for the event finder, chosen by document-grouped CV (issue 20m).

Gold ``none`` rows are trigger words that name no event (``traf … ein`` is an arrival, ``wohin die Reise
geht`` an idiom, ``keine Schule besucht`` attendance).  Each candidate group is data for the finder: a
regular expression added to some trigger rows' ``not_in`` (the clause gives the word another sense), words
added to ``not_after`` (``ins Treffen führen``) or word forms added to ``event_nontriggers.tsv``.  The
whole events stage is re-run on the analysed articles of the choosing rows (``tune`` and the released parts,
:data:`wortlaut.eval.claims_data.TUNE_SPLITS`; held-back parts are never read) with the shipped lexicon and
with each group.  Score: accuracy over **all** gold triggers with ``none`` as a sixth label (a gold ``none``
not emitted is right, a gold event not emitted is wrong); status accuracy of the emitted gold events (the
issue's measure, which a non-event cannot change except through merging) is reported beside.  For each of
5 folds by article a group is chosen on the other four when it raises the score there and loses no gold
event there; the chosen groups together are counted on the fold.

``python -m wortlaut.eval.claims_emission ../shared/data --cache /tmp/tune_cases.pkl``
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article
from wortlaut.eval.claims import NONE, EventCase, system_status
from wortlaut.events.finder import EventFinder, event_sentences
from wortlaut.events.frames import find_triggers
from wortlaut.events.lexicon import EventLexicon, load_event_lexicon

#: Folds by article (as ``eval.claims_status_rows``).
FOLDS = 5
_TREFFEN = ("traf", "trafen", "trifft", "treffen", "getroffen")
_BESUCH = ("Besuch", "Besuchs", "Besuches", "besucht", "besuchte", "besuchten")
_GESPRAECH = ("Gespräch", "Gesprächs", "Gespräche", "Gesprächen")


@dataclasses.dataclass(frozen=True, slots=True)
class SenseGroup:
    """One candidate: ``not_in`` expressions per trigger form, ``not_after`` words per form, non-triggers."""

    not_in: dict[str, str] = dataclasses.field(default_factory=dict)
    not_after: dict[str, str] = dataclasses.field(default_factory=dict)
    nontriggers: tuple[str, ...] = ()


def _for(forms: Sequence[str], expression: str) -> dict[str, str]:
    return {form: expression for form in forms}


#: The candidate groups, each one sense class read in the gold ``none`` emissions of the choosing rows.
GROUPS: dict[str, SenseGroup] = {
    # separable ``ein`` closing the clause: eintreffen is an arrival (``traf am Samstag in Cagliari ein``)
    "arrival_ein": SenseGroup(not_in=_for(_TREFFEN[:4], r"\bein\W*$")),
    # ``treffen`` of a blow or a burden (``trifft … mit voller Wucht``, ``treffen … härter``)
    "impact": SenseGroup(not_in=_for(_TREFFEN, r"\b(?:hart|härter|härtesten|Wucht|empfindlich)\b")),
    # ``aufeinander treffen``: a clash of interests or teams
    "clash": SenseGroup(not_in=_for(_TREFFEN, r"\baufeinander\b")),
    # ``treffen auf`` + accusative: an encounter or a match (GUIDELINES: ``trifft auf`` is none)
    "encounter_auf": SenseGroup(
        not_in=_for(_TREFFEN, r"\bauf\s+(?:den|die|das|einen|eine|seinen|seine|ihren|ihre|unseren|unsere)\b")
    ),
    # more light-verb nouns of ``treffen`` (``eine Abmachung trifft``, ``Vorbereitungen getroffen``)
    "light_verbs": SenseGroup(
        not_in=_for(
            _TREFFEN,
            r"\b(?:Abmachung|Abmachungen|Vereinbarung|Vereinbarungen|Vorbereitung|Vorbereitungen|Vorkehrung"
            r"|Vorsorge|Wahl|Unterscheidung|Anordnung|Anordnungen|Festlegung|Festlegungen|Annahme|Einschätzung"
            r"|Abwägung|Zuordnung)\b",
        )
    ),
    # ``etwas ins Treffen führen`` (Austrian: to put forward an argument)
    "ins_treffen": SenseGroup(not_after={"Treffen": "ins"}),
    # compounds that end in ``treffen`` or ``besuch`` and name no meeting or visit
    "compounds": SenseGroup(
        nontriggers=(
            "Hintertreffen",
            "Auftreffen",
            "Übertreffen",
            "Zutreffen",
            "Kitabesuch",
            "Kindergartenbesuch",
            "Gottesdienstbesuch",
            "Kirchenbesuch",
            "Zoobesuch",
            "Restaurantbesuch",
            "Hausbesuch",
            "Krankenbesuch",
            "Konzertbesuch",
            "Theaterbesuch",
            "Stadionbesuch",
        )
    ),
    # ``besuchen`` of a school, a course or a service: attendance (``keine Schule besucht``)
    "attendance": SenseGroup(
        not_in=_for(
            _BESUCH,
            r"\b(?:\w*[Ss]chulen?|Gymnasium|Gymnasien|Kindergarten|Kita|Universität|Hochschule|Kurs|Kurse|Kurses"
            r"|Lehrgang|Unterricht|Vorlesung\w*|Seminar\w*|Workshops?|Gottesdienst\w*)\b",
        )
    ),
    # ``gut besucht``, ``zahlreich besucht``: attendance as a property
    "well_attended": SenseGroup(
        not_in=_for(
            ("besucht",),
            r"\b(?:gut|schlecht|gern|gerne|viel|zahlreich|stark|kaum|wenig|mäßig|spärlich|rege|voll)\s+besucht",
        )
    ),
    # a first-person visit (``seit meinem letzten Besuch``): a private anecdote, not news
    "own_visit": SenseGroup(
        not_in=_for(_BESUCH[:3], r"\b(?:mein|meinem|meinen|meines|unser|unserem|unseres)\s+(?:\w+\s+)?Besuch")
    ),
    # ``wohin die Reise geht``: an idiom for the course of things
    "journey_idiom": SenseGroup(not_in={"Reise": r"\bwohin\s+die\s+Reise\b"}),
    # ``Verhandlungen`` in court (``vor dem Landgericht``, ``mündlichen Verhandlungen in Strafprozessen``)
    "court_hearing": SenseGroup(
        not_in={
            "Verhandlungen": r"\b(?:\w*[Gg]ericht\w*|Prozess|Prozesses|Strafprozess\w*|Zivilprozess\w*"
            r"|mündliche[nr]?|Verteidiger\w*|Angeklagte\w*|Richter\w*)\b"
        }
    ),
    # an interview with a medium named by a compound (``Gespräch mit der Amsterdamer Tageszeitung``)
    "medium_compound": SenseGroup(
        not_in=_for(
            _GESPRAECH,
            r"(?:mit|gegenüber)\s+(?:(?:der|dem|den|des|einem|einer)\s+)?(?:\S+\s+){0,3}?[\w-]+"
            r"(?:zeitung|zeitschrift|magazin|sender|blatt|agentur)\b",
        )
    ),
    # ``Ort(e) der Begegnung``: a place for encounters, no meeting
    "place_of_encounter": SenseGroup(not_in={"Begegnung": r"\bOrte?n?\s+der\s+Begegnung\b"}),
    # a mountain top (``die zwei höchsten Gipfel Afrikas``)
    "mountain": SenseGroup(
        not_in=_for(("Gipfel", "Gipfels"), r"\bhöchste\w*\s+(?:\w+\s+)?Gipfel|\bbestieg\w*|\bMeter\b")
    ),
    # an impersonal passive (``es wird weniger telefoniert``): a habit, no call
    "impersonal_call": SenseGroup(not_in={"telefoniert": r"\b(?:wird|werden|wurde)\b"}),
}


def _joined(old: re.Pattern[str] | None, new: str | None) -> re.Pattern[str] | None:
    if new is None:
        return old
    return re.compile(f"(?:{old.pattern})|(?:{new})" if old is not None else new)


def lexicon_with(names: Sequence[str], base: EventLexicon | None = None) -> EventLexicon:
    """The shipped lexicon with the groups' data added (the form a row written into the files would give)."""
    base = base or load_event_lexicon()
    triggers = [*base.exact.values()]
    for name in names:
        group = GROUPS[name]
        triggers = [
            dataclasses.replace(
                trig,
                not_in=_joined(trig.not_in, group.not_in.get(trig.form)),
                not_after=trig.not_after
                | ({group.not_after[trig.form]} if trig.form in group.not_after else set()),
            )
            for trig in triggers
        ]
    extra = {word for name in names for word in GROUPS[name].nontriggers}
    return dataclasses.replace(
        base,
        exact={trig.form: trig for trig in triggers},
        suffixes=tuple(sorted((t for t in triggers if t.match == "suffix"), key=lambda t: -len(t.form))),
        nontriggers=base.nontriggers | extra,
    )


def predictions(cases: Sequence[EventCase], lexicon: EventLexicon, *, own: bool = False) -> list[str]:
    """The system status of each gold trigger with the events stage re-run under a lexicon.

    ``own``: a gold ``none`` word counts as emitted only when the finder takes the word itself as a trigger;
    ``system_status`` also gives it the status of another event whose sentence holds it (``eine Abmachung
    … trifft`` in a sentence with a ``Vereinbarung`` event), which no sense of the word can change.
    """
    finder = EventFinder()
    finder.lexicon = lexicon
    articles: dict[str, Article] = {}
    result = []
    for case in cases:
        if case.article.id not in articles:
            articles[case.article.id] = case.article.with_layers(events=finder.events(case.article))
        located = EventCase(gold=case.gold, article=articles[case.article.id], trigger=case.trigger)
        status = system_status(located)
        if own and case.gold.status == NONE and status != NONE and not _found(located, lexicon):
            status = NONE
        result.append(status)
    return result


def fold_of(source: str) -> int:
    """The fold of an article: a stable hash of its source name (as ``eval.claims_status_rows.fold_of``)."""
    return zlib.crc32(source.encode("utf-8")) % FOLDS


@dataclasses.dataclass(frozen=True, slots=True)
class Tally:
    """Counts of one prediction run over some gold triggers."""

    right: int
    total: int
    none_emitted: int
    events_missed: int
    status_right: int
    emitted: int

    @staticmethod
    def of(golds: Sequence[str], preds: Sequence[str]) -> Tally:
        emitted = [(g, p) for g, p in zip(golds, preds, strict=True) if NONE not in (g, p)]
        return Tally(
            right=sum(g == p for g, p in zip(golds, preds, strict=True)),
            total=len(golds),
            none_emitted=sum(g == NONE != p for g, p in zip(golds, preds, strict=True)),
            events_missed=sum(p == NONE != g for g, p in zip(golds, preds, strict=True)),
            status_right=sum(g == p for g, p in emitted),
            emitted=len(emitted),
        )

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {
            "six_way": round(self.right / max(1, self.total), 4),
            "status_emitted": round(self.status_right / max(1, self.emitted), 4),
        }


def _lost(golds: Sequence[str], base: Sequence[str], preds: Sequence[str], keep: Sequence[bool]) -> int:
    """Gold events the shipped lexicon emitted and a candidate does not, among the kept cases."""
    return sum(
        k and g != NONE and b != NONE and p == NONE
        for g, b, p, k in zip(golds, base, preds, keep, strict=True)
    )


def grouped_cv(cases: Sequence[EventCase], names: Sequence[str], *, own: bool = False) -> dict[str, Any]:
    """Each group alone on all rows, the per-fold choice (better on four folds, no gold event lost there)
    counted on the fifth, and the choice on all rows (``own``: as :func:`predictions`)."""
    golds = [case.gold.status for case in cases]
    folds = [fold_of(case.gold.source) for case in cases]
    base = predictions(cases, lexicon_with(()), own=own)
    alone = {name: predictions(cases, lexicon_with((name,)), own=own) for name in names}

    def chosen(keep: Sequence[bool]) -> list[str]:
        gain = {}
        for name, preds in alone.items():
            right = sum(k and g == p for g, p, k in zip(golds, preds, keep, strict=True))
            right_base = sum(k and g == b for g, b, k in zip(golds, base, keep, strict=True))
            if right > right_base and _lost(golds, base, preds, keep) == 0:
                gain[name] = right - right_base
        return [name for name in names if name in gain]

    held_golds: list[str] = []
    held_base: list[str] = []
    held_chosen: list[str] = []
    per_fold = []
    for fold in range(FOLDS):
        picks = chosen([f != fold for f in folds])
        per_fold.append(picks)
        part = [i for i, f in enumerate(folds) if f == fold]
        preds = predictions([cases[i] for i in part], lexicon_with(picks), own=own)
        held_golds += [golds[i] for i in part]
        held_base += [base[i] for i in part]
        held_chosen += preds
    on_all = chosen([True] * len(cases))
    final = predictions(cases, lexicon_with(on_all), own=own)
    return {
        "gold_triggers": len(cases),
        "shipped": Tally.of(golds, base).as_dict(),
        "cv_shipped": Tally.of(held_golds, held_base).as_dict(),
        "cv_chosen": Tally.of(held_golds, held_chosen).as_dict(),
        "chosen_per_fold": per_fold,
        "chosen_on_all": on_all,
        "in_sample_chosen": Tally.of(golds, final).as_dict(),
        "each_group_alone": {name: _effect(cases, base, preds) for name, preds in alone.items()},
    }


def _effect(cases: Sequence[EventCase], base: Sequence[str], preds: Sequence[str]) -> dict[str, int]:
    """What one group changes against the shipped lexicon: non-events dropped, events lost, statuses moved."""
    changes: Counter[str] = Counter()
    for case, old, new in zip(cases, base, preds, strict=True):
        if old == new:
            continue
        gold = case.gold.status
        if gold == NONE:
            changes["none_dropped" if new == NONE else "none_emitted_more"] += 1
        elif new == NONE:
            changes["event_lost"] += 1
        elif old == NONE:
            changes["event_gained"] += 1
        else:
            changes[
                "status_fixed" if new == gold else "status_broken" if old == gold else "status_moved"
            ] += 1
    return dict(changes)


def emitted_nones(cases: Sequence[EventCase], names: Sequence[str] = ()) -> dict[str, Any]:
    """Gold ``none`` triggers still emitted (by trigger word), and how: the trigger itself an event, or only
    a sentence holding another event (``system_status`` counts both)."""
    lexicon = lexicon_with(names)
    preds = predictions(cases, lexicon)
    words: Counter[str] = Counter()
    how: Counter[str] = Counter()
    for case, pred in zip(cases, preds, strict=True):
        if case.gold.status == NONE and pred != NONE:
            words[case.trigger.text] += 1
            how["own trigger" if _found(case, lexicon) else "another event's sentence"] += 1
    return {"by_word": dict(words.most_common()), "how": dict(how)}


def _found(case: EventCase, lexicon: EventLexicon) -> bool:
    """Whether the finder takes the gold word itself as a trigger (not only its sentence's other event)."""
    sentence = next(s for s in event_sentences(case.article) if s.start <= case.trigger.start < s.end)
    return any(
        span.start == case.trigger.start for span, _, _ in find_triggers(case.article, sentence, lexicon)
    )


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Pickle of the analysed choosing cases (as eval.claims_status_rows; written when missing).",
)
@click.option("--group", "groups", multiple=True, help="Candidate groups to compare (default: all).")
@click.option("--own", is_flag=True, help="A gold none counts as emitted only when its word is a trigger.")
def command(data_dir: Path | None, cache: Path | None, groups: tuple[str, ...], own: bool) -> None:
    """Document-grouped CV of the finder's sense groups on the choosing rows (JSON)."""
    from wortlaut.eval.claims_status_rows import tune_cases

    unknown = [name for name in groups if name not in GROUPS]
    if unknown:
        raise click.BadParameter(f"unknown group(s) {unknown}; known: {sorted(GROUPS)}", param_hint="--group")
    cases = tune_cases(data_dir or Path.cwd().parent / "shared" / "data", cache, with_none=True)
    result = grouped_cv(cases, list(groups or GROUPS), own=own)
    result["emitted_none_shipped"] = emitted_nones(cases)
    result["emitted_none_chosen"] = emitted_nones(cases, result["chosen_on_all"])
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_emission [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
