"""The MinHash signature computed without datasketch is datasketch's, bit for bit; the LSH bands too."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from wortlaut.link import duplicates
from wortlaut.link.minhash import hash_values
from wortlaut.link.text import word_shingles, words


def _datasketch(items: list[bytes]) -> np.ndarray:
    minhash = MinHash(num_perm=duplicates.NUM_PERM, seed=1)
    if items:
        minhash.update_batch(items)
    return np.asarray(minhash.hashvalues)


def _random_items(draw: random.Random) -> list[bytes]:
    size = draw.choice([1, 2, 3, 10, 200])
    return [draw.randbytes(draw.randint(0, 40)) for _ in range(size)]


def test_hash_values_are_datasketchs_on_random_sets() -> None:
    draw = random.Random(17)
    for _ in range(300):
        items = _random_items(draw)
        assert np.array_equal(hash_values(items, num_perm=duplicates.NUM_PERM, seed=1), _datasketch(items))


@pytest.mark.parametrize("num_perm, seed", [(1, 1), (64, 7), (256, 2)])
def test_hash_values_follow_datasketchs_draws_for_other_sizes_and_seeds(num_perm: int, seed: int) -> None:
    items = [b"Die Ministerin sagte", b"sagte am Montag", b"", "Zieliński".encode()]
    reference = MinHash(num_perm=num_perm, seed=seed)
    reference.update_batch(items)
    assert np.array_equal(hash_values(items, num_perm=num_perm, seed=seed), reference.hashvalues)


def test_article_signature_is_datasketchs_and_an_empty_text_has_the_empty_one() -> None:
    text = "Die Ministerin sagte am Montag in Berlin, sie wolle helfen. Der Kanzler widersprach ihr."
    for sample in (text, text[:30], "zwei Wörter", ""):
        grams = [gram.encode("utf-8") for gram in word_shingles(words(sample), size=duplicates.SHINGLE_SIZE)]
        expected = _datasketch(grams).astype(np.uint64)
        assert duplicates.signature(sample).dtype == np.uint64
        assert np.array_equal(duplicates.signature(sample), expected), sample


def test_bands_are_what_datasketch_finds_optimal() -> None:
    lsh = MinHashLSH(threshold=duplicates.LSH_THRESHOLD, num_perm=duplicates.NUM_PERM)
    assert duplicates.bands() == duplicates.BANDS == (lsh.b, lsh.r)
