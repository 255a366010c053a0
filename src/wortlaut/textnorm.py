"""Case and accent folding: the few ways wortlaut makes two spellings compare equal.

There are three folds because three comparisons need different things, and
each is pinned by evaluation numbers; they are kept apart on purpose instead of
being merged into one "normalise" that would silently change two of them:

- :func:`name_key` — one *word* of a name, for knowledge-base lookup
  (``kb.normalize.key``): full Unicode compatibility decomposition with marks
  dropped, ``ß`` → ``ss`` and the typographic apostrophe made plain, so
  ``Selenskyj``/``SELENSKYJ`` and ``Ukrainë``/``Ukraine`` meet.  Punctuation
  and spacing are left as they are; the caller cuts the words.
- :func:`fold_latin` — running *text* compared across articles by the linkers
  (``link.text``): case folded and only Latin letters with diacritics
  (U+00C0–U+024F) mapped to their base letters; everything else (Greek,
  Cyrillic, punctuation, compatibility forms such as ``²``) stays, so the
  word pattern applied afterwards sees the characters outlets actually wrote.
- :func:`match_words` — a *name as typed in a query* matched against stored
  names (``store.text.normalize``): the :func:`name_key` fold of the whole
  string, then reduced to its ``\\w`` words joined by single spaces, so
  punctuation and spacing differences vanish too.

Whitespace is folded where it is needed with the ``" ".join(text.split())``
idiom; it has one meaning everywhere and needs no module.
"""

from __future__ import annotations

import re
import unicodedata

#: Words of :func:`match_words`: runs of Unicode word characters.
_MATCH_WORD = re.compile(r"\w+", re.UNICODE)


def strip_marks(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks (``é`` → ``e``, ``ﬁ`` → ``fi``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():  # no combining mark is ASCII: most words of German news (85 % of new forms)
        return decomposed
    combining = unicodedata.combining
    return "".join([char for char in decomposed if not combining(char)])


def name_key(word: str) -> str:
    """The knowledge-base fold of one word: casefold, no marks, ``ß`` → ``ss``, ``’`` → ``'``."""
    return strip_marks(word.casefold()).replace("ß", "ss").replace("’", "'")


#: Latin letters with diacritics (U+00C0–U+024F) mapped to their base letters.
_LATIN_FOLD = {
    chr(code): strip_marks(chr(code)) for code in range(0xC0, 0x250) if strip_marks(chr(code)) != chr(code)
}
#: Any one of those letters.  ``str.translate`` with the table did a mapping look-up per character of a
#: German text (0.14-0.22 ms a 2,600-character article, run per article by the duplicate search); the
#: pattern finds the few letters to replace in C (0.03 ms).
_LATIN_LETTER = re.compile("[" + "".join(re.escape(char) for char in _LATIN_FOLD) + "]")


def _base_letter(match: re.Match[str]) -> str:
    return _LATIN_FOLD[match.group()]


def fold_latin(text: str) -> str:
    """Case-folded text with Latin diacritics removed (``Selenskyj``/``selenskyj``, ``ä``/``a`` equal).

    Only the Latin block is folded, character by character (one pass: a replacement is not
    folded again, as with ``str.translate``), so offsets of other scripts and of punctuation are
    untouched; the linkers' word pattern runs on the result.
    """
    return _LATIN_LETTER.sub(_base_letter, text.casefold())


def match_words(text: str) -> str:
    """A name's words folded like :func:`name_key` and joined by single spaces, punctuation dropped."""
    return " ".join(_MATCH_WORD.findall(name_key(text)))
