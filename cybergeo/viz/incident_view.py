"""The incident table as a class reads it: what the victim saw, and the truth on demand."""

import pandas as pd

from cybergeo.i18n import N_, _
from cybergeo.i18n.labels import label
from cybergeo.measures import incident_table

SEEN = {
    "incident": N_("incident"),
    "launched": N_("day"),
    "kind": N_("operation"),
    "victim": N_("victim"),
    "target": N_("target"),
    "apparent_origin": N_("traffic seemed to come from"),
    "detected": N_("detected on day"),
    "blamed": N_("publicly blamed"),
    "confidence": N_("confidence"),
}
"""What anyone could know during the run."""
TRUTH = {
    "true_author": N_("true author"),
    "face": N_("carried out by"),
    "correct": N_("blame right?"),
}
"""Ground truth, shown only when the truth is revealed."""


def class_incidents(events: pd.DataFrame, reveal: bool = False) -> pd.DataFrame:
    """One row per operation, most recent first, with columns in the language in force;
    the truth columns only when `reveal` is set."""
    table = incident_table(events).iloc[::-1]
    shown = SEEN | (TRUTH if reveal else {})
    frame = table[list(shown)].copy()
    frame["kind"] = frame["kind"].map(label)
    frame["blamed"] = frame["blamed"].map(lambda b: label(b) if isinstance(b, str) else "")
    frame["confidence"] = frame["confidence"].map(lambda c: "" if pd.isna(c) else f"{c:.0%}")
    frame["detected"] = frame["detected"].astype("string").fillna("—")
    if reveal:
        frame["true_author"] = frame["true_author"].map(label)
        frame["correct"] = frame["correct"].map(
            lambda c: "" if pd.isna(c) else (_("yes") if c else _("no"))
        )
    return frame.rename(columns={k: _(v) for k, v in shown.items()}).reset_index(drop=True)
