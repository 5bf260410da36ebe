"""``newsift corpus check`` and ``newsift corpus repair``: is the store whole, and mending it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import Errors, InputError
from ..store import Store
from ..store.health import Health, check_store, repair_store
from .params import format_option
from ._app import options_from
from .corpus import corpus


def _print_health(health: Health) -> None:
    click.echo(f"store        {health.path}")
    click.echo(f"schema       version {health.version}")
    click.echo(f"integrity    {'; '.join(health.integrity[:3])}")
    for name, n in health.counts.items():
        click.echo(f"{name:<12} {n}")
    for problem in health.problems:
        click.echo(f"problem      {problem}")
    click.echo("ok" if health.ok else "problems found: run `newsift corpus repair`")


@corpus.command("check")
@format_option("text", "json")
@click.pass_context
def corpus_check(ctx: click.Context, fmt: str, as_json: bool) -> None:
    """Check the store (read-only): SQLite's integrity check, and every index against the articles.

    Exits 1 when a problem is found.
    """
    as_json = as_json or fmt == "json"
    from ..stages import indexers

    options = options_from(ctx)
    if not Path(options.db).exists():
        raise InputError(Errors.E031.format(path=options.db))
    with Store(options.db, readonly=True) as store:
        health = check_store(store, indexers())
    if as_json:
        click.echo(json.dumps(health.to_dict()))
    else:
        _print_health(health)
    if not health.ok:
        sys.exit(1)


@corpus.command("repair")
@click.pass_context
def corpus_repair(ctx: click.Context) -> None:
    """Rebuild what is derived from the stored articles: line counts, copy and full-text indexes.

    Then checks the store again and exits 1 if a problem remains (damage in
    the articles themselves cannot be rebuilt).
    """
    from ..stages import indexers

    options = options_from(ctx)
    if not Path(options.db).exists():
        raise InputError(Errors.E031.format(path=options.db))
    with Store(options.db, create=False) as store:
        done = repair_store(store, indexers())
        health = check_store(store, indexers())
    click.echo(f"rebuilt {len(done['dropped'])} table(s) from {done['articles']} article(s)")
    _print_health(health)
    if not health.ok:
        sys.exit(1)
