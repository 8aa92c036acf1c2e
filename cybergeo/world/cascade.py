"""Interdependence: failures and compromises run from hardware to software to semantic ties.

Each step the cascade is recomputed from the direct damage (`Infrastructure.damaged`,
`Systems.disrupted`, `Systems.breached`) to a fixed point, so the result does not depend on
the order in which damage happened.
"""

import numpy as np

from cybergeo.world.hardware import Infrastructure
from cybergeo.world.software import Systems


def hosting_holds(infrastructure: Infrastructure, systems: Systems) -> np.ndarray:
    """Whether each system's hosting works: any host if redundant, all hosts otherwise."""
    up = infrastructure.up
    return np.array(
        [
            True if len(h) == 0 else bool(up[h].any() if spare else up[h].all())
            for h, spare in zip(systems.hosts, systems.redundant, strict=True)
        ],
        dtype=bool,
    )


def propagate_down(alive: np.ndarray, depends_on: list[np.ndarray]) -> np.ndarray:
    """Systems stay up only while everything they depend on is up (to a fixed point)."""
    alive = alive.copy()
    changed = True
    while changed:
        needs_met = np.array([alive[d].all() if len(d) else True for d in depends_on], dtype=bool)
        updated = alive & needs_met
        changed = bool((updated != alive).any())
        alive = updated
    return alive


def propagate_compromise(breached: np.ndarray, depends_on: list[np.ndarray]) -> np.ndarray:
    """A compromised supplier compromises every system downstream of it (supply chain)."""
    compromised = breached.copy()
    changed = True
    while changed:
        inherited = np.array([compromised[d].any() if len(d) else False for d in depends_on])
        updated = compromised | inherited
        changed = bool((updated != compromised).any())
        compromised = updated
    return compromised
