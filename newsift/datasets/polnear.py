"""PolNeAR-format attribution data (Newell et al., LREC 2018): texts and brat standoff annotations.

A folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(``Source``, ``Cue`` and ``Content`` text-bound spans, possibly
discontinuous, joined by ``Attribution`` events). Read by the quotes bench
and by ``newsift train quotes``; nothing here imports analysis code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, InputError

__all__ = ["Fragments", "GoldAttribution", "read_ann", "read_polnear", "coverage", "PolnearItem"]

_QUOTE_CHARS = re.compile("[\"“”]")
Fragments = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Fragments
    cue: Fragments = field(default_factory=list)
    source: Fragments = field(default_factory=list)
    direct: bool = False


PolnearItem = tuple[str, str, list[list[GoldAttribution]]]


def _fragments(offsets: str) -> Fragments:
    out = []
    for part in offsets.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Attributions of one brat file; a role may repeat (``Content2``) and is merged."""
    spans: dict[str, Fragments] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0].startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = _fragments(offsets)
        elif cols[0].startswith("E") and len(cols) >= 2:
            events.append(cols[1].split())
    gold = []
    for args in events:
        roles: dict[str, Fragments] = defaultdict(list)
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            roles[role.rstrip("0123456789")].extend(spans.get(ref, []))
        if not roles.get("Content"):
            continue
        content = sorted(roles["Content"])
        direct = any(_QUOTE_CHARS.search(text[max(0, a - 1) : b + 1]) for a, b in content)
        gold.append(GoldAttribution(content, sorted(roles.get("Cue", [])), sorted(roles.get("Source", [])), direct))
    return gold


def read_polnear(folder: str | Path) -> list[PolnearItem]:
    """``(name, text, [gold per annotator])`` for every text with at least one ``.ann``."""
    root = Path(folder)
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputError(Errors.E100.format(path=root))
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns[ann.stem.rsplit("_", 1)[0]].append(ann)
    out = []
    for txt in sorted((root / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_bytes().decode("utf-8")
        out.append((txt.stem, text, [read_ann(a, text) for a in anns[txt.stem]]))
    if not out:
        raise InputError(Errors.E101.format(path=root))
    return out


def coverage(gold: Fragments, pred: Fragments) -> float:
    """Share of the gold characters that the predicted fragments cover."""
    total = sum(b - a for a, b in gold) or 1
    hit = sum(max(0, min(b, d) - max(a, c)) for a, b in gold for c, d in pred)
    return hit / total
