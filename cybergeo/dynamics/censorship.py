"""Censorship: blocking platforms in a jurisdiction, and the resentment it breeds."""

import numpy as np

from cybergeo.view import ModelView
from cybergeo.world.strata import SoftwareKind

RESENTMENT = 0.05
"""Resentment of censorship each citizen of the censoring country gains per block."""


def censor(
    model: ModelView,
    country: int,
    duration: int,
    platform: str | None = None,
    shutdown: bool = False,
) -> None:
    """Block foreign platforms (or one named platform, or all in a shutdown)."""
    world = model.world
    platforms = world.systems.of_kind(SoftwareKind.SOCIAL_PLATFORM)
    if platform is not None:
        chosen = [p for p in platforms if world.systems.name[p] == platform]
    elif shutdown:
        chosen = list(platforms)
    else:
        chosen = [p for p in platforms if world.systems.country[p] != country]
    if not chosen:
        return
    world.blocked[chosen, country] = True
    model.blocked_until[chosen, country] = np.maximum(
        model.blocked_until[chosen, country], model.steps + duration
    )
    world.refresh()
    model.citizens.censorship_grievance[model.citizens.country == country] += RESENTMENT
    model.emit(
        "censorship", model.countries[country], ",".join(world.systems.name[p] for p in chosen)
    )
    model.count("censorship_events")
    for group in model.groups.values():
        group.witness("censorship", country, model.country_index[group.spec.home])
