"""The issue-20n candidate status rows (modality) do what their grammar says, on invented sentences.

Two of them ship (``conditional_nonpast``, ``sollte_plan_unnarrated``: the restricted forms of the groups that
document-grouped CV on the choosing rows chose, docs/quality.md, fourteenth session) and are tested on the
shipped rows in ``tests/events/test_status.py``; the others are tested through ``cues_with``, the way the CV
applies them.
"""

from __future__ import annotations

import pytest

from tests.eval.status_rows import status_with_groups as _status
from wortlaut.eval.claims_status_modality import GROUPS_20N, MODALITY_GROUPS
from wortlaut.eval.claims_status_rows import CANDIDATES, cues_with
from wortlaut.events.status import HAPPENED, HYPOTHETICAL, PLANNED

#: Groups whose events the issue-20s rows (``eval.claims_status_schedule``) mark on the shipped rows.
_SHIPPED_20S = frozenset({"advocacy_fuer", "seek_talks"})


@pytest.mark.parametrize(
    ("group", "text", "trigger", "status"),
    [
        ("purpose_um_zu", "Er reiste nach Wien, um ein Abkommen zu schließen.", "Abkommen", PLANNED),
        ("intention_words", "Der Kanzler beabsichtigt eine Reise nach Paris.", "Reise", PLANNED),
        ("request_verbs", "Der Botschafter ersuchte um eine Unterredung mit dem Minister.", "Unterredung",
         HYPOTHETICAL),
        ("rumour", "In Berlin spricht man von einer Reise des Königs nach Rom.", "Reise", HYPOTHETICAL),
        ("question_nonpast", "Kommt es noch zu einer Einigung?", "Einigung", HYPOTHETICAL),
        ("future_infinitive", "Der Minister wird sich nach dem Gipfel nach Rom begeben.", "Gipfel", PLANNED),
        ("ob_clause", "Ob das Abkommen beschlossen wird, ist unklar.", "Abkommen", HYPOTHETICAL),
        ("advocacy_fuer", "Die Ministerin trat für ein Abkommen mit Kanada ein.", "Abkommen", HYPOTHETICAL),
        ("future_temporal_clause", "Wahlen folgen, sobald er das Abkommen hat.", "Abkommen", PLANNED),
        ("wenn_future_main", "Wenn sich die Minister in Rom treffen, werden sie den Haushalt beraten.",
         "treffen", PLANNED),
        ("seek_talks", "Die Aufgabe ist jetzt, das Gespräch mit den Ländern zu suchen.", "Gespräch",
         HYPOTHETICAL),
    ],
)
def test_each_modality_group_marks_its_event(group: str, text: str, trigger: str, status: str) -> None:
    # since issue 20s the shipped rows mark these two as well (``advocacy_stance``, ``seek_event``)
    assert _status(text, trigger, ()) == (status if group in _SHIPPED_20S else HAPPENED)
    assert _status(text, trigger, (group,)) == status


@pytest.mark.parametrize(
    ("group", "text", "trigger"),
    [
        # a question in the past asks about what happened
        ("question_nonpast", "Wann fand das Treffen statt?", "Treffen"),
        # a plan that is said to have taken place
        ("intention_words", "Das Treffen hat nach Plan stattgefunden.", "Treffen"),
        # a future perfect is no plan of the event
        ("future_infinitive", "Bis dahin wird er die Reise beendet haben.", "Reise"),
        # a temporal clause in the past
        ("future_temporal_clause", "Bevor die Verhandlungen begannen, sprach er mit ihr.", "Verhandlungen"),
        # something else sought at the event
        ("seek_talks", "Beim Gipfel am Freitag wird nach neuen Impulsen gesucht.", "Gipfel"),
    ],
)
def test_the_groups_leave_what_their_grammar_excludes(group: str, text: str, trigger: str) -> None:
    assert _status(text, trigger, (group,)) == HAPPENED


def test_every_20n_group_is_a_candidate_of_the_row_cv() -> None:
    assert set(MODALITY_GROUPS) <= set(CANDIDATES)
    assert set(GROUPS_20N) <= set(CANDIDATES)


def test_base_rows_read_from_a_file_are_the_shipped_rows_when_it_is_the_shipped_file() -> None:
    from wortlaut.eval.claims_status_rows import read_base_rows
    from wortlaut.events.status import load_status_cues
    from wortlaut.lang.tables import table_path

    base = read_base_rows(table_path("event_status.tsv"))
    assert [(c.status, c.scope, c.pattern.pattern) for c in base] == [
        (c.status, c.scope, c.pattern.pattern) for c in load_status_cues()
    ]
    assert cues_with((), base) == base
