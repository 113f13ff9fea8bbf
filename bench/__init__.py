"""Benchmarks: each script prints figures and ratios to a floor measured in the same run (`make bench`)."""
