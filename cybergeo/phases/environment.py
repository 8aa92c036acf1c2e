"""Phase 1, environment: the life cycle of flaws, repairs and outages, then scheduled events."""

import numpy as np

from cybergeo.phases.events import scheduled_events
from cybergeo.view import ModelView
from cybergeo.world.strata import VulnerabilityStatus


def environment(model: ModelView) -> None:
    """Flaws are found, disclosed and patched; damage is repaired; background outages;
    disruptions and blocks expire; then the scenario's events for this step."""
    vulnerability_life_cycle(model)
    repair_and_outages(model)
    scheduled_events(model)


def vulnerability_life_cycle(model: ModelView) -> None:
    """States discover flaws abroad (zero-days), zero-days leak out (public), public flaws
    are patched at their owner's rate, and new flaws appear as software changes."""
    rng, spec = model.rng, model.spec.world
    systems = model.world.systems
    undiscovered = np.flatnonzero(systems.status_is(VulnerabilityStatus.UNDISCOVERED))
    home = systems.country[systems.vuln_system[undiscovered]]
    for state in model.states:
        found = rng.random(len(undiscovered)) < (
            spec.software.discovery_rate * state.spec.capabilities.offence
        )
        foreign = found & (home != state.index)
        if foreign.any():
            systems.set_status(
                undiscovered[foreign], VulnerabilityStatus.ZERO_DAY, holder=state.index
            )
            undiscovered, home = undiscovered[~foreign], home[~foreign]
    zero_days = np.flatnonzero(systems.status_is(VulnerabilityStatus.ZERO_DAY))
    disclosed = zero_days[rng.random(len(zero_days)) < spec.software.disclosure_rate]
    systems.set_status(disclosed, VulnerabilityStatus.PUBLIC)
    public = np.flatnonzero(systems.status_is(VulnerabilityStatus.PUBLIC))
    rates = np.array([patch_rate(model, systems.owner[systems.vuln_system[v]]) for v in public])
    systems.set_status(public[rng.random(len(public)) < rates], VulnerabilityStatus.PATCHED)
    fresh = np.flatnonzero(rng.random(len(systems)) < spec.software.new_vulnerability_rate)
    systems.add_vulnerabilities(fresh)


def patch_rate(model: ModelView, owner: str) -> float:
    """Chance per step a public flaw is patched: the owning firm's or state's."""
    base = model.spec.world.software.patch_rate
    if owner in model.firms:
        return model.firms[owner].patch_rate(base)
    defence = model.states[model.country_index[owner]].spec.capabilities.defence
    return min(1.0, base * (0.5 + defence))


def repair_and_outages(model: ModelView) -> None:
    """Damaged hardware is repaired once its outage is over; background outages strike;
    disruptions and blocks past their end step expire."""
    world, rng, steps = model.world, model.rng, model.steps
    hardware = world.infrastructure
    expired = hardware.damaged & (model.hardware_down_until <= steps)
    repaired = expired & (rng.random(len(hardware)) < model.spec.world.hardware.repair_rate)
    hardware.damaged &= ~repaired
    outage = rng.random(len(hardware)) < model.spec.world.hardware.outage_rate
    hardware.damaged |= outage
    model.hardware_down_until[outage] = np.maximum(model.hardware_down_until[outage], steps + 1)
    world.systems.disrupted &= model.system_down_until > steps
    world.blocked &= model.blocked_until > steps
