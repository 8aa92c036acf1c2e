"""Metrics per step and the event log, with ground truth, as tidy tables."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

EVENT_COLUMNS = [
    "step",
    "kind",
    "actor",
    "target",
    "incident",
    "true_author",
    "apparent_origin",
    "blamed",
    "confidence",
    "detail",
]
"""Columns of the event log; `true_author`, `blamed` and `confidence` describe incidents."""


@dataclass
class Recorder:
    """Collects one metrics row per step and every event as it happens."""

    metric_rows: list[dict[str, float]] = field(default_factory=list)
    event_rows: list[dict[str, Any]] = field(default_factory=list)

    def event(
        self, step: int, kind: str, actor: str | None, target: str | None, **fields: Any
    ) -> None:
        unknown = set(fields) - set(EVENT_COLUMNS)
        if unknown:
            raise ValueError(f"unknown event fields: {sorted(unknown)}")
        self.event_rows.append(
            {"step": step, "kind": kind, "actor": actor, "target": target, **fields}
        )

    def metrics(self, step: int, values: dict[str, float]) -> None:
        self.metric_rows.append({"step": step, **values})

    def metrics_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.metric_rows)

    def events_frame(self) -> pd.DataFrame:
        """The event log, built column by column in each column's type (a frame built row
        by row, then converted, cost a tenth of a short run)."""
        return pd.DataFrame(
            {c: _typed_column(c, [row.get(c) for row in self.event_rows]) for c in EVENT_COLUMNS},
            columns=EVENT_COLUMNS,
        )


def _typed_column(name: str, values: list[Any]) -> Any:
    """One column of the event log: the step as integers, confidence as floats (NaN where
    missing), the incident as nullable integers, anything else as text."""
    if name == "step":
        return np.array(values, dtype=np.int64)
    if name == "confidence":
        return np.array(values, dtype=np.float64)
    return pd.array(values, dtype="Int64" if name == "incident" else "string")
