"""The counts-only breakdown of value errors: per document, gold type and anchor kind; no text printed."""

from __future__ import annotations

from pathlib import Path

from wortlaut.eval import timex_breakdown
from wortlaut.eval.timex_breakdown import Tally, anchor_kind
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument, read_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-03-05">2015-03-05</TIMEX3></DCT>
<TEXT>
<TIMEX3 tid="t1" type="DATE" value="2015-03-04" anchorTimeID="t0">Gestern</TIMEX3> tagte der Rat.
</TEXT>
</TimeML>
"""


def gold(text: str, body: str, value: str, type_: str = "DATE", anchor: str = "") -> GoldTimex:
    start = body.index(text)
    return GoldTimex(start, start + len(text), text, type_, value, anchor)


def test_the_reader_keeps_the_anchor_time_id(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    (item,) = read_timeml(path).timexes
    assert item.anchor == "t0" and anchor_kind(item) == "t0"
    assert anchor_kind(GoldTimex(0, 1, "x", "DATE", "2015")) == "none"
    assert anchor_kind(GoldTimex(0, 1, "x", "TIME", "T10:00", "t4")) == "text"


def test_counts_split_right_wrong_and_missed_by_document_type_and_anchor() -> None:
    body = "Gestern tagte der Rat. Seit drei Jahren wartet er, 1989 fiel die Mauer."
    doc = TimeMLDocument(
        "a.tml",
        "2015-03-05",
        body,
        (
            gold("Gestern", body, "2015-03-04", anchor="t0"),
            gold("drei Jahren", body, "P4Y", "DURATION"),
            gold("Rat", body, "2015", "DATE"),
        ),
    )
    result = timex_breakdown.breakdown([doc], TimeFinder())
    (row,) = result.documents
    assert (row.tally.gold, row.tally.matched, row.tally.correct) == (3, 2, 1)
    assert row.predicted == 3  # the year 1989 is found and unmatched
    assert result.by_type["DURATION"] == Tally(1, 1, 0) and result.by_type["DATE"] == Tally(2, 1, 1)
    assert result.by_anchor["t0"] == Tally(1, 1, 1) and result.by_anchor["none"].wrong == 1
    assert row.value_f1 == 2 * 1 / (3 + 3)


def test_the_report_prints_counts_and_names_never_text_or_values() -> None:
    body = "Gestern tagte der Rat."
    doc = TimeMLDocument("a.tml", "2015-03-05", body, (gold("Gestern", body, "2015-03-04", anchor="t0"),))
    lines = timex_breakdown.report(timex_breakdown.breakdown([doc], TimeFinder()))
    joined = "\n".join(lines)
    assert "a.tml" in joined and "2015-03-05" in joined and "Thu" in joined
    assert "Gestern" not in joined and "2015-03-04" not in joined
