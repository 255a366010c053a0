"""datasketch's MinHash signature, computed without importing datasketch.

The duplicate search signs each text with datasketch's ``MinHash(num_perm=128, seed=1)`` (scheme
``affine32``: SHA-1's first four bytes as a little-endian integer, MurmurHash3's 32-bit finaliser,
then 128 odd-multiplier affine maps modulo 2^32 drawn from ``numpy.random.RandomState(seed)``, and
the minimum of each).  Importing datasketch imports scipy (its LSH module needs ``scipy.integrate``),
0.47 CPU s that every ingest spent in the main process before it forks the workers, with the other
core idle; this module does the same arithmetic with numpy alone.  ``tests/link/test_minhash.py``
checks that the signatures are datasketch's, bit for bit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

import numpy as np

#: The hash values of a MinHash that saw nothing (datasketch's "empty" sentinel for ``affine32``).
EMPTY = np.uint32(0xFFFFFFFF)
#: MurmurHash3's 32-bit finaliser: shift, multiplier, shift, multiplier, shift.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@cache
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The multipliers (odd) and offsets of the affine maps, drawn as datasketch draws them."""
    draw = np.random.RandomState(seed)
    multipliers = draw.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    offsets = draw.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return multipliers, offsets


def hash_values(items: Sequence[bytes], *, num_perm: int, seed: int) -> np.ndarray:
    """The MinHash (uint32, one value per permutation) of the set of ``items``."""
    if not items:
        return np.full(num_perm, EMPTY, dtype=np.uint32)
    hashed = np.array(
        [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items], dtype=np.uint32
    ).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32
    hashed = hashed ^ (hashed >> s1)
    hashed = hashed * m1
    hashed = hashed ^ (hashed >> s2)
    hashed = hashed * m2
    hashed = hashed ^ (hashed >> s3)
    multipliers, offsets = permutations(num_perm, seed)
    return np.asarray((hashed * multipliers + offsets).min(axis=0), dtype=np.uint32)
