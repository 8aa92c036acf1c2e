"""The metric catalogue: what each recorded metric is, in which unit, and how a run's time
series of it is best summarised as one number.

A metric is a count per step (operations launched this step: summed over the run), a level
(tension now: averaged over the run, or its peak for the escalation ladder), or a share of a
population in [0, 1] (averaged). Per-country, per-pair and per-firm metrics are named
`family.Country`, `family.A-B`, `family.Firm.Country`; the catalogue describes them by their
family, the part before the first dot. New metrics are one line in `CATALOGUE`.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class Statistic(StrEnum):
    """How a run's time series becomes one number: the last value, the mean over the run,
    the total (for per-step counts) or the highest value reached."""

    FINAL = "final"
    MEAN = "mean"
    TOTAL = "total"
    MAX = "max"


class Kind(StrEnum):
    COUNT = "count per step"
    LEVEL = "level"
    SHARE = "share"


@dataclass(frozen=True)
class MetricInfo:
    """One family of metrics: its kind, unit, default statistic and meaning."""

    pattern: str
    kind: Kind
    unit: str
    statistic: Statistic
    description: str
    known: bool = True

    @property
    def lower(self) -> float:
        """Smallest possible value: the catalogue's counts, levels and shares are never
        negative; of an unknown metric nothing is assumed."""
        return 0.0 if self.known else float("-inf")

    @property
    def upper(self) -> float:
        """Largest possible value: 1 for shares, unbounded otherwise."""
        return 1.0 if self.kind == Kind.SHARE else float("inf")


def _count(pattern: str, unit: str, description: str) -> MetricInfo:
    return MetricInfo(pattern, Kind.COUNT, unit, Statistic.TOTAL, description)


def _level(pattern: str, unit: str, description: str, peak: bool = False) -> MetricInfo:
    statistic = Statistic.MAX if peak else Statistic.MEAN
    return MetricInfo(pattern, Kind.LEVEL, unit, statistic, description)


def _share(pattern: str, description: str) -> MetricInfo:
    return MetricInfo(pattern, Kind.SHARE, "share in [0, 1]", Statistic.MEAN, description)


CATALOGUE: tuple[MetricInfo, ...] = (
    _count("operations_launched", "operations", "operations launched in the step"),
    _count("operations_succeeded", "operations", "operations that reached their effect"),
    _count("operations_detected", "incidents", "operations detected by their victim"),
    _count("attributions_correct", "attributions", "public attributions naming the true author"),
    _count("attributions_wrong", "attributions", "public attributions naming someone else"),
    _count("attributions_operator", "attributions", "right attributions naming the proxy"),
    _count("incidents_unanswered", "incidents", "investigations closed without attribution"),
    _level("incidents_open", "incidents", "investigations still open"),
    _count("leaks", "leaks", "insider leaks published"),
    _count("messages", "messages", "messages posted (news, leaks, diplomacy, disinformation)"),
    _count("citizens_reached", "citizens", "citizens a message reached (`.Country`: per country)"),
    _count("censorship_events", "events", "censorship measures taken"),
    _count("arrests", "citizens", "protesters arrested"),
    _count("retaliations_against_innocents", "responses", "responses against an uninvolved actor"),
    _level("mean_tension", "tension in [0, 1]", "mean tension over all pairs of states"),
    _level("max_escalation", "rungs (0-6)", "highest escalation rung of any pair", peak=True),
    _share("availability_hardware", "working hardware nodes (`.Country`: per country)"),
    _share("availability_software", "working software systems (`.Country`: per country)"),
    _share("availability_semantic", "reachable accounts (`.Country`: per country)"),
    _share("cross_border_open", "open ties between accounts of different countries"),
    _level("trust_government", "trust in [0, 1]", "`.Country`: citizens' mean trust in government"),
    _share("protest_share", "`.Country`: citizens protesting"),
    _level("grievance", "grievance in [0, 1]", "`.Country`: citizens' mean grievance"),
    _share("circumvention", "`.Country`: citizens with circumvention tools"),
    _level("standing_abroad", "attitude in [0, 1]", "`.Country`: mean attitude of foreigners"),
    _level("transit_routes", "routes", "`.Country`: routes between others crossing the country"),
    _level("escalation", "rungs (0-6)", "`.A-B`: escalation rung of the pair", peak=True),
    _level("tension", "tension in [0, 1]", "`.A-B`: tension between the pair"),
    _level("firm_reputation", "reputation in [0, 1]", "`.Firm`: the firm's reputation"),
    _share("user_share", "`.Firm.Country`: the firm's share of the country's users"),
)

_BY_FAMILY = {info.pattern: info for info in CATALOGUE}


def family(metric: str) -> str:
    """`trust_government.Eastmark` -> `trust_government`."""
    return metric.split(".", 1)[0]


def describe(metric: str) -> MetricInfo:
    """The catalogue's entry for a metric, or a neutral one (a level summarised by its mean,
    bounded below by nothing) for a metric the catalogue does not know."""
    info = _BY_FAMILY.get(family(metric))
    if info is not None:
        return info
    return MetricInfo(metric, Kind.LEVEL, "unknown", Statistic.MEAN, "not in the catalogue", False)


def default_statistic(metric: str) -> Statistic:
    return describe(metric).statistic


def statistic_note(metric: str, statistic: Statistic | None) -> str:
    """Which statistic summarises each run, and why: said next to every result."""
    info = describe(metric)
    if statistic is not None:
        return f"{statistic} per run (as asked)"
    if not info.known:
        return (
            f"{info.statistic} per run ({metric} is not in the metric catalogue; "
            "pass --statistic to choose)"
        )
    return f"{info.statistic} per run (the default for a {info.kind})"


PANDAS_NAMES = {
    Statistic.FINAL: "last",
    Statistic.MEAN: "mean",
    Statistic.TOTAL: "sum",
    Statistic.MAX: "max",
}


def summarise(
    metrics: "pd.DataFrame", metric: str, statistic: Statistic | str | None = None
) -> "pd.Series":
    """Per run (`run` column) the metric's time series reduced to one number."""
    chosen = Statistic(statistic) if statistic is not None else default_statistic(metric)
    per_run = metrics.sort_values(["run", "step"]).groupby("run")[metric]
    values: pd.Series = per_run.agg(PANDAS_NAMES[chosen])
    return values.rename(metric)
