"""The issue-20q candidate rows: an event noun named as what is negotiated or discussed, argued for,
offered or at stake is hypothetical.  The rows ship as one group (``unrealised_governor``, chosen by
document-grouped CV, docs/quality.md, seventeenth session), so the groups are compared here on the shipped
rows without them, the way the CV compared them."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Span
from wortlaut.eval.claims_status_governors import (
    GOVERNOR_GROUPS,
    GROUPS_20Q,
    GROUPS_20Q_FIFTH,
    GROUPS_20Q_SECOND,
    GROUPS_20Q_THIRD,
)
from wortlaut.eval.claims_status_rows import _cue, cues_with
from wortlaut.events.status import DEFAULT_OPTIONS, HAPPENED, HYPOTHETICAL, _rule_status, load_status_cues

_ROWS = {_cue(row).pattern.pattern for name in GROUPS_20Q_SECOND for row in GOVERNOR_GROUPS[name][0]}


def _status(text: str, trigger: str, groups: tuple[str, ...]) -> str:
    article = Article.create(text, published="2024-12-18")
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    sentence = Span(start=0, end=len(text), text=text)
    base = tuple(cue for cue in load_status_cues() if cue.pattern.pattern not in _ROWS)
    return _rule_status(article, span, sentence, options=DEFAULT_OPTIONS, cues=cues_with(groups, base))


def test_the_shipped_groups_are_the_file_rows() -> None:
    union = [row for name in GROUPS_20Q for row in GOVERNOR_GROUPS[name][0]]
    assert GOVERNOR_GROUPS["unrealised_governor"][0] == union
    shipped = {(cue.status, cue.scope, cue.trigger, cue.pattern.pattern) for cue in load_status_cues()}
    for name in (*GROUPS_20Q_SECOND, *GROUPS_20Q_THIRD, *GROUPS_20Q_FIFTH):
        for row in GOVERNOR_GROUPS[name][0]:
            cue = _cue(row)
            assert (cue.status, cue.scope, cue.trigger, cue.pattern.pattern) in shipped, row
    # the plain plan row of ``sollen`` for any trigger is replaced by the third run's two rows
    assert not [cue for cue in load_status_cues() if cue.trigger == "any" and cue.pattern.pattern.endswith(
        "(?:soll|sollen|solle)(?!\\w)")]


@pytest.mark.parametrize(
    ("text", "trigger", "group"),
    [
        ("Die Gespräche über eine Einigung gehen weiter.", "Einigung", "discussed_object"),
        ("Sie trafen sich, um über das Freihandelsabkommen zu diskutieren.", "Freihandelsabkommen",
         "discussed_infinitive"),
        ("Die Umfrage ergab eine Mehrheit für ein Abkommen.", "Abkommen", "advocacy_object"),
        ("Ich biete Euch ein persönliches Gespräch an.", "Gespräch", "offered"),
        ("Es geht Nordkorea um Verhandlungen.", "Verhandlungen", "topic_um"),
    ],
)  # fmt: skip
def test_each_governor_makes_its_event_hypothetical(text: str, trigger: str, group: str) -> None:
    assert _status(text, trigger, ()) == HAPPENED
    assert _status(text, trigger, (group,)) == HYPOTHETICAL
    assert _status(text, trigger, GROUPS_20Q_SECOND) == HYPOTHETICAL


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the governor's object is another noun; the event is the setting
        ("Nach den Verhandlungen über den Haushalt unterzeichneten sie das Abkommen.", "Abkommen"),
        # a finite verb between the event and the infinitive: the agreement was reached
        ("Das Abkommen war schwer zu verhandeln.", "Abkommen"),
        # a participle tells that the agreement was reached
        ("Das Abkommen wurde in Wien ausgehandelt.", "Abkommen"),
        # advocacy about something else, the event before it
        ("Beim Gipfel plädierten die Minister für mehr Hilfe.", "Gipfel"),
    ],
)  # fmt: skip
def test_the_governors_leave_other_events_a_fact(text: str, trigger: str) -> None:
    assert _status(text, trigger, GROUPS_20Q_SECOND) == HAPPENED
