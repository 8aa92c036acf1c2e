"""The figure of docs/performance.md from a `./dev bench --only world --sizes ...` JSON file:
CPU time of build, step and SpMV, and peak memory, against the number of citizens.

    .venv/bin/python benchmarks/plot.py runs/bench/<file>.json docs/performance.png
"""

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    rows = sorted(json.loads(source.read_text())["world"], key=lambda row: row["citizens"])
    citizens = [row["citizens"] for row in rows]
    figure, (times, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for key, label in [
        ("build_s", "build (world and citizens)"),
        ("conversion_s", "one COO→CSR conversion"),
        ("step_s", "one step (median)"),
        ("spmv_s", "one SpMV (median)"),
    ]:
        times.loglog(citizens, [row[key] for row in rows], marker="o", label=label)
    times.set_xlabel("citizens (mean degree 20)")
    times.set_ylabel("CPU seconds")
    times.legend()
    times.grid(True, which="both", alpha=0.3)
    memory.loglog(citizens, [row["peak_memory_gb"] for row in rows], marker="o")
    memory.set_xlabel("citizens (mean degree 20)")
    memory.set_ylabel("peak resident memory (GB)")
    memory.grid(True, which="both", alpha=0.3)
    figure.suptitle("default scenario scaled 4:4:2 (benchmarks/world.py)")
    figure.tight_layout()
    figure.savefig(target, dpi=110)


if __name__ == "__main__":
    main()
