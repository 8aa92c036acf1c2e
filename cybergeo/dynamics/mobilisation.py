"""Mobilisation after Epstein's civil violence model (Epstein 2002, PNAS 99:7243).

A citizen's grievance is hardship times illegitimacy; the net risk of acting is risk
aversion times the estimated arrest probability, which rises with the police seen and falls
with the protesters seen. A citizen turns active when grievance exceeds net risk by a
threshold.
"""

import numpy as np
from numpy.typing import ArrayLike
from scipy import ndimage

EPSTEIN_K = 2.3
"""Epstein's constant: with one cop per active, the arrest probability is about 0.9."""


def arrest_probability(cops: ArrayLike, actives: ArrayLike, k: float = EPSTEIN_K) -> np.ndarray:
    """Estimated arrest probability P = 1 − exp(−k·⌊C/A⌋).

    `actives` counts the citizen itself, so it is at least 1.

    Examples
    --------
    >>> float(arrest_probability(1, 1).round(4))
    0.8997
    >>> float(arrest_probability(3, 4))   # fewer cops than actives: safety in numbers
    0.0
    """
    cops_arr = np.asarray(cops, dtype=float)
    actives_arr = np.asarray(actives, dtype=float)
    if np.any(cops_arr < 0) or np.any(actives_arr < 1):
        raise ValueError("cops must be >= 0 and actives >= 1 (the citizen counts itself)")
    return 1.0 - np.exp(-k * np.floor(cops_arr / actives_arr))


def grievance(hardship: ArrayLike, legitimacy: ArrayLike) -> np.ndarray:
    """Grievance G = H·(1 − L): hardship weighed by the regime's perceived illegitimacy."""
    return np.asarray(hardship, dtype=float) * (1.0 - np.asarray(legitimacy, dtype=float))


def activation(grievance: ArrayLike, net_risk: ArrayLike, threshold: float) -> np.ndarray:
    """Who turns active: G − N > T (Epstein's rule A)."""
    return (np.asarray(grievance) - np.asarray(net_risk)) > threshold


def civil_violence(
    legitimacy: float,
    steps: int,
    rng: np.random.Generator,
    size: int = 40,
    citizen_density: float = 0.7,
    cop_density: float = 0.04,
    vision: int = 7,
    max_jail_term: int = 30,
    threshold: float = 0.1,
    k: float = EPSTEIN_K,
) -> np.ndarray:
    """Epstein's Model I on a `size` × `size` torus; returns the share of citizens active
    at each step.

    Citizens hold a cell and random hardship and risk aversion; cops wander to a random
    cell within `vision` each step. Everyone counts cops and actives in the square of
    radius `vision` around them; citizens apply `activation` with `arrest_probability`,
    then each cop jails one active it sees for up to `max_jail_term` steps. At low
    legitimacy the result is Epstein's punctuated equilibrium: long quiet spells broken by
    outbursts; when hardship·(1 − legitimacy) cannot pass the threshold, nobody ever acts.

    Examples
    --------
    >>> quiet = civil_violence(0.95, 50, np.random.default_rng(0))
    >>> float(quiet.max())
    0.0
    """
    cells = size * size
    occupied = rng.permutation(cells)[: int(citizen_density * cells)]
    n = len(occupied)
    row, col = np.divmod(occupied, size)
    hardship, risk_aversion = rng.random(n), rng.random(n)
    own_grievance = grievance(hardship, legitimacy)
    jail = np.zeros(n, dtype=np.int64)
    active = np.zeros(n, dtype=bool)
    cops = rng.integers(size, size=(int(cop_density * cells), 2))
    shares = np.empty(steps)
    for step in range(steps):
        cops = (cops + rng.integers(-vision, vision + 1, size=cops.shape)) % size
        cop_grid = np.zeros((size, size))
        np.add.at(cop_grid, (cops[:, 0], cops[:, 1]), 1.0)
        free = jail == 0
        active_grid = np.zeros((size, size))
        np.add.at(active_grid, (row[active], col[active]), 1.0)
        cops_seen = _in_vision(cop_grid, vision)[row, col]
        actives_seen = 1.0 + _in_vision(active_grid, vision)[row, col] - active
        risk = risk_aversion * arrest_probability(cops_seen, actives_seen, k)
        active = activation(own_grievance, risk, threshold) & free
        for cop_row, cop_col in cops:
            near = _torus_distance(row, cop_row, size) <= vision
            near &= _torus_distance(col, cop_col, size) <= vision
            seen = np.flatnonzero(near & active)
            if len(seen):
                caught = seen[int(rng.integers(len(seen)))]
                active[caught] = False
                jail[caught] = int(rng.integers(max_jail_term + 1)) + 1
        jail[jail > 0] -= 1
        shares[step] = active.mean()
    return shares


def _in_vision(grid: np.ndarray, radius: int) -> np.ndarray:
    """For every cell, the sum of `grid` over the square of `radius` around it (torus)."""
    window = np.ones((2 * radius + 1, 2 * radius + 1))
    return np.asarray(ndimage.convolve(grid, window, mode="wrap"))


def _torus_distance(a: np.ndarray, b: int, size: int) -> np.ndarray:
    gap = np.abs(a - b)
    return np.minimum(gap, size - gap)
