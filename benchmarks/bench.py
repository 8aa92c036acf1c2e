"""`./dev bench`: every speed target as a ratio, printed with its target.

Exits with 1 when a ratio misses its target. Writes everything measured, with the machine's
load, to `runs/bench/<UTC time>.json`. Times are CPU times, each ratio from one process that
timed both sides in turns, so other work on a shared machine weighs little on them (except
the batch's parallel efficiency, which is wall time by nature).

    ./dev bench                                  # all ratios, the world at 10^6 citizens
    ./dev bench --only world --sizes 1e4,1e5,1e6,3e6   # the curve in docs/performance.md
"""

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from common import load

HERE = Path(__file__).parent
RESULTS = HERE.parent / "runs" / "bench"


@dataclass(frozen=True)
class Target:
    """A measured ratio and the bound it must keep."""

    name: str
    key: str
    bound: float
    at_most: bool

    def met(self, value: float) -> bool:
        return value <= self.bound if self.at_most else value >= self.bound

    def line(self, value: float) -> str:
        sign = "<=" if self.at_most else ">="
        verdict = "ok" if self.met(value) else "MISSED"
        return f"{self.name:<44} {value:10.2f}   target {sign} {self.bound:<6g} {verdict}"


TARGETS = {
    "world": [
        Target("step / SpMV at 10^6 citizens", "step_per_spmv", 4.0, True),
        Target("build / COO->CSR at 10^6 citizens", "build_per_conversion", 15.0, True),
        Target("build peak memory at 10^6 citizens (GB)", "build_memory_gb", 1.5, True),
    ],
    "citizens": [Target("vectorised / per-agent Mesa at 10^5", "speed_up", 100.0, False)],
    "batch": [Target("batch parallel efficiency, 2 workers", "efficiency", 0.9, False)],
    "startup": [
        Target("cybergeo --help / import numpy", "help_per_numpy", 3.0, True),
        Target("cybergeo validate default.yaml / import numpy", "validate_per_numpy", 4.0, True),
    ],
}


def world_at(size: int, steps: int) -> dict[str, float]:
    """One size in a process of its own (see `world.py`)."""
    command = [sys.executable, str(HERE / "world.py"), "--citizens", str(size)]
    output = subprocess.run(
        [*command, "--steps", str(steps)], check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), default=sorted(TARGETS))
    parser.add_argument("--sizes", default="1000000", help="citizens for the world, comma list")
    parser.add_argument("--steps", type=int, default=6, help="steps timed per size")
    parser.add_argument("--runs", type=int, default=16, help="runs per batch")
    args = parser.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    # imported here, not above: batch workers import this script again (as __mp_main__)
    import batch
    import citizens
    import startup

    measures: dict[str, Callable[[], object]] = {
        "world": lambda: [world_at(size, args.steps) for size in sizes],
        "citizens": lambda: citizens.measure(100_000, 3),
        "batch": lambda: batch.measure(args.runs, 360),
        "startup": lambda: startup.measure(5),
    }
    report: dict[str, object] = {"started": datetime.now(UTC).isoformat(), "load": load()}
    missed = False
    for name in args.only:
        result = measures[name]()
        report[name] = result
        headline = result[-1] if isinstance(result, list) else result
        if name == "world":
            for row in result:  # type: ignore[attr-defined]
                sys.stdout.write(
                    f"  {row['citizens']:>10,} citizens {row['ties']:>12,} ties: "
                    f"build {row['build_s']:6.1f} s, step {row['step_s']:7.3f} s, "
                    f"SpMV {row['spmv_s']:6.4f} s, peak {row['peak_memory_gb']:.2f} GB\n"
                )
            headline = next((r for r in result if r["citizens"] == 1_000_000), None)  # type: ignore[attr-defined]
            if headline is None:
                continue
        for target in TARGETS[name]:
            value = float(headline[target.key])  # type: ignore[index]
            missed |= not target.met(value)
            sys.stdout.write(target.line(value) + "\n")
        sys.stdout.flush()
    report["load_after"] = load()
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=1))
    sys.stdout.write(f"load average {report['load']} -> {report['load_after']}; wrote {path}\n")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
