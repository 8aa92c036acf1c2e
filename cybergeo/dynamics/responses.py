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
from cybergeo.dynamics.information import MessageKind
from cybergeo.dynamics.media import in_the_media
from cybergeo.dynamics.operations import OperationKind
from cybergeo.scenario.schema import Doctrine
from cybergeo.view import ModelView


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
GROUP_ARRESTS = 0.3
"""Share of its members a group loses when it is publicly named and its host cooperates."""


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


def respond(
    model: ModelView,
    victim: int,
    blamed: str,
    confidence: float,
    innocent: bool,
    incident: int,
    kind: OperationKind,
) -> None:
    """A victim's answer to a public attribution, by its doctrine and what was done, up the
    escalation ladder (`response_level`). A named group loses members to arrests only when
    the state it lives in cooperates (`host_cooperates`). The victim's media carry the news
    of a state named, and foreign publics think less of it. A wrongly blamed state denies
    and may counter-accuse.
    """
    doctrine = model.states[victim].spec.doctrine
    shock = model.spec.diplomacy.attribution_shock
    if blamed in model.groups:
        group = model.groups[blamed]
        host = model.country_index[group.spec.home]
        sponsor = model.country_index.get(group.sponsor or "")
        if host_cooperates(host, victim, sponsor, model.relations.allied):
            group.arrested(GROUP_ARRESTS)
            model.emit("arrests", model.countries[host], blamed, incident=incident)
        else:
            model.emit(
                "response", model.countries[victim], blamed, incident=incident, detail="statement"
            )
        if innocent:
            model.count("retaliations_against_innocents")
        return
    if blamed not in model.country_index:
        model.emit(
            "response", model.countries[victim], blamed, incident=incident, detail="statement"
        )
        return
    other = model.country_index[blamed]
    level = response_level(doctrine, kind, confidence)
    model.relations.shock(victim, other, shock * level / 2)
    model.relations.escalate(victim, other, level)
    in_the_media(model, MessageKind.NEWS, victim, other, model.spec.information.news_impact)
    detail = "statement" if level == STATEMENT else level.name.lower()
    model.emit("response", model.countries[victim], blamed, incident=incident, detail=detail)
    if innocent:
        model.count("retaliations_against_innocents")
        model.emit("denial", blamed, model.countries[victim], incident=incident)
        if model.rng.random() < model.relations.tension[victim, other]:
            model.relations.shock(victim, other, shock / 2)
            model.emit("counter_accusation", blamed, model.countries[victim], incident=incident)
    if level == Escalation.COUNTER_OPERATION:
        model.counter_operations.append((victim, other))
    for group in model.groups.values():
        if model.country_index[group.spec.home] == victim:
            group.witness("attack_on_home", other, victim)
