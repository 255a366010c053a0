"""The data-path audit of TimeML files: DCT, TIMEX3 attributes and loader losses, counts only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from wortlaut.eval import timex_audit

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-03-05">2015-03-05</TIMEX3></DCT>
<TEXT>
<TIMEX3 tid="t1" type="DATE" value="2015-03-04" anchorTimeID="t0">Gestern</TIMEX3> um \
<TIMEX3 tid="t2" type="TIME" value="2015-03-04T20:00 " anchorTimeID="t1">20 Uhr</TIMEX3> tagte der Rat, \
<TIMEX3 tid="t3" type="SET" value="P1D" quant="EVERY">jeden Tag</TIMEX3>.
<s><TIMEX3 tid="t4" type="DATE" value="2015">2015</TIMEX3></s>
</TEXT>
<TIMEX3 tid="t5" type="DURATION" value="P1D"/>
</TimeML>
"""


def test_the_audit_counts_dct_anchors_attributes_and_what_the_loader_loses(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    counts: Counter[str] = Counter()
    timex_audit.audit_file(path, counts)
    assert counts["DCT shape: 9999-99-99"] == 1 and counts["DCT weekday: 4 Thu"] == 1
    assert counts["DATE anchored to DCT"] == 1 and counts["TIME anchored to another TIMEX3"] == 1
    assert counts["extra attributes: quant"] == 1
    assert counts["TIMEX3 nested below another element (lost by the loader)"] == 1
    assert counts["TIMEX3 outside TEXT (not scored)"] == 1
    assert counts["loaded TIMEX3"] == 3 and counts["loaded spans not matching their text"] == 0
    assert counts["value with surrounding spaces"] == 1 and counts["value empty"] == 0
    assert counts["value form: well-formed"] == 4


def test_value_forms_tell_well_formed_unresolved_and_malformed_values() -> None:
    good = ("2015-03-04T20:00", "2015-W10-WE", "XXXX-WXX-1TEV", "PT1H30M", "P1.5Y", "PXDE", "BC0044", "192")
    for value in good:
        assert timex_audit.value_form(value) == "well-formed", value
    for value in ("PRESNT_REF", "2014_03", "XXXX-WXX-12", "P", "2014-3-5"):
        assert timex_audit.value_form(value) == "malformed", value
    assert timex_audit.value_form("XXXX-XX-XX") == "unresolved (X digits only)"
    assert timex_audit.value_form("XXXX-05") == "well-formed"
