"""Build a world of a million citizen accounts and time one cascade-and-availability pass.

Targets (issue: the layered cyberspace): build < 60 s, one pass < 0.5 s, peak memory < 4 GB.

    .venv/bin/python benchmarks/bench_world.py [--citizens 1000000] [--degree 20]
"""

import argparse
import resource
import time

import numpy as np

from cybergeo import load_scenario
from cybergeo.world import HardwareKind, build_world


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=1_000_000)
    parser.add_argument("--degree", type=float, default=20.0, help="mean follow degree")
    parser.add_argument("--countries", type=int, default=5)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    per_country = args.citizens // args.countries
    scenario = load_scenario(
        {
            "countries": [{"id": f"C{i}", "citizens": per_country} for i in range(args.countries)],
            "firms": [{"id": "Platform", "home": "C0"}, {"id": "Other", "home": "C1"}],
            "world": {"semantic": {"mean_degree": args.degree}},
        }
    )
    started = time.perf_counter()
    world = build_world(scenario, np.random.default_rng(1))
    build = time.perf_counter() - started
    stations = world.infrastructure.nodes_of(2, HardwareKind.LANDING_STATION)
    times = []
    for i in range(args.passes):
        world.infrastructure.damaged[stations] = i % 2 == 0  # alternate a country's isolation
        world.blocked[world.systems.name.index("Other"), 3] = i % 2 == 1
        started = time.perf_counter()
        world.refresh()
        world.availability()
        world.availability_by_country()
        times.append(time.perf_counter() - started)
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"citizens            {world.accounts.n_citizens:,}")
    print(f"ties                {len(world.accounts.tie_src):,}")
    print(f"build time          {build:.1f} s   (target < 60 s)")
    print(
        f"cascade+availability {np.median(times):.3f} s median of {args.passes}   (target < 0.5 s)"
    )
    print(f"peak memory         {peak_gb:.2f} GB   (target < 4 GB)")


if __name__ == "__main__":
    main()
