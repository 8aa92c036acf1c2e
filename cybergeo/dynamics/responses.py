"""A victim's answer to a public attribution, by doctrine, up the escalation ladder."""

from cybergeo.dynamics.diplomacy import Escalation
from cybergeo.dynamics.information import MessageKind
from cybergeo.dynamics.media import in_the_media
from cybergeo.view import ModelView

DOCTRINE_CEILING = {
    "restraint": Escalation.PROTEST,
    "proportional": Escalation.INDICTMENTS,
    "punishment": Escalation.COUNTER_OPERATION,
}
"""The highest rung each response doctrine (`countries[].doctrine.response`) climbs to."""
GROUP_ARRESTS = 0.3
"""Share of its members a group loses when it is publicly named."""


def respond(
    model: ModelView, victim: int, blamed: str, confidence: float, innocent: bool, incident: int
) -> None:
    """A victim's answer to a public attribution, by doctrine, up the escalation ladder.

    Restraint stops at a protest, proportionality at indictments, punishment goes to
    counter-operations; below a confidence halfway between threshold and certainty, no
    doctrine goes past sanctions. The victim's media carry the news, and foreign publics
    think less of the blamed state. A wrongly blamed state denies and may counter-accuse.
    """
    doctrine = model.states[victim].spec.doctrine
    shock = model.spec.diplomacy.attribution_shock
    if blamed in model.groups:
        model.groups[blamed].arrested(GROUP_ARRESTS)
        model.emit("arrests", model.countries[victim], blamed, incident=incident)
        if innocent:
            model.count("retaliations_against_innocents")
        return
    if blamed not in model.country_index:
        model.emit(
            "response", model.countries[victim], blamed, incident=incident, detail="statement"
        )
        return
    other = model.country_index[blamed]
    level = DOCTRINE_CEILING[doctrine.response]
    if confidence < doctrine.attribution_threshold + 0.5 * (1 - doctrine.attribution_threshold):
        level = Escalation(min(level, Escalation.SANCTIONS))
    model.relations.shock(victim, other, shock * level / 2)
    model.relations.escalate(victim, other, level)
    in_the_media(model, MessageKind.NEWS, victim, other, model.spec.information.news_impact)
    model.emit(
        "response", model.countries[victim], blamed, incident=incident, detail=level.name.lower()
    )
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
