"""The `cybergeo` command: thin wrappers over the Python API, with clear errors."""

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from cybergeo.experiments import (
    BatchResults,
    compare_policies,
    comparison_figure,
    load_batch,
    plan_batch,
    run_batch,
    sensitivity_figure,
    sensitivity_indices,
)
from cybergeo.experiments.compare import Statistic
from cybergeo.experiments.runner import RunOutcome
from cybergeo.experiments.store import completed as completed_runs
from cybergeo.measures import attribution_measures, incident_table
from cybergeo.model import CyberspaceModel
from cybergeo.run import run_folder_name, simulate
from cybergeo.scenario import Scenario, ScenarioError, load_scenario, parse_override
from cybergeo.scenario.experiment import ExperimentSpec
from cybergeo.scenario.loader import DEFAULT_SCENARIO
from cybergeo.viz.stories import incident_stories
from cybergeo.viz.strata import strata_figure
from cybergeo.world.export import export_world

app = typer.Typer(
    help="Simulate cyberspace geopolitics from YAML scenarios.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

PROGRESS_FROM_STEPS = 100
"""Runs at least this long show a progress bar."""

ScenarioFile = Annotated[
    Path | None, typer.Argument(help="scenario YAML (default: bundled default)")
]
Seed = Annotated[int | None, typer.Option(help="random seed (default: the scenario's)", min=0)]
Overrides = Annotated[list[str] | None, typer.Option("--set", help="override: path.to.key=value")]
Statistics = Annotated[
    Statistic, typer.Option(help="per run: final (last step), mean, or total (for counts)")
]


def load_or_exit(scenario: Path | None, assignments: list[str] | None) -> Scenario:
    """Load a scenario with `--set` overrides, or print every problem and exit with 2."""
    try:
        overrides = dict(parse_override(s) for s in assignments or [])
        return load_scenario(scenario or DEFAULT_SCENARIO, overrides)
    except ScenarioError as error:
        for problem in error.problems:
            err.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


def fail(message: str) -> typer.Exit:
    """Print a one-line error on stderr and give the exit to raise (code 2)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


@app.command()
def run(
    scenario: ScenarioFile = None,
    seed: Seed = None,
    steps: Annotated[
        int | None, typer.Option(help="number of steps (default: the scenario's)", min=1)
    ] = None,
    set_: Overrides = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder for run folders")] = Path("runs"),
) -> None:
    """Run one scenario and write its run folder."""
    spec = load_or_exit(scenario, set_)
    seed = spec.seed if seed is None else seed
    steps = spec.steps if steps is None else steps
    folder = out_dir / run_folder_name(spec, seed, datetime.now(UTC))
    with Progress(
        TextColumn(f"{spec.name} seed {seed}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=steps < PROGRESS_FROM_STEPS,
    ) as progress:
        task = progress.add_task("steps", total=steps)
        result = simulate(spec, seed=seed, steps=steps, on_step=lambda _: progress.advance(task))
    try:
        result.save(folder)
    except OSError as error:
        raise fail(f"could not write the run folder {folder}: {error}") from None
    out.print(f"Run folder: {folder}", highlight=False, soft_wrap=True)
    for name, value in result.summary().items():
        out.print(f"  {name:24} {value:g}", highlight=False)


@app.command()
def world(
    scenario: ScenarioFile = None,
    seed: Seed = None,
    steps: Annotated[int, typer.Option(help="steps to run before exporting", min=0)] = 0,
    set_: Overrides = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder to write")] = Path("runs/world"),
    fmt: Annotated[str, typer.Option("--format", help="graphml or json")] = "graphml",
) -> None:
    """Export the three strata as graphs (for Gephi) and draw them as layers."""
    if fmt not in ("graphml", "json"):
        raise fail(f"--format must be graphml or json, not {fmt!r}")
    spec = load_or_exit(scenario, set_)
    model = CyberspaceModel(spec, rng=spec.seed if seed is None else seed)
    for _ in range(steps):
        model.step()
    try:
        written = export_world(model.world, out_dir, "graphml" if fmt == "graphml" else "json")
        figure = out_dir / "strata.png"
        strata_figure(model.world, model.rng).savefig(figure, dpi=110)
    except OSError as error:
        raise fail(f"could not write to {out_dir}: {error}") from None
    for path in [*written, figure]:
        out.print(str(path), highlight=False, soft_wrap=True)


@app.command()
def incidents(
    run_folder: Annotated[Path, typer.Argument(help="a run folder written by `cybergeo run`")],
    table: Annotated[
        Path | None, typer.Option(help="also write the incidents as a table (.csv or .parquet)")
    ] = None,
) -> None:
    """Tell each incident of a run as a short story: belief against truth."""
    events_file = run_folder / "events.parquet"
    if not events_file.is_file():
        raise fail(f"{run_folder} is not a run folder (no events.parquet)")
    events = pd.read_parquet(events_file)
    stories = incident_stories(events)
    for story in stories:
        out.print(story, highlight=False, soft_wrap=True)
        out.print()
    measures = attribution_measures(events)
    out.print("Summary: " + ", ".join(f"{k} {v:.3g}" for k, v in measures.items()), highlight=False)
    if table is not None:
        frame = incident_table(events)
        if table.suffix == ".csv":
            frame.to_csv(table, index=False)
        elif table.suffix == ".parquet":
            frame.to_parquet(table, index=False)
        else:
            raise fail(f"--table must end in .csv or .parquet, not {table.name!r}")
        out.print(f"Table: {table}", highlight=False)


@app.command()
def batch(
    scenario: Annotated[
        Path | None, typer.Argument(help="scenario YAML with an experiment: section")
    ] = None,
    replications: Annotated[
        int | None, typer.Option(help="replications per design point", min=1)
    ] = None,
    workers: Annotated[int, typer.Option(help="parallel workers (default: all cores)", min=1)] = (
        os.cpu_count() or 1
    ),
    executor: Annotated[str, typer.Option(help="local, dask or serial")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786)")
    ] = None,
    resume: Annotated[Path | None, typer.Option(help="finish an interrupted batch folder")] = None,
    set_: Overrides = None,
    vary: Annotated[
        list[str] | None, typer.Option(help="factorial parameter: path=[v1, v2]")
    ] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder for batch folders")] = Path("runs"),
) -> None:
    """Run a scenario's experiment (or resume one): every run stored as it finishes."""
    if executor not in ("local", "dask", "serial"):
        raise fail(f"--executor must be local, dask or serial, not {executor!r}")
    if resume is not None:
        if not (resume / "manifest.json").is_file():
            raise fail(f"{resume} is not a batch folder (no manifest.json)")
        folder = resume
    else:
        spec = with_varied(load_or_exit(scenario, set_), vary or [])
        try:
            folder = plan_batch(spec, out_dir, replications)
        except ScenarioError as error:
            for problem in error.problems:
                err.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
            raise typer.Exit(code=2) from None
    total = len(json.loads((folder / "manifest.json").read_text())["runs"])
    failures = 0
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
    ) as progress:
        task = progress.add_task("runs", total=total, completed=len(completed_runs(folder)))

        def advance(outcome: RunOutcome) -> None:
            nonlocal failures
            failures += outcome.status == "failed"
            progress.update(task, advance=1, description=f"runs ({failures} failed)")

        summary = run_batch(folder, executor, workers, scheduler, on_outcome=advance)  # type: ignore[arg-type]
    out.print(f"Batch folder: {folder}", highlight=False, soft_wrap=True)
    out.print(
        f"  completed {summary.completed}, failed {summary.failed}, already done {summary.skipped}",
        highlight=False,
    )
    if summary.failed:
        out.print("  failed runs and their tracebacks are in runs.jsonl", highlight=False)


