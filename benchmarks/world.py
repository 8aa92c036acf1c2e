"""The default scenario at a given size: model build against COO→CSR, step against SpMV.

Run as a script it measures one size and prints a JSON line, so that each size has a
process (and a peak memory) of its own:

    .venv/bin/python benchmarks/world.py --citizens 1000000 [--steps 6]

- build: CPU time to build the model (world and citizens), in units of one COO→CSR
  conversion of the same ties (symmetric, float32 data);
- step: median CPU time of a full `model.step()`, in units of one raw float32 CSR SpMV over
  the same ties. Conversions, SpMVs, build and steps take turns.
"""

import argparse
import json
import sys

import numpy as np
from common import cpu_seconds, default_scaled, interleaved, load, peak_memory_gb
from scipy import sparse

from cybergeo import CyberspaceModel, load_scenario


def raw_csr(n: int, src: np.ndarray, dst: np.ndarray) -> sparse.csr_array:
    """The ties as a plain symmetric float32 CSR matrix, straight from COO."""
    rows, cols = np.concatenate([src, dst]), np.concatenate([dst, src])
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.coo_array((data, (rows, cols)), shape=(n, n)).tocsr()


def measure(citizens: int, steps: int, mean_degree: float = 20.0) -> dict[str, float]:
    """Build the scaled default scenario and time build and steps against their references."""
    scenario = load_scenario("default.yaml", default_scaled(citizens, mean_degree))
    before_build = peak_memory_gb()
    holder: dict[str, CyberspaceModel] = {}
    build = cpu_seconds(lambda: holder.update(model=CyberspaceModel(scenario, rng=1)))
    build_memory = peak_memory_gb()
    model = holder["model"]
    accounts = model.world.accounts
    n, src, dst = len(accounts.kind), accounts.tie_src, accounts.tie_dst
    conversion = interleaved({"conversion": lambda: raw_csr(n, src, dst)}, 3)["conversion"]
    matrix = raw_csr(n, src, dst)
    vector = np.random.default_rng(1).random(n, dtype=np.float32)
    times = interleaved(
        {"spmv": lambda: [matrix @ vector for _ in range(3)], "step": model.step}, steps
    )
    spmv = times["spmv"] / 3
    return {
        "citizens": citizens,
        "ties": len(src),
        "build_s": build,
        "conversion_s": conversion,
        "build_per_conversion": build / conversion,
        "build_memory_gb": build_memory,
        "memory_before_build_gb": before_build,
        "step_s": times["step"],
        "spmv_s": spmv,
        "step_per_spmv": times["step"] / spmv,
        "peak_memory_gb": peak_memory_gb(),
        "load": load(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=1_000_000)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--degree", type=float, default=20.0, help="mean follow degree")
    args = parser.parse_args()
    sys.stdout.write(json.dumps(measure(args.citizens, args.steps, args.degree)) + "\n")


if __name__ == "__main__":
    main()
