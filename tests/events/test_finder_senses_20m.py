"""Word senses added to the finder's data in issue 20m (``not_in``, ``not_after``, non-triggers): an
arrival, a blow, a clash, an encounter, attendance, idioms, court hearings, interviews, mountains; the
event senses of the same words stay events.  Invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.events.finder import EventFinder


def _triggers(text: str) -> list[str]:
    article = Article.create(text, published="2024-12-18")
    return [event.trigger.text for event in EventFinder().events(article)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Der Zug mit den Delegierten traf am Abend in Bonn ein.", "traf"),  # arrival
        ("Die Hilfsgüter trafen mit großer Verspätung ein, hieß es.", "trafen"),
        ("Die neue Steuer trifft Familien mit Kindern besonders hart.", "trifft"),  # a blow
        ("Das trifft die Bauern mit voller Wucht.", "trifft"),
        ("In der Stadt treffen die Interessen von Mietern und Eigentümern aufeinander.", "treffen"),  # clash
        ("Am Samstag trifft der Verein mit neuem Trainer auf seinen alten Rivalen.", "trifft"),  # encounter
        ("Die Opposition führte dieses Argument gegen den Plan ins Treffen.", "Treffen"),  # Austrian idiom
        ("Wir dürfen nicht ins Hintertreffen geraten.", "Hintertreffen"),
        ("Das Übertreffen der Ziele wurde belohnt.", "Übertreffen"),
        ("Der Kitabesuch ist in der Stadt kostenlos.", "Kitabesuch"),
        ("Viele Kinder haben nie eine Schule besucht.", "besucht"),  # attendance
        ("Er besuchte zwei Jahre lang einen Kurs für Buchhaltung.", "besuchte"),
        ("Der Besuch des Gottesdienstes ist freiwillig.", "Besuch"),
        ("Das Konzert war gut besucht.", "besucht"),  # attendance as a property
        ("Seit meinem letzten Besuch hat sich das Lokal verändert.", "Besuch"),  # a private anecdote
        ("Niemand weiß, wohin die Reise mit dieser Regierung geht.", "Reise"),  # idiom
        ("Die Verhandlungen vor dem Landgericht dauerten Monate.", "Verhandlungen"),  # court
        ("Der Minister sagte in einem Gespräch mit der Berliner Tageszeitung, er bleibe.", "Gespräch"),
        ("Wir brauchen Orte der Begegnung in jedem Viertel.", "Begegnung"),
        ("Die höchsten Gipfel der Alpen sind schneebedeckt.", "Gipfel"),
        ("Im Land wird immer weniger telefoniert.", "telefoniert"),  # impersonal passive
        ("Die Firma hat mit den Lieferanten eine Abmachung getroffen.", "getroffen"),  # light verbs
        ("Die Behörden trafen mit den Helfern alle Vorbereitungen.", "trafen"),
    ],
)
def test_other_senses_are_no_events(text: str, word: str) -> None:
    assert word not in _triggers(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Die Kanzlerin traf sich am Montag mit dem Präsidenten in Paris.", "traf"),
        ("Der Minister trifft sich morgen mit seinem Amtskollegen.", "trifft"),
        ("Die Kanzlerin traf sich auf dem Gipfel mit dem Präsidenten.", "traf"),  # dative, no encounter
        ("Ein Treffen der Außenminister ist für Mai angesetzt.", "Treffen"),
        ("Die Kanzlerin besuchte am Montag den Präsidenten in Warschau.", "besuchte"),
        ("Der Besuch des Präsidenten in Berlin dauerte zwei Tage.", "Besuch"),
        ("Die Verhandlungen über den Haushalt wurden am Freitag fortgesetzt.", "Verhandlungen"),
        ("Die Reise des Ministers nach China beginnt am Sonntag.", "Reise"),
        ("Der Gipfel der Staats- und Regierungschefs begann am Donnerstag.", "Gipfel"),
        ("Die Begegnung der beiden Außenminister dauerte zwei Stunden.", "Begegnung"),
        ("Der Minister führte ein Gespräch mit seinem Amtskollegen aus Polen.", "Gespräch"),
        ("Die Kanzlerin hat am Abend mit dem Präsidenten telefoniert.", "telefoniert"),
    ],
)
def test_event_senses_stay_events(text: str, word: str) -> None:
    assert word in _triggers(text)
