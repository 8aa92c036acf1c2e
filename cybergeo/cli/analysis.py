"""Analysing a batch: `compare`, `sensitivity`, `discover`, and the `metrics` catalogue."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from cybergeo.cli.common import Lang, Statistics, app, err, fail, out, print_wide, speak
from cybergeo.experiments.catalogue import CATALOGUE
from cybergeo.i18n import _

if TYPE_CHECKING:
    import pandas as pd

    from cybergeo.experiments import BatchResults

BatchFolder = Annotated[Path, typer.Argument(help="a batch folder")]
Metrics = Annotated[list[str] | None, typer.Option(help="metrics to analyse (repeatable)")]


@app.command()
def compare(
    folder: BatchFolder,
    by: Annotated[list[str], typer.Option(help="a parameter whose levels make the policies")],
    metric: Metrics = None,
    statistic: Statistics = None,
    pool: Annotated[
        bool, typer.Option(help="pool the runs over varied parameters not named by --by")
    ] = False,
    lang: Lang = None,
) -> None:
    """Compare policies: mean and 95% interval per policy, difference from the reference."""
    from cybergeo.experiments.compare import (
        ComparisonError,
        compare_policies,
        comparison_figure,
        output_name,
    )

    speak(lang, keep=True)
    results = load_or_exit(folder)
    target = folder / "compare"
    for name in metric or ["mean_tension", "max_escalation"]:
        try:
            table = compare_policies(results, by, name, statistic=statistic, pool=pool)
        except ComparisonError as error:
            raise fail(str(error)) from None
        pooled = table.attrs["pooled"]
        title = _("{metric} by {factors}: {note}").format(
            metric=name, factors=", ".join(by), note=table.attrs["note"]
        )
        if pooled:
            title += _("; pooled over {parameters}").format(parameters=", ".join(pooled))
        print_comparison(title, table, by)
        stem = output_name(name, by, table.attrs["statistic"])
        try:
            target.mkdir(exist_ok=True)
            table.to_csv(target / f"{stem}.csv", index=False)
            comparison_figure(table, results).savefig(target / f"{stem}.png", dpi=110)
        except OSError as error:
            raise fail(f"could not write to {target}: {error.strerror or error}") from None
    out.print(
        _("Tables and figures: {folder}").format(folder=target), highlight=False, soft_wrap=True
    )


@app.command()
def sensitivity(
    folder: Annotated[Path, typer.Argument(help="a batch folder of a sobol or morris experiment")],
    metric: Metrics = None,
    statistic: Statistics = None,
    lang: Lang = None,
) -> None:
    """Sobol or Morris sensitivity indices with 95% bootstrap intervals."""
    from cybergeo.experiments.compare import ComparisonError
    from cybergeo.experiments.sensitivity import (
        sensitivity_figure,
        sensitivity_indices,
        sensitivity_warnings,
    )

    speak(lang, keep=True)
    results = load_or_exit(folder)
    target = folder / "sensitivity"
    for name in metric or ["mean_tension"]:
        try:
            table = sensitivity_indices(results, name, statistic)
        except (ComparisonError, ValueError) as error:
            raise fail(str(error.args[0])) from None
        stem = f"{name}--{table.attrs['statistic']}"
        title = _("sensitivity of {metric} ({statistic} per run, {design}, N={samples})")
        print_table(
            title.format(
                metric=name,
                statistic=_(table.attrs["statistic"]),
                design=table.attrs["design"],
                samples=table.attrs["samples"],
            ),
            table,
        )
        for warning in sensitivity_warnings(table):
            err.print(f"[bold yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
        try:
            target.mkdir(exist_ok=True)
            table.to_csv(target / f"{stem}.csv", index=False)
            sensitivity_figure(table).savefig(target / f"{stem}.png", dpi=110)
        except OSError as error:
            raise fail(f"could not write to {target}: {error.strerror or error}") from None
    out.print(
        _("Tables and figures: {folder}").format(folder=target), highlight=False, soft_wrap=True
    )


@app.command()
def metrics(lang: Lang = None) -> None:
    """The metric catalogue: each metric's kind, unit and the statistic that summarises a run."""
    speak(lang, keep=True)
    title = _("Metrics (per-country ones are named family.Country)")
    table = Table(title=title, title_justify="left")
    for column in (_("metric"), _("kind"), _("unit"), _("statistic")):
        table.add_column(column, no_wrap=True)
    table.add_column(_("meaning"), no_wrap=True)
    for info in CATALOGUE:
        said = (_(info.kind), _(info.unit), _(info.statistic), _(info.description))
        table.add_row(info.pattern, *said)
    print_wide(table)
    out.print(_("A metric not listed is summarised by its mean, and said so."), highlight=False)


