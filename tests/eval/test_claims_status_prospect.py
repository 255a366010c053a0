"""The issue-20o candidate status rows (wanted, recommended, scheduled events) do what their grammar says, on
invented sentences.

Three of them ship (``wanting_noun``, ``wanted_after``, ``agenda_item``: chosen by document-grouped CV on the
choosing rows, docs/quality.md, fifteenth session) and are tested on the shipped rows in
``tests/events/test_status.py``; the others are tested here through ``cues_with``, the way the CV applies
them.
"""

from __future__ import annotations

import pytest

from tests.eval.status_rows import status_with_groups as _status
from wortlaut.eval.claims_status_prospect import GROUPS_20O, PROSPECT_GROUPS
from wortlaut.eval.claims_status_rows import CANDIDATES
from wortlaut.events.status import HAPPENED, HYPOTHETICAL, PLANNED


@pytest.mark.parametrize(
    ("group", "text", "trigger", "status"),
    [
        # 20o's example, "regte die Einberufung einer Gipfelkonferenz an", is hypothetical on the shipped
        # rows since 20q's wanted_start rows; the row is tested here on another suggestion
        ("recommended", "Ein Sprecher regte ein Treffen der Außenminister an.", "Treffen", HYPOTHETICAL),
        ("agenda", "Ein Fixpunkt der Tagesordnung ist das Gespräch mit den Ländern.", "Gespräch", PLANNED),
    ],
)
def test_each_prospect_group_marks_its_event(group: str, text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger, ()) == HAPPENED
    assert _status(text, trigger, (group,)) == status


@pytest.mark.parametrize(
    ("group", "text", "trigger"),
    [
        # interest shown at the event, not in it
        ("wanting_noun", "Beim Treffen zeigte er Interesse an den Plänen.", "Treffen"),
        # readiness after the event as another predicate of the clause (shipped rows, and the group again)
        ("wanted_after", "Nach den Verhandlungen war er bereit, zurückzutreten.", "Verhandlungen"),
        ("wanted_after", "Nach dem Treffen zeigten sich alle Seiten bereit, weiter zu reden.", "Treffen"),
        # the noun of wanting must govern the event directly: a genitive between leaves it
        ("wanting_noun", "Das Interesse der Medien am Treffen in Wien war groß.", "Treffen"),
        # an agenda told in the past tells what was discussed
        ("agenda", "Auf der Tagesordnung des Treffens stand die Lage in Syrien.", "Treffens"),
        # the agenda of an event that takes place, not the event on an agenda
        ("agenda_item", "Beim Treffen der Minister dominieren die Konflikte die Tagesordnung.", "Treffen"),
    ],
)
def test_the_prospect_groups_leave_what_their_grammar_excludes(group: str, text: str, trigger: str) -> None:
    assert _status(text, trigger, (group,)) == HAPPENED


def test_every_20o_group_is_a_candidate_of_the_row_cv() -> None:
    assert set(PROSPECT_GROUPS) <= set(CANDIDATES)
    assert set(GROUPS_20O) <= set(CANDIDATES)
