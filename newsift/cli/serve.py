"""``newsift serve``: the HTTP API."""

from __future__ import annotations

import click

from ..errors import Errors, InputError
from ._app import cli, options_from


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8750, show_default=True, type=int)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the analysis over HTTP (POST /check, GET /schema, GET /health)."""
    try:
        import uvicorn
    except ImportError:
        raise InputError(Errors.E040) from None
    from ..server import create_app

    uvicorn.run(create_app(options_from(ctx)), host=host, port=port, log_level="info")
