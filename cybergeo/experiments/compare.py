"""Compare policies: per metric, the mean of each policy (a combination of factor levels)
with a 95% bootstrap interval, and its difference from the reference policy with a 95%
bootstrap interval and Welch's p-value.

Each run is first summarised as one number by the metric's default statistic (see
`catalogue`), unless another is asked for. Percentile bootstrap intervals stay inside the
values the runs can take: a count's interval never goes below zero, a share's never above
one. Parameters the batch varies but the comparison does not name are pooled only when
asked (`pool=True`), and the table says which.
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from cybergeo.experiments.catalogue import (
    Statistic,
    describe,
    statistic_note,
    summarise,
)
from cybergeo.experiments.load import BatchResults
from cybergeo.i18n import _
from cybergeo.viz.style import ClassFigure, colour_of, days_axis, legend_beside

__all__ = [
    "Statistic",
    "compare_policies",
    "comparison_figure",
    "policy_label",
    "run_values",
    "summarise",
]

BOOTSTRAP_RESAMPLES = 2000
CONFIDENCE = 0.95


class ComparisonError(ValueError):
    """A comparison that cannot be made as asked, with what to do instead."""


def run_values(
    results: BatchResults, metric: str, statistic: Statistic | str | None = None
) -> pd.Series:
    """One number per completed run, summarising the metric by `statistic` (by default the
    catalogue's statistic for the metric)."""
    if metric not in results.metrics or metric in ("run", "step", *results.parameters):
        known = ", ".join(sorted(results.metric_names))
        raise ComparisonError(f"unknown metric {metric!r}; known: {known}")
    return summarise(results.metrics, metric, statistic)


def compare_policies(
    results: BatchResults,
    by: str | Sequence[str],
    metric: str,
    reference: object = None,
    statistic: Statistic | str | None = None,
    pool: bool = False,
    seed: int = 0,
) -> pd.DataFrame:
    """A table with one row per policy (combination of the levels of `by`): runs, mean,
    95% interval, and the difference from the reference policy with its 95% interval and
    Welch's two-sided p-value. `table.attrs` says the statistic and the pooled parameters.

    `reference` is a level (one factor) or a tuple of levels; by default the experiment's
    `reference:` or each factor's first level.
    """
    factors = [by] if isinstance(by, str) else list(by)
    pooled = _pooled(results, factors, pool)
    values = run_values(results, metric, statistic).rename("value")
    data = results.runs.set_index("run")[factors].join(values, how="inner")
    groups = {key: group["value"].to_numpy(float) for key, group in _by_policy(data, factors)}
    base_key = _reference(results, factors, list(groups), reference)
    rng = np.random.default_rng(seed)
    info = describe(metric)
    rows = []
    for key, sample in groups.items():
        low, high = _mean_interval(sample, rng, info.lower, info.upper)
        row = dict(zip(factors, key, strict=True))
        row |= {"runs": len(sample), "mean": sample.mean(), "ci_low": low, "ci_high": high}
        if key == base_key:
            row |= {"difference": 0.0, "diff_ci_low": 0.0, "diff_ci_high": 0.0, "p_value": np.nan}
        else:
            row |= _difference(sample, groups[base_key], rng)
        row["reference"] = key == base_key
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs |= {
        "metric": metric,
        "factors": factors,
        "statistic": str(Statistic(statistic) if statistic else info.statistic),
        "note": statistic_note(metric, Statistic(statistic) if statistic else None),
        "pooled": pooled,
    }
    return table


def output_name(metric: str, factors: Sequence[str], statistic: str) -> str:
    """File stem of a comparison's table and figure: metric, factors and statistic, so that
    comparisons of the same metric by other factors or statistics do not overwrite it."""
    return f"{metric}--by--{'+'.join(factors)}--{statistic}"


def policy_label(row: dict, factors: Sequence[str]) -> str:
    """A policy as its levels of the factors, marked when it is the reference."""
    policy = ", ".join(str(row[f]) for f in factors)
    return policy + (_(" (ref)") if row["reference"] else "")


def comparison_figure(table: pd.DataFrame, results: BatchResults) -> ClassFigure:
    """Left: the metric over the days of the run per policy (running total for `total`), the
    mean of its runs and the band holding the middle 80% of them. Right: each policy's mean
    and 95% interval of the per-run statistic. A policy has one colour in both."""
    metric, factors = table.attrs["metric"], table.attrs["factors"]
    statistic = Statistic(table.attrs["statistic"])
    step_days = int((results.manifest.get("scenario") or {}).get("step_days", 1))
    series = results.metrics.sort_values(["run", "step"])[["run", "step", metric]]
    if statistic == Statistic.TOTAL:
        series[metric] = series.groupby("run")[metric].cumsum()
    merged = series.merge(results.runs[["run", *factors]], on="run")
    figure = ClassFigure(figsize=(11, 4.5), layout="constrained")
    over_time, summary = figure.subplots(1, 2, width_ratios=[3, 2])
    labels = []
    for index, row in enumerate(table.to_dict("records")):
        label = policy_label(row, factors)
        labels.append(label)
        colour = colour_of(index)
        runs = merged
        for factor in factors:
            runs = runs[runs[factor] == row[factor]]
        per_step = runs.groupby("step")[metric]
        low, high = per_step.quantile(0.1), per_step.quantile(0.9)
        days = low.index * step_days
        over_time.plot(days, per_step.mean(), color=colour, label=f"{label} (n={row['runs']})")
        over_time.fill_between(days, low, high, color=colour, alpha=0.2, linewidth=0)
        interval = [[row["mean"] - row["ci_low"]], [row["ci_high"] - row["mean"]]]
        summary.errorbar(
            row["mean"], index, xerr=np.abs(interval), fmt="o", capsize=4, color=colour
        )
    shown = _("{metric} so far").format(metric=metric) if statistic == Statistic.TOTAL else metric
    over_time.set_title(
        _("{metric}: mean of runs and middle 80%").format(metric=shown), fontsize="medium"
    )
    days_axis(over_time, step_days, shown)
    summary.set_yticks(np.arange(len(table)), labels)
    summary.set_ylim(-0.5, len(table) - 0.5)
    summary.set_xlabel(_("{statistic} per run").format(statistic=_(statistic)))
    summary.grid(alpha=0.3, axis="x")
    summary.set_title(_("mean and 95% bootstrap interval"), fontsize="medium")
    legend_beside(summary, ", ".join(_short(f) for f in factors), of=over_time)
    title = _("{metric} by {factors} — {note}")
    figure.suptitle(
        title.format(metric=metric, factors=", ".join(factors), note=table.attrs["note"]),
        fontsize="medium",
    )
    return figure


def _short(factor: str) -> str:
    return ".".join(factor.split(".")[-2:])


def _pooled(results: BatchResults, factors: list[str], pool: bool) -> list[str]:
    """Varied parameters the comparison leaves out: allowed only with `pool`."""
    unknown = [f for f in factors if f not in results.parameters]
    if unknown:
        raise ComparisonError(
            f"{', '.join(unknown)} is not a parameter of this batch; "
            f"parameters: {', '.join(results.parameters) or 'none'}"
        )
    varied = [p for p in results.parameters if results.runs[p].nunique(dropna=False) > 1]
    others = [p for p in varied if p not in factors]
    if others and not pool:
        raise ComparisonError(
            f"the batch also varies {', '.join(others)}: compare by them too (--by) "
            "or pool their runs (--pool)"
        )
    return others


def _by_policy(data: pd.DataFrame, factors: list[str]) -> list[tuple[tuple, pd.DataFrame]]:
    grouped = data.groupby(factors, sort=False, dropna=False)
    return [(key if isinstance(key, tuple) else (key,), group) for key, group in grouped]


def _reference(
    results: BatchResults, factors: list[str], keys: list[tuple], reference: object
) -> tuple:
    if reference is None:
        configured = results.manifest["experiment"].get("reference") or {}
        first = dict(zip(factors, keys[0], strict=True)) if keys else {}
        reference = tuple(configured.get(f, first.get(f)) for f in factors)
    key = reference if isinstance(reference, tuple) else (reference,)
    if key not in keys:
        raise ComparisonError(f"reference {key} is not a policy of {factors}: {keys}")
    return key


def _mean_interval(
    sample: np.ndarray, rng: np.random.Generator, lower: float, upper: float
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean: inside the range of the runs' values."""
    if len(sample) < 2:
        return float("nan"), float("nan")
    if np.ptp(sample) == 0:
        return float(sample[0]), float(sample[0])
    result = stats.bootstrap(
        (sample,),
        np.mean,
        n_resamples=BOOTSTRAP_RESAMPLES,
        confidence_level=CONFIDENCE,
        method="percentile",
        rng=rng,
    )
    low, high = result.confidence_interval
    return float(max(low, lower)), float(min(high, upper))


def _difference(sample: np.ndarray, base: np.ndarray, rng: np.random.Generator) -> dict:
    """Difference of means with a percentile bootstrap interval and Welch's p-value."""
    difference = float(sample.mean() - base.mean())
    if len(sample) < 2 or len(base) < 2:
        return {
            "difference": difference,
            "diff_ci_low": np.nan,
            "diff_ci_high": np.nan,
            "p_value": np.nan,
        }
    if np.ptp(sample) == 0 and np.ptp(base) == 0:
        low = high = difference
        p_value = 1.0 if difference == 0 else 0.0
    else:
        result = stats.bootstrap(
            (sample, base),
            lambda a, b, axis: np.mean(a, axis=axis) - np.mean(b, axis=axis),
            n_resamples=BOOTSTRAP_RESAMPLES,
            confidence_level=CONFIDENCE,
            method="percentile",
            rng=rng,
        )
        low, high = result.confidence_interval
        p_value = float(stats.ttest_ind(sample, base, equal_var=False).pvalue)
    return {
        "difference": difference,
        "diff_ci_low": float(low),
        "diff_ci_high": float(high),
        "p_value": p_value,
    }
