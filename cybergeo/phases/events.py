"""Scheduled events: the scenario's leaks, shutdowns, cable cuts, disclosures, false flags,
censorship and agreements, applied in listed order at their step (called by the environment
phase)."""

import numpy as np

from cybergeo.dynamics.censorship import censor
from cybergeo.dynamics.leaks import leak, state_behind
from cybergeo.scenario.schema import EventKind, ScheduledEvent
from cybergeo.view import ModelView
from cybergeo.world.strata import HardwareKind, VulnerabilityStatus


def scheduled_events(model: ModelView) -> None:
    """Apply this step's events, in the order the scenario lists them; then the step's cable
    releases start, exploits are dumped and provocations feed patriots' outrage."""
    for event in model.spec.events:
        if event.step == model.steps:
            apply_event(model, event)
    model.publishing.release()
    model.supply_chain.leak_exploits()
    model.crises.provoke()


def apply_event(model: ModelView, event: ScheduledEvent) -> None:
    """One event, by kind."""
    world, steps = model.world, model.steps
    if event.kind == EventKind.LEAK:
        insider = next((i for i in model.insiders if i.name == event.actor), None)
        about = event.target or (insider.spec.employer if insider else event.actor)
        leak(model, event.actor or "anonymous", state_behind(model, about), insider)
    elif event.kind == EventKind.PLATFORM_SHUTDOWN:
        names = world.systems.name
        system = names.index(event.target) if event.target in names else None
        if system is not None:
            world.systems.disrupted[system] = True
            model.system_down_until[system] = steps + event.duration
        elif event.target in model.country_index:
            censor(model, model.country_index[event.target], event.duration, shutdown=True)
        model.emit("platform_shutdown", event.actor, event.target)
    elif event.kind == EventKind.CABLE_CUT:
        country = model.country_index[str(event.target)]
        stations = world.infrastructure.nodes_of(country, HardwareKind.LANDING_STATION)
        world.infrastructure.damaged[stations] = True
        model.hardware_down_until[stations] = steps + event.duration
        model.emit("cable_cut", event.actor, model.countries[country])
    elif event.kind == EventKind.ZERO_DAY_DISCLOSURE:
        systems = world.systems
        held = np.flatnonzero(systems.status_is(VulnerabilityStatus.ZERO_DAY))
        if event.target in systems.name:
            held = held[systems.vuln_system[held] == systems.name.index(event.target)]
        systems.set_status(held, VulnerabilityStatus.PUBLIC)
        model.emit("zero_day_disclosure", event.actor, event.target, detail=f"{len(held)} flaws")
    elif event.kind == EventKind.FALSE_FLAG_CAMPAIGN and event.actor and event.target:
        model.false_flag_until[event.actor] = (event.target, steps + event.duration)
        model.emit("false_flag_campaign", event.actor, event.target)
    elif event.kind == EventKind.CENSORSHIP and event.actor in model.country_index:
        censor(model, model.country_index[event.actor], event.duration, platform=event.target)
    elif event.kind == EventKind.AGREEMENT and event.actor and event.target:
        a, b = model.country_index[event.actor], model.country_index[event.target]
        model.relations.agree(a, b, model.spec.diplomacy.agreement_relief)
        model.emit("agreement", event.actor, event.target)
