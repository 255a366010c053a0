"""Quote drift: one statement as each outlet worded it, aligned word by word against the earliest source.

Outlets shorten quotations, turn them into indirect speech and sometimes
change what they say.  Each version is aligned with the earliest one
(:class:`difflib.SequenceMatcher` over case- and accent-folded words, so a
changed quotation mark or capital is no edit) and edits that can change the
meaning are flagged, each by a rule a reader can check:

- ``negation_dropped`` / ``negation_added``: an edit inside the wording (not a stretch
  cut or added at either end, which is shortening) loses / gains a negation word
  (``nicht``, ``kein`` …; ``lang/de/claims_drift.tsv``);
- ``number_changed``: a number of the earliest wording (digits or a number word)
  is missing and another one appears;
- ``name_changed``: a replaced stretch holds a name on one side and a different
  name on the other (names: the words of the entity mentions inside the quotes,
  given by the caller, and capitalised words not at the start of a sentence
  that are not shared);
- ``paraphrased``: a direct quotation reported as indirect speech or a paraphrase,
  ``made_direct`` the other way round (a paraphrase printed as a quotation);
- ``shortened``: the version is at least :data:`SHORTENED_MIN_WORDS` words and
  :data:`SHORTENED_SHARE` of the earliest wording shorter.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from wortlaut.lang.tables import read_records
from wortlaut.textnorm import fold_latin

#: A version counts as shortened when it leaves out at least this many words of the earliest one …
SHORTENED_MIN_WORDS = 3
#: … and at least this share of them: outlets routinely drop a filler word or two ("so", "ja",
#: "auch"), which changes nothing; a fifth of a quotation is a clause, which can carry a condition.
#: Set by reading, not fitted: the constructed variants in docs/quality.md test it at both sides.
SHORTENED_SHARE = 0.2
#: The flags, in the order they are reported.
FLAGS = (
    "negation_dropped",
    "negation_added",
    "number_changed",
    "name_changed",
    "paraphrased",
    "made_direct",
    "shortened",
)
#: Statement modes that print the speaker's own words.
DIRECT_MODES = frozenset({"direct", "headline", "post"})

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a version: its surface form, folded form, and whether it starts a sentence."""

    text: str
    folded: str
    initial: bool


@dataclass(frozen=True, slots=True)
class Segment:
    """One step of an alignment: ``equal``, ``replace``, ``delete`` or ``insert`` with both sides' words."""

    op: str
    reference: str
    version: str


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's wording of a statement (the input of :func:`compare`)."""

    text: str
    mode: str = "direct"
    names: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Drift:
    """A version compared with the earliest: the alignment and the flags it raises."""

    segments: tuple[Segment, ...]
    flags: tuple[str, ...]
    dropped_words: int
    added_words: int


@cache
def lexicon() -> tuple[frozenset[str], dict[str, str]]:
    """Negation words and number words (folded) with their values, from ``claims_drift.tsv``."""
    negations: set[str] = set()
    numbers: dict[str, str] = {}
    for row in read_records("claims_drift.tsv"):
        word = fold_latin(row["word"].strip())
        if row["kind"] == "negation":
            negations.add(word)
        elif row["kind"] == "number":
            numbers[word] = row["value"].strip()
    return frozenset(negations), numbers


def words(text: str) -> list[Word]:
    """The words of a text; ``initial`` marks the first word of each sentence."""
    found: list[Word] = []
    last_end = 0
    for match in _WORD.finditer(text):
        between = text[last_end : match.start()]
        initial = not found or bool(_SENTENCE_END.search(between)) or between.strip().startswith(("„", '"'))
        found.append(Word(match.group(), fold_latin(match.group()), initial))
        last_end = match.end()
    return found


#: One edit of an alignment: ``(op, i1, i2, j1, j2)`` as :meth:`difflib.SequenceMatcher.get_opcodes` gives it.
Opcode = tuple[str, int, int, int, int]


def opcodes(reference: Sequence[Word], version: Sequence[Word]) -> Sequence[Opcode]:
    """The edits that turn ``reference`` into ``version`` (folded words compared); computed once per pair."""
    matcher = difflib.SequenceMatcher(
        a=[word.folded for word in reference], b=[word.folded for word in version], autojunk=False
    )
    return matcher.get_opcodes()


