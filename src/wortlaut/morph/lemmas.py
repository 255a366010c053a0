"""simplemma's German lemmatiser, its dictionary decoded in C.

``simplemma.lemmatize(word, lang="de")`` decodes the shipped front-coded German dictionary
(1.1M records) in Python on first use: ~0.8 CPU s that every ingest spends in the main process
before it forks the workers, with the other core idle.  This module gives the same lemmatiser
(simplemma's :class:`~simplemma.Lemmatizer` with its default strategy and settings) a dictionary
factory that decodes the same stream with :mod:`wortlaut.morph._frontcode` (~0.3 s): the same
``bytes -> bytes`` dictionary, so the same lemmas.  Without the compiled module, or for a stream
format it does not know, simplemma's own decoder runs.  One lemmatiser serves the tagger and the
NER features (as simplemma's process-wide one did), so the dictionary is decoded once.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import (
    CachingDictionaryFactory,
    MappingStrToByteString,
    _read_decompressed,
)

try:
    from wortlaut.morph._frontcode import decode as _compiled_decode
except ImportError:  # the optional extension was not built
    _compiled_decode = None

LANGUAGE = "de"


def decode_stream(data: bytes) -> dict[bytes, bytes]:
    """simplemma's ``frontcode._decode_stream(data)``, in C where it can be."""
    reverse_key, count, pos = frontcode._read_header(data)
    if _compiled_decode is None or reverse_key:
        return frontcode._decode_stream(data)
    result: dict[bytes, bytes] = _compiled_decode(data, pos)
    if len(result) != count:  # as simplemma: a stream cut on a record boundary
        raise ValueError(frontcode._CORRUPT_STREAM_MSG)
    return result


class CompiledDictionaryFactory(CachingDictionaryFactory):
    """simplemma's default factory (shipped dictionaries, cached) with :func:`decode_stream`."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return MappingStrToByteString(decode_stream(_read_decompressed(lang)))


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=CompiledDictionaryFactory()))


def lemmatize(word: str) -> str:
    """``simplemma.lemmatize(word, lang="de")``."""
    return str(_lemmatizer().lemmatize(word, LANGUAGE))


def load() -> None:
    """Decode the dictionary now (before a fork, so the workers share it), not at the first word."""
    lemmatize("Haus")
