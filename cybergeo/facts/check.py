"""Check a scenario's facts: run replications through the batch engine, measure each run,
and compare the mean over runs with the record.

A fact holds when the mean of its measure over the runs that could measure it satisfies
its comparison (for `above` and `below`, the mean of the run-by-run difference between the
two measures). The 95 % interval (Student's t over runs) says how sure that mean is.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from cybergeo.experiments.batch import plan_batch, run_batch
from cybergeo.experiments.load import load_batch
from cybergeo.experiments.runner import RunOutcome
from cybergeo.facts.run_data import RunData, evaluate
from cybergeo.scenario.experiment import ExperimentSpec
from cybergeo.scenario.facts import FactSpec, MeasureRef, describe
from cybergeo.scenario.schema import Scenario

COLUMNS = [
    "fact",
    "measure",
    "bound",
    "runs",
    "mean",
    "ci_low",
    "ci_high",
    "holds",
    "claim",
    "source",
]


def check_facts(
    scenario: Scenario,
    replications: int = 20,
    seed: int | None = None,
    workers: int = 1,
    on_outcome: Callable[[RunOutcome], None] | None = None,
) -> pd.DataFrame:
    """Run `replications` runs of the scenario (seeds derived from `seed`, default the
    scenario's) and return one row per fact: the observed mean, its 95 % interval, and
    whether the fact holds.

    Examples
    --------
    >>> import cybergeo
    >>> scenario = cybergeo.load_scenario("scenarios/default.yaml")  # doctest: +SKIP
    >>> cybergeo.check_facts(scenario, replications=20, seed=1)[["fact", "holds"]]
    ... # doctest: +SKIP
    """
    if not scenario.facts:
        raise ValueError(f"scenario {scenario.name!r} has no facts to check")
    runs = run_replications(
        scenario, replications, scenario.seed if seed is None else seed, workers, on_outcome
    )
    rows = [fact_row(fact, runs) for fact in scenario.facts]
    return pd.DataFrame(rows, columns=COLUMNS)


def run_replications(
    scenario: Scenario,
    replications: int,
    seed: int,
    workers: int,
    on_outcome: Callable[[RunOutcome], None] | None,
) -> list[RunData]:
    """Every replication of the scenario, run by the batch engine in a scratch folder."""
    batch = scenario.model_copy(
        update={"experiment": ExperimentSpec(seed=seed, replications=replications)}
    )
    with tempfile.TemporaryDirectory(prefix="cybergeo-facts-") as scratch:
        folder = plan_batch(batch, Path(scratch))
        summary = run_batch(folder, workers=workers, on_outcome=on_outcome)
        if summary.failed:
            log = load_batch(folder).runs
            failed = log[log["status"] == "failed"].iloc[0]
            raise RuntimeError(f"run {failed['run']} failed:\n{failed['traceback']}")
        results = load_batch(folder)
        all_events = results.events  # read before the scratch folder goes
    metrics = dict(list(results.metrics.groupby("run")))
    events = dict(list(all_events.groupby("run")))
    quiet = all_events.iloc[0:0]
    return [
        RunData(
            scenario,
            metrics[run].reset_index(drop=True),
            events.get(run, quiet).reset_index(drop=True),
        )
        for run in sorted(int(run) for run in results.metrics["run"].unique())
    ]


def fact_row(fact: FactSpec, runs: list[RunData]) -> dict[str, object]:
    """One fact against the runs: mean, 95 % interval and verdict."""
    values = measure_runs(fact.measure, runs)
    if fact.than is not None:
        values = values - measure_runs(fact.than, runs)
    values = values[~np.isnan(values)]
    mean, low, high = mean_interval(values)
    return {
        "fact": fact.id,
        "measure": describe(fact.measure),
        "bound": fact.bound(),
        "runs": len(values),
        "mean": mean,
        "ci_low": low,
        "ci_high": high,
        "holds": holds(fact, mean),
        "claim": fact.claim,
        "source": fact.source,
    }


def measure_runs(measure: MeasureRef, runs: list[RunData]) -> np.ndarray:
    return np.array([evaluate(measure.name, measure.params, run) for run in runs], dtype=float)


def mean_interval(values: np.ndarray) -> tuple[float, float, float]:
    """Mean and 95 % Student-t interval (NaN when there are too few values)."""
    if len(values) == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(values.mean())
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    half = float(stats.t.ppf(0.975, len(values) - 1) * stats.sem(values))
    if not np.isfinite(half):
        half = 0.0
    return mean, mean - half, mean + half


def holds(fact: FactSpec, mean: float) -> bool:
    """Whether the observed mean satisfies the fact's comparison (never, without data)."""
    if np.isnan(mean):
        return False
    value = fact.value
    if fact.compare == "range" and isinstance(value, list):
        return value[0] <= mean <= value[1]
    if fact.compare == "above":
        return mean > 0
    if fact.compare == "below":
        return mean < 0
    bound = float(value) if isinstance(value, float | int) else float("nan")
    return mean <= bound if fact.compare == "<=" else mean >= bound
