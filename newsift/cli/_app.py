"""The command groups, the typed context every command gets, and shared options."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

import click

from ..errors import Errors, InputError
from ..settings import Options, load_options

__all__ = ["cli", "bench", "train", "options_from", "CliContext", "atomic_output", "echo_stage_failures"]


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


@contextmanager
def atomic_output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a file written beside ``path`` and renamed over it only when the command succeeds.

    A command that fails half-way leaves an existing file as it was (no truncated report).
    """
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(Errors.E013.format(path=path, why=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's mode, else what the umask gives a new file (mkstemp makes 0600)."""
    with suppress(OSError):
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def echo_stage_failures(stages: Iterable[Any], label: str | None = None) -> int:
    """One coded line on stderr per stage that failed (StageRecords or their dicts); how many failed."""
    failed = 0
    for record in stages:
        status = record.get("status") if isinstance(record, dict) else record.status
        if status == "failed":
            reason = record.get("reason") if isinstance(record, dict) else record.reason
            click.echo(f"newsift: {label + ': ' if label else ''}{reason}", err=True)
            failed += 1
    return failed
