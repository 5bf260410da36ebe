"""Repair encoding damage before an Article exists: mojibake, HTML entities, broken quotes.

ftfy fixes text that was decoded with the wrong charset ("â€œ" for "“"),
leftover HTML entities and C1 controls. Everything else is left alone:
quotes stay curly, line breaks and widths stay as they are, so the text is
changed only where it was damaged. The count of repaired places goes in
the Article's notes.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ftfy import TextFixerConfig, fix_text

__all__ = ["repair_text", "repair_note"]

_CONFIG = TextFixerConfig(
    unescape_html="auto",
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_COUNT_LIMIT = 2_000_000  # above this, say "some places" rather than count
_LONG_LINE = 20_000  # a longer changed line is compared word by word


def repair_text(text: str) -> tuple[str, int]:
    """The repaired text and how many places were changed (0 when it was fine)."""
    fixed = fix_text(text, _CONFIG)
    if fixed == text:
        return text, 0
    if len(text) > _COUNT_LIMIT:
        return fixed, -1
    return fixed, _changed_places(text, fixed)


def _changed_places(before: str, after: str) -> int:
    """Places that differ, counted line by line (repairs keep lines), so the count stays linear."""
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        old_lines, new_lines = [before], [after]
    changed = 0
    for old, new in zip(old_lines, new_lines):
        if old != new:
            a, b = (old, new) if len(old) <= _LONG_LINE else (old.split(" "), new.split(" "))
            ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()  # type: ignore[arg-type]
            changed += sum(1 for tag, *_ in ops if tag != "equal")
    return changed


def repair_note(label: str, count: int) -> str:
    where = "some places" if count < 0 else f"{count} place{'s' if count != 1 else ''}"
    return f"{label}: text repaired before analysis (mojibake or HTML entities fixed in {where})"
