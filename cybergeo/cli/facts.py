"""`cybergeo facts`: check a scenario's stylised facts over replications."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from cybergeo.cli.common import Lang, Seed, app, err, fail, load_or_exit, out, print_wide, speak
from cybergeo.i18n import _
from cybergeo.scenario.limits import MAX_RUNS, MAX_WORKERS

if TYPE_CHECKING:
    import pandas as pd


@app.command()
def facts(
    scenario: Annotated[Path, typer.Argument(help="scenario YAML with a facts: section")],
    replications: Annotated[
        int, typer.Option(help="runs to average over", min=2, max=MAX_RUNS)
    ] = 20,
    seed: Seed = None,
    workers: Annotated[
        int, typer.Option(help="parallel workers (default: all cores)", min=1, max=MAX_WORKERS)
    ] = (os.cpu_count() or 1),
    as_json: Annotated[bool, typer.Option("--json", help="print the table as JSON")] = False,
    lang: Lang = None,
) -> None:
    """Check a scenario's stylised facts over replications (exit 1 if any fails)."""
    from cybergeo.facts.check import check_facts

    speak(lang, keep=True)
    spec = load_or_exit(scenario, None)
    if not spec.facts:
        raise fail(f"{scenario}: the scenario has no facts: section")
    with Progress(
        TextColumn(_("runs")), BarColumn(), MofNCompleteColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task(_("runs"), total=replications)
        table = check_facts(
            spec, replications, seed, workers, on_outcome=lambda _: progress.advance(task)
        )
    if as_json:
        out.print_json(table.to_json(orient="records"))
    else:
        _print_facts(table, spec.name, replications)
    if not table["holds"].all():
        raise typer.Exit(code=1)


def _print_facts(frame: pd.DataFrame, name: str, replications: int) -> None:
    """The facts as a table in the language in force; claims and measures stay as written
    in the scenario file."""
    title = _("facts of {scenario} over {runs} runs").format(scenario=name, runs=replications)
    table = Table(title=title, title_justify="left")
    for column in (_("fact"), _("measure"), _("bound")):
        table.add_column(column, justify="left", no_wrap=True)
    for column in (_("runs"), _("mean"), _("95% CI"), _("verdict")):
        table.add_column(column, justify="right", no_wrap=True)
    for row in frame.to_dict("records"):
        table.add_row(
            row["fact"],
            row["measure"],
            row["bound"],
            str(row["runs"]),
            f"{row['mean']:.4g}",
            f"[{row['ci_low']:.3g}, {row['ci_high']:.3g}]",
            f"[green]{_('holds')}[/]" if row["holds"] else f"[red]{_('fails')}[/]",
        )
    print_wide(table)
