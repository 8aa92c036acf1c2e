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

from cybergeo.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd


class Statistic(StrEnum):
    """How a run's time series becomes one number: the last value, the mean over the run,
    the total (for per-step counts) or the highest value reached."""

    FINAL = N_("final")
    MEAN = N_("mean")
    TOTAL = N_("total")
    MAX = N_("max")


class Kind(StrEnum):
    COUNT = N_("count per step")
    LEVEL = N_("level")
    SHARE = N_("share")


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
    return MetricInfo(pattern, Kind.SHARE, N_("share in [0, 1]"), Statistic.MEAN, description)


CATALOGUE: tuple[MetricInfo, ...] = (
    _count("operations_launched", N_("operations"), N_("operations launched in the step")),
    _count("operations_succeeded", N_("operations"), N_("operations that reached their effect")),
    _count("operations_detected", N_("incidents"), N_("operations detected by their victim")),
    _count(
        "attributions_correct", N_("attributions"), N_("public attributions naming the true author")
    ),
    _count("attributions_wrong", N_("attributions"), N_("public attributions naming someone else")),
    _count("attributions_operator", N_("attributions"), N_("right attributions naming the proxy")),
    _count(
        "incidents_unanswered", N_("incidents"), N_("investigations closed without attribution")
    ),
    _level("incidents_open", N_("incidents"), N_("investigations still open")),
    _count("leaks", N_("leaks"), N_("insider leaks published")),
    _count(
        "messages", N_("messages"), N_("messages posted (news, leaks, diplomacy, disinformation)")
    ),
    _count(
        "citizens_reached",
        N_("citizens"),
        N_("citizens a message reached (`.Country`: per country)"),
    ),
    _count("censorship_events", N_("events"), N_("censorship measures taken")),
    _count("arrests", N_("citizens"), N_("protesters arrested")),
    _count(
        "retaliations_against_innocents",
        N_("responses"),
        N_("responses against an uninvolved actor"),
    ),
    _level("mean_tension", N_("tension in [0, 1]"), N_("mean tension over all pairs of states")),
    _level(
        "max_escalation", N_("rungs (0-6)"), N_("highest escalation rung of any pair"), peak=True
    ),
    _share("availability_hardware", N_("working hardware nodes (`.Country`: per country)")),
    _share("availability_software", N_("working software systems (`.Country`: per country)")),
    _share("availability_semantic", N_("reachable accounts (`.Country`: per country)")),
    _share("cross_border_open", N_("open ties between accounts of different countries")),
    _level(
        "trust_government",
        N_("trust in [0, 1]"),
        N_("`.Country`: citizens' mean trust in government"),
    ),
    _share("protest_share", N_("`.Country`: citizens protesting")),
    _level("grievance", N_("grievance in [0, 1]"), N_("`.Country`: citizens' mean grievance")),
    _share("circumvention", N_("`.Country`: citizens with circumvention tools")),
    _level(
        "standing_abroad", N_("attitude in [0, 1]"), N_("`.Country`: mean attitude of foreigners")
    ),
    _level(
        "transit_routes", N_("routes"), N_("`.Country`: routes between others crossing the country")
    ),
    _level("escalation", N_("rungs (0-6)"), N_("`.A-B`: escalation rung of the pair"), peak=True),
    _level("tension", N_("tension in [0, 1]"), N_("`.A-B`: tension between the pair")),
    _level("firm_reputation", N_("reputation in [0, 1]"), N_("`.Firm`: the firm's reputation")),
    _share("user_share", N_("`.Firm.Country`: the firm's share of the country's users")),
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
    unknown = (N_("unknown"), Statistic.MEAN, N_("not in the catalogue"), False)
    return MetricInfo(metric, Kind.LEVEL, *unknown)


def default_statistic(metric: str) -> Statistic:
    return describe(metric).statistic


def statistic_note(metric: str, statistic: Statistic | None) -> str:
    """Which statistic summarises each run, and why: said next to every result."""
    info = describe(metric)
    if statistic is not None:
        return _("{statistic} per run (as asked)").format(statistic=_(statistic))
    if not info.known:
        return _(
            "{statistic} per run ({metric} is not in the metric catalogue; "
            "pass --statistic to choose)"
        ).format(statistic=_(info.statistic), metric=metric)
    return _("{statistic} per run (the default for a {kind})").format(
        statistic=_(info.statistic), kind=_(info.kind)
    )


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
