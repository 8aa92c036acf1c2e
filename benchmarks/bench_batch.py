"""Throughput of batches: 40 runs with 1 and with 2 local workers.

Prints runs per second and the parallel efficiency (speed-up / workers); the target is an
efficiency of at least 0.9 on 2 cores for runs of a second or more. Local workers are forked
from a server that imports cybergeo once per Python process (a few seconds); the 2-worker
batch runs twice, so the numbers show the first batch of a session, start-up included, and
a following one.

    .venv/bin/python benchmarks/bench_batch.py [--runs 40] [--steps 720]
"""

import argparse
import tempfile
import time
from pathlib import Path

from cybergeo import load_scenario
from cybergeo.experiments import plan_batch, run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--steps", type=int, default=720, help="steps per run (720: about 1 s)")
    args = parser.parse_args()
    scenario = load_scenario(
        "default.yaml",
        {"steps": args.steps, "experiment": {"name": "throughput", "replications": args.runs}},
    )
    settings = [("1 worker", 1), ("2 workers, first batch", 2), ("2 workers, next batch", 2)]
    with tempfile.TemporaryDirectory() as folder:
        serial_rate = 0.0
        for number, (label, workers) in enumerate(settings):
            batch = plan_batch(scenario, Path(folder) / f"batch-{number}")
            started = time.perf_counter()
            summary = run_batch(batch, executor="local", workers=workers)
            elapsed = time.perf_counter() - started
            rate = summary.completed / elapsed
            serial_rate = serial_rate or rate
            print(
                f"{label:>24}: {summary.completed} runs in {elapsed:5.1f} s, {rate:.2f} runs/s, "
                f"parallel efficiency {rate / serial_rate / workers:.2f}"
            )
    print("target: parallel efficiency >= 0.9 on 2 workers")


if __name__ == "__main__":
    main()
