"""`cybergeo batch`: run a scenario's experiment, or resume one, storing runs as they finish."""

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from cybergeo.cli.common import (
    AllowOutside,
    Lang,
    Overrides,
    app,
    err,
    fail,
    load_or_exit,
    out,
    report,
    speak,
)
from cybergeo.i18n import _
from cybergeo.scenario.limits import MAX_RUNS, MAX_WORKERS

if TYPE_CHECKING:
    from cybergeo.scenario import Scenario

INTERRUPTED = 130
"""Exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it."""


@contextmanager
def ctrl_c_remembered() -> Iterator[threading.Event]:
    """Ctrl-C interrupts as usual, and is also remembered so the batch can stop after the
    run under way: Python drops an exception raised inside a finalizer (a weak reference's
    callback as a finished run's model is collected), and a Ctrl-C landing there is lost."""
    pressed = threading.Event()
    previous = signal.getsignal(signal.SIGINT)

    def interrupt(signum: int, frame: FrameType | None) -> None:
        pressed.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)


@app.command()
def batch(
    scenario: Annotated[
        Path | None, typer.Argument(help="scenario YAML with an experiment: section")
    ] = None,
    replications: Annotated[
        int | None, typer.Option(help="replications per design point", min=1, max=MAX_RUNS)
    ] = None,
    workers: Annotated[
        int, typer.Option(help="parallel workers (default: all cores)", min=1, max=MAX_WORKERS)
    ] = (os.cpu_count() or 1),
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
    allow_outside: AllowOutside = False,
    lang: Lang = None,
) -> None:
    """Run a scenario's experiment (or resume one): every run stored as it finishes."""
    from cybergeo.experiments import plan_batch, run_batch
    from cybergeo.experiments.runner import RunOutcome
    from cybergeo.experiments.store import StoreError, completed, read_manifest
    from cybergeo.scenario import ScenarioError

    speak(lang, keep=True)
    if executor not in ("local", "dask", "serial"):
        raise fail(f"--executor must be local, dask or serial, not {executor!r}")
    if resume is not None:
        folder = resume
    else:
        spec = with_varied(load_or_exit(scenario, set_, allow_outside), vary or [])
        try:
            folder = plan_batch(spec, out_dir, replications)
        except ScenarioError as error:
            raise report(error) from None
        except StoreError as error:
            raise fail(str(error)) from None
    try:
        total = len(read_manifest(folder)["runs"])
        already = len(completed(folder))
    except StoreError as error:
        raise fail(str(error)) from None
    out.print(_("Batch folder: {folder}").format(folder=folder), highlight=False, soft_wrap=True)
    resume_hint = f"cybergeo batch --resume {folder}"
    failures = 0
    try:
        with (
            ctrl_c_remembered() as interrupted,
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
            ) as progress,
        ):
            task = progress.add_task(_("runs"), total=total, completed=already)

            def advance(outcome: RunOutcome) -> None:
                nonlocal failures
                failures += outcome.status == "failed"
                described = _("runs ({failures} failed)").format(failures=failures)
                progress.update(task, advance=1, description=described)
                if interrupted.is_set():
                    raise KeyboardInterrupt

            summary = run_batch(folder, executor, workers, scheduler, on_outcome=advance)  # type: ignore[arg-type]
    except StoreError as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        message = _("interrupted; finished runs are kept. Resume with: {command}").format(
            command=resume_hint
        )
        err.print(message, highlight=False, soft_wrap=True)
        raise typer.Exit(code=INTERRUPTED) from None
    counts = _("completed {completed}, failed {failed}, already done {skipped}").format(
        completed=summary.completed, failed=summary.failed, skipped=summary.skipped
    )
    out.print(f"  {counts}", highlight=False)
    if summary.failed:
        out.print("  " + _("failed runs and their tracebacks are in runs.jsonl"), highlight=False)


def with_varied(spec: "Scenario", assignments: list[str]) -> "Scenario":
    """Add `--vary path=[v1, v2]` parameters to the scenario's experiment."""
    from cybergeo.scenario import ScenarioError, parse_override
    from cybergeo.scenario.experiment import ExperimentSpec

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
        raise fail(str(error).replace("--set", "--vary")) from None
    except ValueError as error:
        raise fail(f"--vary: {_first_message(error)}") from None
    return spec.model_copy(update={"experiment": varied})


def _first_message(error: ValueError) -> str:
    """The message of a pydantic error without its field and documentation lines."""
    lines = [line.strip() for line in str(error).splitlines()[1:] if line.strip()]
    message = lines[1] if len(lines) > 1 else str(error)
    return message.split(" [type=")[0].removeprefix("Value error, ")
