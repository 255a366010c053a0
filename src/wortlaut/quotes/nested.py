"""Verbatim parts of a paraphrase: the quotations inside an indirect, reported or free indirect statement.

The product keeps such a quotation as part of its statement (``sagte, die Maschine sei „noch schöner“``
is one statement: emitting the quoted words again doubles it on real pages, see
:func:`wortlaut.quotes.cleanup.drop_nested`).  The quotes-wikinews annotation (and the GermEval 2023
task format) lists the verbatim part as a second, nested direct quotation with the same speaker; its
guidelines, section 3.1 a), say so.  :func:`verbatim_parts` finds those parts in a statement's quote so
that the evaluation can write the product's statement in the task's format (``wortlaut eval quotes``),
and any consumer can tell which words were quoted verbatim.
"""

from __future__ import annotations

from wortlaut.article import Statement
from wortlaut.quotes.lexicon import word_class
from wortlaut.quotes.marks import Quoted, find_quoted

#: Statement modes whose quotations are nested verbatim parts (a direct statement's inner quotation is
#: a quotation inside a quotation; adding those lowered joint F1 on quotes-wikinews/train, 3-fold CV).
PARAPHRASE_MODES = frozenset({"indirect", "reported", "free_indirect"})
#: Quotations of up to this many capitalised words are names or titles (checked on quotes-wikinews/train
#: false positives of the direct rules, which use the same filter).
MAX_NAME_WORDS = 4
_MARKS = '„“”"»«‚‘’'
#: A quotation of capitalised words joined by function words of another language („Public Library of
#: Science“, „La Gazetta dello Sport“) is a name of any length, not speech (issue 12, nineteenth session).
FOREIGN_NAMES = True


def looks_like_name(text: str, start: int, end: int) -> bool:
    """A short quotation of capitalised words only („Graf Zeppelin“, „GTA“) is a title, not words."""
    words = [word.strip(_MARKS) for word in text[start:end].split()]
    words = [word for word in words if word]
    if foreign_name(words):
        return True
    return len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() or word[:1].isdigit() for word in words)


def foreign_name(words: list[str]) -> bool:
    """``Public Library of Science``, ``L’Alliance pour la Planète``: two or more capitalised words, the
    first among them, and lower-case words only from ``foreign_name_word`` (at least one): a foreign name
    or title (:data:`FOREIGN_NAMES`).  German function words do not count, so ``Gefahr für Leib und Leben``
    stays words."""
    if not FOREIGN_NAMES or len(words) < 2 or not words[0][:1].isupper():
        return False
    joiners = word_class("foreign_name_word")
    lower = [word for word in words if not (word[:1].isupper() or word[:1].isdigit())]
    return bool(lower) and len(words) - len(lower) >= 2 and all(word in joiners for word in lower)


def verbatim_parts(
    text: str, statement: Statement, quoted: list[Quoted] | None = None
) -> list[tuple[int, int]]:
    """Character ranges (marks included) of the closed quotations inside a paraphrase ``statement``
    that are not names or titles; none for direct statements.  ``quoted`` saves re-scanning the text
    when several statements of one article are asked about."""
    if statement.mode not in PARAPHRASE_MODES:
        return []
    parts = statement.quote.spans or ((statement.quote.start, statement.quote.end),)
    found = find_quoted(text) if quoted is None else quoted
    return [
        (item.start, item.end)
        for item in found
        if item.closed
        and any(start <= item.start and item.end <= end for start, end in parts)
        and not looks_like_name(text, item.start, item.end)
    ]
