"""Who said what: direct, indirect and mixed quotes with cues and resolved speakers.

Modules by concern: ``direct`` (quote marks and editorial insertions on the
raw text), ``reported`` (reported speech on the dependency parse), ``cues``
(the cue lexicon), ``speakers`` (mention -> canonical name), ``extract``
(the order in which they run).
"""

from __future__ import annotations

from .direct import editorial_marks, find_quote_marks
from .extract import extract_attributions
from .parsed import AttributionModel, ParsedText
from .reported import Attribution

__all__ = ["Attribution", "AttributionModel", "ParsedText", "extract_attributions", "find_quote_marks", "editorial_marks"]
