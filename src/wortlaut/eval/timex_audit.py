"""Data-path audit of the KRAUTS halves: what the loader hands the finder, in metadata counts only.

Issue 15g asks whether a loader or document class explains why the untouched half loses far more values
than the tune half. This reads every ``.tml`` file of each half twice, raw (XML) and through
:func:`~wortlaut.timex.timeml.read_timeml`, and counts per half: the creation time (present, its shape,
parsed, weekday, year), TIMEX3 inside ``<TEXT>`` by type and attribute set (``anchorTimeID`` to the DCT or to
another TIMEX3, ``beginPoint``/``endPoint``, ``quant``, ``freq``), empty or padded values, TIMEX3 the loader
would lose (nested below another element) and TIMEX3 outside ``<TEXT>`` (not scored), and whether every
loaded span points at its own text. It prints no document text and no TIMEX3 value. Usage::

    .venv/bin/python -m wortlaut.eval.timex_audit
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from wortlaut.eval.timex_sets import HALVES, SHARED_DATA, split_names
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.timeml import read_timeml

#: The attributes every text TIMEX3 carries; the audit names the others.
BASIC_ATTRIBUTES = frozenset({"tid", "type", "value", "functionInDocument"})

#: The TIMEX3 value grammar (TimeML 1.2.1): calendar values from century to minute with ``X`` for unknown
#: digits, weeks, weekends, quarters, halves, seasons and parts of the day; the generic references; periods.
_CALENDAR = (
    r"(?:BC)?(?:\d{2,4}|XXXX)"
    r"(?:-(?:W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?|Q[1-4]|H[12]|SP|SU|FA|WI|(?:\d{2}|XX)(?:-(?:\d{2}|XX))?))?"
)
_CLOCK = r"T(?:(?:\d{2}|XX):(?:\d{2}|XX)(?::\d{2})?|MO|MI|AF|EV|NI|DT)"
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_PERIOD = rf"P(?:{_AMOUNT}(?:Y|M|W|D|DE|CE|ML|WE))*(?:T(?:{_AMOUNT}(?:H|M|S|MO|MI|AF|EV|NI))+)?"
TIMEX3_VALUE = re.compile(
    rf"(?:{_CALENDAR}(?:{_CLOCK})?|{_CLOCK}|PRESENT_REF|PAST_REF|FUTURE_REF|{_PERIOD})"
)
#: A calendar value that names nothing but unknown digits: a date or time the annotator could not resolve.
UNRESOLVED = re.compile(r"XXXX(?:-XX)*(?:TXX:XX)?")


def audit_file(path: Path, counts: Counter[str]) -> None:
    """Add one file's metadata counts to ``counts``."""
    root = ET.parse(path).getroot()
    counts["documents"] += 1
    dcts = root.findall("DCT/TIMEX3")
    counts[f"DCT elements: {len(dcts)}"] += 1
    raw_dct = dcts[0].get("value", "") if dcts else ""
    counts["DCT shape: " + (re.sub(r"\d", "9", raw_dct) or "(none)")] += 1
    day = parse_day(raw_dct)
    counts[f"DCT parsed: {day is not None}"] += 1
    if day is not None:
        counts[f"DCT weekday: {day.isoweekday()} {day.strftime('%a')}"] += 1
        counts[f"DCT year: {day.year}"] += 1
    body = root.find("TEXT")
    inside = list(body.iter("TIMEX3")) if body is not None else []
    direct = [child for child in body if child.tag == "TIMEX3"] if body is not None else []
    counts["TIMEX3 nested below another element (lost by the loader)"] += len(inside) - len(direct)
    counts["TIMEX3 outside TEXT (not scored)"] += len(root.findall("TIMEX3"))
    tids = {element.get("tid") for element in inside}
    for element in inside:
        _count_timex(element, tids, counts)
    doc = read_timeml(path)
    counts["loaded TIMEX3"] += len(doc.timexes)
    misplaced = sum(doc.text[gold.start : gold.end] != gold.text for gold in doc.timexes)
    counts["loaded spans not matching their text"] += misplaced
    counts["loaded DCT differs from the raw DCT value"] += (doc.dct or "") != raw_dct
    counts["text characters"] += len(doc.text)


def _count_timex(element: ET.Element, tids: set[str | None], counts: Counter[str]) -> None:
    """One text TIMEX3's type, extra attributes, anchor kind and value form (never the value)."""
    kind = element.get("type", "")
    counts[f"type {kind}"] += 1
    extra = sorted(set(element.attrib) - BASIC_ATTRIBUTES)
    counts["extra attributes: " + (",".join(extra) or "-")] += 1
    anchor = element.get("anchorTimeID")
    if anchor is not None:
        target = "DCT" if anchor == "t0" else "another TIMEX3" if anchor in tids else "unknown id"
        counts[f"{kind} anchored to {target}"] += 1
    value = element.get("value") or ""
    counts["value empty"] += not value.strip()
    counts[f"value form: {value_form(value.strip())}"] += 1
    counts["value with surrounding spaces"] += value != value.strip()
    counts["TIMEX3 with empty text"] += not "".join(element.itertext()).strip()


def value_form(value: str) -> str:
    """``unresolved (X digits only)``, ``well-formed`` or ``malformed`` by the TIMEX3 value grammar."""
    if UNRESOLVED.fullmatch(value):
        return "unresolved (X digits only)"
    return "well-formed" if TIMEX3_VALUE.fullmatch(value) and value != "P" else "malformed"


def audit(folder: Path) -> dict[str, Counter[str]]:
    """Counts for each half of the dolomiten-100 split."""
    result: dict[str, Counter[str]] = {}
    for half in HALVES:
        counts: Counter[str] = Counter()
        for name in split_names(half):
            audit_file(folder / name, counts)
        result[half] = counts
    return result


def report(result: dict[str, Counter[str]]) -> list[str]:
    """One line per count, the halves side by side."""
    keys = sorted({key for counts in result.values() for key in counts})
    lines = [f"{'':64s} " + " ".join(f"{half:>9s}" for half in result)]
    lines += [f"{key:64s} " + " ".join(f"{result[half][key]:9d}" for half in result) for key in keys]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    folder = SHARED_DATA / "time-krauts" / "dolomiten-100"
    if not folder.is_dir():
        print(f"{folder}: shared data not found")
        return 1
    print("\n".join(report(audit(folder))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
