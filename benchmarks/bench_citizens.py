"""Vectorised citizens against the per-agent reference: time per step of society.

Builds a two-country world with N citizens (default 100,000) and their contacts, then times
`CitizenPopulation.live` and `ReferenceSociety.step` on the same population. Target: the
vectorised step at least 50 times faster at 100,000 citizens.

    .venv/bin/python benchmarks/bench_citizens.py [--citizens 100000] [--steps 3]
"""

import argparse
import copy
import time

import numpy as np

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.actors.citizen_agents import ReferenceSociety


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=3)
    args = parser.parse_args()
    half = args.citizens // 2
    scenario = load_scenario(
        {
            "countries": [
                {"id": "Lowland", "citizens": half, "legitimacy": 0.4},
                {"id": "Highland", "citizens": args.citizens - half, "legitimacy": 0.8},
            ]
        }
    )
    model = CyberspaceModel(scenario, rng=1)
    n = len(model.citizens)
    contacts = model.world.accounts.open_adjacency()[:n, :n]
    police = np.full(n, 0.02)
    legitimacy = np.array([0.4, 0.8])
    rules = scenario.society
    vectorised = copy.deepcopy(model.citizens)
    rng = np.random.default_rng(1)
    started = time.perf_counter()
    for _ in range(args.steps):
        vectorised.live(contacts, police, legitimacy, rules, rng)
    vectorised_step = (time.perf_counter() - started) / args.steps
    started = time.perf_counter()
    reference = ReferenceSociety(model.citizens, contacts, police, legitimacy, rules, rng=1)
    build = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(args.steps):
        reference.step()
    reference_step = (time.perf_counter() - started) / args.steps
    print(f"citizens: {n:,}, contacts: {contacts.nnz // 2:,}")
    print(f"vectorised step: {vectorised_step * 1000:8.1f} ms")
    print(f"per-agent step:  {reference_step * 1000:8.1f} ms (building the agents: {build:.1f} s)")
    print(f"speed-up: {reference_step / vectorised_step:.0f}x   (target >= 50x)")


if __name__ == "__main__":
    main()
