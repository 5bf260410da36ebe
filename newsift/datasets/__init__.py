"""Readers for the public datasets that training and the benches share.

One module a dataset (``polnear``, ``ct24``, ``buzzfeed_webis``); nothing
here imports a stage, a bench or the CLI, so the analysis packages' training
code and the benches can both use them.
"""
