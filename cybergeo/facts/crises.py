"""Measures of crises: how long from one kind of event to another, and who was arrested."""

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData


@measure
def event_gap(run: RunData, first: str, then: str) -> float:
    """Days from the first event of kind `first` to the first event of kind `then` at or
    after it; NaN if either never happens. Record: NATO's cyber defence centre was founded
    in Tallinn about a year after the 2007 attacks."""
    events = run.events
    start = events.loc[events["kind"] == first, "step"]
    if not len(start):
        return float("nan")
    later = events.loc[(events["kind"] == then) & (events["step"] >= start.min()), "step"]
    return float((later.min() - start.min()) * run.days_per_step) if len(later) else float("nan")


@measure
def strike_span(run: RunData, target: str) -> float:
    """Days from the first to the last strike by groups on `target`; NaN without strikes.
    Record: the DDoS waves on Estonia lasted about three weeks (27 April to 18 May 2007)."""
    events = run.events
    groups = {g.id for g in run.scenario.groups}
    strikes = events[
        (events["kind"] == "operation_launched")
        & (events["target"] == target)
        & events["true_author"].isin(groups)
    ]
    if not len(strikes):
        return float("nan")
    return float((strikes["step"].max() - strikes["step"].min()) * run.days_per_step)


@measure
def arrests_of(run: RunData, group: str) -> float:
    """Times members of `group` were arrested after it was publicly named (`arrests` events
    naming it). Record: Russia refused Estonia legal assistance, so nobody in Russia was
    prosecuted for the 2007 attacks."""
    events = run.events
    return float(((events["kind"] == "arrests") & (events["target"] == group)).sum())
