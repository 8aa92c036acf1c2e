"""Generic measures on any per-step metric: its value at a step, its change around a step or
an event, and the difference between two countries or firms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData
from cybergeo.facts.society import STATISTICS, Statistic

if TYPE_CHECKING:
    import pandas as pd


def _series(run: RunData, metric: str) -> pd.Series:
    if metric not in run.metrics.columns:
        raise KeyError(f"no metric {metric!r} in the run")
    return run.metrics.set_index("step")[metric]


@measure
def metric_at(run: RunData, metric: str, step: int) -> float:
    """The value of a metric (a column of `metrics.parquet`) at a step."""
    series = _series(run, metric)
    return float(series.get(step, float("nan")))


@measure
def metric_change(
    run: RunData,
    metric: str,
    step: int | None = None,
    event: str | None = None,
    window: Annotated[int, Field(ge=1)] = 10,
) -> float:
    """The mean of a metric over the `window` steps from a step (or the first event of a
    kind, e.g. `platform_shutdown`) minus its mean over the `window` steps before; NaN when
    the event did not happen."""
    if event is not None:
        steps = run.events.loc[run.events["kind"] == event, "step"]
        step = int(steps.min()) if len(steps) else None
    if step is None:
        return float("nan")
    series = _series(run, metric)
    after = series[(series.index >= step) & (series.index < step + window)]
    before = series[(series.index >= step - window) & (series.index < step)]
    return float(after.mean() - before.mean())


@measure
def difference(
    run: RunData,
    metric: str,
    between: Annotated[list[str], Field(min_length=2, max_length=2)],
    statistic: Statistic = "mean",
) -> float:
    """The `mean`, `median` or `peak` over the run of a metric for the first of `between`
    minus the same for the second. `metric` names the column with `{}` where the country or
    firm goes (`protest_share.{}`, `user_share.{}.Southport`); without `{}`, `.{}` is
    appended."""
    template = metric if "{}" in metric else metric + ".{}"
    first, second = (
        float(STATISTICS[statistic](_series(run, template.format(name)))) for name in between
    )
    return first - second


@measure
def metric_gain(run: RunData, metric: str, start: int = 1, end: int | None = None) -> float:
    """A metric's value at step `end` (the last step by default) minus its value at step
    `start`."""
    series = _series(run, metric)
    last = series.index.max() if end is None else end
    return float(series.get(last, float("nan")) - series.get(start, float("nan")))


@measure
def metric_around(
    run: RunData,
    metric: str,
    event: str,
    actor: str | None = None,
    after: int = 0,
    until: int = 0,
    statistic: Statistic = "peak",
) -> float:
    """The `peak`, `mean` or `median` of a metric over the steps from `after` to `until`
    steps after the first event of a kind (by `actor`, if given); 0 is the event's own
    step, negative offsets are before it. NaN without the event."""
    step = first_event(run, event, actor)
    if step is None:
        return float("nan")
    series = _series(run, metric)
    window = series[(series.index >= step + after) & (series.index <= step + until)]
    return float(STATISTICS[statistic](window)) if len(window) else float("nan")


def first_event(run: RunData, kind: str, actor: str | None = None) -> int | None:
    """The step of the first event of a kind (by an actor), or None."""
    events = run.events[run.events["kind"] == kind]
    if actor is not None:
        events = events[events["actor"] == actor]
    return int(events["step"].min()) if len(events) else None
