"""What the benchmarks share: CPU time, interleaved timing, scaled scenarios."""

import os
import resource
import time
from collections.abc import Callable

import numpy as np


def cpu_seconds(action: Callable[[], object]) -> float:
    """CPU time of one call (the machine is shared, so wall time says little)."""
    started = time.process_time()
    action()
    return time.process_time() - started


def interleaved(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median CPU time of each action, the actions taking turns round after round so that
    a change in the machine's load falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(cpu_seconds(action))
    return {name: float(np.median(values)) for name, values in times.items()}


def peak_memory_gb() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def load() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes."""
    return [round(value, 2) for value in os.getloadavg()]


def default_scaled(citizens: int, mean_degree: float = 20.0) -> dict[str, float]:
    """Overrides scaling the default scenario to `citizens` in its 4:4:2 proportions."""
    shares = {"Northland": 0.4, "Eastmark": 0.4, "Southport": 0.2}
    sizes = {name: int(citizens * share) for name, share in shares.items()}
    sizes["Northland"] += citizens - sum(sizes.values())
    overrides: dict[str, float] = {f"countries.{n}.citizens": s for n, s in sizes.items()}
    overrides["world.semantic.mean_degree"] = mean_degree
    return overrides
