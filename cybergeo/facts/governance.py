"""Measures of the governance arena: votes by regime, capture of a body, and the time from
one event to another (a leak to a concession or to a law in force)."""

from typing import Literal

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData

RegimeGroup = Literal["democracy", "non_democracy", "all"]


@measure
def sovereign_vote_share(run: RunData, proposal: str, regimes: RegimeGroup = "all") -> float:
    """Share of the voting states of a regime group that sided with sovereignty on a
    proposal (yes to a data treaty, no to a stewardship transfer); NaN if never voted.
    Record: 89 of 151 states signed the ITRs at WCIT-12, not the US, the EU or Japan."""
    column = f"sovereign_votes.{proposal}.{regimes}"
    if column not in run.metrics.columns:
        raise KeyError(f"no proposal {proposal!r} in the run")
    voted = run.metrics[column].dropna()
    return float(voted.iloc[-1]) if len(voted) else float("nan")


@measure
def body_captured(run: RunData, body: str) -> float:
    """1 if, at some step, seats leaning to sovereignty held more than half of a body's
    weighted votes, else 0; its mean is the share of runs where the body was captured."""
    column = f"sovereigntist_weight.{body}"
    if column not in run.metrics.columns:
        raise KeyError(f"no body {body!r} in the run")
    return float(run.metrics[column].max() > 0.5)


@measure
def days_between(run: RunData, first: str, then: str) -> float:
    """Days from the first event of kind `first` to the first event of kind `then` on or
    after it (e.g. `leak` to `concession`); NaN when either never happens."""
    kinds = run.events["kind"]
    start = run.events.loc[kinds == first, "step"]
    if not len(start):
        return float("nan")
    later = run.events.loc[(kinds == then) & (run.events["step"] >= start.min()), "step"]
    if not len(later):
        return float("nan")
    return float((later.min() - start.min()) * run.days_per_step)
