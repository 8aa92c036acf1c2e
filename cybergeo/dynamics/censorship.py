"""Censorship: blocking platforms in a jurisdiction, and the resentment it breeds."""

import numpy as np

from cybergeo.view import ModelView
from cybergeo.world.strata import SoftwareKind

RESENTMENT = 0.05
"""Resentment of censorship each citizen cut off from its platform gains per block."""


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
    newly = [p for p in chosen if not world.blocked[p, country]]
    world.blocked[chosen, country] = True
    model.blocked_until[chosen, country] = np.maximum(
        model.blocked_until[chosen, country], model.steps + duration
    )
    world.refresh()
    model.citizens.censorship_grievance[cut_off(model, country, newly)] += RESENTMENT
    model.emit(
        "censorship", model.countries[country], ",".join(world.systems.name[p] for p in chosen)
    )
    model.count("censorship_events")
    for group in model.groups.values():
        group.witness("censorship", country, model.country_index[group.spec.home])


def cut_off(model: ModelView, country: int, platforms: list[int]) -> np.ndarray:
    """Which citizens a block of `platforms` (not blocked there before) cuts off: those of the
    censoring country whose main platform it blocks and who do not circumvent. A sudden block
    is felt by the users of the blocked service and goes unnoticed by the rest; extending a
    block already in place cuts nobody off anew (Roberts 2018; Hobbs & Roberts 2018)."""
    citizens, accounts = model.citizens, model.world.accounts
    n = len(citizens)
    blocked = np.isin(accounts.platform[:n], platforms)
    return (citizens.country == country) & blocked & ~accounts.circumvents[:n]
