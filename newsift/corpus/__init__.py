"""Corpus-level jobs over many reports or articles: flat tables, the copy trace on Dask, the outlet network."""
