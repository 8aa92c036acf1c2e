"""Measures of the displaced secret: takedowns of a publisher, Operation Payback, the reach
of the cables after a takedown, and the diplomatic fallout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData

if TYPE_CHECKING:
    import pandas as pd


def _first_steps(events: pd.DataFrame, kind: str, by: str) -> pd.Series:
    """The first step of each `by` value among events of a kind."""
    return events[events["kind"] == kind].groupby(by)["step"].min()


@measure
def payback_share(run: RunData, within: Annotated[int, Field(ge=0)] = 14) -> float:
    """Share of the firms that dropped a publisher that a group struck within `within` days
    of their takedown; NaN without takedowns. Record: Operation Payback hit MasterCard and
    Visa two days after they cut WikiLeaks off."""
    takedowns = _first_steps(run.events, "takedown", "actor")
    if not len(takedowns):
        return float("nan")
    strikes = run.events[run.events["kind"] == "strike_on_firm"]
    window = within / run.days_per_step
    struck = [
        bool(((strikes["target"] == firm) & strikes["step"].between(step, step + window)).any())
        for firm, step in takedowns.items()
    ]
    return sum(struck) / len(struck)


@measure
def strikes_on_refusers(run: RunData) -> float:
    """Strikes by groups on firms that never dropped a publisher. Record: Payback chose the
    firms that had complied."""
    events = run.events
    dropped = set(events.loc[events["kind"] == "takedown", "actor"])
    strikes = events[events["kind"] == "strike_on_firm"]
    return float((~strikes["target"].isin(dropped)).sum())


@measure
def reach_kept(run: RunData, window: Annotated[int, Field(ge=1)] = 14) -> float:
    """Mean reach of the cables over the `window` days from the first takedown of the
    publisher's site by its host, over their mean reach from the first release until then;
    NaN without such a takedown after the first release. Record: mirrors and partner
    newspapers kept the cables read (the secret is displaced, not suppressed)."""
    events = run.events
    releases = events.loc[events["kind"] == "cable_release", "step"]
    moves = events.loc[events["kind"] == "site_moved", "step"]
    if not len(releases) or not len(moves) or moves.min() <= releases.min():
        return float("nan")
    start, cut = int(releases.min()), int(moves.min())
    reach = run.metrics.set_index("step")["cable_reach"]
    before = reach[(reach.index >= start) & (reach.index < cut)].mean()
    after = reach[(reach.index >= cut) & (reach.index < cut + window / run.days_per_step)].mean()
    return float(after / before) if before else float("nan")


@measure
def tension_rises(run: RunData, country: str, rise: Annotated[float, Field(ge=0.0)] = 0.1) -> float:
    """Number of states not allied with `country` whose tension with it peaks at least
    `rise` above its value on the first step. Record: the cables strained US relations with
    Mexico and Ecuador, among others."""
    countries = {c.id: c for c in run.scenario.countries}
    allies = set(countries[country].allies) | {
        c for c in countries if country in countries[c].allies
    }
    rises = 0
    for other in countries:
        if other == country or other in allies:
            continue
        pair = [f"tension.{country}-{other}", f"tension.{other}-{country}"]
        column = next(c for c in pair if c in run.metrics.columns)
        series = run.metrics[column]
        rises += bool(series.max() - series.iloc[0] >= rise)
    return float(rises)
