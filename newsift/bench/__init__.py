"""Benchmarks: quality on public data and speed, run by ``newsift bench …``."""
