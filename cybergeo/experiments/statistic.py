"""How a run's time series becomes one number (its own module, so that the command line
can offer the choice without importing pandas)."""

from enum import StrEnum


class Statistic(StrEnum):
    """How a run's time series becomes one number: for levels such as tension, the last
    value or the mean over the run; for per-step counts such as attributions, the total."""

    FINAL = "final"
    MEAN = "mean"
    TOTAL = "total"
