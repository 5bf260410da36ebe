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
@click.option("--force", is_flag=True, help="Load a set even when it holds far fewer domains than its last load.")
@click.pass_context
def update(ctx: click.Context, origin: str | None, only: str | None, force: bool) -> None:
    """Download the public rating sets, check them, and replace them all in the store at once (or nothing)."""
    from ..sources.update import apply_sets, fetch_sets
    from ..store import Store

    options = options_from(ctx)
    names = [n.strip() for n in only.split(",") if n.strip()] if only else None
    fetched = fetch_sets(options, origin, names,  # all read and checked before the store is opened
                         on_set=lambda r: click.echo(f"{r['set']:<16} {r['domains']:>6} domains  {r['origin']}"))
    with Store(options.db) as store:
        result = apply_sets(store, fetched, force)
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


def _band(score: float) -> str:
    return "low" if score < 0.35 else "mixed" if score < 0.65 else "high"


def _rater_note(rater: dict) -> str:
    """Plain words a label needs: Wikipedia's "deprecated" is a step beyond "generally unreliable"."""
    label = str(rater.get("label") or "")
    if rater.get("rater") == "wikipedia-rsp" and label.startswith("deprecated"):
        return " (deprecated: Wikipedia editors forbid citing it, beyond 'generally unreliable')"
    return ""


def _format_unrated(result: dict) -> str:
    note = str(result["summary"].get("note") or "")
    note = note.split(":", 1)[1].strip() if note.lower().startswith("unrated:") else note
    lines = [f"{result['domain']}: UNRATED. {note}",
             "No score is guessed. Sets checked: " + ", ".join(result["summary"].get("sets_checked") or [])]
    for other in result.get("siblings", []) + result.get("lookalikes", []):
        lines.append(f"  looks like {other['domain']} ({other['relation']}); its score {other['score']} "
                     "is not carried over")
    return "\n".join(lines)


def _format(result: dict) -> str:
    """One outlet for a person: the summary, satire said plainly, one line per rater, sources as footnotes."""
    if not result["rated"]:
        return _format_unrated(result)
    summary = result["summary"]
    matched = f" (rated as {result['matched']})" if result["matched"] != result["domain"] else ""
    score = result["score"]
    head = f"{result['domain']}{matched}"
    if score is not None:
        head += f": summary score: {score:.2f} ({_band(score)}) on 0 (least) to 1 (most reliable)"
    lines = [head, f"  by {summary['rule']}, from {summary.get('n_raters', len(result['raters']))} rater(s)"
             + (f"; spread {summary['spread']:.2f} (how far the raters disagree)" if summary.get("spread") is not None
                else "")]
    satire = [r["rater"] for r in result["raters"] if "satire" in str(r.get("label", "")).lower()]
    if satire:
        lines.append(f"  SATIRE: {', '.join(satire)} call it a satire site; its stories are not meant as news")
    if summary.get("bias"):
        lines.append("  leaning: " + "; ".join(f"{b['bias']} ({b['rater']})" for b in summary["bias"]))
    lines += ["", f"  {'rater':<16} {'its own label':<62} {'0-1':>5}  note"]
    for i, r in enumerate(result["raters"], 1):
        mapped = "" if r.get("calibrated") is None else f"{r['calibrated']:.2f}"
        label = str(r.get("label") or "")[:62]
        lines.append(f"  {r['rater']:<16} {label:<62} {mapped:>5}  [{i}]{_rater_note(r)}")
    lines.append("  0-1: the rater's label on the common scale the summary uses (blank: not used in it)")
    lines.append("")
    for i, r in enumerate(result["raters"], 1):
        where = str(r.get("source") or "").replace("\\", "/").rsplit("/", 1)[-1]
        lines.append(f"  [{i}] {r.get('title') or r['rater']}; scale: {r.get('scale')}; {r.get('cite')}; "
                     f"{where}, loaded {str(r.get('fetched_at') or '')[:10]}")
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
