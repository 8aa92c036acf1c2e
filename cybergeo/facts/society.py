"""Measures of protest and repression, from the per-step metrics."""

from collections.abc import Callable
from operator import methodcaller
from typing import Any, Literal

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData

STATISTICS: dict[str, Callable[[Any], Any]] = {
    "median": methodcaller("median", skipna=False),
    "mean": methodcaller("mean"),
    "peak": methodcaller("max"),
}
"""How a daily series (a pandas Series) is summarised over a run: as numpy's median, mean
and max summarise it (a missing value makes the median missing, the others skip it)."""
Statistic = Literal["median", "mean", "peak"]
DAYS_PER_YEAR = 365.0


@measure
def protest_share(
    run: RunData, country: str | None = None, statistic: Statistic = "median"
) -> float:
    """The `median`, `mean` or `peak` over days of the share of a country's citizens
    protesting; without a country, the highest over countries (so a bound holds in every
    country). Record: peak participation is a few per cent even in revolutions (Chenoweth's
    3.5 % rule)."""
    summarise = STATISTICS[statistic]
    countries = [country] if country else run.scenario.country_ids()
    return max(float(summarise(run.metrics[f"protest_share.{c}"])) for c in countries)


@measure
def arrests_per_citizen_year(run: RunData) -> float:
    """Arrests of protesters per citizen and per year of simulated time."""
    citizens = sum(c.citizens for c in run.scenario.countries)
    years = len(run.metrics) * run.days_per_step / DAYS_PER_YEAR
    return float(run.metrics["arrests"].sum()) / citizens / years
