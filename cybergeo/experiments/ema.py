"""EMA Workbench adapter (the `ema` extra): a cybergeo scenario as an EMA `Model`, EMA-style
experiments run through cybergeo's batch store, and PRIM scenario discovery on a batch.

Uncertainties and levers are dotted parameter paths with a range [low, high]; outcomes are
metrics, each run reduced to one number by the metric's catalogue statistic (or one asked
for). `scenario_model` gives a model EMA's own evaluators can run; `run_experiments` samples
the same ranges with a seeded Latin hypercube and runs them as a cybergeo batch, so the
experiments have a manifest, survive interruption and resume like any batch.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from ema_workbench import Model, RealParameter, ScalarOutcome
from ema_workbench.analysis import prim

from cybergeo.experiments.batch import create_batch, run_batch
from cybergeo.experiments.catalogue import Statistic, default_statistic, summarise
from cybergeo.experiments.compare import run_values
from cybergeo.experiments.executors import ExecutorName
from cybergeo.experiments.load import BatchResults, load_batch
from cybergeo.i18n import _
from cybergeo.run import simulate
from cybergeo.scenario import (
    ScenarioSource,
    apply_overrides,
    dump_scenario,
    load_scenario,
    scenario_mapping,
)
from cybergeo.scenario.experiment import ExperimentSpec

Ranges = Mapping[str, tuple[float, float]]


def ema_name(path: str) -> str:
    """A Python identifier for a dotted path or metric, as EMA wants its names."""
    return re.sub(r"\W", "_", path)


@dataclass(frozen=True)
class ScenarioFunction:
    """What EMA calls per experiment: the scenario with the experiment's parameters, run
    from the scenario's seed, each outcome metric reduced to one number."""

    scenario: dict[str, Any]
    outcomes: tuple[str, ...]
    steps: int | None = None
    statistic: Statistic | None = None

    def __call__(self, **params: float) -> dict[str, float]:
        result = simulate(load_scenario(apply_overrides(self.scenario, params)), steps=self.steps)
        metrics = result.metrics.assign(run=0)
        return {
            ema_name(m): float(summarise(metrics, m, self.statistic).iloc[0]) for m in self.outcomes
        }


def scenario_model(
    scenario: ScenarioSource,
    uncertainties: Ranges,
    outcomes: Sequence[str],
    levers: Ranges | None = None,
    steps: int | None = None,
    statistic: Statistic | None = None,
    name: str = "cybergeo",
) -> Model:
    """An EMA `Model` of a cybergeo scenario: dotted paths with ranges as uncertainties and
    levers, metrics as scalar outcomes. Paths are checked against the scenario first."""
    base = load_scenario(scenario).model_copy(update={"experiment": None})
    for path, (low, high) in {**uncertainties, **(levers or {})}.items():
        load_scenario(base, {path: low})
        load_scenario(base, {path: high})
    function = ScenarioFunction(scenario_mapping(base), tuple(outcomes), steps, statistic)
    model = Model(name, function=function)
    model.uncertainties = [_parameter(p, r) for p, r in uncertainties.items()]
    model.levers = [_parameter(p, r) for p, r in (levers or {}).items()]
    model.outcomes = [ScalarOutcome(ema_name(m)) for m in outcomes]
    return model


def run_experiments(
    model: Model,
    scenarios: int,
    out_dir: Path,
    seed: int = 0,
    replications: int = 1,
    executor: ExecutorName = "local",
    workers: int = 1,
) -> tuple[Path, pd.DataFrame, dict[str, np.ndarray]]:
    """Sample `scenarios` points of the model's uncertainties and levers (Latin hypercube)
    and run them as a cybergeo batch in `out_dir`; returns the batch folder and EMA's
    `(experiments, outcomes)`. Resume an interrupted one with `run_batch(folder)` and read
    it with `ema_results`."""
    function: ScenarioFunction = model.function
    parameters = {
        param.variable_name[0]: {"range": [param.lower_bound, param.upper_bound]}
        for param in [*model.uncertainties, *model.levers]
    }
    spec = ExperimentSpec.model_validate(
        {
            "name": model.name,
            "seed": seed,
            "design": "latin_hypercube",
            "samples": scenarios,
            "replications": replications,
            "parameters": parameters,
        }
    )
    base = load_scenario(function.scenario)
    folder = create_batch(out_dir, spec, model.name, function.scenario, function.steps)
    dump_scenario(base, folder / "scenario.yaml")
    run_batch(folder, executor, workers)
    experiments, outcomes = ema_results(load_batch(folder), function.outcomes, function.statistic)
    return folder, experiments, outcomes


