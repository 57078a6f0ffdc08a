"""Performance harness: `python -m benchmarks` runs every bench_*.py here (not part of pytest)."""
