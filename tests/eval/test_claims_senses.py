"""Answer-verb senses chosen for the ``unless`` column (issue 20l): which acts a candidate sense cancels."""

from __future__ import annotations

from wortlaut.eval.claims_relations import GoldRelation
from wortlaut.eval.claims_senses import CANDIDATES, JudgedAct, _compiled, dropped, subsets


def _act(cue: str, clause: str) -> JudgedAct:
    gold = GoldRelation(source="x", offset=0, cue=cue, type="none", target_speaker="-", target_anchor="-",
                        split="tune")  # fmt: skip
    return JudgedAct(cue=cue, clause=clause, verdict="wrong", gold=gold)


def test_a_sense_cancels_only_acts_of_its_own_cue_row() -> None:
    match = _compiled(["match_or_costs"])
    assert dropped(_act("bestritt", "Er bestritt 80 Länderspiele"), match)
    assert not dropped(_act("bestritt", "Er bestritt die Vorwürfe des Spielers"), match)
    assert not dropped(_act("bestätigte", "Er bestätigte 80 Länderspiele"), match)


def test_every_sense_is_tried_alone_and_together() -> None:
    combos = subsets(list(CANDIDATES))
    assert combos[0] == () and len(combos) == 2 ** len(CANDIDATES)
