"""Throughput benchmarks (``python -m benchmarks`` runs all; numbers go to docs/performance.md)."""
