"""The event finder skips trigger words whose clause gives them another sense (issue 20j, ``not_in``):
scoring and light verbs for ``treffen``, an interview with a medium for ``Gespräch``, a match for
``Begegnung``; the meeting senses stay events."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.events.finder import EventFinder


def _triggers(text: str) -> list[str]:
    article = Article.create(text, published="2024-12-18")
    return [event.trigger.text for event in EventFinder().events(article)]


@pytest.mark.parametrize(
    "text",
    [
        "In der 38. Minute traf der Stürmer mit einem Kopfball zum 1:0.",
        "Der Verteidiger traf mit seinem Schuss nur die Latte.",
        "Wir haben mit den Experten eine klare Absprache getroffen.",
        "Die Richter haben mit großer Mehrheit die Entscheidung getroffen.",
        "Die Ministerin sagte in einem Gespräch mit der Welt am Sonntag, sie bleibe.",
        "Der Kanzler fügte in dem am Donnerstag ausgestrahlten Gespräch hinzu, er sei zuversichtlich.",
        "Die Begegnung gegen Serbien endete torlos.",
    ],
)
def test_other_senses_of_trigger_words_are_no_events(text: str) -> None:
    assert _triggers(text) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Die Kanzlerin traf sich am Montag mit dem Präsidenten in Paris.", "traf"),
        ("Der Minister führte ein Gespräch mit seinem Amtskollegen aus Polen.", "Gespräch"),
        ("Die Begegnung der beiden Außenminister dauerte zwei Stunden.", "Begegnung"),
        ("Die Außenminister haben sich um 14:30 Uhr mit den Gesandten getroffen.", "getroffen"),
    ],
)
def test_meeting_senses_stay_events(text: str, trigger: str) -> None:
    assert trigger in _triggers(text)