def with_varied(spec: Scenario, assignments: list[str]) -> Scenario:
    """Add `--vary path=[v1, v2]` parameters to the scenario's experiment."""
    if not assignments:
        return spec
    experiment = spec.experiment or ExperimentSpec()
    parameters = {k: v.model_dump(exclude_none=True) for k, v in experiment.parameters.items()}
    try:
        for assignment in assignments:
            path, values = parse_override(assignment)
            parameters[path] = {"values": values if isinstance(values, list) else [values]}
        varied = ExperimentSpec.model_validate(
            {**experiment.model_dump(), "parameters": parameters}
        )
    except ScenarioError as error:
        raise fail(str(error)) from None
    except ValueError as error:
        raise fail(f"--vary: {str(error).splitlines()[-1].strip()}") from None
    return spec.model_copy(update={"experiment": varied})


@app.command()
def compare(
    folder: Annotated[Path, typer.Argument(help="a batch folder")],
    by: Annotated[str, typer.Option(help="the parameter whose levels are the policies")],
    metric: Annotated[
        list[str] | None, typer.Option(help="metrics to compare (repeatable)")
    ] = None,
    statistic: Statistics = Statistic.FINAL,
) -> None:
    """Compare policies: mean, 95% CI, difference from the reference with a Welch test."""
    results = _load_batch_or_exit(folder)
    metrics = metric or ["mean_tension", "max_escalation"]
    target = folder / "compare"
    target.mkdir(exist_ok=True)
    for name in metrics:
        try:
            table = compare_policies(results, by, name, statistic=statistic)
        except KeyError as error:
            raise fail(str(error.args[0])) from None
        _print_comparison(f"{name} ({statistic} value per run) by {by}", table, by)
        table.to_csv(target / f"{name}.csv", index=False)
        comparison_figure(results, by, name, statistic).savefig(target / f"{name}.png", dpi=110)
    out.print(f"Tables and figures: {target}", highlight=False, soft_wrap=True)