def align(
    reference: Sequence[Word], version: Sequence[Word], codes: Sequence[Opcode] | None = None
) -> list[Segment]:
    """Word-by-word alignment of ``version`` against ``reference`` (folded words compared)."""
    return [
        Segment(
            op,
            " ".join(word.text for word in reference[i1:i2]),
            " ".join(word.text for word in version[j1:j2]),
        )
        for op, i1, i2, j1, j2 in (opcodes(reference, version) if codes is None else codes)
    ]


def _number(folded: str) -> str | None:
    if folded[:1].isdigit():
        return folded.replace(".", "").replace(",", ".")
    return lexicon()[1].get(folded)


def _numbers(items: Iterable[Word]) -> Counter[str]:
    return Counter(value for value in (_number(word.folded) for word in items) if value is not None)


def _negations(items: Iterable[Word]) -> int:
    negations = lexicon()[0]
    return sum(word.folded in negations for word in items)


def _negation_change(reference: Sequence[Word], version: Sequence[Word], codes: Sequence[Opcode]) -> int:
    """Negation words gained (> 0) or lost (< 0) by edits inside the wording.

    A stretch cut from or added at either end is shortening or extension (``shortened``): cutting
    "…, auch nicht im Winter" leaves the rest's meaning, while a ``nicht`` lost in the middle turns it.
    """
    change = 0
    for index, (op, i1, i2, j1, j2) in enumerate(codes):
        at_edge = index in {0, len(codes) - 1} and op in {"delete", "insert"}
        if op != "equal" and not at_edge:
            change += _negations(version[j1:j2]) - _negations(reference[i1:i2])
    return change


def _name_words(items: Sequence[Word], names: frozenset[str]) -> set[str]:
    """Folded words of ``items`` that are names: in ``names``, or capitalised inside a sentence."""
    return {
        word.folded
        for word in items
        if word.folded in names or (not word.initial and word.text[:1].isupper() and len(word.text) > 1)
    }


def _name_changed(
    reference: Sequence[Word], version: Sequence[Word], codes: Sequence[Opcode], names: frozenset[str]
) -> bool:
    """A replaced stretch with a name on one side and a different one on the other."""
    for op, i1, i2, j1, j2 in codes:
        if op != "replace":
            continue
        left = _name_words(reference[i1:i2], names)
        right = _name_words(version[j1:j2], names)
        # A capitalised noun reworded on both sides is not a name: only known names, or a known name
        # on one side replaced by any capitalised word, count.
        if left and right and left != right and (left | right) & names:
            return True
    return False


def compare(reference: Version, version: Version) -> Drift:
    """``version`` aligned against the earliest wording ``reference``, with its drift flags."""
    left, right = words(reference.text), words(version.text)
    names = frozenset(fold_latin(name) for name in reference.names | version.names)
    codes = opcodes(left, right)
    segments = align(left, right, codes)
    dropped = sum(len(s.reference.split()) for s in segments if s.op in {"delete", "replace"})
    added = sum(len(s.version.split()) for s in segments if s.op in {"insert", "replace"})
    raised: set[str] = set()
    change = _negation_change(left, right, codes)
    if change < 0:
        raised.add("negation_dropped")
    elif change > 0:
        raised.add("negation_added")
    numbers = _numbers(left), _numbers(right)
    if numbers[0] - numbers[1] and numbers[1] - numbers[0]:
        raised.add("number_changed")
    if _name_changed(left, right, codes, names):
        raised.add("name_changed")
    reference_direct, version_direct = reference.mode in DIRECT_MODES, version.mode in DIRECT_MODES
    if reference_direct and not version_direct:
        raised.add("paraphrased")
    elif version_direct and not reference_direct:
        raised.add("made_direct")
    omitted = len(left) - len(right)  # net loss: a reworded stretch of equal length is no shortening
    if left and omitted >= SHORTENED_MIN_WORDS and omitted / len(left) >= SHORTENED_SHARE:
        raised.add("shortened")
    return Drift(tuple(segments), tuple(flag for flag in FLAGS if flag in raised), dropped, added)
