"""Vectorised citizens against the per-agent Mesa reference at 100,000 citizens.

Times `CitizenPopulation.live` and `ReferenceSociety.step` on the same population and
contacts, taking turns; the ratio is the vectorised rule's speed-up.
"""

import copy

import numpy as np
from common import interleaved

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.actors.citizen_agents import ReferenceSociety


def measure(citizens: int, steps: int) -> dict[str, float]:
    half = citizens // 2
    scenario = load_scenario(
        {
            "countries": [
                {"id": "Lowland", "citizens": half, "legitimacy": 0.4},
                {"id": "Highland", "citizens": citizens - half, "legitimacy": 0.8},
            ]
        }
    )
    model = CyberspaceModel(scenario, rng=1)
    n = len(model.citizens)
    contacts = model.world.accounts.adjacency
    police = np.full(n, 0.02)
    legitimacy = np.array([0.4, 0.8])
    rules = scenario.society
    vectorised = copy.deepcopy(model.citizens)
    rng = np.random.default_rng(1)
    reference = ReferenceSociety(model.citizens, contacts, police, legitimacy, rules, rng=1)
    times = interleaved(
        {
            "vectorised": lambda: vectorised.live(contacts, police, legitimacy, rules, rng),
            "per_agent": reference.step,
        },
        steps,
    )
    return {
        "citizens": n,
        "vectorised_s": times["vectorised"],
        "per_agent_s": times["per_agent"],
        "speed_up": times["per_agent"] / times["vectorised"],
    }