@app.command()
def discover(
    folder: BatchFolder,
    metric: Annotated[str, typer.Option(help="the outcome of interest")],
    above: Annotated[
        float | None, typer.Option(help="runs whose statistic exceeds this are of interest")
    ] = None,
    below: Annotated[
        float | None, typer.Option(help="runs whose statistic is under this are of interest")
    ] = None,
    statistic: Statistics = None,
    threshold: Annotated[
        float, typer.Option(help="density PRIM aims for in a box", min=0.0, max=1.0)
    ] = 0.8,
    lang: Lang = None,
) -> None:
    """Scenario discovery with EMA Workbench's PRIM: which parameter ranges lead to runs
    above (or below) a value of a metric? Needs the `ema` extra."""
    from cybergeo.experiments.compare import ComparisonError, run_values

    speak(lang, keep=True)
    if (above is None) == (below is None):
        raise fail("give exactly one of --above and --below")
    limits = [v for v in (threshold, above, below) if v is not None]
    if not all(math.isfinite(v) for v in limits):
        raise fail("--above, --below and --threshold must be finite numbers")
    results = load_or_exit(folder)
    try:
        run_values(results, metric, statistic)
    except (ComparisonError, ValueError) as error:
        raise fail(str(error)) from None
    try:
        from cybergeo.experiments.ema import discover_boxes
    except ImportError:
        raise fail("discover needs EMA Workbench: ./dev sync --ema (or the ema extra)") from None
    try:
        found = discover_boxes(results, metric, above, below, statistic, threshold)
    except (ComparisonError, ValueError) as error:
        raise fail(str(error)) from None
    out.print(found.describe(), highlight=False, soft_wrap=True)
    target = folder / "discover"
    try:
        target.mkdir(exist_ok=True)
        found.limits.to_csv(target / f"{found.name}.csv")
    except OSError as error:
        raise fail(f"could not write to {target}: {error.strerror or error}") from None
    limits_file = target / f"{found.name}.csv"
    out.print(_("Box limits: {file}").format(file=limits_file), highlight=False, soft_wrap=True)


def load_or_exit(folder: Path) -> BatchResults:
    from cybergeo.experiments import load_batch
    from cybergeo.experiments.store import StoreError

    try:
        return load_batch(folder)
    except StoreError as error:
        raise fail(str(error)) from None


def print_comparison(title: str, frame: pd.DataFrame, factors: list[str]) -> None:
    from cybergeo.experiments.compare import policy_label

    out.print(title, highlight=False, soft_wrap=True)
    table = Table()
    interval = _("95% CI")
    for column in (_("policy"), _("runs"), _("mean"), interval, _("difference"), interval):
        table.add_column(column, justify="right")
    table.add_column("p (Welch)", justify="right")
    for row in frame.to_dict("records"):
        table.add_row(
            policy_label(row, factors),
            str(row["runs"]),
            f"{row['mean']:.3g}",
            f"[{row['ci_low']:.3g}, {row['ci_high']:.3g}]",
            f"{row['difference']:+.3g}",
            f"[{row['diff_ci_low']:.3g}, {row['diff_ci_high']:.3g}]",
            "" if row["reference"] else f"{row['p_value']:.2g}",
        )
    out.print(table)


def print_table(title: str, frame: pd.DataFrame) -> None:
    out.print(title, highlight=False, soft_wrap=True)
    table = Table()
    for column in frame.columns:
        table.add_column(_("parameter") if column == "parameter" else str(column), justify="right")
    for row in frame.itertuples(index=False):
        table.add_row(*(f"{v:.3g}" if isinstance(v, float) else str(v) for v in row))
    out.print(table)
