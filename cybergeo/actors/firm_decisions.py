"""Pure rules behind platforms' answers to states: what complicity yields, and what a
transparency report wins back."""

import numpy as np


def collection_yield(user_share: np.ndarray, state: int, encryption: float) -> float:
    """Intelligence a complicit platform gives a state (the PRISM pattern): the mean share of
    the users it keeps in the other countries, less what its encryption denies."""
    foreign = np.delete(user_share, state)
    return float(foreign.mean() * (1.0 - encryption)) if len(foreign) else 0.0


def restored_reputation(reputation: float, gain: float) -> float:
    """A transparency report wins back a share `gain` of the reputation lost."""
    return reputation + gain * (1.0 - reputation)
