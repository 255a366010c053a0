"""Wrong time values sorted by the decision that made them: the classes, the probing finder, the profile."""

from __future__ import annotations

from datetime import date

from wortlaut.article import TimeExpr
from wortlaut.eval import timex_errors
from wortlaut.eval.timex_errors import Alternatives, ProbingFinder, classify
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument

DAY = date(2015, 11, 18)  # a Wednesday
TEXT = "Am 3. März 2014 reiste er ab. Am Freitag kam er an. Am Montag wird er reisen."


def _anchor(_offset: int) -> date:
    return DAY


def _gold(value: str, type_: str = "DATE", start: int = 0, end: int = 6) -> GoldTimex:
    return GoldTimex(start, end, "Montag"[: end - start], type_, value)


def _found(value: str, type_: str = "DATE", start: int = 0, end: int = 6) -> TimeExpr:
    return TimeExpr(start=start, end=end, text="Montag"[: end - start], type=type_, value=value)


def test_a_generic_reading_against_a_date_is_a_ref_error() -> None:
    assert classify(_gold("PRESENT_REF"), _found("2015-11-18"), None) == "ref"
    assert classify(_gold("2015-11-18"), _found("PAST_REF"), None) == "ref"


def test_a_day_of_no_particular_week_or_a_bare_clock_time_against_a_dated_one_is_undated() -> None:
    assert classify(_gold("XXXX-WXX-6"), _found("2015-11-21"), None) == "undated"
    assert classify(_gold("T19:00", "TIME"), _found("2015-11-18T19:00", "TIME"), None) == "undated"
    assert classify(_gold("2015-11-18T19:00", "TIME"), _found("T19:00", "TIME"), None) == "undated"


def test_a_reading_explains_a_value_only_when_the_found_value_is_a_reading_too() -> None:
    both = Alternatives(direction={"2015-11-16", "2015-11-23"})
    assert classify(_gold("2015-11-23"), _found("2015-11-16"), both) == "direction"
    named = Alternatives(direction={"2015-11-13"}, named={"2014-03-07"}, explicit={"2014-03-07"})
    assert classify(_gold("2014-03-07"), _found("2015-11-13"), named) == "anchor: day last named"
    explicit = Alternatives(direction={"2015-11-13"}, explicit={"2014-03-07"})
    assert classify(_gold("2014-03-07"), _found("2015-11-13"), explicit) == "anchor: last explicit date"
    year = Alternatives(direction={"2015-09-28"}, year={"2005-09-28"})
    assert classify(_gold("2005-09-28"), _found("2015-09-28"), year) == "year"
    # the found value is no reading of the rules: the readings do not explain it
    assert classify(_gold("2015-11-23"), _found("2015-11-02"), both) == "other"


def test_without_readings_a_day_weeks_off_or_a_date_a_year_off_counts_as_direction() -> None:
    assert classify(_gold("2015-11-23"), _found("2015-11-16"), None) == "direction"
    assert classify(_gold("2015-10-11"), _found("2016-10-11"), None) == "direction"
    assert classify(_gold("2015-11-23"), _found("2015-11-20"), None) == "other"
    assert classify(_gold("2013-10-11"), _found("2015-10-11"), None) == "other"


def test_type_duration_extent_and_granularity() -> None:
    assert classify(_gold("P1Y", "DURATION"), _found("2014"), None) == "type"
    assert classify(_gold("P18M", "DURATION"), _found("P1.5Y", "DURATION", 0, 5), None) == "duration"
    joined = classify(_gold("2015-06-13T22:28", "TIME"), _found("2015-06-13", "DATE", 0, 3), None)
    assert joined == "extent"
    assert classify(_gold("2015-06"), _found("2015-06-13"), None) == "granularity"
    assert classify(_gold("2015-06-13"), _found("2015-06"), None) == "granularity"


def test_the_probing_finder_decides_as_the_rules_and_keeps_the_other_readings() -> None:
    probing = ProbingFinder()
    found = probing.find(TEXT, anchor=_anchor)
    assert found == TimeFinder().find(TEXT, anchor=_anchor)
    friday = next(expr for expr in found if expr.text == "Freitag")
    assert friday.value == "2015-11-13"  # past tense: the Friday before the document date
    readings = probing.alternatives[friday.start]
    assert readings.direction == {"2015-11-13", "2015-11-20"}
    assert "2014-03-07" in readings.named  # the Friday after the day last named, 3 March 2014
    assert "2014-03-07" in readings.explicit
    again = probing.find("Am Montag wird er reisen.", anchor=_anchor)
    assert probing.alternatives[again[0].start].explicit == set()  # each text starts afresh


def test_a_profile_counts_wrong_values_by_class_and_the_spans_apart() -> None:
    friday = TEXT.index("Freitag")
    gold = (
        GoldTimex(3, 15, "3. März 2014", "DATE", "2014-03-03"),
        GoldTimex(friday, friday + 7, "Freitag", "DATE", "2014-03-07"),  # told after 3 March 2014
    )
    doc = TimeMLDocument("invented.tml", DAY.isoformat(), TEXT, gold)
    profile = timex_errors.profile_documents([doc], ProbingFinder(), {"invented.tml": "own-j"})
    assert [(wrong.kind, wrong.got) for wrong in profile.wrong] == [("anchor: day last named", "2015-11-13")]
    assert profile.spurious["own-j"] == 1  # ``Montag`` has no gold
    assert profile.missed["own-j"] == 0
    assert profile.counts["right own-j"] == 1
    lines = timex_errors.report(profile, [], show=True)
    row = next(line for line in lines if line.startswith("anchor: day last named"))
    assert row.split()[-3:] == ["0", "1", "0"]  # J is of the untouched half's genre
    assert "value F1 0.4000" in lines
    assert lines[-1].startswith("anchor: day last named\town-j\tinvented.tml")
