"""The command groups, the typed context every command gets, and shared options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import click

from ..settings import Options, load_options

__all__ = ["cli", "bench", "train", "options_from", "CliContext"]


@dataclass(frozen=True)
class CliContext:
    """What the top-level options say, typed; NEWSIFT_DB and NEWSIFT_CONFIG are read by ``settings`` alone."""

    config: str | None = None
    db: str | None = None

    def options(self, **overrides: Any) -> Options:
        """Options from the settings file, NEWSIFT_DB, --db and command-specific overrides."""
        return load_options(self.config, db=self.db, **overrides)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsift")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="Settings file (TOML). Also NEWSIFT_CONFIG.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="The store (SQLite file). Also NEWSIFT_DB. Default ~/.newsift/newsift.db.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, db: str | None) -> None:
    """newsift: read a news article the way a fact-checker does."""
    ctx.obj = CliContext(config=config, db=db)


@cli.group()
def bench() -> None:
    """Measure quality and speed on public data."""


@cli.group()
def train() -> None:
    """Train the project's models from public data."""


def options_from(ctx: click.Context, **overrides: Any) -> Options:
    """Options for this command: the typed context's, plus the command's own flags."""
    context = ctx.find_object(CliContext) or CliContext()
    return context.options(**overrides)
