"""Reads TimeML (``.tml``) documents: the plain text of ``<TEXT>`` with its TIMEX3 annotations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: character offsets into the document text, type and value.

    ``anchor`` is the ``anchorTimeID`` it is resolved against (``t0`` the DCT, another TIMEX3's id, or
    empty): it lets an audit count errors of DCT-relative expressions apart from the others."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document: its name, creation time (DCT), text and gold expressions."""

    name: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


class TimeMLError(ValueError):
    """A file that is not readable TimeML."""


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one ``.tml`` file; the text is ``<TEXT>`` with all tags removed."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise TimeMLError(f"{path}: not readable TimeML ({error})") from None
    body = root.find("TEXT")
    if body is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value") if dct_node is not None else None
    parts: list[str] = [body.text or ""]
    timexes: list[GoldTimex] = []
    for child in body:
        start = sum(len(part) for part in parts)
        inner = "".join(child.itertext())
        parts.append(inner)
        if child.tag == "TIMEX3":
            timexes.append(
                GoldTimex(
                    start=start,
                    end=start + len(inner),
                    text=inner,
                    type=child.get("type", ""),
                    value=(child.get("value") or "").strip(),
                    anchor=child.get("anchorTimeID", ""),
                )
            )
        parts.append(child.tail or "")
    return TimeMLDocument(name=path.name, dct=dct, text="".join(parts), timexes=tuple(timexes))


def timeml_files(paths: list[Path]) -> list[Path]:
    """The ``.tml`` files named or found (recursively) in folders, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.tml")))
        elif path.is_file():
            files.append(path)
        else:
            raise TimeMLError(f"{path}: no such file or folder")
    return files
