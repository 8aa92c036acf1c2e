"""The scenario section `publishing`: publishers of leaked cables, their firms and mirrors.

The displaced secret (WikiLeaks 2010): a publisher hosted and paid through firms releases a
state's diplomatic cables about several third states; the state presses the firms to drop
it; volunteers mirror it. Empty by default, so scenarios without it are unchanged.
"""

from typing import Annotated

from pydantic import Field

from cybergeo.scenario.spec import Identifier, Probability, Rate, Spec


class Publisher(Spec):
    """A publishing intermediary: its site runs on hosting firms, donations on payment firms."""

    id: Identifier
    home: Identifier = Field(description="the country whose law it publishes under")
    hosts: list[Identifier] = Field(
        [], description="hosting firms it can use, in order: it moves to the next when dropped"
    )
    payments: list[Identifier] = Field([], description="payment firms taking its donations")
    partners: list[Identifier] = Field(
        [], description="countries whose media co-publish its releases (partner newspapers)"
    )
    mirrors: Annotated[int, Field(ge=0, le=10_000)] = Field(
        0, description="mirrors run by volunteers at the start"
    )


class CableRelease(Spec):
    """A release of a state's diplomatic cables whose content concerns several third states."""

    step: Annotated[int, Field(ge=1)]
    publisher: Identifier
    source: Identifier | None = Field(None, description="who handed the cables over")
    exposed: Identifier = Field(description="the state whose cables they are")
    concerns: Annotated[list[Identifier], Field(min_length=1)] = Field(
        description="third states the cables discuss"
    )
    duration: Annotated[int, Field(ge=1, le=10_000)] = Field(
        30, description="steps over which instalments are published"
    )


class PublishingSpec(Spec):
    """Publishers, their releases, and the rules of pressure, mirrors, fallout and payback."""

    publishers: list[Publisher] = []
    releases: list[CableRelease] = []
    cable_impact: Probability = Field(
        0.05, description="how far one instalment lowers reached foreigners' view of the exposed"
    )
    revelation: Probability = Field(
        0.0,
        description="share of cable_impact by which an instalment lowers the trust of the "
        "discussed state's readers in their own government",
    )
    cable_shock: Probability = Field(
        0.02, description="tension rise per instalment between the exposed and its subject"
    )
    pressure: Rate = Field(
        0.3, description="chance per step a pressed firm decides, times its will to comply"
    )
    mirror_rate: Annotated[float, Field(ge=0.0, le=1000.0)] = Field(
        3.0, description="mean number of mirrors volunteers set up after each takedown"
    )
    backlash: Probability = Field(
        0.1, description="share of its reputation a firm loses by dropping a publisher"
    )
    payback_outrage: Annotated[float, Field(ge=0.0)] = Field(
        1.5, description="outrage a takedown raises in free-speech groups at the firm"
    )
    expulsion_tension: Probability = Field(
        0.7, description="tension at which a concerned non-allied state expels the ambassador"
    )
