"""Cleaning as labels, never edits: the title, repeated titles and site furniture."""

from .furniture import SiteLines, rule_spans, site_recurring_spans, stored_furniture, title_spans
from .rules import Line, boilerplate_kind, is_headline_shaped, lines_of

__all__ = ["Line", "lines_of", "boilerplate_kind", "is_headline_shaped", "title_spans", "rule_spans",
           "site_recurring_spans", "stored_furniture", "SiteLines"]
