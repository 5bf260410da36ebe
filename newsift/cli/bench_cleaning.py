"""``newsift bench cleaning``: furniture precision floor and repeated-title recall."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import Errors, InputError
from ._app import bench

_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@bench.command("cleaning")
@click.option("--polnear", type=click.Path(file_okay=False), default=str(_DATA / "attribution" / "polnear"),
              show_default=True, help="PolNeAR folder (train/ and dev/ with text/ and attributions/).")
@click.option("--wikiref", type=click.Path(file_okay=False), default=str(_DATA / "coverage" / "wikiref220"),
              show_default=True, help="WikiRef220 folder (.txt, first line the title).")
@click.option("--seed", type=int, default=13, show_default=True)
def bench_cleaning(polnear: str, wikiref: str, seed: int) -> None:
    """Measure cleaning on public news texts."""
    from ..bench.cleaning import run_cleaning_bench

    for path in (polnear, wikiref):
        if not Path(path).is_dir():
            raise InputError(Errors.E025.format(path=path))
    result = run_cleaning_bench(Path(polnear), Path(wikiref), seed)
    for split, row in result.get("furniture_on_news", {}).items():
        click.echo(f"PolNeAR {split:<5} texts {row['texts']:>4}  lines labelled furniture "
                   f"{row['lines_labelled_furniture']:.2%}  quoted-content chars labelled furniture "
                   f"{row['quoted_content_chars_labelled_furniture']:.3%}  kinds {row['kinds']}")
    titles = result.get("repeated_title")
    if titles:
        click.echo(f"WikiRef220 repeated title ({titles['articles']} articles), false rate "
                   f"{titles['false_repeated_title_rate']:.2%}")
        for edit, recall in titles["recall"].items():
            click.echo(f"  {edit:<14} recall {recall:.2%}")
    click.echo(json.dumps(result))
