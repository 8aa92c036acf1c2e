"""Phase 3, resolution: planned operations land or fail and take effect; the strata cascade;
running operations may be detected."""

import numpy as np

from cybergeo.dynamics.effects import record_launch, take_effect
from cybergeo.dynamics.operations import (
    DETECTION_WINDOW_DAYS,
    VISIBLE,
    Operation,
    detection_hazard,
    success_probability,
)
from cybergeo.view import ModelView
from cybergeo.world.strata import VulnerabilityStatus


def resolution(model: ModelView, plans: list[Operation]) -> None:
    """Resolve the plans in order, recompute the cascade, then detect running operations."""
    for op in plans:
        launch(model, op)
    model.world.refresh()
    detect(model)


def launch(model: ModelView, op: Operation) -> None:
    """An operation succeeds or fails by skill, exploit and defence; a zero-day used may be
    burnt (made public)."""
    systems = model.world.systems
    victim = model.states[op.target_country]
    exploit = "none"
    if op.zero_day is not None:
        exploit = "zero_day"
        if model.rng.random() > exploit_stealth(model, op.author):
            systems.set_status(np.array([op.zero_day]), VulnerabilityStatus.PUBLIC)
    elif systems.has_public_flaw(op.target_system):
        exploit = "public"
    chance = success_probability(
        skill_of(model, op.author), exploit, victim.spec.capabilities.defence
    )
    op.succeeded = bool(model.rng.random() < chance)
    record_launch(
        model,
        op,
        f"{op.kind.value} on {systems.name[op.target_system]} via {exploit}"
        + ("; counter-operation" if op.retaliation else "")
        + ("; succeeded" if op.succeeded else "; failed"),
    )
    if op.succeeded:
        take_effect(model, op)


def detect(model: ModelView) -> None:
    """Operations within the detection window are noticed when visible and successful, or
    by the victim's defence against their stealth; each detection opens an incident."""
    days = model.spec.step_days
    for op in model.operations:
        if op.detected is None and (model.steps - op.launched) * days < DETECTION_WINDOW_DAYS:
            defence = model.states[op.target_country].spec.capabilities.defence
            seen = op.succeeded and op.kind in VISIBLE
            if seen or model.rng.random() < detection_hazard(op.stealth, defence, days):
                op.detected = model.steps
                model.count("operations_detected")
                model.incidents.open(op)


def exploit_stealth(model: ModelView, author: str) -> float:
    """Chance the author's zero-day stays secret once used."""
    return model.states[model.country_index[author]].spec.exploit_stealth


def skill_of(model: ModelView, author: str) -> float:
    """A group's skill, or a state's offensive capability."""
    if author in model.groups:
        return model.groups[author].skill
    return model.states[model.country_index[author]].spec.capabilities.offence
