"""The command groups and options shared by every command."""

from __future__ import annotations

from typing import Any

import click

from ..settings import Options, load_options

__all__ = ["cli", "bench", "train", "options_from", "db_option", "config_option"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsift")
@click.option("--config", type=click.Path(dir_okay=False), envvar="NEWSIFT_CONFIG",
              help="Settings file (TOML). Also NEWSIFT_CONFIG.")
@click.option("--db", type=click.Path(dir_okay=False), envvar="NEWSIFT_DB",
              help="The store (SQLite file). Also NEWSIFT_DB. Default ~/.newsift/newsift.db.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, db: str | None) -> None:
    """newsift: read a news article the way a fact-checker does."""
    ctx.obj = {"config": config, "db": db}


@cli.group()
def bench() -> None:
    """Measure quality and speed on public data."""


@cli.group()
def train() -> None:
    """Train the project's models from public data."""


def options_from(ctx: click.Context, **overrides: Any) -> Options:
    """Options from the settings file, NEWSIFT_DB, --db and command-specific overrides."""
    root = ctx.find_root().obj or {}
    return load_options(root.get("config"), db=root.get("db"), **overrides)
