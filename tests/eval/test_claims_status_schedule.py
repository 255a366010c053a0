"""The issue-20s candidate groups: events told without a plan cue in undated text, events sought, argued
for or refused.  ``seek_event`` and ``advocacy_stance`` ship (chosen by document-grouped CV, docs/quality.md,
eighteenth session), ``werden_setting`` and ``refusal_noun`` do not; the switch ships as
``StatusOptions.undated_schedule``."""

from __future__ import annotations

from tests.eval.status_rows import status_with_groups
from wortlaut.eval.claims_status_rows import CANDIDATES, OPTION_CANDIDATES, _cue, options_with
from wortlaut.eval.claims_status_schedule import GROUPS_20S, GROUPS_20S_SECOND, SCHEDULE_GROUPS
from wortlaut.events.status import DEFAULT_OPTIONS, HAPPENED, NEGATED, PLANNED, load_status_cues

_SHIPPED = ("seek_event", "advocacy_stance")
#: Chosen on all rows in the first runs but no CV gain (its one fix lies in the fold that did not choose it).
_NOT_SHIPPED = ("werden_setting", "refusal_noun")


def _file_rows() -> set[tuple[str, str, str, str]]:
    return {(cue.status, cue.scope, cue.trigger, cue.pattern.pattern) for cue in load_status_cues()}


def test_every_group_is_a_candidate_and_the_chosen_ones_are_the_file_rows() -> None:
    for name in (*GROUPS_20S, *GROUPS_20S_SECOND):
        assert name in CANDIDATES or name in OPTION_CANDIDATES, name
    rows = _file_rows()
    for name in _SHIPPED:
        for row in SCHEDULE_GROUPS[name][0]:
            cue = _cue(row)
            assert (cue.status, cue.scope, cue.trigger, cue.pattern.pattern) in rows, name
    for row in (row for name in _NOT_SHIPPED for row in SCHEDULE_GROUPS[name][0]):
        cue = _cue(row)
        assert (cue.status, cue.scope, cue.trigger, cue.pattern.pattern) not in rows
    # the unmended 20n row is not shipped beside its mended form
    assert not [cue for cue in load_status_cues() if "suchen|sucht|gesucht" in cue.pattern.pattern]


def test_the_undated_schedule_switches_and_the_shipped_default() -> None:
    assert options_with(("undated_schedule",)).undated_schedule == "sentence"
    assert options_with(("undated_schedule_near",)).undated_schedule == "near"
    assert DEFAULT_OPTIONS.undated_schedule == "sentence"


def test_refusal_noun_negates_the_event_refused() -> None:
    text = "Das Nein der Gewerkschaft zur neuen Vereinbarung sorgt für Ärger."
    assert status_with_groups(text, "Vereinbarung", ()) == HAPPENED
    assert status_with_groups(text, "Vereinbarung", ("refusal_noun",)) == NEGATED
    other = "Nach dem Treffen sagte er Nein, weil die Zeit fehle."
    assert status_with_groups(other, "Treffen", ("refusal_noun",)) == HAPPENED


def test_werden_setting_plans_the_event_a_future_clause_is_set_at() -> None:
    text = "Bei der Videokonferenz wird die Frage eine Rolle spielen."
    assert status_with_groups(text, "Videokonferenz", ()) == HAPPENED
    assert status_with_groups(text, "Videokonferenz", ("werden_setting",)) == PLANNED
    done = "Bei der Videokonferenz wird die Frage besprochen worden sein."
    assert status_with_groups(done, "Videokonferenz", ("werden_setting",)) == HAPPENED