@app.command()
def sensitivity(
    folder: Annotated[Path, typer.Argument(help="a batch folder of a sobol or morris experiment")],
    metric: Annotated[
        list[str] | None, typer.Option(help="metrics to analyse (repeatable)")
    ] = None,
    statistic: Statistics = Statistic.FINAL,
) -> None:
    """Sobol or Morris sensitivity indices with 95% confidence intervals."""
    results = _load_batch_or_exit(folder)
    target = folder / "sensitivity"
    target.mkdir(exist_ok=True)
    for name in metric or ["mean_tension"]:
        try:
            table = sensitivity_indices(results, name, statistic)
        except (KeyError, ValueError) as error:
            raise fail(str(error.args[0])) from None
        _print_table(f"sensitivity of {name}", table)
        table.to_csv(target / f"{name}.csv", index=False)
        sensitivity_figure(table, name).savefig(target / f"{name}.png", dpi=110)
    out.print(f"Tables and figures: {target}", highlight=False, soft_wrap=True)


def _load_batch_or_exit(folder: Path) -> BatchResults:
    try:
        return load_batch(folder)
    except FileNotFoundError as error:
        raise fail(str(error)) from None


def _print_comparison(title: str, frame: pd.DataFrame, by: str) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("policy", "runs", "mean", "95% CI", "difference", "95% CI", "p (Welch)"):
        table.add_column(column, justify="right")
    for row in frame.to_dict("records"):
        label = f"{row[by]}{' (ref)' if row['reference'] else ''}"
        table.add_row(
            label,
            str(row["runs"]),
            f"{row['mean']:.4g}",
            f"[{row['ci_low']:.3g}, {row['ci_high']:.3g}]",
            f"{row['difference']:+.3g}",
            f"[{row['diff_ci_low']:.3g}, {row['diff_ci_high']:.3g}]",
            "" if row["reference"] else f"{row['p_value']:.3g}",
        )
    out.print(table)


def _print_table(title: str, frame: pd.DataFrame) -> None:
    table = Table(title=title)
    for column in frame.columns:
        table.add_column(str(column), justify="right")
    for row in frame.itertuples(index=False):
        table.add_row(*(f"{v:.4g}" if isinstance(v, float) else str(v) for v in row))
    out.print(table)


@app.command()
def validate(
    scenarios: Annotated[list[Path], typer.Argument(help="scenario files to check")],
) -> None:
    """Check scenario files; report every problem found (exit 2 if any)."""
    failed = False
    for path in scenarios:
        try:
            load_scenario(path)
        except ScenarioError as error:
            failed = True
            for problem in error.problems:
                err.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
        else:
            out.print(f"{path}: ok", highlight=False)
    if failed:
        raise typer.Exit(code=2)


FACTS_WIDTH = 150
"""Columns the facts table may use, however narrow the terminal, so no label is cut."""


@app.command()
def facts(
    scenario: Annotated[Path, typer.Argument(help="scenario YAML with a facts: section")],
    replications: Annotated[int, typer.Option(help="runs to average over", min=2)] = 20,
    seed: Seed = None,
    workers: Annotated[int, typer.Option(help="parallel workers (default: all cores)", min=1)] = (
        os.cpu_count() or 1
    ),
    as_json: Annotated[bool, typer.Option("--json", help="print the table as JSON")] = False,
) -> None:
    """Check a scenario's stylised facts over replications (exit 1 if any fails)."""
    from cybergeo.facts.check import check_facts

    spec = load_or_exit(scenario, None)
    if not spec.facts:
        raise fail(f"{scenario}: the scenario has no facts: section")
    with Progress(
        TextColumn("runs"), BarColumn(), MofNCompleteColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("runs", total=replications)
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
    table = Table(title=f"facts of {name} over {replications} runs", title_justify="left")
    for column in ("fact", "measure", "bound", "runs", "mean", "95% CI", "verdict"):
        left = column in ("fact", "measure", "bound")
        table.add_column(column, justify="left" if left else "right", no_wrap=True)
    for row in frame.to_dict("records"):
        table.add_row(
            row["fact"],
            row["measure"],
            row["bound"],
            str(row["runs"]),
            f"{row['mean']:.4g}",
            f"[{row['ci_low']:.3g}, {row['ci_high']:.3g}]",
            "[green]holds[/]" if row["holds"] else "[red]fails[/]",
        )
    Console(width=max(out.width, FACTS_WIDTH)).print(table)
