"""newsift: read a news article the way a fact-checker does.

    >>> import newsift
    >>> report = newsift.analyze("Title\\n\\nTitle\\n\\nBody text …")
    >>> report.to_dict()["anatomy"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import Analyzer, analyze, analyze_many
from .errors import AnalysisError, Errors, InputError, NewsiftError, ResourceUnavailable
from .model import Article, Report, Signal, Span, StageRecord
from .pipeline import Pipeline, Resources, Stage
from .readers import ReadProblem, read_inputs, read_path
from .settings import Options, load_options

__all__ = [
    "__version__",
    "Analyzer",
    "analyze",
    "analyze_many",
    "Article",
    "Report",
    "Span",
    "Signal",
    "StageRecord",
    "Pipeline",
    "Resources",
    "Stage",
    "Options",
    "load_options",
    "read_path",
    "read_inputs",
    "ReadProblem",
    "Errors",
    "NewsiftError",
    "InputError",
    "AnalysisError",
    "ResourceUnavailable",
]
