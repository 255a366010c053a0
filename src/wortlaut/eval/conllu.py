"""A small CoNLL-U reader: sentences of (form, features) for the evaluations on Universal Dependencies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class UDToken:
    """One syntactic word of a CoNLL-U sentence (multi-word token lines are skipped)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str] = field(default_factory=dict)


def parse_feats(column: str) -> dict[str, str]:
    """``Mood=Sub|Number=Sing`` -> ``{"Mood": "Sub", "Number": "Sing"}``."""
    if column in ("", "_"):
        return {}
    return dict(item.split("=", 1) for item in column.split("|") if "=" in item)


def read_conllu(path: Path) -> Iterator[list[UDToken]]:
    """Yield the sentences of a CoNLL-U file; raises ValueError naming the file and line when malformed."""
    sentence: list[UDToken] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 10:
                raise ValueError(f"{path}:{number}: expected 10 tab-separated columns, got {len(columns)}")
            if "-" in columns[0] or "." in columns[0]:
                continue
            sentence.append(UDToken(columns[1], columns[2], columns[3], columns[4], parse_feats(columns[5])))
    if sentence:
        yield sentence
