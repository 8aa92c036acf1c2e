"""Metrics per step and the event log, with ground truth, as tidy tables."""

from dataclasses import dataclass, field
from typing import Any

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
        frame = pd.DataFrame(self.event_rows, columns=EVENT_COLUMNS)
        types = {"step": "int64", "incident": "Int64", "confidence": "float64"}
        text = {c: "string" for c in EVENT_COLUMNS if c not in types}
        return frame.astype({**types, **text})
