"""wordfreq's frequency table read without importing wordfreq is wordfreq's own."""

from __future__ import annotations

import pytest

from wortlaut.ner import wordfreq_list


@pytest.mark.parametrize(("lang", "wordlist"), [("de", "small"), ("en", "small")])
def test_frequency_dict_is_wordfreqs(lang: str, wordlist: str) -> None:
    import wordfreq

    assert wordfreq_list._buckets(lang, wordlist) is not None  # read from the file, not through wordfreq
    ours = wordfreq_list.frequency_dict(lang, wordlist)
    theirs = wordfreq.get_frequency_dict(lang, wordlist=wordlist)
    assert list(ours.items()) == list(theirs.items())
    assert len(ours) > 10_000


def test_a_list_wordfreq_does_not_ship_here_falls_back_to_wordfreq() -> None:
    assert wordfreq_list._buckets("xx", "small") is None
    with pytest.raises(LookupError):
        wordfreq_list.frequency_dict("xx", "small")
