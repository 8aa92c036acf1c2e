"""Compare policies: per metric, means with 95% confidence intervals and differences from
the reference policy with Welch's t-test."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy import stats

from cybergeo.experiments.load import BatchResults
from cybergeo.experiments.statistic import Statistic


def run_values(
    results: BatchResults, metric: str, statistic: Statistic = Statistic.FINAL
) -> pd.Series:
    """One number per completed run, summarising the metric by `statistic`."""
    if metric not in results.metrics:
        known = ", ".join(sorted(c for c in results.metrics.columns if c not in ("run", "step")))
        raise KeyError(f"unknown metric {metric!r}; known: {known}")
    per_run = results.metrics.sort_values(["run", "step"]).groupby("run")[metric]
    pandas_name = {Statistic.FINAL: "last", Statistic.MEAN: "mean", Statistic.TOTAL: "sum"}
    values: pd.Series = per_run.agg(pandas_name[Statistic(statistic)])
    return values


def compare_policies(
    results: BatchResults,
    by: str,
    metric: str,
    reference: object = None,
    statistic: Statistic = Statistic.FINAL,
) -> pd.DataFrame:
    """A table with one row per level of `by`: runs, mean, 95% CI, and the difference from
    the reference level with its 95% CI (Welch) and two-sided p-value."""
    if by not in results.runs:
        raise KeyError(f"{by!r} is not a parameter of this batch; parameters: {results.parameters}")
    values = run_values(results, metric, statistic).rename("value")
    data = results.runs.set_index("run")[[by]].join(values, how="inner")
    levels = list(dict.fromkeys(data[by]))
    reference = _reference(results, by, levels, reference)
    base = data.loc[data[by] == reference, "value"].to_numpy(float)
    rows = []
    for level in levels:
        sample = data.loc[data[by] == level, "value"].to_numpy(float)
        low, high = _mean_ci(sample)
        row = {
            by: level,
            "runs": len(sample),
            "mean": sample.mean(),
            "ci_low": low,
            "ci_high": high,
        }
        row |= (
            _difference(sample, base)
            if level != reference
            else {"difference": 0.0, "diff_ci_low": 0.0, "diff_ci_high": 0.0, "p_value": np.nan}
        )
        row["reference"] = level == reference
        rows.append(row)
    return pd.DataFrame(rows)


def comparison_figure(
    results: BatchResults, by: str, metric: str, statistic: Statistic = Statistic.FINAL
) -> Figure:
    """Left: the metric over time per policy (running total for `total`), mean with a 95%
    band. Right: the distribution of the per-run statistic per policy."""
    series = results.metrics.sort_values(["run", "step"])[["run", "step", metric]]
    if statistic == Statistic.TOTAL:
        series[metric] = series.groupby("run")[metric].cumsum()
    merged = series.merge(results.runs[["run", by]], on="run")
    figure = Figure(figsize=(11, 4.5), layout="constrained")
    over_time, spread = figure.subplots(1, 2, width_ratios=[2, 1])
    for level, group in merged.groupby(by, sort=False):
        summary = group.groupby("step")[metric].agg(["mean", "sem", "count"])
        half = summary["sem"].fillna(0) * stats.t.ppf(0.975, np.maximum(summary["count"] - 1, 1))
        over_time.plot(summary.index, summary["mean"], label=f"{by}={level}")
        over_time.fill_between(
            summary.index, summary["mean"] - half, summary["mean"] + half, alpha=0.2
        )
    over_time.set_xlabel("step")
    shown = f"{metric} so far" if statistic == Statistic.TOTAL else metric
    over_time.set_ylabel(shown)
    over_time.set_title(f"{shown} over time (mean, 95% CI)")
    over_time.legend()
    values = results.runs.set_index("run")[[by]].join(run_values(results, metric, statistic))
    levels = list(dict.fromkeys(values[by]))
    spread.boxplot(
        [values.loc[values[by] == lv, metric] for lv in levels],
        tick_labels=[str(lv) for lv in levels],
    )
    spread.set_xlabel(by)
    spread.set_title(f"{statistic} value per run")
    return figure


def _reference(results: BatchResults, by: str, levels: list, reference: object) -> object:
    if reference is None:
        configured = results.manifest["experiment"].get("reference") or {}
        reference = configured.get(by, levels[0])
    if reference not in levels:
        raise KeyError(f"reference {reference!r} is not a level of {by}: {levels}")
    return reference


def _mean_ci(sample: np.ndarray) -> tuple[float, float]:
    if len(sample) < 2:
        return float("nan"), float("nan")
    sem = stats.sem(sample)
    if sem == 0:
        return float(sample.mean()), float(sample.mean())
    low, high = stats.t.interval(0.95, len(sample) - 1, loc=sample.mean(), scale=sem)
    return float(low), float(high)


def _difference(sample: np.ndarray, base: np.ndarray) -> dict[str, float]:
    """Welch's difference of means with its 95% CI (Welch–Satterthwaite degrees of freedom)."""
    difference = sample.mean() - base.mean()
    var_a, var_b = sample.var(ddof=1) / len(sample), base.var(ddof=1) / len(base)
    se = np.sqrt(var_a + var_b)
    if se == 0:
        return {
            "difference": difference,
            "diff_ci_low": difference,
            "diff_ci_high": difference,
            "p_value": 1.0 if difference == 0 else 0.0,
        }
    dof = (var_a + var_b) ** 2 / (var_a**2 / (len(sample) - 1) + var_b**2 / (len(base) - 1))
    half = stats.t.ppf(0.975, dof) * se
    p_value = stats.ttest_ind(sample, base, equal_var=False).pvalue
    return {
        "difference": difference,
        "diff_ci_low": difference - half,
        "diff_ci_high": difference + half,
        "p_value": float(p_value),
    }
