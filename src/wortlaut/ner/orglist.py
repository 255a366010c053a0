"""A larger organisation list as CRF features (the optional ``orglist`` group; issue 14zd).

The gazetteer's ``g=org`` flag reads one word form at a time, so a multi-word name
(``Deutsche Bank``) can never match it.  This list (``lang/de/ner_org_list.txt``,
written by a rule from general knowledge and the knowledge base, never from
GermEval) keeps multi-word names whole, and each capitalised word gets a flag for
its place in a name, as :mod:`wortlaut.ner.kbnames` does for KB names: ``ol`` for
a one-word name (``Bundesbank``), ``ol:b`` / ``ol:i`` / ``ol:e`` for the first,
inner and last word of a longer one.  The CRF's neighbour features see the
flags of the words around a token, which is how a name's span shows.  Still one
look-up per word form, so the tagger's per-form cache keeps its cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wortlaut.ner.gazetteer import _lang_dir, read_list
from wortlaut.ner.kbnames import NameFlags, position_flags

#: The list file in ``lang/de``.
ORG_LIST_FILE = "ner_org_list.txt"

#: Capitalised function words inside names (``Die Zeit``, ``Der Standard``) that get no flag:
#: they begin every other sentence.
_FUNCTION_WORDS = frozenset({"der", "die", "das", "des", "dem", "den", "the", "of", "de", "la", "le"})


def _flagged(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class OrgList(NameFlags):
    """Word form -> its organisation-list flags."""

    @classmethod
    def from_names(cls, names: list[str]) -> OrgList:
        """Build from names: each capitalised word of a name gets ``ol`` plus its position."""
        return cls(position_flags(((name, "ol") for name in names), _flagged))

    @classmethod
    def load(cls, path: Path | None = None) -> OrgList:
        """The shipped list (or ``path``)."""
        return cls.from_names(read_list(path or _lang_dir() / ORG_LIST_FILE))
