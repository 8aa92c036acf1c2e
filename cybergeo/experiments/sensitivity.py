"""Global sensitivity analysis of a Sobol or Morris batch with SALib, with 95% bootstrap
intervals, warnings when the sample is too small to trust them, and figures.

Sobol indices of a model's output lie in [0, 1]; an estimate outside that range beyond its
interval, or an interval wider than `MAX_INTERVAL_WIDTH`, means too few samples. The
half-width of the intervals shrinks as 1/sqrt(N), so the warning says which N would do.
"""

import math

import numpy as np
import pandas as pd
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze

from cybergeo.experiments.catalogue import Statistic, default_statistic
from cybergeo.experiments.compare import run_values
from cybergeo.experiments.design import MORRIS_LEVELS, salib_problem
from cybergeo.experiments.load import BatchResults
from cybergeo.i18n import _
from cybergeo.scenario.experiment import ExperimentSpec
from cybergeo.viz.style import ClassFigure, colour_of, legend_beside

MAX_INTERVAL_WIDTH = 0.2
BOOTSTRAP_RESAMPLES = 1000


def sensitivity_indices(
    results: BatchResults, metric: str, statistic: Statistic | str | None = None
) -> pd.DataFrame:
    """Sobol first-order and total indices, or Morris mu* and sigma, per parameter, with
    bootstrap 95% intervals (`*_conf` is the half-width). `table.attrs` holds the statistic,
    the design and its sample size.

    Replications of a design point are averaged; every design point must have completed,
    because SALib's estimators rely on the sample's structure.
    """
    spec = ExperimentSpec.model_validate(results.manifest["experiment"])
    if spec.design not in ("sobol", "morris"):
        raise ValueError(f"sensitivity needs a sobol or morris experiment, not {spec.design}")
    chosen = Statistic(statistic) if statistic is not None else default_statistic(metric)
    values = results.runs.set_index("run")[["point"]].join(run_values(results, metric, chosen))
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
        indices = sobol_analyze.analyze(
            problem,
            outputs,
            calc_second_order=False,
            num_resamples=BOOTSTRAP_RESAMPLES,
            seed=spec.seed,
        )
        table = pd.DataFrame(
            {
                "parameter": problem["names"],
                "S1": indices["S1"],
                "S1_conf": indices["S1_conf"],
                "ST": indices["ST"],
                "ST_conf": indices["ST_conf"],
            }
        )
    else:
        points = results.runs.drop_duplicates("point").sort_values("point")
        inputs = points[problem["names"]].to_numpy(float)
        indices = morris_analyze.analyze(
            problem,
            inputs,
            outputs,
            num_levels=MORRIS_LEVELS,
            num_resamples=BOOTSTRAP_RESAMPLES,
            seed=spec.seed,
        )
        table = pd.DataFrame(
            {
                "parameter": problem["names"],
                "mu_star": indices["mu_star"],
                "mu_star_conf": indices["mu_star_conf"],
                "sigma": indices["sigma"],
            }
        )
    table.attrs |= {
        "metric": metric,
        "statistic": str(chosen),
        "design": spec.design,
        "samples": spec.samples,
    }
    return table


def sensitivity_warnings(table: pd.DataFrame) -> list[str]:
    """What makes a Sobol table untrustworthy, one line each, with the sample size that
    would narrow every interval to `MAX_INTERVAL_WIDTH`."""
    if "S1" not in table:
        return []
    warnings = []
    widest = 0.0
    for row in table.to_dict("records"):
        for index in ("S1", "ST"):
            value, half = row[index], row[f"{index}_conf"]
            if not np.isfinite(value) or value + half < 0 or value - half > 1:
                warnings.append(
                    f"{index} of {row['parameter']} is {value:.3g} ± {half:.2g}: outside [0, 1] "
                    "beyond its interval, so the estimate cannot be trusted"
                )
            widest = max(widest, 2 * half if np.isfinite(half) else math.inf)
    if widest > MAX_INTERVAL_WIDTH:
        samples = table.attrs.get("samples")
        if samples and np.isfinite(widest):
            needed = samples * (widest / MAX_INTERVAL_WIDTH) ** 2
            needed = 2 ** math.ceil(math.log2(needed))
            hint = f"; samples: {needed} (now {samples}) would narrow every interval to about that"
        else:
            hint = "; use more samples"
        warnings.append(
            f"the widest interval is {widest:.2g} wide, more than {MAX_INTERVAL_WIDTH}{hint}"
        )
    return warnings


def sensitivity_figure(table: pd.DataFrame) -> ClassFigure:
    """Sobol: bars of S1 and ST with their 95% intervals, over a shaded band beyond 1 where
    only estimation noise puts an index. Morris: mu* against sigma, one labelled point per
    parameter (far right: influential; high up: non-linear or interacting). The title names
    the metric and the statistic per run; the legend stands beside the data."""
    metric, statistic = table.attrs["metric"], table.attrs["statistic"]
    title = _("Sensitivity of {metric} ({statistic} per run, N={samples})").format(
        metric=metric, statistic=_(statistic), samples=table.attrs["samples"]
    )
    figure = ClassFigure(figsize=(9, 0.6 * len(table) + 2.5), layout="constrained")
    ax = figure.subplots()
    if "S1" in table:
        positions = np.arange(len(table))
        reach = max((table[index] + table[f"{index}_conf"]).max() for index in ("S1", "ST"))
        right = max(1.05, float(reach) + 0.05)
        ax.axvspan(1, right, color="0.9", zorder=0, label=_("above 1: estimation noise"))
        kinds = ((-0.2, "S1", _("first order S1")), (0.2, "ST", _("total ST")))
        for i, (offset, index, label) in enumerate(kinds):
            conf = table[f"{index}_conf"]
            bars = positions + offset
            ax.barh(bars, table[index], 0.4, xerr=conf, color=colour_of(i), label=label)
        ax.set_xlim(right=right)
        ax.set_yticks(positions, table["parameter"])
        ax.set_xlabel(_("Sobol index (95% bootstrap interval)"))
    else:
        ax.errorbar(
            table["mu_star"],
            table["sigma"],
            xerr=table["mu_star_conf"],
            fmt="o",
            color=colour_of(0),
        )
        for row in table.itertuples():
            ax.annotate(str(row.parameter), (row.mu_star, row.sigma), fontsize="small")
        top = float(max(table["mu_star"].max(), table["sigma"].max()) or 1.0)
        ax.plot([0, top], [0, top], color="0.6", linestyle="--", label="sigma = mu*")
        ax.set_xlabel(_("mu* (mean absolute elementary effect, 95% interval)"))
        ax.set_ylabel(_("sigma (spread of elementary effects)"))
    legend_beside(ax)
    ax.set_title(title)
    return figure
