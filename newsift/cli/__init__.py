"""The ``newsift`` command: a thin layer that parses, calls the library, formats.

Command groups live in ``_app``; each ``cli/<area>.py`` module attaches its
commands to them. ``main`` turns every NewsiftError into one line on standard
error and its exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
import warnings
from typing import Any

import click

from ..errors import Errors, NewsiftError
from ..readers.decoding import ReadWarning
from ..runtime import tune_gc
from ._app import bench, cli, train

__all__ = ["main", "cli", "bench", "train"]

# modules that attach commands; add yours here
_COMMAND_MODULES = ["check", "corpus", "store_cmd", "bench_speed", "bench_trace", "bench_cleaning", "serve", "quotes_cmd",
                    "sources_cmd", "coverage_cmd", "provenance_cmd", "claims_cmd", "export",
                    "corpus_jobs"]

for _name in _COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def _show_warning(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    """A reader's warning is one line on standard error, like an error; others keep Python's format."""
    if issubclass(category, ReadWarning):
        click.echo(f"newsift: warning: {message}", err=True)
    else:
        _python_showwarning(message, category, *args, **kwargs)


_python_showwarning = warnings.showwarning


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and map errors to one line and an exit code."""
    warnings.simplefilter("always", ReadWarning)  # every input's damage is named, not only the first
    warnings.showwarning = _show_warning
    tune_gc()  # this process is ours: the collector runs less often over long runs (runtime.py)
    try:
        cli.main(args=argv, prog_name="newsift", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsift: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        click.echo(f"newsift: {exc.format_message()}{hint}", err=True)
        sys.exit(2 if exc.exit_code == 2 else exc.exit_code)
    except NewsiftError as exc:
        click.echo(f"newsift: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("newsift: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except sqlite3.Error as exc:  # a store error that no store method mapped: still one coded line
        if os.environ.get("NEWSIFT_DEBUG"):
            raise
        click.echo(f"newsift: {Errors.E524.format(path='(the store)', why=f'{type(exc).__name__}: {exc}')}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: still one line, with a way to see more
        if os.environ.get("NEWSIFT_DEBUG"):
            raise
        click.echo(f"newsift: internal error: {type(exc).__name__}: {exc} (set NEWSIFT_DEBUG=1 for a traceback)",
                   err=True)
        sys.exit(1)
    sys.exit(0)
