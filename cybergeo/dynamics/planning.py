"""Planning operations: the visible face an author gives them (proxy, laundering, false flag)."""

import numpy as np

from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.state import StateAgent
from cybergeo.dynamics.operations import Operation, OperationKind
from cybergeo.view import ModelView


def plan_operation(
    model: ModelView, kind: OperationKind, state: StateAgent, target: int, zero_day: int | None
) -> Operation:
    """A state's operation with its visible face: a proxy, a laundering route, a false flag."""
    rng = model.rng
    author = state.name
    proxies = [g for g in model.groups.values() if g.sponsor == author]
    use_proxy = proxies and rng.random() < model.spec.attribution.proxy_rate
    face = proxies[int(rng.integers(len(proxies)))].name if use_proxy else author
    flag = model.false_flag_until.get(author)
    false_flag = flag[0] if flag and flag[1] > model.steps else None
    victim = int(model.world.systems.country[target])
    return Operation(
        id=next(model.operation_ids),
        kind=kind,
        author=author,
        face=face,
        target_country=victim,
        target_system=target,
        launched=model.steps,
        stealth=float(np.clip(0.5 + 0.5 * state.spec.capabilities.offence * rng.random(), 0, 1)),
        toolkit=f"{author}-kit-{int(rng.integers(3))}",
        apparent_origin=apparent_origin(model, state.index, victim),
        false_flag=false_flag,
        zero_day=zero_day,
    )


def plan_group_operation(
    model: ModelView,
    group: HacktivistGroup,
    target: int,
    system: int,
    kind: OperationKind | None = None,
) -> Operation:
    """A group's strike, under its own name, of the given kind or one from its repertoire."""
    home = model.country_index[group.spec.home]
    kind = kind or group.choose_operation()
    return Operation(
        id=next(model.operation_ids),
        kind=kind,
        author=group.name,
        face=group.name,
        target_country=target,
        target_system=system,
        launched=model.steps,
        stealth=0.2 + 0.5 * group.skill,
        toolkit=f"{group.name}-kit",
        apparent_origin=apparent_origin(model, home, target),
    )


def apparent_origin(model: ModelView, author: int, victim: int) -> str:
    """Where the traffic seems to come from: the author, or, laundered, a relay country
    on a working route to the victim."""
    relays = [
        c
        for c in range(len(model.countries))
        if c != author and model.world.routes.path[c][victim] is not None
    ]
    if relays and model.rng.random() < model.spec.attribution.laundering_rate:
        return model.countries[relays[int(model.rng.integers(len(relays)))]]
    return model.countries[author]
