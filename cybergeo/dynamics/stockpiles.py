"""The zero-day stockpiles states start with."""

import numpy as np

from cybergeo.view import ModelView
from cybergeo.world.strata import VulnerabilityStatus


def stock_zero_days(model: ModelView) -> None:
    """Each state starts with its stockpile: flaws it alone knows, in its rivals'
    systems first, then in other foreign systems."""
    systems = model.world.systems
    for state in model.states:
        undiscovered = np.flatnonzero(systems.status_is(VulnerabilityStatus.UNDISCOVERED))
        owner_country = systems.country[systems.vuln_system[undiscovered]]
        rivals = np.isin(owner_country, state.rivals)
        foreign = owner_country != state.index
        ranked = np.concatenate(
            [
                model.rng.permutation(undiscovered[rivals]),
                model.rng.permutation(undiscovered[foreign & ~rivals]),
            ]
        )
        chosen = ranked[: state.spec.zero_days]
        systems.set_status(chosen, VulnerabilityStatus.ZERO_DAY, holder=state.index)
