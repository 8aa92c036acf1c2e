"""Epstein's Model I at NetLogo Rebellion's defaults on the full 40 × 40 torus.

Prints, for a few seeds, the time per tick, the number of outbursts and their peak. NetLogo
gives about 20 outbursts in 600 ticks at legitimacy 0.82, peaking at about 30 % active.

    .venv/bin/python benchmarks/bench_rebellion.py [--ticks 600] [--seeds 3]
"""

import argparse
import time

import numpy as np

from cybergeo.dynamics import civil_violence


def outbursts(shares: np.ndarray, high: float = 0.1, quiet: float = 0.03) -> int:
    """Episodes above `high` that start after a quiet spell."""
    count, calm = 0, True
    for share in shares:
        if share <= quiet:
            calm = True
        elif share > high and calm:
            count, calm = count + 1, False
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=600)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    for seed in range(1, args.seeds + 1):
        started = time.perf_counter()
        shares = civil_violence(0.82, args.ticks, np.random.default_rng(seed))
        per_tick = (time.perf_counter() - started) / args.ticks
        print(
            f"seed {seed}: {per_tick * 1000:.1f} ms/tick, {outbursts(shares)} outbursts, "
            f"peak {shares.max():.1%}, median {np.median(shares):.1%}"
        )


if __name__ == "__main__":
    main()
