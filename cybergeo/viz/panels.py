"""One panel per question a class asks of a run, each tied to the ODD rule behind it.

Every panel takes an axes and the run's metrics table; the run overview lays them out on
one figure and the dashboard shows them one by one, with a link to `docs/ODD.md`.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from cybergeo.dynamics.diplomacy import Escalation
from cybergeo.i18n import N_, _
from cybergeo.i18n.labels import label
from cybergeo.viz.style import (
    NEUTRAL,
    PALETTE,
    STRATUM_COLOURS,
    colour_of,
    days_axis,
    legend_beside,
    strongest,
)


def _days(metrics: pd.DataFrame, step_days: int) -> pd.Series:
    return metrics["step"] * step_days


def _by_country(metrics: pd.DataFrame, prefix: str) -> list[str]:
    return [c for c in metrics.columns if c.startswith(prefix)]


BELOW_ZERO = 0.04
"""Margin under zero, as a share of the axis's top, that keeps a line of zeros in sight
above the frame."""


def _count_axis(ax: Axes) -> None:
    """Whole numbers on the value axis, from zero up to one at least (a run with none)."""
    top = max(1.0, ax.get_ylim()[1])
    ax.set_ylim(-BELOW_ZERO * top, top)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def operations(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Operations launched, succeeded and detected, cumulated."""
    for i, name in enumerate(
        ("operations_launched", "operations_succeeded", "operations_detected")
    ):
        ax.plot(
            _days(metrics, step_days),
            metrics[name].cumsum(),
            label=label(name),
            color=PALETTE[i],
        )
    ax.set_title(_("Operations (cumulative)"))
    days_axis(ax, step_days, _("operations (count)"))
    _count_axis(ax)
    legend_beside(ax)


def attributions(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Public attributions that named the true author, and those that did not."""
    colours = {"attributions_correct": PALETTE[2], "attributions_wrong": PALETTE[1]}
    for name, colour in colours.items():
        if name in metrics:
            ax.plot(
                _days(metrics, step_days), metrics[name].cumsum(), label=label(name), color=colour
            )
    ax.set_title(_("Public attributions (cumulative)"))
    days_axis(ax, step_days, _("attributions (count)"))
    _count_axis(ax)
    legend_beside(ax)


def _per_country(
    ax: Axes, metrics: pd.DataFrame, step_days: int, prefix: str, scale: float
) -> None:
    for i, column in enumerate(_by_country(metrics, prefix)[: len(PALETTE)]):
        country = column.removeprefix(prefix)
        ax.plot(
            _days(metrics, step_days), metrics[column] * scale, label=country, color=colour_of(i)
        )
    legend_beside(ax, _("country"))


def trust(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Citizens' mean trust in their own government, per country."""
    _per_country(ax, metrics, step_days, "trust_government.", 100.0)
    ax.set_ylim(0, 100)
    ax.set_title(_("Citizens' trust in their government"))
    days_axis(ax, step_days, _("mean trust (% of full trust)"))


def protest(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Share of citizens out protesting, per country."""
    _per_country(ax, metrics, step_days, "protest_share.", 100.0)
    ax.set_ylim(bottom=-BELOW_ZERO * ax.get_ylim()[1])
    ax.set_title(_("Citizens protesting"))
    days_axis(ax, step_days, _("citizens protesting (%)"))


def tension(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Tension between each pair of states (the most tense pairs when there are many)."""
    pairs = _by_country(metrics, "tension.")
    shown = strongest(pairs, [float(metrics[c].max()) for c in pairs])
    for i, column in enumerate(shown):
        ax.plot(
            _days(metrics, step_days),
            metrics[column],
            label=column.removeprefix("tension."),
            color=colour_of(i),
        )
    ax.plot(
        _days(metrics, step_days),
        metrics["mean_tension"],
        label=_("mean of all pairs"),
        color=NEUTRAL,
        linestyle="--",
    )
    ax.set_ylim(0, 1)
    ax.set_title(_("Tension between states"))
    days_axis(ax, step_days, _("tension (0 = calm, 1 = crisis)"))
    legend_beside(ax, _("pair of states"))


def escalation(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """The rung of the escalation ladder each pair of states stands on."""
    pairs = _by_country(metrics, "escalation.")
    shown = strongest(pairs, [float(metrics[c].max()) for c in pairs])
    for i, column in enumerate(shown):
        ax.step(
            _days(metrics, step_days),
            metrics[column],
            where="post",
            label=column.removeprefix("escalation."),
            color=colour_of(i),
        )
    rungs = list(Escalation)
    ax.set_yticks([r.value for r in rungs], [_(RUNGS[r]) for r in rungs])
    ax.set_ylim(-0.2, max(r.value for r in rungs) + 0.2)
    ax.set_title(_("Escalation ladder"))
    days_axis(ax, step_days, _("highest response (rung)"))
    legend_beside(ax, _("pair of states"))


RUNGS = {
    Escalation.NONE: N_("none"),
    Escalation.PROTEST: N_("protest"),
    Escalation.SANCTIONS: N_("sanctions"),
    Escalation.INDICTMENTS: N_("indictments"),
    Escalation.COUNTER_OPERATION: N_("counter-operation"),
}


def strata_availability(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Share of each stratum that works: hardware up, systems up, follow ties open."""
    for stratum, colour in STRATUM_COLOURS.items():
        column = f"availability_{stratum}"
        ax.plot(
            _days(metrics, step_days), metrics[column] * 100, label=label(stratum), color=colour
        )
    ax.set_ylim(0, 102)
    ax.set_title(_("Availability of each stratum"))
    days_axis(ax, step_days, _("working (% of the stratum)"))
    legend_beside(ax, _("stratum"))


def country_availability(ax: Axes, metrics: pd.DataFrame, step_days: int) -> None:
    """Per country, the mean of its three strata's availability."""
    countries = [
        c.removeprefix("trust_government.") for c in _by_country(metrics, "trust_government.")
    ]
    for i, country in enumerate(countries[: len(PALETTE)]):
        columns = [f"availability_{s}.{country}" for s in STRATUM_COLOURS]
        ax.plot(
            _days(metrics, step_days),
            metrics[columns].mean(axis=1) * 100,
            label=country,
            color=colour_of(i),
        )
    ax.set_ylim(0, 102)
    ax.set_title(_("Availability in each country"))
    days_axis(ax, step_days, _("working (% of its three strata)"))
    legend_beside(ax, _("country"))


@dataclass(frozen=True)
class Panel:
    """A panel, what it shows, and the ODD section whose rule produces it."""

    key: str
    draw: Callable[[Axes, pd.DataFrame, int], None]
    odd_section: str


PANELS = (
    Panel("operations", operations, "7.9 Success and effects of operations"),
    Panel("attributions", attributions, "7.23 Attribution: the decision to go public"),
    Panel("trust", trust, "7.27 Trust and resentment"),
    Panel("protest", protest, "7.26 Mobilisation (Epstein's civil violence)"),
    Panel("tension", tension, "7.25 Tension"),
    Panel("escalation", escalation, "7.24 Responses and the escalation ladder"),
    Panel("strata", strata_availability, "7.15 Interdependence cascade"),
    Panel("countries", country_availability, "7.2 Hardware repair, background outages, expiry"),
)
"""Panels in reading order: what was done, what was said, how people and states reacted,
what still works."""
