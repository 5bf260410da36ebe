"""The language layer's logic: paragraphs, English or not, and the spaCy parse."""

from .parse import Parsed, english_share, load_nlp, looks_english, paragraph_spans, parse_paragraphs

__all__ = ["Parsed", "english_share", "load_nlp", "looks_english", "paragraph_spans", "parse_paragraphs"]
