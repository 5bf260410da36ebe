"""BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al., ACL 2018): 1,627 articles from 9 US outlets.

Each ``articles/NNNN.xml`` holds ``mainText`` (paragraphs flattened into one
line, their ``paragraph`` offsets kept), ``uri``, ``title``, ``author`` and
``portal``. Read by the provenance and coverage benches; nothing here
imports analysis code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from ..readers.repair import repair_note, repair_text

__all__ = ["buzzfeed_articles", "read_article", "articles_folder"]


def articles_folder(path: Path) -> Path:
    """The folder of XML files, given it, the corpus folder or the shared data folder."""
    for candidate in (path, path / "articles", path / "articles" / "buzzfeed-webis-2016" / "articles"):
        if candidate.is_dir() and next(candidate.glob("*.xml"), None) is not None:
            return candidate
    return path


def buzzfeed_articles(folder: Path) -> Iterator[Article]:
    """Every readable article under ``folder`` (see ``articles_folder``), in file order."""
    for path in sorted(articles_folder(folder).glob("*.xml")):
        article = read_article(path)
        if article is not None:
            yield article


def read_article(path: Path) -> Article | None:
    """One article: id ``buzzfeed-webis:NNNN``, URL, domain, title and the main text (None if unreadable).

    The corpus flattens paragraphs into one line; its ``paragraph`` offsets
    say where they were, so the one separator character there becomes a
    newline and line-based furniture rules can work. Mojibake is then
    repaired, as every reader does, and noted.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None
    chars = list(root.findtext("mainText") or "")
    for para in root.iter("paragraph"):
        end = int(para.findtext("end") or -1)
        if 0 <= end < len(chars) and chars[end].isspace():
            chars[end] = "\n"
    text, repaired = repair_text("".join(chars))
    if not text.strip():
        return None
    url = (root.findtext("uri") or "").strip() or None
    try:
        article = Article.from_fields(text, label=path.name, id=f"buzzfeed-webis:{path.stem}", url=url,
                                      title=repair_text((root.findtext("title") or "").strip())[0] or None,
                                      source_path=str(path))
    except InputError:  # no letters at all: not an article
        return None
    if repaired:
        article.notes.append(repair_note(path.name, repaired))
    return article
