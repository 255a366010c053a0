"""Token records built at a third of the cost: the tokens and morphology stages build ~900 per article.

:class:`~wortlaut.article.Token` is a frozen slotted dataclass; its generated ``__init__`` sets each
of the eight fields through ``object.__setattr__`` after parsing keyword arguments, ~4 µs per token
on the loaded development machine (issue 17z).  :func:`new_token` makes the same object (equal,
same hash, same ``repr``, same pickled state) by allocating it and setting its slots through their
descriptors, ~1.4 µs.  That is valid only while ``Token`` has exactly the fields below as slots and
no ``__post_init__``; this is checked once at import, and otherwise :func:`new_token` calls the
constructor, so a change to ``Token`` can make this slower but never wrong.  Since issue 17zj the
same allocation and slot stores run in C where the optional extension ``wortlaut._records`` is built
(:func:`slot_maker`: ~0.1-0.2 instead of ~0.5-1.4 µs a token).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from typing import Any

from wortlaut.article import Token

#: The fields :func:`new_token` sets, in ``Token``'s order.
FIELDS = ("start", "end", "text", "sentence", "pos", "lemma", "mood", "tense")


def _slots_match() -> bool:
    """Whether ``Token`` is still the record the fast path was written for."""
    slots = [Token.__dict__.get(name) for name in FIELDS]
    return (
        tuple(field.name for field in dataclasses.fields(Token)) == FIELDS
        and not hasattr(Token, "__post_init__")
        and all(isinstance(slot, types.MemberDescriptorType) for slot in slots)
    )


FAST = _slots_match()
_new = object.__new__
_setters: list[Callable[[Token, object], None]] = (
    [Token.__dict__[name].__set__ for name in FIELDS] if FAST else []
)


def slot_maker(cls: type, fields: tuple[str, ...], defaults: tuple[object, ...]) -> Callable[..., Any] | None:
    """``wortlaut._records.Maker`` for ``cls``'s slots ``fields`` (the last ones defaulting to
    ``defaults``), or None without the optional extension (issue 17zj).

    The maker does in C what the setters here do in Python (allocate, then store each value in its
    slot): ~0.2 instead of ~1.4 µs a record.  Only for a record that passed a check like
    :func:`_slots_match` (the maker itself refuses anything but the class's own object slots).
    """
    try:
        from wortlaut import _records  # type: ignore[attr-defined]
    except ImportError:  # the optional extension was not built
        return None
    maker: Callable[..., Any] = _records.Maker(cls, tuple(cls.__dict__[name] for name in fields), defaults)
    return maker


#: ``new_token`` in C where built: positional values, the last four default to ``0, None, None, None, None``.
_MAKE = slot_maker(Token, FIELDS, (0, None, None, None, None)) if FAST else None


def new_token(
    start: int,
    end: int,
    text: str,
    sentence: int = 0,
    pos: str | None = None,
    lemma: str | None = None,
    mood: str | None = None,
    tense: str | None = None,
) -> Token:
    """``Token(start=start, end=end, ...)``, the same object, built faster (see the module)."""
    if _MAKE is not None:
        return _MAKE(start, end, text, sentence, pos, lemma, mood, tense)
    if not FAST:
        return Token(
            start=start, end=end, text=text, sentence=sentence, pos=pos, lemma=lemma, mood=mood, tense=tense
        )
    token: Token = _new(Token)
    set_start, set_end, set_text, set_sentence, set_pos, set_lemma, set_mood, set_tense = _setters
    set_start(token, start)
    set_end(token, end)
    set_text(token, text)
    set_sentence(token, sentence)
    set_pos(token, pos)
    set_lemma(token, lemma)
    set_mood(token, mood)
    set_tense(token, tense)
    return token
