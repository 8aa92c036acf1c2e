"""Commands on single runs: `run`, `world`, `incidents` and `validate`."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from cybergeo.cli.common import (
    PROGRESS_FROM_STEPS,
    AllowOutside,
    Lang,
    Overrides,
    ScenarioFile,
    Seed,
    Steps,
    app,
    err,
    fail,
    load_or_exit,
    out,
    report,
    speak,
)
from cybergeo.i18n import _
from cybergeo.i18n.labels import label
from cybergeo.scenario.limits import MAX_STEPS


@app.command()
def run(
    scenario: ScenarioFile = None,
    seed: Seed = None,
    steps: Steps = None,
    set_: Overrides = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder for run folders")] = Path("runs"),
    allow_outside: AllowOutside = False,
    figures: Annotated[
        bool,
        typer.Option(
            "--figures/--no-figures",
            help="draw figures/overview.png (--no-figures saves most of a short run's time)",
        ),
    ] = True,
    lang: Lang = None,
) -> None:
    """Run one scenario and write its run folder."""
    from cybergeo.run import run_folder_name, simulate

    speak(lang, keep=True)
    spec = load_or_exit(scenario, set_, allow_outside)
    seed = spec.seed if seed is None else seed
    steps = spec.steps if steps is None else steps
    folder = out_dir / run_folder_name(spec, seed, datetime.now(UTC))
    with Progress(
        TextColumn(_("{name} seed {seed}").format(name=spec.name, seed=seed)),
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
        result.save(folder, figures=figures)
    except OSError as error:
        raise fail(f"could not write the run folder {folder}: {error}") from None
    out.print(_("Run folder: {folder}").format(folder=folder), highlight=False, soft_wrap=True)
    for name, value in result.summary().items():
        out.print(f"  {label(name):32} {value:g}", highlight=False)


@app.command()
def world(
    scenario: ScenarioFile = None,
    seed: Seed = None,
    steps: Annotated[
        int, typer.Option(help="steps to run before exporting", min=0, max=MAX_STEPS)
    ] = 0,
    set_: Overrides = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder to write")] = Path("runs/world"),
    fmt: Annotated[str, typer.Option("--format", help="graphml or json")] = "graphml",
    lang: Lang = None,
) -> None:
    """Export the three strata as graphs (for Gephi) and draw them as layers."""
    from cybergeo.model import CyberspaceModel
    from cybergeo.viz.strata import strata_figure
    from cybergeo.world.export import export_world

    speak(lang, keep=True)
    if fmt not in ("graphml", "json"):
        raise fail(f"--format must be graphml or json, not {fmt!r}")
    spec = load_or_exit(scenario, set_)
    model = CyberspaceModel(spec, rng=spec.seed if seed is None else seed)
    for _step in range(steps):
        model.step()
    try:
        written = export_world(model.world, out_dir, "graphml" if fmt == "graphml" else "json")
        figure = out_dir / "strata.png"
        strata_figure(model.world).savefig(figure, dpi=110)
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
    lang: Lang = None,
) -> None:
    """Tell each incident of a run as a short story: belief against truth."""
    import pandas as pd

    from cybergeo.measures import attribution_measures, incident_table
    from cybergeo.viz.stories import incident_stories

    speak(lang, keep=True)
    events_file = run_folder / "events.parquet"
    if not events_file.is_file():
        raise fail(f"{run_folder} is not a run folder (no events.parquet)")
    if table is not None and table.suffix not in (".csv", ".parquet"):
        raise fail(f"--table must end in .csv or .parquet, not {table.name!r}")
    try:
        events = pd.read_parquet(events_file)
        stories = incident_stories(events)
    except (OSError, ValueError, KeyError) as error:
        raise fail(f"{events_file} is damaged or not an event log: {error}") from None
    for story in stories:
        out.print(story, highlight=False, soft_wrap=True)
        out.print()
    measures = attribution_measures(events)
    summary = ", ".join(f"{label(k)} {v:.3g}" for k, v in measures.items())
    out.print(_("Summary: {measures}").format(measures=summary), highlight=False)
    if table is not None:
        frame = incident_table(events)
        try:
            if table.suffix == ".csv":
                frame.to_csv(table, index=False)
            else:
                frame.to_parquet(table, index=False)
        except OSError as error:
            raise fail(f"could not write {table}: {error.strerror or error}") from None
        out.print(_("Table: {table}").format(table=table), highlight=False)


@app.command()
def validate(
    scenarios: Annotated[list[Path], typer.Argument(help="scenario files to check")],
    allow_outside: AllowOutside = False,
    lang: Lang = None,
) -> None:
    """Check scenario files; report every problem of every file (exit 2 if any)."""
    from cybergeo.scenario import ScenarioError, load_scenario

    speak(lang, keep=True)
    failed = False
    for path in scenarios:
        try:
            load_scenario(path, allow_outside=allow_outside)
        except ScenarioError as error:
            failed = True
            report(error)
        else:
            out.print(_("{path}: ok").format(path=path), highlight=False)
    if failed:
        raise typer.Exit(code=2)
