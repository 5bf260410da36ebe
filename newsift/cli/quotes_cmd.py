"""``newsift bench quotes``: attribution quality on PolNeAR-format data."""

from __future__ import annotations

import json

import click

from ..errors import Errors, InputError
from ._app import bench, options_from, train


@bench.command("quotes")
@click.option("--data", "data", required=True, type=click.Path(file_okay=False),
              help="PolNeAR-format folder with text/ and attributions/ (e.g. …/polnear/dev).")
@click.option("--limit", type=int, default=None, help="Score only the first N texts.")
@click.option("--real-news", "real_news", type=click.Path(file_okay=False), default=None,
              help="BuzzFeed-Webis 2016 folder: also score the quotes layer on the labelled real-news sample.")
@click.pass_context
def bench_quotes(ctx: click.Context, data: str, limit: int | None, real_news: str | None) -> None:
    """Attribution P/R/F1 at overlap 0.3 and 0.8, speaker and cue accuracy, direct vs indirect."""
    from ..analysis import Analyzer
    from ..bench.quotes import run_quotes_bench

    if limit is not None and limit < 1:
        raise InputError(Errors.E102.format(value=limit))
    options = options_from(ctx, stages=["language", "attribution"])
    result = run_quotes_bench(data, Analyzer(options), limit)
    if real_news is not None:
        result["real_news"] = _real_news(ctx, real_news)
    click.echo(_table(result))
    click.echo(json.dumps(result))


def _real_news(ctx: click.Context, folder: str) -> dict:
    """The labelled BuzzFeed-Webis sample (``newsift/bench/labels/real-quotes.tsv``), read with cleaning on."""
    from pathlib import Path

    from ..analysis import Analyzer
    from ..bench.quotes import read_real_labels, score_real_quotes
    from ..datasets.buzzfeed_webis import articles_folder, read_article

    labels = read_real_labels()
    where = articles_folder(Path(folder))
    paths = [where / f"{key.split(':')[-1]}.xml" for key in sorted(labels)]
    articles = [a for path in paths if path.is_file() and (a := read_article(path)) is not None]
    if not articles:
        raise InputError(Errors.E103.format(path=folder))
    analyzer = Analyzer(options_from(ctx, stages=["cleaning", "language", "attribution"]))
    return score_real_quotes(articles, analyzer, labels)


def _table(result: dict) -> str:
    lines = [f"{result['texts']} texts, {result['annotations']} annotations (annotators averaged per text)",
             f"{'kind':<9} {'gold':>7} {'P@0.3':>6} {'R@0.3':>6} {'F1@0.3':>6} {'P@0.8':>6} {'R@0.8':>6} "
             f"{'F1@0.8':>6} {'speaker':>7} {'cue':>6}"]
    lines += _rows(result)
    layers = result.get("layers", {})
    for label, key, kinds in (("layer 'quotes' against all gold", "quotes", ("all",)),
                              ("layer 'quotes' against gold attributions of speech", "speech", ("all", "direct", "indirect")),
                              ("layer 'attributions' against all gold", "attributions", ("all",))):
        if key in layers:
            lines.append(label)
            lines += _rows(layers[key], kinds)
    names = result.get("speaker_names")
    if names and names["named_gold"]:
        lines.append(f"resolved speaker (quotes matched to named speech gold, {names['named_gold']}): accuracy "
                     f"{_num(names['accuracy'])}, resolved {_num(names['resolved'])}, right when resolved "
                     f"{_num(names['precision'])}; generic gold sources given a name {_num(names['generic_named'])}")
    real = result.get("real_news")
    if real:
        lines.append(f"real news (labelled reported/mixed quotes in {real['articles']} BuzzFeed-Webis articles): precision "
                     f"{_num(real['precision'])} ({real['speech']} of {real['labelled']}); unlabelled {real['unlabelled']}, "
                     f"labelled no longer found: speech {real['gone_speech']}, not {real['gone_not']}")
    lines.append(f"{result['seconds']} s; attribution stage {result['attribution_stage_ms_per_text']} ms/text")
    human = result.get("human")
    if human:
        lines.append(f"human agreement: annotator against annotator on the {human['texts']} texts annotated twice or more")
        lines += _rows(human)
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rows(result: dict, kinds: tuple[str, ...] = ("all", "direct", "indirect")) -> list[str]:
    lines = []
    for kind in kinds:
        row = result[kind]
        lo, hi = row["@0.3"], row["@0.8"]
        spk = f"{row['speaker_acc']:.3f}" if row["speaker_acc"] is not None else "-"
        cue = f"{row['cue_acc']:.3f}" if row["cue_acc"] is not None else "-"
        lines.append(f"{kind:<9} {row['gold']:>7} {lo['p']:>6.3f} {lo['r']:>6.3f} {lo['f1']:>6.3f} {hi['p']:>6.3f} "
                     f"{hi['r']:>6.3f} {hi['f1']:>6.3f} {spk:>7} {cue:>6}")
    return lines


@train.command("quotes")
@click.option("--data", "data", required=True, type=click.Path(file_okay=False),
              help="PolNeAR-format train folder (text/ and attributions/).")
@click.option("--out-dir", type=click.Path(file_okay=False), default=None,
              help="Where to write attribution_cues.tsv and attribution_filter.json (default: the packaged models).")
@click.pass_context
def train_quotes(ctx: click.Context, data: str, out_dir: str | None) -> None:
    """Learn the cue lexicon and the reported-speech filter from annotated attributions."""
    from pathlib import Path

    from ..attribution.filter import FILTER_PATH
    from ..attribution.lexicon import LEXICON_PATH
    from ..attribution.training import train_attribution
    from ..analysis import resources_for

    nlp = resources_for(options_from(ctx)).get("nlp")
    lexicon_path = Path(out_dir) / LEXICON_PATH.name if out_dir else LEXICON_PATH
    filter_path = Path(out_dir) / FILTER_PATH.name if out_dir else FILTER_PATH
    result = train_attribution(data, nlp, lexicon_path, filter_path)
    click.echo(f"{result['texts']} texts, {result['candidates']} candidates ({result['positive']} positive); "
               f"wrote {', '.join(result['written'])}")
    click.echo(json.dumps(result))
