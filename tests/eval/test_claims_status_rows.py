"""The issue-20k candidate status rows (speech frames) do what their grammar says, on invented sentences.

None of them ships (document-grouped CV on tune did not rise, docs/quality.md), so they are tested through
``cues_with``, the way the CV applies them; the shipped rows alone must keep the old answer.
"""

from __future__ import annotations

import pytest

from tests.eval.status_rows import status_with_groups as _status
from wortlaut.eval.claims_status_speech import GROUPS_20K
from wortlaut.events.status import HAPPENED, HYPOTHETICAL, PLANNED


@pytest.mark.parametrize(
    ("group", "text", "trigger", "status"),
    [
        (
            "deontic_personal",
            "Wir müssen endlich Verhandlungen mit den Ländern aufnehmen.",
            "Verhandlungen",
            HYPOTHETICAL,
        ),
        (
            "deontic_personal",
            "Deshalb müssen Sie ein Abkommen mit Tunesien schließen.",
            "Abkommen",
            HYPOTHETICAL,
        ),
        ("deontic_personal", "Man sollte ein Treffen der Innenminister einberufen.", "Treffen", HYPOTHETICAL),
        (
            "deontic_modal",
            "Wir müssen ein Rückführungsabkommen beschließen.",
            "Rückführungsabkommen",
            HYPOTHETICAL,
        ),
        (
            "sollte_advice",
            "Die Regierung sollte Gespräche mit den Gewerkschaften führen.",
            "Gespräche",
            HYPOTHETICAL,
        ),
        ("demand_first_person", "Ich fordere ein Treffen aller Fraktionen.", "Treffen", HYPOTHETICAL),
        (
            "imperative",
            "Verhandeln Sie endlich Rückübernahmeabkommen mit den Herkunftsstaaten!",
            "Rückübernahmeabkommen",
            HYPOTHETICAL,
        ),
        ("imperative", "Lassen Sie uns über ein Abkommen mit den Nachbarn reden.", "Abkommen", HYPOTHETICAL),
        ("need_frame", "Es braucht ein Abkommen mit den Herkunftsländern.", "Abkommen", HYPOTHETICAL),
        ("readiness", "Die Partei ist zu Gesprächen mit der Union bereit.", "Gesprächen", HYPOTHETICAL),
        (
            "konjunktiv2_forms",
            "Mit mehr Geld käme eine Einigung über den Haushalt zustande.",
            "Einigung",
            HYPOTHETICAL,
        ),
    ],
)
def test_each_speech_frame_group_makes_its_event_hypothetical(
    group: str, text: str, trigger: str, status: str
) -> None:
    assert _status(text, trigger, (group,)) == status


@pytest.mark.parametrize(
    ("group", "text", "trigger", "status"),
    [
        # an agentless passive requirement is left to the plan rows
        (
            "deontic_personal",
            "Zuerst müssen mit den Eigentümern Gespräche geführt werden.",
            "Gespräche",
            PLANNED,
        ),
        # a perfect after the modal is not a demand
        (
            "deontic_personal",
            "Wir müssen die Vereinbarung damals unterschrieben haben.",
            "Vereinbarung",
            HAPPENED,
        ),
        # a question is no imperative
        ("imperative", "Kennen Sie das Abkommen von Dublin?", "Abkommen", HAPPENED),
        # a need in the past is no demand now
        ("need_frame", "Für die Einigung brauchte es drei Tage.", "Einigung", HAPPENED),
    ],
)
def test_the_groups_leave_what_their_grammar_excludes(
    group: str, text: str, trigger: str, status: str
) -> None:
    assert _status(text, trigger, (group,)) == status


def test_the_shipped_rows_read_a_spoken_demand_as_hypothetical_since_20l() -> None:
    # the gap the groups were written for (issue 20k); 20l ships ``deontic_personal`` (grouped CV on tune
    # with the released test-e speeches)
    assert _status("Wir müssen tiefe Gespräche mit ihnen führen.", "Gespräche", ()) == HYPOTHETICAL
    assert _status("Die Gespräche mit den Bürgermeistern begannen im Mai.", "Gespräche", ()) == HAPPENED
    assert set(GROUPS_20K) >= {"deontic_personal", "imperative", "need_frame"}


def test_the_stage_scores_fold_articles_as_the_row_cv_does() -> None:
    from wortlaut.eval import claims_status_rows, claims_status_stage

    sources = ("10kgnad/547", "parliament/train/a_01.01.2018.json", "wikinews/train/1 - x (2006-12-05).json")
    for source in sources:
        assert claims_status_stage.fold_of(source) == claims_status_rows.fold_of(source)
