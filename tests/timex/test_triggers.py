"""The pattern triggers are necessary conditions: skipping patterns must never change what is found."""

from __future__ import annotations

from datetime import date

from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.patterns import PatternSet

SENTENCES = [
    "Am Montag, 21. Mai 2025, um 9.30 Uhr tagte der Rat; am 4., 11. und 18. März auch.",
    "Seit 2009 und bis Ende des Jahres, im dritten Quartal 2014, vor zwei Jahren und in drei Wochen.",
    "In den zwanziger Jahren, Mitte der 90er Jahre, im vorigen Jahrhundert und im Jahr 578 sowie 44 v. Chr.",
    "Zu Ostern, an Pfingsten 2025, am Tag der Deutschen Einheit und an Heiligabend war frei.",
    "Demnächst, derzeit, jeden Dienstag, montags, täglich, am Wochenende, in der Nacht zu Donnerstag.",
    "Die einwöchige Reise im kommenden Sommer dauerte wenige Tage; am Abend und vor kurzem in Zukunft.",
    "Am 2024-12-18 und am 21.05.25, zwischen 10 und 12 Uhr, 14:30 Uhr, pro Tag, im Monat, 1960er Jahre.",
    "Nach wochenlanger Pause am heutigen 31. Oktober in den frühen Morgenstunden fünf Verhandlungstage.",
    "Im Moment nach 43-minütigem Warten, pro Stunde, einige Stunden, im Laufe der Jahre, seit Jahresbeginn.",
]


def test_triggers_change_nothing() -> None:
    finder = TimeFinder()
    anchor = date(2015, 6, 10)
    with_triggers = [finder.find(text, anchor=lambda _o: anchor) for text in SENTENCES]
    finder.patterns.use_triggers = False
    without = [finder.find(text, anchor=lambda _o: anchor) for text in SENTENCES]
    assert with_triggers == without
    assert all(with_triggers)


def test_every_pattern_kind_has_a_trigger() -> None:
    patterns = TimeFinder().patterns
    assert isinstance(patterns, PatternSet)
    assert {kind for kind, _ in patterns.patterns} <= set(patterns.triggers)


def test_trigger_needles_drop_those_containing_a_shorter_one() -> None:
    from wortlaut.timex.triggers import minimal

    assert minimal(("jahrelangen", "jahrelang", "Jahr", "Jahres", "heute")) == ("Jahr", "heute", "jahrelang")


def test_trigger_regex_finds_exactly_the_texts_holding_a_needle() -> None:
    from wortlaut.timex.triggers import present, trigger_regex

    needles = ("Mo", "Monat", "Morgen", "Jahr", "Jahrhundert", "a.b", "ochenend")
    texts = ["Am Morgen", "Monatlich", "jahr", "Jahrhunderte", "axb", "a.b", "Wochenende", "M o", ""]
    test = trigger_regex(needles)
    assert [test.search(text) is not None for text in texts] == [present(text, needles) for text in texts]


def test_word_start_trigger_needs_the_needle_at_a_word_start() -> None:
    from wortlaut.timex.triggers import minimal, trigger_regex

    test = trigger_regex(minimal(("heute", "heutigen", "Heute"), prefix_only=True), word_start=True)
    assert test.search("Er kam heute.") and test.search("Heute kam er.")
    assert not test.search("Die Schleuteheute") and not test.search("Dachheutigen")
    assert minimal(("Tag danach", "danach"), prefix_only=True) == ("danach", "Tag danach")
