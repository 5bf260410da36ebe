"""``newsift serve``: the web app (pages at /, the JSON API at /check)."""

from __future__ import annotations

import click

from ..errors import Errors, InputError
from ._app import bench, cli, options_from


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8750, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Analyses at once (worker processes, each with its own models).")
@click.option("--queue", default=64, show_default=True, type=click.IntRange(0, 10_000),
              help="Requests that may wait for a worker; more get 503 with Retry-After.")
@click.option("--max-body", default=5_000_000, show_default=True, type=click.IntRange(1_000),
              help="Largest request body in bytes; larger gets 413.")
@click.option("--timeout", "request_timeout", default=60.0, show_default=True, type=click.FloatRange(1),
              help="Seconds per request (waiting and analysis); the work is stopped after it.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, workers: int, queue: int, max_body: int,
          request_timeout: float) -> None:
    """Serve the web app: a form at /, reports, search, and the JSON API (POST /check)."""
    try:
        import uvicorn
    except ImportError:
        raise InputError(Errors.E040) from None
    from ..web import Limits, create_app
    from ..web.limits import header_timeout_protocol

    limits = Limits(max_body=max_body, request_timeout=request_timeout, workers=workers, queue=queue)
    app = create_app(options_from(ctx), limits)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsift: open http://{shown}:{port}/ in a browser (API docs at /docs); Ctrl-C to stop", err=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", http=header_timeout_protocol(limits.header_timeout),
                            timeout_keep_alive=5, timeout_graceful_shutdown=10,
                            limit_concurrency=limits.workers + limits.queue + 64)
    uvicorn.Server(config).run()


@bench.command("serve")
@click.option("--requests", "n_requests", default=200, show_default=True, type=click.IntRange(1, 500),
              help="Requests per round.")
@click.option("--concurrency", default=50, show_default=True, type=click.IntRange(1, 200), help="Clients at once.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Server worker processes.")
@click.pass_context
def bench_serve(ctx: click.Context, n_requests: int, concurrency: int, workers: int) -> None:
    """Load the web service on loopback (two rounds): errors, req/s, p50/p95, memory, and an 11 MB body's 413."""
    from ..bench.serve import run_serve_bench, table
    from ..bench.speed import default_inputs
    from ..readers import read_inputs

    texts = [a.text for a in read_inputs(default_inputs()) if hasattr(a, "text")]
    if not texts:
        raise InputError(Errors.E021)
    result = run_serve_bench(texts, options_from(ctx).db, requests=n_requests, concurrency=concurrency,
                             workers=workers)
    click.echo(table(result))
