"""``newsift sources update``, ``newsift sources show`` and ``newsift bench sources``."""

from __future__ import annotations

import json

import click

from ..errors import Errors, InputError
from ._app import bench, cli, options_from


@cli.group()
def sources() -> None:
    """Outlet ratings from independent raters."""


@sources.command("update")
@click.option("--from", "origin", default=None, metavar="DIR_OR_URL",
              help="A local folder or base URL laid out like the public sets (default: their canonical addresses).")
@click.option("--only", default=None, help="Comma-separated set names (default: all).")
@click.pass_context
def update(ctx: click.Context, origin: str | None, only: str | None) -> None:
    """Download the public rating sets and load them into the store (each set replaced atomically)."""
    from ..sources import update_sources
    from ..store import Store

    options = options_from(ctx)
    names = [n.strip() for n in only.split(",") if n.strip()] if only else None
    with Store(options.db) as store:
        result = update_sources(store, options, origin, names,
                                on_set=lambda r: click.echo(f"{r['set']:<16} {r['domains']:>6} domains  {r['origin']}"))
    click.echo(f"{result['domains']:,} distinct domains rated; store {options.db}")


@sources.command("show")
@click.argument("domain")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, domain: str, fmt: str) -> None:
    """Print one outlet's ratings: each rater's label, and the summary score."""
    resources, ratings = _open_ratings(ctx)
    try:
        result = ratings.rate(domain)
        if result is None:
            raise InputError(Errors.E204.format(value=domain))
        if not result["rated"]:
            result["lookalikes"] = ratings.lookalikes(result["domain"])
    finally:
        resources.reset()
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if fmt == "json" else _format(result))


def _open_ratings(ctx: click.Context):  # type: ignore[no-untyped-def]
    """The loaded ratings, or one clear line telling the user to run `newsift sources update`."""
    from ..errors import ResourceUnavailable
    from ..analysis import resources_for

    resources = resources_for(options_from(ctx))
    try:
        return resources, resources.get("ratings")
    except ResourceUnavailable as exc:
        raise InputError(str(exc)) from None


def _format(result: dict) -> str:
    if not result["rated"]:
        lines = [f"{result['domain']}: {result['summary']['note']}",
                 "sets checked: " + ", ".join(result["summary"]["sets_checked"]), "score: none (never guessed)"]
        for other in result.get("siblings", []) + result.get("lookalikes", []):
            lines.append(f"  looks like {other['domain']} ({other['relation']}; its score {other['score']}, not transferred)")
        return "\n".join(lines)
    summary = result["summary"]
    matched = f" (rated as {result['matched']})" if result["matched"] != result["domain"] else ""
    score = "none" if result["score"] is None else f"{result['score']:.2f}"
    lines = [f"{result['domain']}{matched}", f"summary score: {score}  [0 least … 1 most reliable]",
             f"rule: {summary['rule']}"]
    if summary.get("spread") is not None:
        lines.append(f"spread between raters: {summary['spread']:.2f}")
    if summary.get("bias"):
        lines.append("leaning: " + "; ".join(f"{b['bias']} ({b['rater']})" for b in summary["bias"]))
    lines.append(f"{'rater':<16} {'label':<58} {'on pc1':>6}  scale / source")
    for r in result["raters"]:
        mapped = "" if r["calibrated"] is None else f"{r['calibrated']:.2f}"
        lines.append(f"{r['rater']:<16} {r['label'][:58]:<58} {mapped:>6}  {r['scale']}")
        lines.append(f"{'':<16} from {r['source']} at {r['fetched_at']}")
    return "\n".join(lines)


@bench.command("sources")
@click.option("--lookups", type=int, default=2000, show_default=True, help="Domains to time lookups on.")
@click.pass_context
def bench_sources(ctx: click.Context, lookups: int) -> None:
    """Coverage, agreement between raters (Spearman) beside published figures, and lookup speed."""
    from ..bench.sources import format_table, run_sources_bench

    resources, ratings = _open_ratings(ctx)
    try:
        result = run_sources_bench(ratings.store, lookups)
    finally:
        resources.reset()
    for line in format_table(result):
        click.echo(line)
    click.echo(json.dumps(result))
