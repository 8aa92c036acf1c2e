"""Batch throughput: the same runs with 1 and with 2 local workers.

Parallel efficiency is the speed-up over one worker divided by the workers. Wall time is
the only measure here (the point is to use both cores), so the machine's load shows in it.
"""

import tempfile
import time
from pathlib import Path

from cybergeo import load_scenario
from cybergeo.experiments import plan_batch, run_batch


def measure(runs: int, steps: int) -> dict[str, float]:
    scenario = load_scenario(
        "default.yaml",
        {"steps": steps, "experiment": {"name": "throughput", "replications": runs}},
    )
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for number, workers in enumerate((2, 1, 2)):
            batch = plan_batch(scenario, Path(folder) / f"batch-{number}")
            started = time.perf_counter()
            summary = run_batch(batch, executor="local", workers=workers)
            rates[workers] = summary.completed / (time.perf_counter() - started)
    return {
        "runs": runs,
        "steps": steps,
        "runs_per_s_1": rates[1],
        "runs_per_s_2": rates[2],
        "efficiency": rates[2] / rates[1] / 2,
    }
