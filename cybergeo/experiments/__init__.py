"""Scenario batches: designs, executors (local processes or Dask), a result store that
survives interruptions, policy comparison and sensitivity analysis."""

from cybergeo.experiments.batch import BatchSummary, plan_batch, run_batch
from cybergeo.experiments.compare import compare, comparison_figure
from cybergeo.experiments.load import BatchResults, load_batch
from cybergeo.experiments.sensitivity import sensitivity, sensitivity_figure

__all__ = [
    "BatchResults",
    "BatchSummary",
    "compare",
    "comparison_figure",
    "load_batch",
    "plan_batch",
    "run_batch",
    "sensitivity",
    "sensitivity_figure",
]
