"""Run a batch: design the runs, execute them anywhere, store each as it finishes, resume."""

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from cybergeo.experiments import store
from cybergeo.experiments.design import run_tasks
from cybergeo.experiments.executors import ExecutorName, run_locally, run_on_dask, run_serially
from cybergeo.experiments.runner import RunFunction, RunOutcome, RunTask, ScenarioRun, execute
from cybergeo.provenance import versions
from cybergeo.scenario import (
    Problem,
    Scenario,
    ScenarioError,
    dump_scenario,
    load_scenario,
    scenario_mapping,
)
from cybergeo.scenario.experiment import ExperimentSpec

Progress = Callable[[RunOutcome], None]


@dataclass(frozen=True)
class BatchSummary:
    folder: Path
    completed: int
    failed: int
    skipped: int


def plan_batch(scenario: Scenario, out_dir: Path, replications: int | None = None) -> Path:
    """Create the batch folder for a scenario's experiment and return it; nothing runs yet."""
    spec = scenario.experiment or ExperimentSpec()
    if replications is not None:
        spec = spec.model_copy(update={"replications": replications})
    base = scenario.model_copy(update={"experiment": None})
    check_parameters(scenario_mapping(base), spec)
    folder = create_batch(
        out_dir,
        spec,
        spec.name or scenario.name,
        scenario_mapping(base),
        spec.steps,
    )
    dump_scenario(base, folder / "scenario.yaml")
    return folder


def create_batch(
    out_dir: Path,
    spec: ExperimentSpec,
    name: str,
    scenario: dict[str, Any] | None,
    steps: int | None,
) -> Path:
    """The batch folder and manifest of an experiment: `scenario` is the base scenario the
    design's parameters override (None for a custom run function, see `run_batch`), `steps`
    the length of every run (None: each run's scenario says)."""
    stamp = datetime.now(UTC)
    folder = out_dir / f"{name}-{stamp.strftime('%Y%m%dT%H%M%S%fZ')}"
    store.create(
        folder,
        {
            "experiment": spec.model_dump(mode="json"),
            "scenario": scenario,
            "steps": steps,
            "created": stamp.isoformat(),
            "versions": versions(),
            "runs": [_describe(task, folder) for task in run_tasks(spec)],
        },
    )
    return folder


def check_parameters(scenario: dict[str, Any], spec: ExperimentSpec) -> None:
    """Every value (or both ends of every range) must make a valid scenario, so a batch
    does not start only to fail in every run; and every parameter must have an effect."""
    problems = []
    for name, message in _without_effect(spec).items():
        problems.append(Problem(f"experiment.parameters.{name}", None, name, message))
    for name, parameter in spec.parameters.items():
        for value in parameter.values if parameter.values is not None else parameter.range or []:
            try:
                load_scenario(scenario, {name: value})
            except ScenarioError as error:
                problems += [
                    replace(p, source=f"experiment.parameters.{name}") for p in error.problems
                ]
    if problems:
        raise ScenarioError(list(dict.fromkeys(problems)))


def _without_effect(spec: ExperimentSpec) -> dict[str, str]:
    """Parameters a batch would silently ignore: the seed (each run has its own) and the
    length of the runs when the experiment fixes it."""
    ignored = {"seed": "each run's seed replaces the scenario's; vary replications instead"}
    if spec.steps is not None:
        ignored["steps"] = "experiment.steps fixes every run's length; remove it to vary steps"
    return {name: message for name, message in ignored.items() if name in spec.parameters}


def run_batch(
    folder: Path,
    executor: ExecutorName = "local",
    workers: int = 1,
    scheduler: str | None = None,
    run: RunFunction | None = None,
    on_outcome: Progress | None = None,
) -> BatchSummary:
    """Execute every run of a planned batch that has not completed yet (so this also
    resumes an interrupted batch, and reruns a run whose files are damaged), recording each
    as soon as it finishes. Holds the batch's lock: a second concurrent call refuses with a
    `StoreError`, as does a failure to write (a full disk)."""
    manifest = store.read_manifest(folder)
    run = run or ScenarioRun(manifest["scenario"], manifest["steps"])
    with store.locked(folder):
        store.repair_log(folder)
        done = store.completed(folder)
        todo = [_task(entry) for entry in manifest["runs"] if entry["run"] not in done]
        counts = {"completed": 0, "failed": 0}
        described = {entry["run"]: entry for entry in manifest["runs"]}
        for outcome in _outcomes(run, folder, todo, executor, workers, scheduler):
            entry = described[outcome.index]
            store.record(folder, outcome, {"seed": entry["seed"], "params": entry["params"]})
            counts[outcome.status] += 1
            if on_outcome is not None:
                on_outcome(outcome)
    return BatchSummary(folder, counts["completed"], counts["failed"], len(done))


def _outcomes(
    run: RunFunction,
    folder: Path,
    tasks: list[RunTask],
    executor: ExecutorName,
    workers: int,
    scheduler: str | None,
) -> Any:
    """Outcomes as runs finish. Local runs write their own files; Dask workers may not see
    the batch folder, so their frames come back and `store.record` writes them here."""
    if executor == "dask":
        return run_on_dask(partial(execute, run), tasks, workers, scheduler)
    job = store.RunAndStore(run, folder)
    if executor == "local" and workers > 1:
        return run_locally(job, tasks, workers)
    return run_serially(job, tasks)


def _describe(task: RunTask, folder: Path) -> dict[str, Any]:
    overrides = " ".join(f"--set {k}={json.dumps(v)}" for k, v in task.params.items())
    replay = f"cybergeo run {folder / 'scenario.yaml'} --seed {task.seed} {overrides}".strip()
    return {
        "run": task.index,
        "point": task.point,
        "replication": task.replication,
        "seed": task.seed,
        "params": task.params,
        "replay": replay,
    }


def _task(entry: dict[str, Any]) -> RunTask:
    return RunTask(
        entry["run"], entry["point"], entry["replication"], entry["params"], entry["seed"]
    )
