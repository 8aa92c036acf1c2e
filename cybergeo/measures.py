"""Per-run measures of anonymity and attribution, computed from the event log.

The event log holds the ground truth, so each incident's story and every summary measure
(detection, accuracy, false attribution, silence, delays, retaliation against innocents,
escalation) can be recomputed from a run folder alone.
"""

import json

import numpy as np
import pandas as pd

from cybergeo.scenario.spec import UNKNOWN_ACTOR

INCIDENT_COLUMNS = [
    "incident",
    "kind",
    "target",
    "victim",
    "face",
    "true_author",
    "apparent_origin",
    "launched",
    "succeeded",
    "detected",
    "blamed",
    "attributed",
    "confidence",
    "correct",
    "level",
    "closed_unanswered",
    "response",
]


def incident_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per operation: what happened, when it was seen, who was blamed, what followed.

    `victim` is the country whose system was hit; `detected`, `attributed` are steps (or
    missing); `correct` says whether the blamed actor had a part in it, and `level` at which
    level: `responsible` (the true author: a proxy's sponsor, or who acted alone) or
    `operator` (the proxy that ran it).
    """
    events = events[events["incident"].notna()]
    launches = events[events["kind"] == "operation_launched"].set_index("incident")
    detections = events[events["kind"] == "incident_detected"].set_index("incident")
    attributions = events[events["kind"] == "attribution"].set_index("incident")
    closures = events[events["kind"] == "incident_closed"].set_index("incident")
    responses = events[events["kind"].isin(["response", "arrests"])]
    response = responses.groupby("incident")["detail"].first().fillna("arrests")
    table = pd.DataFrame(index=launches.index)
    table["kind"] = launches["detail"].str.split(" ").str[0]
    table["target"] = launches["detail"].str.split(" ").str[2]
    table["victim"] = launches["target"]
    table["face"] = launches["actor"]
    table["true_author"] = launches["true_author"]
    table["apparent_origin"] = launches["apparent_origin"]
    table["launched"] = launches["step"]
    table["succeeded"] = launches["detail"].str.endswith("succeeded")
    table["detected"] = detections["step"].reindex(table.index).astype("Int64")
    table["blamed"] = attributions["blamed"].reindex(table.index)
    table["attributed"] = attributions["step"].reindex(table.index).astype("Int64")
    table["confidence"] = attributions["confidence"].reindex(table.index)
    responsible = table["blamed"] == table["true_author"]
    operator = ~responsible & (table["blamed"] == table["face"])
    table["correct"] = (responsible | operator).where(table["blamed"].notna())
    level = pd.Series(pd.NA, index=table.index, dtype="string")
    level[responsible.fillna(False).astype(bool)] = "responsible"
    level[operator.fillna(False).astype(bool)] = "operator"
    table["level"] = level
    table["closed_unanswered"] = table.index.isin(closures.index)
    table["response"] = response.reindex(table.index)
    return table.reset_index()[INCIDENT_COLUMNS]


def attribution_measures(events: pd.DataFrame) -> dict[str, float]:
    """Summary of a run: detection rate and time, attribution accuracy (right at some level)
    and the share of right attributions that named the operator (a proxy) rather than who
    was responsible, false attribution rate, share of detected incidents never attributed,
    mean time to attribution, retaliations against innocents."""
    table = incident_table(events)
    detected = table[table["detected"].notna()]
    attributed = detected[detected["attributed"].notna()]
    wrong = attributed[~attributed["correct"].astype(bool)]
    return {
        "operations": float(len(table)),
        "detection_rate": _share(len(detected), len(table)),
        "mean_time_to_detection": _mean(detected["detected"] - detected["launched"]),
        "attribution_accuracy": _share(len(attributed) - len(wrong), len(attributed)),
        "operator_level": _share(
            int((attributed["level"] == "operator").sum()), len(attributed) - len(wrong)
        ),
        "false_attribution_rate": _share(len(wrong), len(attributed)),
        "never_attributed": _share(len(detected) - len(attributed), len(detected)),
        "mean_time_to_attribution": _mean(attributed["attributed"] - attributed["detected"]),
        "retaliations_against_innocents": float(len(retaliations_against_innocents(table))),
    }


def retaliations_against_innocents(table: pd.DataFrame) -> pd.DataFrame:
    """Incidents answered against a named actor that had no part in them (neither the
    author nor the proxy that carried the operation out); blaming an unknown actor harms
    nobody. The `retaliations_against_innocents` metric counts the same responses."""
    blamed = table["blamed"]
    named = blamed.notna() & (blamed != UNKNOWN_ACTOR)
    uninvolved = named & (blamed != table["true_author"]) & (blamed != table["face"])
    return table[uninvolved & table["response"].notna()]


def peak_escalation(metrics: pd.DataFrame) -> dict[str, float]:
    """Highest rung of the escalation ladder reached by each pair of states."""
    columns = [c for c in metrics.columns if c.startswith("escalation.")]
    return {c.removeprefix("escalation."): float(metrics[c].max()) for c in columns}


HEADLINE_TOTALS = (
    "operations_launched",
    "operations_succeeded",
    "operations_detected",
    "attributions_correct",
    "attributions_wrong",
    "leaks",
)


def headline(metrics: pd.DataFrame) -> dict[str, float]:
    """A few headline numbers over a whole run (totals are 0 and final values NaN for a
    run of no steps)."""
    result = {name: float(metrics[name].sum()) for name in HEADLINE_TOTALS if name in metrics}
    empty = metrics.empty
    result["final_mean_tension"] = (
        float("nan") if empty else float(metrics["mean_tension"].iloc[-1])
    )
    result["peak_escalation"] = float("nan") if empty else float(metrics["max_escalation"].max())
    return result


def belief_over_time(events: pd.DataFrame, incident: int) -> pd.DataFrame:
    """The victim's posterior over suspects, one row per step it changed."""
    beliefs = events[(events["kind"] == "belief") & (events["incident"] == incident)]
    rows = [
        {"step": step, **json.loads(detail)}
        for step, detail in zip(beliefs["step"], beliefs["detail"], strict=True)
    ]
    return pd.DataFrame(rows)


def _share(part: float, whole: float) -> float:
    return float(part / whole) if whole else float("nan")


def _mean(values: pd.Series) -> float:
    return float(np.mean(values.astype(float))) if len(values) else float("nan")
