"""What a successful operation does to its target: outages, breaches, revelations, narratives."""

from cybergeo.dynamics.information import MessageKind
from cybergeo.dynamics.leaks import leak
from cybergeo.dynamics.media import in_the_media
from cybergeo.dynamics.operations import OUTAGE_STEPS, Operation, OperationKind
from cybergeo.view import ModelView

DISRUPTIVE = {OperationKind.SABOTAGE, OperationKind.DDOS, OperationKind.DEFACEMENT}
DOXXING_IMPACT = 0.25
"""A doxxing's effect on beliefs, as a share of a full leak's."""
HACK_AND_LEAK_IMPACT = 0.5
"""A hack-and-leak's revelation, as a share of an insider's leak."""


def record_launch(model: ModelView, op: Operation, detail: str) -> None:
    """Keep a launched operation, count it (and its success) and log it under its face."""
    model.operations.append(op)
    model.count("operations_launched")
    if op.succeeded:
        model.count("operations_succeeded")
    model.emit(
        "operation_launched",
        op.face,
        model.countries[op.target_country],
        incident=op.id,
        true_author=op.author,
        apparent_origin=op.apparent_origin,
        detail=detail,
    )


def take_effect(model: ModelView, op: Operation) -> None:
    """Disruption takes a system (and, for sabotage, its hosts) down for a while; espionage
    breaches it; hack-and-leak publishes what it took; doxxing and influence post messages."""
    systems, world = model.world.systems, model.world
    target = op.target_system
    if op.kind in DISRUPTIVE:
        systems.disrupted[target] = True
        model.system_down_until[target] = model.steps + OUTAGE_STEPS[op.kind]
        if op.kind == OperationKind.SABOTAGE:
            hosts = systems.hosts[target]
            world.infrastructure.damaged[hosts] = True
            model.hardware_down_until[hosts] = model.steps + OUTAGE_STEPS[op.kind]
    elif op.kind in (OperationKind.ESPIONAGE, OperationKind.HACK_AND_LEAK):
        systems.breached[target] = True
        if op.kind == OperationKind.HACK_AND_LEAK:
            victim = model.countries[op.target_country]
            leak(model, op.face, victim, None, impact_scale=HACK_AND_LEAK_IMPACT)
    elif op.kind == OperationKind.DOXXING:
        systems.breached[target] = True
        impact = model.spec.information.leak_impact * DOXXING_IMPACT
        in_the_media(model, MessageKind.LEAK, op.target_country, op.target_country, impact)
        model.emit("doxxing", op.face, model.countries[op.target_country], incident=op.id)
    elif op.kind == OperationKind.INFLUENCE:
        author = model.country_index.get(op.author, op.target_country)
        in_the_media(
            model,
            MessageKind.DISINFORMATION,
            op.target_country,
            author,
            model.spec.information.disinformation_impact,
            audience=op.target_country,
        )
