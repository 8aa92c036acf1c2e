"""Phase 2, decisions: states, groups and insiders choose; this module asks them in turn and
turns their choices into operations, blocks, posts and leaks."""

import numpy as np

from cybergeo.actors.citizens import Activity
from cybergeo.actors.state import StateAgent
from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.dynamics.censorship import censor
from cybergeo.dynamics.governance_phase import platforms_respond
from cybergeo.dynamics.leaks import leak, state_behind
from cybergeo.dynamics.media import post_diplomacy
from cybergeo.dynamics.operations import Operation, OperationKind
from cybergeo.dynamics.planning import plan_group_operation, plan_operation
from cybergeo.view import ModelView
from cybergeo.world.strata import SoftwareKind

BLOCK_DURATION = 10
"""Steps a state's own block of foreign platforms lasts."""


def decisions(model: ModelView) -> list[Operation]:
    """States plan operations and set domestic controls; last step's counter-operations are
    planned; groups pick targets; insiders weigh a leak; exposed platforms answer. Returns
    the operations to resolve."""
    citizens = model.citizens
    protest = citizens.share(citizens.activity == Activity.PROTESTING, len(model.countries))
    plans = [
        op
        for state in model.states
        for op in state_decisions(model, state, float(protest[state.index]))
    ]
    voices(model, protest)
    plans += counter_operations(model)
    plans += group_decisions(model)
    for insider in model.insiders:
        insider_decision(model, insider)
    platforms_respond(model)
    return plans


def state_decisions(model: ModelView, state: StateAgent, protest: float) -> list[Operation]:
    """One state's turn: domestic controls (given the share of its citizens protesting),
    proxies, blocks, operations, diplomacy."""
    state.set_domestic_controls(protest)
    tension = model.relations.tension[state.index]
    for group in state.co_opt_proxies(model.groups.values(), tension):
        model.emit("co_option", state.name, group.name)
    if state.decides_to_block():
        censor(model, state.index, duration=BLOCK_DURATION)
    plans = [
        plan_operation(model, kind, state, target, zero_day)
        for kind, target, zero_day in state.choose_operations(tension, model.world.systems)
    ]
    if state.posts_diplomacy(model.spec.information.diplomacy_rate):
        post_diplomacy(model, state.index)
    return plans


def voices(model: ModelView, protest: np.ndarray) -> None:
    """Regimes answer their streets (7.45), the news of a fall is queued for abroad (7.43);
    embassies, state media and NGOs post (7.38-7.41)."""
    if model.regimes is not None:
        for fallen in model.regimes.answer(protest):
            if model.protest_news is not None:
                model.protest_news.regime_fell(fallen)
    if model.influence is not None:
        model.influence.post()


def counter_operations(model: ModelView) -> list[Operation]:
    """Sabotage decided in answer to last step's attributions (7.24), against the culprit's
    industrial control system, else its government network."""
    plans = []
    systems = model.world.systems
    for author, target in model.counter_operations:
        system = systems.first_of(target, SoftwareKind.INDUSTRIAL_CONTROL)
        if system is None:
            system = systems.first_of(target, SoftwareKind.GOVERNMENT_NETWORK)
        if system is not None:
            state = model.states[author]
            operation = plan_operation(model, OperationKind.SABOTAGE, state, system, None)
            operation.retaliation = True
            plans.append(operation)
    model.counter_operations.clear()
    return plans


def group_decisions(model: ModelView) -> list[Operation]:
    """Each group whose outrage at a state passes its threshold strikes its government."""
    plans = []
    for group in model.groups.values():
        victim = group.choose_target()
        if victim is None:
            continue
        system = model.world.systems.first_of(victim, SoftwareKind.GOVERNMENT_NETWORK)
        if system is not None:
            plans.append(plan_group_operation(model, group, victim, system))
    return plans


def insider_decision(model: ModelView, insider: Whistleblower) -> None:
    """An insider sees (or not) its employer's surveillance, and may leak."""
    employer = insider.spec.employer
    if employer in model.firms:
        abuse = bool(model.firms[employer].complicit_with)
    else:
        abuse = employer in model.surveillance_programmes
    insider.witness(abuse)
    if insider.decides_to_leak():
        insider.leaked = True
        leak(model, insider.name, state_behind(model, employer), insider)
