"""From an experiment spec to the list of runs: design points, replications and seeds."""

import itertools
from typing import Any

import numpy as np

from cybergeo.experiments.runner import RunTask
from cybergeo.scenario.experiment import ExperimentSpec

MORRIS_LEVELS = 4


def salib_problem(spec: ExperimentSpec) -> dict[str, Any]:
    """The parameter ranges in SALib's `problem` format."""
    names = list(spec.parameters)
    bounds = [spec.parameters[name].range for name in names]
    return {"num_vars": len(names), "names": names, "bounds": bounds}


def design_points(spec: ExperimentSpec) -> list[dict[str, Any]]:
    """The parameter settings of the design, in a fixed order.

    Factorial: every combination of the listed values. Latin hypercube: `samples` points
    (scipy's QMC). Sobol and Morris: SALib's samplers, whose order their analysers expect.
    """
    names = list(spec.parameters)
    if not names:
        return [{}]
    if spec.design == "factorial":
        levels = [spec.parameters[n].values or [] for n in names]
        return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*levels)]
    matrix = sampled_design(spec)
    return [{n: float(v) for n, v in zip(names, row, strict=True)} for row in matrix]


def sampled_design(spec: ExperimentSpec) -> np.ndarray:
    """The points of a latin hypercube, Sobol or Morris design, one row each. SALib and
    scipy's QMC are imported here, so that a factorial batch starts without them."""
    from SALib.sample import morris as morris_sample
    from SALib.sample import sobol as sobol_sample
    from scipy.stats import qmc

    problem = salib_problem(spec)
    if spec.design == "latin_hypercube":
        unit = qmc.LatinHypercube(d=len(problem["names"]), rng=np.random.default_rng(spec.seed))
        lower, upper = np.array(problem["bounds"]).T
        return qmc.scale(unit.random(spec.samples), lower, upper)
    if spec.design == "sobol":
        return sobol_sample.sample(problem, spec.samples, calc_second_order=False, seed=spec.seed)
    return morris_sample.sample(problem, spec.samples, num_levels=MORRIS_LEVELS, seed=spec.seed)


def run_seed(experiment_seed: int, index: int) -> int:
    """The seed of run `index`: depends only on the experiment's seed and the index, so a
    run can be replayed alone and results do not depend on the executor."""
    state = np.random.SeedSequence(experiment_seed, spawn_key=(index,)).generate_state(1)
    return int(state[0])


def run_tasks(spec: ExperimentSpec) -> list[RunTask]:
    """Every run of the batch: each design point repeated `replications` times."""
    tasks = []
    for point, params in enumerate(design_points(spec)):
        for replication in range(spec.replications):
            index = point * spec.replications + replication
            tasks.append(RunTask(index, point, replication, params, run_seed(spec.seed, index)))
    return tasks
