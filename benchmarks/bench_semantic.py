"""Latency of search by meaning: top-k over 100k and 1M statement vectors.

``python -m benchmarks.bench_semantic [--sizes 100000,1000000] [--dim 384] [--queries 50]``

Random unit vectors stand in for statement vectors (latency depends on the
matrix shape, not on what the vectors mean); 384 is the dimension of e5-small.
Each query is one :meth:`wortlaut.store.vectors.VectorIndex.top` call with
k = 10 (a statement's own row excluded), timed with ``perf_counter`` after one
warm-up query; p50/p95/max in milliseconds, per storage type (float32, and
float16 at half the memory).  Building the matrix is timed once per size.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from wortlaut.store.vectors import VectorIndex

#: Results asked per query: the size of the "similar statements" list.
TOP_K = 10
#: Rows generated per step, so a 1M x 384 matrix never exists in float64.
GENERATE_ROWS = 100_000


def random_index(size: int, dim: int, dtype: str, seed: int = 1) -> VectorIndex:
    """An index of ``size`` random unit vectors stored as ``dtype``."""
    rng = np.random.default_rng(seed)
    matrix = np.empty((size, dim), dtype=dtype)
    for start in range(0, size, GENERATE_ROWS):
        block = rng.standard_normal((min(GENERATE_ROWS, size - start), dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        matrix[start : start + len(block)] = block
    return VectorIndex(tuple(f"h:{row}" for row in range(size)), matrix)


def measure(size: int, dim: int, dtype: str, queries: int) -> dict[str, float | str]:
    started = time.perf_counter()
    index = random_index(size, dim, dtype)
    built = time.perf_counter() - started
    rng = np.random.default_rng(2)
    rows = rng.integers(0, size, queries + 1)
    index.top(index.matrix[rows[0]], TOP_K, exclude={int(rows[0])})  # warm-up
    timings = []
    for row in rows[1:]:
        query = index.matrix[row].astype(np.float32)
        start = time.perf_counter()
        found = index.top(query, TOP_K, exclude={int(row)})
        timings.append((time.perf_counter() - start) * 1000)
        assert len(found) == TOP_K
    values = np.array(timings)
    return {
        "size": size,
        "dtype": dtype,
        "matrix_mb": round(index.matrix.nbytes / 2**20, 1),
        "build_s": round(built, 2),
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
        "max_ms": round(float(values.max()), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--dtypes", default="float32,float16")
    args = parser.parse_args()
    for size in (int(item) for item in args.sizes.split(",")):
        for dtype in args.dtypes.split(","):
            print(json.dumps(measure(size, args.dim, dtype, args.queries)), flush=True)


if __name__ == "__main__":
    main()
