"""Scenario batches: designs, executors (local processes or Dask), a result store that
survives interruptions, policy comparison and sensitivity analysis.

The names below are imported on first use, so a worker process that only runs scenarios
does not pay for SALib, scipy.stats and matplotlib at start-up.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cybergeo.experiments.batch import BatchSummary, plan_batch, run_batch
    from cybergeo.experiments.compare import compare_policies, comparison_figure
    from cybergeo.experiments.load import BatchResults, load_batch
    from cybergeo.experiments.sensitivity import (
        sensitivity_figure,
        sensitivity_indices,
        sensitivity_warnings,
    )

_HOMES = {
    "BatchSummary": "batch",
    "plan_batch": "batch",
    "run_batch": "batch",
    "compare_policies": "compare",
    "comparison_figure": "compare",
    "BatchResults": "load",
    "load_batch": "load",
    "sensitivity_indices": "sensitivity",
    "sensitivity_figure": "sensitivity",
    "sensitivity_warnings": "sensitivity",
}

__all__ = [
    "BatchResults",
    "BatchSummary",
    "compare_policies",
    "comparison_figure",
    "load_batch",
    "plan_batch",
    "run_batch",
    "sensitivity_figure",
    "sensitivity_indices",
    "sensitivity_warnings",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
