"""Read the knowledge base from YAML: the shipped files, then the user's (``WORTLAUT_KB``).

Each file is a YAML list of entity mappings (format in ``kb/README.md``).  A
user entry whose ``id`` already exists *extends* that entity: its aliases,
handles, roles, adjectives and metonyms are added and its scalar fields
(name, type, gender) replace the shipped ones; ``replace: true`` drops the
shipped entry first.  New ids simply add entities.  Office-holder CSV files
(``*.csv``, a flat Popolo membership table; :mod:`wortlaut.kb.popolo`) load
the same way: each person becomes an entry of the same shape, so a row for a
known id adds a dated role to that person.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from wortlaut.kb.model import KB, Dated, KBEntity, Metonym
from wortlaut.kb.popolo import PopoloError, read_office_holders
from wortlaut.settings import get_settings

#: The shipped YAML files live next to this module.
DATA_DIR = Path(__file__).resolve().parent / "data"
#: Environment variable naming extra KB files or folders (``os.pathsep``-separated).
ENV_VAR = "WORTLAUT_KB"
TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
LIST_FIELDS = ("aliases", "handles", "roles", "adjectives", "metonyms", "weak", "weak_after")
#: libyaml's safe loader where PyYAML has it, else PyYAML's own: the same data from the shipped files
#: (``tests/kb``), read in 0.013 instead of 0.09 CPU s, which every ingest spends before it forks.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KBError(ValueError):
    """A knowledge-base file that cannot be read; the message names the file and the entry."""


def kb_files(extra: str | None = None) -> list[Path]:
    """Shipped files first, then the files named by ``extra`` (default: setting ``paths.kb``)."""
    files = sorted([*DATA_DIR.glob("*.yaml"), *DATA_DIR.glob("*.csv")])
    spec = get_settings().paths.kb if extra is None else extra
    for part in filter(None, spec.split(os.pathsep)):
        path = Path(part).expanduser()
        if path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml"), *path.glob("*.csv")]))
        elif path.is_file():
            files.append(path)
        else:
            raise KBError(f"{path}: {ENV_VAR} names no such file or folder")
    return files


def load_kb(paths: Iterable[Path] | None = None) -> KB:
    """Build the :class:`KB` from the given files (default: :func:`kb_files`)."""
    merged: dict[str, dict[str, Any]] = {}
    for path in kb_files() if paths is None else paths:
        for raw in _read(path):
            _merge(merged, raw, path)
    return KB(_entity(raw, Path(str(raw.get("_file")))) for raw in merged.values())


def _read(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        try:
            yield from read_office_holders(path)
        except PopoloError as error:
            raise KBError(str(error)) from None
        return
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise KBError(f"{path}: cannot read knowledge base file ({reason})") from None
    if data is None:
        return
    if not isinstance(data, list):
        raise KBError(f"{path}: expected a YAML list of entities, got {type(data).__name__}")
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise KBError(f"{path}: entry {number} is not a mapping with a string 'id'")
        yield item


def _merge(merged: dict[str, dict[str, Any]], raw: dict[str, Any], path: Path) -> None:
    old = merged.get(raw["id"])
    if old is None or raw.get("replace"):
        merged[raw["id"]] = {**raw, "_file": str(path)}
        return
    for name, value in raw.items():
        if name in LIST_FIELDS:
            old[name] = [*(old.get(name) or []), *(value or [])]
        elif name != "replace":
            old[name] = value


def _entity(raw: Mapping[str, Any], path: Path) -> KBEntity:
    where = f"{path}: entity {raw['id']!r}"
    name, kind = raw.get("name"), raw.get("type")
    if not isinstance(name, str) or kind not in TYPES:
        raise KBError(f"{where} needs a string 'name' and a 'type' in {sorted(TYPES)}")
    try:
        return KBEntity(
            id=raw["id"],
            name=name,
            type=kind,
            aliases=tuple(str(alias) for alias in raw.get("aliases") or ()),
            handles=tuple(_dated(item, "handle") for item in raw.get("handles") or ()),
            roles=tuple(dict.fromkeys(_dated(item, "role") for item in raw.get("roles") or ())),
            gender=raw.get("gender"),
            adjectives=tuple(str(adj) for adj in raw.get("adjectives") or ()),
            metonyms=tuple(_metonym(item) for item in raw.get("metonyms") or ()),
            weak=tuple(str(name) for name in raw.get("weak") or ()),
            weak_after=tuple(str(word) for word in raw.get("weak_after") or ()),
            country=str(raw["country"]) if raw.get("country") else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise KBError(f"{where}: {error}") from None


def _dated(item: Any, field: str) -> Dated:
    if isinstance(item, str):
        return Dated(item)
    if not isinstance(item, dict) or not isinstance(item.get(field), str):
        raise ValueError(f"each of its {field}s must be a string or a mapping with {field!r}")
    return Dated(item[field], _day(item.get("start")), _day(item.get("end")))


def _metonym(item: Any) -> Metonym:
    if not isinstance(item, dict) or not isinstance(item.get("alias"), str):
        raise ValueError("each metonym must be a mapping with 'alias' and 'type'")
    if item.get("type") not in TYPES:
        raise ValueError(f"metonym {item['alias']!r} needs a 'type' in {sorted(TYPES)}")
    return Metonym(item["alias"], item["type"], item.get("literal"))


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
