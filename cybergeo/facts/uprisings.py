"""Measures of mobilisation that travels: onset abroad after a fall, and protest news
rising before the street's peak (cases.md S3)."""

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData
from cybergeo.facts.series import _series, first_event


@measure
def onset_lag(run: RunData, source: str, target: str, share: float = 0.01) -> float:
    """Steps from the fall of `source`'s regime to the first step `target`'s protest share
    reaches `share` (negative if it came first); NaN if either never happens. Record
    (cases.md S3): Egypt rose 11 days after Ben Ali fled."""
    fall = first_event(run, "regime_fall", source)
    protest = _series(run, f"protest_share.{target}")
    onset = protest[protest >= share]
    if fall is None or onset.empty:
        return float("nan")
    return float(onset.index.min() - fall)


@measure
def rise_before_peak(run: RunData, metric: str, peak_of: str, days: int = 14) -> float:
    """How many times higher a metric is at the peak of another (mean of the 3 steps up to
    it) than `days` earlier (the 3 steps up to then, at least 1). Record (cases.md S3):
    online spikes preceded street events (Howard et al. 2011)."""
    peaks = _series(run, peak_of)
    peak = int(peaks.index.to_numpy()[peaks.to_numpy().argmax()])
    series = _series(run, metric)
    at_peak = float(series[(series.index > peak - 3) & (series.index <= peak)].mean())
    window = series[(series.index > peak - days - 3) & (series.index <= peak - days)]
    before = float(window.mean()) if len(window) else 0.0
    return at_peak / max(before, 1.0)
