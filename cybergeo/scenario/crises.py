"""The scenario section `crises`: provocations that set patriots off, and what follows a crisis.

Estonia 2007: moving a Soviet war memorial offended Russian patriots, whose DDoS waves lasted
three weeks; a year later NATO's cyber defence centre opened in Tallinn. Empty and off by
default, so scenarios without it are unchanged.
"""

from typing import Annotated

from pydantic import Field

from cybergeo.scenario.spec import Identifier, Rate, Spec


class Provocation(Spec):
    """An act of one state that outrages the patriotic groups of another, day after day."""

    step: Annotated[int, Field(ge=1)]
    by: Identifier = Field(description="the state whose act gives offence")
    offended: Identifier = Field(description="the state whose patriotic groups take offence")
    duration: Annotated[int, Field(ge=1, le=10_000)] = Field(
        21, description="steps during which the act keeps feeding their outrage"
    )


class CrisesSpec(Spec):
    """Provocations, and when a crisis of disruptive incidents leads to a joint institution."""

    provocations: list[Provocation] = []
    crisis_incidents: Annotated[int, Field(ge=0, le=10_000)] = Field(
        0,
        description="disruptive incidents against a state within the window that make a crisis "
        "(0: no institutions)",
    )
    crisis_window: Annotated[int, Field(ge=1, le=10_000)] = Field(
        30, description="steps over which incidents are counted, and of calm before founding"
    )
    founding_rate: Rate = Field(
        0.01,
        description="chance per calm step after a crisis that the victim and its allies "
        "found a joint institution",
    )
