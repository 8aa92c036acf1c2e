"""Mobilisation after Epstein's civil violence model (Epstein 2002, PNAS 99:7243).

A citizen's grievance is hardship times illegitimacy; the net risk of acting is risk
aversion times the estimated arrest probability, which rises with the police seen and falls
with the protesters seen. A citizen turns active when grievance exceeds net risk by a
threshold.
"""

import numpy as np
from numpy.typing import ArrayLike

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
    if (cops_arr < 0).any() or (actives_arr < 1).any():
        raise ValueError("cops must be >= 0 and actives >= 1 (the citizen counts itself)")
    return 1.0 - np.exp(-k * np.floor(cops_arr / actives_arr))


def grievance(hardship: ArrayLike, legitimacy: ArrayLike) -> np.ndarray:
    """Grievance G = H·(1 − L): hardship weighed by the regime's perceived illegitimacy."""
    return np.asarray(hardship, dtype=float) * (1.0 - np.asarray(legitimacy, dtype=float))


def activation(grievance: ArrayLike, net_risk: ArrayLike, threshold: float) -> np.ndarray:
    """Who turns active: G − N > T (Epstein's rule A)."""
    return (np.asarray(grievance) - np.asarray(net_risk)) > threshold
