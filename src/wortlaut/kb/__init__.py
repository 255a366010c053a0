"""The entity knowledge base: canonical entities, name variants, handles and dated roles.

Shipped as editable YAML in ``kb/data/``; users add or extend entities with
files named by the ``WORTLAUT_KB`` environment variable (see ``kb/README.md``).

>>> kb = default_kb()
>>> kb.holder("secretary_general:nato", on=date(2024, 12, 18)).name
'Mark Rutte'
"""

from __future__ import annotations

from functools import cache

from wortlaut.kb.loader import ENV_VAR, KBError, kb_files, load_kb
from wortlaut.kb.model import KB, AliasEntry, Dated, KBEntity, Metonym
from wortlaut.settings import get_settings

__all__ = [
    "ENV_VAR",
    "KB",
    "AliasEntry",
    "Dated",
    "KBEntity",
    "KBError",
    "Metonym",
    "default_kb",
    "kb_files",
    "load_kb",
]


def default_kb() -> KB:
    """The shipped KB plus ``$WORTLAUT_KB``, loaded once per process and value of the variable."""
    return _cached_kb(get_settings().paths.kb)


@cache
def _cached_kb(spec: str) -> KB:
    return load_kb(kb_files(spec))
