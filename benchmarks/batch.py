"""Batch throughput: the same runs with 1 and with 2 local workers.

Parallel efficiency is the speed-up over one worker divided by the workers. Wall time is
the only measure here (the point is to use both cores), so the machine's load shows in it.

Both sides first run a two-run batch untimed, so that each pays its one-time imports (the
model in this process for one worker, in the fork server for two) before the clock starts:
a process pays them once whatever its batches. Then the timed passes take turns, 2, 1, 2
workers, and the 2-worker rate is the mean of its two passes, which bracket the 1-worker
pass in time so that a drift in the machine's load weighs on both sides alike.
"""

import tempfile
import time
from pathlib import Path

from cybergeo import load_scenario
from cybergeo.experiments import plan_batch, run_batch

PASSES = (2, 1, 2)


def measure(runs: int, steps: int) -> dict[str, float | list[float]]:
    scenario = load_scenario(
        "default.yaml",
        {"steps": steps, "experiment": {"name": "throughput", "replications": runs}},
    )
    warm_up = load_scenario(
        "default.yaml", {"steps": 2, "experiment": {"name": "warm-up", "replications": 2}}
    )
    rates: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as folder:
        for workers in (1, 2):
            run_batch(plan_batch(warm_up, Path(folder)), executor="local", workers=workers)
        for workers in PASSES:
            batch = plan_batch(scenario, Path(folder))
            started = time.perf_counter()
            summary = run_batch(batch, executor="local", workers=workers)
            rates[workers].append(summary.completed / (time.perf_counter() - started))
    one, two = (sum(rates[w]) / len(rates[w]) for w in (1, 2))
    return {
        "runs": runs,
        "steps": steps,
        "runs_per_s_1": one,
        "runs_per_s_2": two,
        "runs_per_s_2_passes": rates[2],
        "efficiency": two / one / 2,
    }
