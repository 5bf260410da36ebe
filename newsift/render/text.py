"""The text report: a readable terminal summary, coloured with rich."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..anatomy import anatomy
from ..model import Report
from ..stages import stage_class

__all__ = ["render_text"]

_COLOURS = {"title": "bold", "repeated_title": "magenta", "boilerplate": "yellow", "body": "green",
            "quoted": "cyan", "copied_narrative": "red", "copied_quote": "bright_red", "original": "green"}


def _anatomy_table(report: Report) -> Table:
    data = anatomy(report)
    table = Table(title=f"Anatomy ({data['characters']:,} {data['unit']})", show_header=True, box=None)
    table.add_column("part")
    table.add_column("share", justify="right")
    table.add_column("")
    for part, share in data["shares"].items():
        bar = "█" * round(share * 40)
        table.add_row(part.replace("_", " "), f"{share:.1%}", Text(bar, style=_COLOURS.get(part, "white")))
    return table


def render_text(report: Report, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False,
                      force_terminal=None if out.isatty() else False, width=110)
    article = report.article
    console.rule(Text(article.title or article.source_path or article.id, style="bold"))
    meta = [f"id {article.id}"]
    for key in ("domain", "url", "published", "source_path"):
        value = getattr(article, key)
        if value:
            meta.append(f"{key} {value}")
    console.print(" · ".join(meta), style="dim")
    for note in list(article.notes) + list(report.notes):
        console.print(f"note: {note}", style="yellow")
    console.print(_anatomy_table(report))
    for record in report.stages:
        stage_cls = stage_class(record.name)
        if record.status != "ran":
            console.print(Text(f"\n{record.name}: {record.status} — {record.reason}", style="dim"))
            continue
        lines: list[Any] = stage_cls().render_text(report) if stage_cls else []
        if not lines:
            continue
        console.print(Text(f"\n{record.name}", style="bold cyan"))
        for line in lines:
            console.print(line if not isinstance(line, str) else Text("  " + line))
    console.print()
