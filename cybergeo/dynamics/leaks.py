"""Leaks: a revelation about a state's surveillance and what follows from it."""

import numpy as np

from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.dynamics.governance_phase import surveillance_leak
from cybergeo.dynamics.information import MessageKind
from cybergeo.dynamics.media import in_the_media
from cybergeo.view import ModelView


def leak(
    model: ModelView,
    leaker: str,
    state: str,
    insider: Whistleblower | None,
    impact_scale: float = 1.0,
) -> None:
    """A revelation: media carry it, trust falls, spied-on allies take offence, and the
    insider may find asylum in a rival state."""
    about = model.country_index[state]
    impact = model.spec.information.leak_impact * impact_scale
    model.surveillance_programmes.discard(state)
    in_the_media(model, MessageKind.LEAK, about, about, impact)
    model.emit("leak", leaker, state)
    model.count("leaks")
    surveillance_leak(model, about, impact)
    for firm in model.firms.values():
        if state in firm.complicit_with:
            firm.exposed(impact)
            model.emit("firm_exposed", firm.name, state, detail="complicit in surveillance")
    diplomacy = model.spec.diplomacy
    for ally in np.flatnonzero(model.relations.allied[about]):
        model.relations.shock(about, int(ally), diplomacy.espionage_shock * impact_scale)
        model.emit("espionage_revealed", state, model.countries[ally])
    for group in model.groups.values():
        group.witness("leak", about, model.country_index[group.spec.home])
    if insider is not None and model.rng.random() < insider.spec.asylum_options:
        rivals = model.states[about].rivals
        if rivals:
            host = rivals[int(model.rng.integers(len(rivals)))]
            model.relations.shock(about, host, diplomacy.asylum_shock)
            model.emit("asylum", insider.name, model.countries[host])


def state_behind(model: ModelView, actor: str | None) -> str:
    """The state a leak is about: a firm's home, a state itself, or else the first state."""
    if actor in model.firms:
        return model.firms[actor].spec.home
    return actor if actor in model.country_index else model.countries[0]
