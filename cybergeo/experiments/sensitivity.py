"""Global sensitivity analysis of a Sobol or Morris batch with SALib, with 95% intervals."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze

from cybergeo.experiments.compare import Statistic, run_values
from cybergeo.experiments.design import MORRIS_LEVELS, salib_problem
from cybergeo.experiments.load import BatchResults
from cybergeo.scenario.experiment import ExperimentSpec


def sensitivity_indices(
    results: BatchResults, metric: str, statistic: Statistic = Statistic.FINAL
) -> pd.DataFrame:
    """Sobol first-order and total indices, or Morris mu* and sigma, per parameter.

    Replications of a design point are averaged; every design point must have completed,
    because SALib's estimators rely on the sample's structure.
    """
    spec = ExperimentSpec.model_validate(results.manifest["experiment"])
    if spec.design not in ("sobol", "morris"):
        raise ValueError(f"sensitivity needs a sobol or morris experiment, not {spec.design}")
    values = results.runs.set_index("run")[["point"]].join(run_values(results, metric, statistic))
    per_point = values.groupby("point")[metric].mean()
    expected = results.runs["point"].nunique()
    if len(per_point) != expected or per_point.isna().any():
        raise ValueError(
            f"{expected - per_point.notna().sum()} design points have no result; "
            "resume the batch first"
        )
    problem = salib_problem(spec)
    outputs = per_point.sort_index().to_numpy(float)
    if spec.design == "sobol":
        indices = sobol_analyze.analyze(problem, outputs, calc_second_order=False, seed=spec.seed)
        return pd.DataFrame(
            {
                "parameter": problem["names"],
                "S1": indices["S1"],
                "S1_conf": indices["S1_conf"],
                "ST": indices["ST"],
                "ST_conf": indices["ST_conf"],
            }
        )
    points = results.runs.drop_duplicates("point").sort_values("point")
    inputs = points[problem["names"]].to_numpy(float)
    indices = morris_analyze.analyze(
        problem, inputs, outputs, num_levels=MORRIS_LEVELS, seed=spec.seed
    )
    return pd.DataFrame(
        {
            "parameter": problem["names"],
            "mu_star": indices["mu_star"],
            "mu_star_conf": indices["mu_star_conf"],
            "sigma": indices["sigma"],
        }
    )


def sensitivity_figure(table: pd.DataFrame, metric: str) -> Figure:
    """Bars with 95% intervals: S1 and ST (Sobol) or mu* (Morris) per parameter."""
    figure = Figure(figsize=(8, 0.6 * len(table) + 2), layout="constrained")
    ax = figure.subplots()
    positions = np.arange(len(table))
    if "S1" in table:
        ax.barh(positions - 0.2, table["S1"], 0.4, xerr=table["S1_conf"], label="first order S1")
        ax.barh(positions + 0.2, table["ST"], 0.4, xerr=table["ST_conf"], label="total ST")
        ax.set_xlabel("Sobol index")
    else:
        ax.barh(positions, table["mu_star"], 0.6, xerr=table["mu_star_conf"], label="mu*")
        ax.set_xlabel("Morris mu* (mean absolute elementary effect)")
    ax.set_yticks(positions, table["parameter"])
    ax.set_title(f"Sensitivity of {metric}")
    ax.legend()
    return figure
