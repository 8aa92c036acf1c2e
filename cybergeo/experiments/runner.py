"""What a worker does with one run: call the run function, catch failures, time it.

A run function takes a design point's parameters and a seed and returns the run's metrics
and events as DataFrames. `ScenarioRun` is the one for cybergeo scenarios; any picklable
function of the same shape goes through the same pipeline (the Ishigami test uses that).
"""

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class RunTask:
    """One run of a batch: its index, design point, replication and seed."""

    index: int
    point: int
    replication: int
    params: dict[str, Any]
    seed: int


RunFunction = Callable[[dict[str, Any], int], tuple[pd.DataFrame, pd.DataFrame]]


@dataclass(frozen=True)
class ScenarioRun:
    """Run a scenario (as resolved plain data) with a design point's overrides."""

    scenario: dict[str, Any]
    steps: int | None = None

    def __call__(self, params: dict[str, Any], seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        from cybergeo.run import simulate
        from cybergeo.scenario import apply_overrides, load_scenario

        scenario = load_scenario(apply_overrides(self.scenario, params))
        result = simulate(scenario, seed=seed, steps=self.steps)
        return result.metrics, result.events


@dataclass(frozen=True)
class RunOutcome:
    """A finished run: its frames, or the traceback it raised. Once its files are written
    (`cybergeo.experiments.store.write_results`), the frames give way to the row count of
    each file."""

    index: int
    status: str
    seconds: float
    metrics: pd.DataFrame | None = None
    events: pd.DataFrame | None = None
    error: str | None = None
    rows: dict[str, int] | None = None


def execute(run: RunFunction, task: RunTask) -> RunOutcome:
    """Run one task; an exception becomes a failed outcome, so the batch goes on."""
    started = time.perf_counter()
    try:
        metrics, events = run(task.params, task.seed)
    except Exception:
        return RunOutcome(
            task.index, "failed", time.perf_counter() - started, error=traceback.format_exc()
        )
    return RunOutcome(
        task.index,
        "completed",
        time.perf_counter() - started,
        metrics,
        events,
    )
