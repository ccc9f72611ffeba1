"""Benchmarks: run from the repository root with ``python -m benchmarks.bench``; not part of the shipped package."""
