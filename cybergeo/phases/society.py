"""Phase 7, society: citizens, then groups recruiting and firms serving."""

import numpy as np

from cybergeo.actors.citizens import Activity
from cybergeo.view import ModelView


def society(model: ModelView) -> None:
    """Grievance and protest (Epstein), police raised by domestic surveillance,
    trust slowly recovering, conversations (Deffuant), hacktivists recruiting protesters,
    users leaving firms whose services are down or blocked, citizens under censorship
    taking up circumvention tools."""
    citizens, n = model.citizens, len(model.countries)
    surveillance = np.array([s.surveillance for s in model.states])
    rules = model.spec.society
    police = rules.police_per_citizen * (1.0 + surveillance[citizens.country])
    contacts = model.world.accounts.adjacency
    legitimacy = np.array([s.legitimacy for s in model.states])
    model.count("arrests", citizens.live(contacts, police, legitimacy, rules, model.rng))
    protesters = np.bincount(
        citizens.country, weights=citizens.activity == Activity.PROTESTING, minlength=n
    )
    for group in model.groups.values():
        group.recruit(int(protesters[model.country_index[group.spec.home]]))
    for firm in model.firms.values():
        firm.serve(model.world)
    censored = model.world.blocked.any(axis=0)
    if censored.any():
        citizens.adopt_circumvention(model.world.accounts.circumvents, censored, model.rng)
