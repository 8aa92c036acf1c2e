"""Measures of opacity and restraint: detection, dwell, attribution, responses, escalation.

Times are in days (steps times `step_days`). An incident is publicly attributed when its
victim named an actor; naming only "an unknown actor" is not an attribution. A detected
incident that was never attributed (or is still under investigation when the run ends) was
answered by silence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from cybergeo.dynamics.kinds import Escalation, OperationKind
from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData
from cybergeo.scenario.spec import UNKNOWN_ACTOR

if TYPE_CHECKING:
    import pandas as pd

SILENCE = "silence"
Rung = Literal["protest", "sanctions", "indictments", "counter_operation"]
Response = Literal[
    "silence", "statement", "protest", "sanctions", "indictments", "counter_operation", "arrests"
]


def _of_kind(run: RunData, operation: str | None) -> pd.DataFrame:
    table = run.incidents
    return table if operation is None else table[table["kind"] == operation]


def _named(table: pd.DataFrame) -> pd.Series:
    """Whether each incident was publicly attributed to a named actor."""
    return table["blamed"].notna() & (table["blamed"] != UNKNOWN_ACTOR)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def _quantile(values: pd.Series, quantile: float) -> float:
    """A quantile as numpy gives it: interpolated, NaN if a value is missing."""
    values = values.astype(float)
    if not len(values) or values.isna().any():
        return float("nan")
    return float(values.quantile(quantile))


@measure
def detected_share(run: RunData, operation: OperationKind | None = None) -> float:
    """Share of launched operations (of one kind, or all) that their victim ever detected.
    Record: most state operations are never seen (opacity)."""
    table = _of_kind(run, operation)
    return _share(int(table["detected"].notna().sum()), len(table))


@measure
def dwell_time(
    run: RunData,
    operation: OperationKind | None = None,
    quantile: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5,
) -> float:
    """A quantile (default the median) of the days from launch to detection, over detected
    operations of one kind (or all). Record: Mandiant M-Trends' median dwell."""
    table = _of_kind(run, operation)
    seen = table[table["detected"].notna()]
    return _quantile((seen["detected"] - seen["launched"]) * run.days_per_step, quantile)


@measure
def attributed_share(run: RunData, operation: OperationKind | None = None) -> float:
    """Share of detected incidents (of one kind, or all) publicly attributed to a named
    actor. Record: most state operations are never officially attributed."""
    seen = _of_kind(run, operation)
    seen = seen[seen["detected"].notna()]
    return _share(int(_named(seen).sum()), len(seen))


@measure
def attribution_delay(
    run: RunData,
    operation: OperationKind | None = None,
    quantile: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5,
) -> float:
    """A quantile (default the median) of the days from detection to public attribution,
    over incidents attributed to a named actor. Record: Sony 25 days, the DNC about 4
    months, NotPetya 7.5 months."""
    table = _of_kind(run, operation)
    named = table[_named(table)]
    return _quantile((named["attributed"] - named["detected"]) * run.days_per_step, quantile)


@measure
def rung_reached(run: RunData, rung: Rung = "counter_operation") -> float:
    """1 if some pair of states reached this rung of the escalation ladder (or a higher one)
    during the run, else 0; its mean over runs is the share of runs reaching it."""
    level = Escalation[rung.upper()]
    columns = [c for c in run.metrics.columns if c.startswith("escalation.")]
    peak = run.metrics[columns].to_numpy().max() if columns else 0.0
    return float(peak >= level)


@measure
def response_share(
    run: RunData, responses: list[Response], operation: OperationKind | None = None
) -> float:
    """Share of detected incidents (of one kind, or all) answered by one of `responses`:
    `silence` (no public attribution yet), `statement`, `protest`, `sanctions`,
    `indictments`, `counter_operation`, `arrests`.
    Record: espionage is answered by silence or words; disruption by sanctions or more."""
    table = _of_kind(run, operation)
    seen = table[table["detected"].notna()]
    answered = seen["response"].fillna(SILENCE)
    return _share(int(answered.isin(responses).sum()), len(seen))