def ema_results(
    results: BatchResults, outcomes: Sequence[str], statistic: Statistic | None = None
) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """A batch's completed runs in EMA's format: an experiments table (one column per
    parameter, by its EMA name) and one array per outcome, in the same order."""
    table = results.per_run(list(outcomes))
    if statistic is not None:
        for metric in outcomes:
            values = run_values(results, metric, statistic)
            table[metric] = table["run"].map(values)
    experiments = table[results.parameters].rename(columns=ema_name)
    experiments["scenario"] = table["run"].to_numpy()
    return experiments, {ema_name(m): table[m].to_numpy(float) for m in outcomes}


@dataclass(frozen=True)
class Discovery:
    """A PRIM box: the parameter ranges where runs of interest concentrate."""

    name: str
    condition: str
    limits: pd.DataFrame
    coverage: float
    density: float
    cases: int
    runs: int

    def describe(self) -> str:
        """The box in words, in the language in force."""
        lines = [
            _("Runs of interest ({condition}): {cases} of {runs}.").format(
                condition=self.condition, cases=self.cases, runs=self.runs
            ),
            _(
                "PRIM box: coverage {coverage} (share of runs of interest inside), "
                "density {density} (share of runs inside that are of interest)."
            ).format(coverage=f"{self.coverage:.2f}", density=f"{self.density:.2f}"),
        ]
        restricted = self.limits[self.limits["restricted"]]
        if restricted.empty:
            lines.append(_("No parameter range sets them apart: the box is the whole space."))
        for parameter, row in restricted.iterrows():
            low, high = f"{row['low']:.4g}", f"{row['high']:.4g}"
            lines.append(
                "  "
                + _("{parameter} in [{low}, {high}]").format(
                    parameter=parameter, low=low, high=high
                )
            )
        return "\n".join(lines)


def discover_boxes(
    results: BatchResults,
    metric: str,
    above: float | None = None,
    below: float | None = None,
    statistic: Statistic | str | None = None,
    threshold: float = 0.8,
) -> Discovery:
    """Run PRIM on a batch: runs whose `metric` statistic is above `above` (or below
    `below`) are of interest; the box chosen on PRIM's peeling trajectory is the one with
    the highest coverage among those of density at least `threshold` (else the densest)."""
    if not results.parameters:
        raise ValueError("the batch varies no parameter; there is nothing to discover")
    values = run_values(results, metric, statistic)
    chosen = Statistic(statistic) if statistic is not None else default_statistic(metric)
    table = results.per_run([]).set_index("run").join(values, how="inner")
    x = table[results.parameters].astype(float).reset_index(drop=True)
    side = f"> {above:g}" if above is not None else f"< {below:g}"
    of_interest = (table[metric] > above) if above is not None else (table[metric] < below)
    y = of_interest.to_numpy(bool)
    if y.all() or not y.any():
        raise ValueError(
            f"{int(y.sum())} of {len(y)} runs have {metric}, {chosen} per run, {side}; "
            "PRIM needs runs on both sides"
        )
    condition = _("{metric}, {statistic} per run, {side}").format(
        metric=metric, statistic=_(chosen), side=side
    )
    box = prim.Prim(x, y, mass_min=0.05).find_box()
    trajectory = box.peeling_trajectory
    dense = trajectory[trajectory["density"] >= threshold]
    best = dense["coverage"].idxmax() if not dense.empty else trajectory["density"].idxmax()
    box.select(int(best))
    limits = box.box_lim.T.rename(columns={0: "low", 1: "high"})
    initial = box.prim.box_init.T.rename(columns={0: "low", 1: "high"})
    limits["restricted"] = (limits != initial).any(axis=1)
    limit = above if above is not None else below
    name = f"{metric}--{'above' if above is not None else 'below'}-{limit:g}"
    return Discovery(
        name,
        condition,
        limits,
        float(trajectory.loc[best, "coverage"]),
        float(trajectory.loc[best, "density"]),
        int(y.sum()),
        len(y),
    )


def _parameter(path: str, bounds: tuple[float, float]) -> RealParameter:
    low, high = bounds
    return RealParameter(ema_name(path), float(low), float(high), variable_name=path)
