"""What a victim does once it has named someone: the answer fits what was done.

States treat espionage as the ordinary business of states: it is answered with words, by
every doctrine (OPM 2015 had no public US response). Interference (influence, leaks,
doxxing) draws protest or sanctions; disruption (DDoS, defacement) sanctions or more;
destruction (sabotage) the top of a doctrine's ladder (Valeriano & Maness 2015: responses
climb from statements to sanctions and expulsions to indictments over months or years).
"""

from enum import StrEnum

import numpy as np

from cybergeo.dynamics.diplomacy import Escalation
from cybergeo.dynamics.operations import OperationKind
from cybergeo.scenario.schema import Doctrine


class Harm(StrEnum):
    """What an operation did, as far as the answer goes."""

    ESPIONAGE = "espionage"
    INTERFERENCE = "interference"
    DISRUPTION = "disruption"
    DESTRUCTION = "destruction"


HARM = {
    OperationKind.ESPIONAGE: Harm.ESPIONAGE,
    OperationKind.INFLUENCE: Harm.INTERFERENCE,
    OperationKind.HACK_AND_LEAK: Harm.INTERFERENCE,
    OperationKind.DOXXING: Harm.INTERFERENCE,
    OperationKind.DDOS: Harm.DISRUPTION,
    OperationKind.DEFACEMENT: Harm.DISRUPTION,
    OperationKind.SABOTAGE: Harm.DESTRUCTION,
}

STATEMENT = Escalation.NONE
"""Naming the culprit in public, and nothing more."""
RESPONSES: dict[str, dict[Harm, Escalation]] = {
    "restraint": {
        Harm.ESPIONAGE: STATEMENT,
        Harm.INTERFERENCE: Escalation.PROTEST,
        Harm.DISRUPTION: Escalation.SANCTIONS,
        Harm.DESTRUCTION: Escalation.SANCTIONS,
    },
    "proportional": {
        Harm.ESPIONAGE: STATEMENT,
        Harm.INTERFERENCE: Escalation.PROTEST,
        Harm.DISRUPTION: Escalation.SANCTIONS,
        Harm.DESTRUCTION: Escalation.INDICTMENTS,
    },
    "punishment": {
        Harm.ESPIONAGE: STATEMENT,
        Harm.INTERFERENCE: Escalation.SANCTIONS,
        Harm.DISRUPTION: Escalation.INDICTMENTS,
        Harm.DESTRUCTION: Escalation.COUNTER_OPERATION,
    },
}
"""Each doctrine's answer to a state named for each kind of harm, at high confidence."""


def response_level(doctrine: Doctrine, kind: OperationKind, confidence: float) -> Escalation:
    """The rung a victim's doctrine climbs for an operation of this kind, attributed with
    this confidence: below halfway between the doctrine's threshold and certainty, no
    doctrine goes past sanctions.

    Examples
    --------
    >>> response_level(Doctrine(response="punishment"), OperationKind.ESPIONAGE, 0.99).name
    'NONE'
    >>> response_level(Doctrine(response="punishment"), OperationKind.SABOTAGE, 0.99).name
    'COUNTER_OPERATION'
    """
    level = RESPONSES[doctrine.response][HARM[kind]]
    if confidence < doctrine.attribution_threshold + 0.5 * (1 - doctrine.attribution_threshold):
        level = Escalation(min(level, Escalation.SANCTIONS))
    return level


def host_cooperates(host: int, victim: int, sponsor: int | None, allied: np.ndarray) -> bool:
    """Whether the state where a named group lives arrests its members for the victim: the
    victim itself, or an ally that is not the group's sponsor (a state does not hand over
    its own proxies, nor does a rival police its patriots for the other side)."""
    return host == victim or (bool(allied[host, victim]) and host != sponsor)
