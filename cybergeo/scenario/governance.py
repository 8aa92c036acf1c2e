"""The governance section of a scenario: bodies, proposals, stances, sovereign measures and
what platform firms do about states' demands.

Everything defaults to an empty arena and inert firms, so a scenario without `governance:`
runs as before. Cross-references (members, bodies, the hegemon) are checked by
`governance_references`, called from the scenario's reference check.
"""

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from cybergeo.scenario.spec import MAX_STEPS, Identifier, Probability, Rate, Spec, Steps

Location = tuple[str | int, ...]
MAX_ITEMS = 10_000
"""Most bodies, proposals, members or seats a scenario may list."""


class BodyKind(StrEnum):
    """Who votes: stakeholder groups with equal weight, or one state, one vote."""

    MULTISTAKEHOLDER = "multistakeholder"
    INTERGOVERNMENTAL = "intergovernmental"


class DecisionRule(StrEnum):
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    QUALIFIED_MAJORITY = "qualified_majority"


class ProposalKind(StrEnum):
    """A treaty on content and data (towards sovereignty), or the transfer of the oversight
    of the root to a multistakeholder body (away from the hegemon)."""

    DATA_TREATY = "data_treaty"
    STEWARDSHIP_TRANSFER = "stewardship_transfer"


class Measure(StrEnum):
    """Sovereign measures a state can put into force."""

    LOCALISATION = "localisation"
    BLOCKING = "blocking"


class Body(Spec):
    """A governance forum (ICANN, the ITU's treaty conference, the IGF...)."""

    id: Identifier
    name: str | None = None
    kind: Annotated[BodyKind, Field(strict=False)] = BodyKind.MULTISTAKEHOLDER
    rule: Annotated[DecisionRule, Field(strict=False)] = DecisionRule.CONSENSUS
    quota: Annotated[float, Field(gt=0.5, le=1.0)] = Field(
        0.67, description="share of weighted votes a qualified majority needs"
    )
    members: list[Identifier] = Field(
        default=[],
        max_length=MAX_ITEMS,
        description="countries and firms; empty means every country",
    )
    civil_society: list[Identifier] = Field(
        default=[],
        max_length=MAX_ITEMS,
        description="named civil-society seats (votes only in multistakeholder bodies)",
    )


class Proposal(Spec):
    """A text put to a body's vote, on a given step or some steps after the hegemon's
    concession."""

    id: Identifier
    body: Identifier
    kind: Annotated[ProposalKind, Field(strict=False)] = ProposalKind.DATA_TREATY
    step: Steps | None = None
    after_concession: Annotated[int, Field(ge=0, le=MAX_STEPS)] | None = Field(
        None, description="vote this many steps after the hegemon's concession"
    )
    effects: list[Annotated[Measure, Field(strict=False)]] = Field(
        default=[],
        max_length=2,
        description="measures each signatory drafts when a data treaty is adopted",
    )

    @model_validator(mode="after")
    def _one_schedule(self) -> Self:
        if (self.step is None) == (self.after_concession is None):
            raise ValueError("give exactly one of step and after_concession")
        return self


class StanceSpec(Spec):
    """Each state's stance between multistakeholderism (0) and sovereignty (1)."""

    initial: dict[Identifier, Probability] = Field(
        default={},
        max_length=MAX_ITEMS,
        description="starting stance by country; others start from their regime",
    )
    drift: Rate = Field(0.01, description="share of the gap to its target closed per step")
    legitimacy_weight: Annotated[float, Field(ge=0.0, le=5.0)] = Field(
        1.0, description="pull towards sovereignty per unit of legitimacy the hegemon lost"
    )
    tension_weight: Annotated[float, Field(ge=0.0, le=5.0)] = Field(
        0.5,
        description="pull towards sovereignty per unit of tension with the hegemon above baseline",
    )
    vote_noise: Annotated[float, Field(gt=0.0, le=1.0)] = Field(
        0.1, description="spread of the logistic vote around stance 0.5"
    )


class MeasuresSpec(Spec):
    """When states draft sovereign measures on their own, and how long laws take."""

    localisation_threshold: Probability = Field(
        1.0, description="stance at which a state drafts a data-localisation law (1: never alone)"
    )
    blocking_threshold: Probability = Field(
        1.0, description="stance at which a state builds national blocking (1: never alone)"
    )
    delay: Annotated[int, Field(ge=0, le=MAX_STEPS)] = Field(
        365, description="steps from drafting a measure to its coming into force"
    )
    blocking_gain: Probability = Field(
        0.2, description="censorship capability national blocking infrastructure adds"
    )


class HegemonSpec(Spec):
    """The dominant state, steward of the root, and the legitimacy of its stewardship."""

    id: Identifier | None = None
    legitimacy: Probability = 0.8
    recovery: Rate = Field(0.002, description="share of lost legitimacy regained per step")
    concession_threshold: Probability = Field(
        0.1,
        description="others' mean move towards sovereignty that makes the hegemon concede",
    )
    concession_gain: Probability = Field(
        0.5, description="share of its lost legitimacy a concession restores"
    )


class PlatformSpec(Spec):
    """What platform firms do during a run; all rates 0 means firms stay as they started."""

    transparency_rate: Rate = Field(
        0.0, description="chance per step an exposed firm publishes a transparency report"
    )
    transparency_gain: Probability = Field(
        0.2, description="share of its lost reputation a transparency report restores"
    )
    encryption_rate: Rate = Field(
        0.0, description="chance per step an exposed firm encrypts, times its security investment"
    )
    encryption_shield: Probability = Field(
        0.7, description="share of collection and of a leak's exposure that encryption denies"
    )
    collection_weight: Probability = Field(
        0.0, description="signals intelligence a state gains from complicit firms' foreign users"
    )


class GovernanceSpec(Spec):
    """The governance arena and the platforms' answers to states."""

    hegemon: HegemonSpec = HegemonSpec()
    bodies: Annotated[list[Body], Field(max_length=MAX_ITEMS)] = []
    proposals: Annotated[list[Proposal], Field(max_length=MAX_ITEMS)] = []
    stance: StanceSpec = StanceSpec()
    measures: MeasuresSpec = MeasuresSpec()
    platforms: PlatformSpec = PlatformSpec()

    @property
    def active(self) -> bool:
        """Whether the scenario declares an arena (a hegemon, a body or a proposal)."""
        return bool(self.hegemon.id or self.bodies or self.proposals)


def governance_references(
    raw: dict[str, Any], countries: set[str], firms: set[str]
) -> Iterator[tuple[Location, str]]:
    """Dangling names in the governance section: members, bodies, the hegemon, stances."""
    section = raw.get("governance")
    if not isinstance(section, dict):
        return
    hegemon = section.get("hegemon")
    if isinstance(hegemon, dict) and hegemon.get("id") not in (None, *countries):
        yield ("governance", "hegemon", "id"), f"unknown country '{hegemon['id']}'"
    bodies = _listed(section, "bodies")
    for index, body in enumerate(bodies):
        members = body.get("members")
        for position, name in enumerate(members if isinstance(members, list) else []):
            if isinstance(name, str) and name not in countries | firms:
                loc = ("governance", "bodies", index, "members", position)
                yield loc, f"unknown country or firm '{name}'"
    body_ids = {str(b["id"]) for b in bodies if "id" in b}
    for index, proposal in enumerate(_listed(section, "proposals")):
        if proposal.get("body") not in body_ids:
            known = ", ".join(sorted(body_ids)) or "none defined"
            message = f"unknown body '{proposal.get('body')}' (known: {known})"
            yield ("governance", "proposals", index, "body"), message
    stance = section.get("stance")
    initial = stance.get("initial") if isinstance(stance, dict) else None
    for name in initial if isinstance(initial, dict) else {}:
        if name not in countries:
            yield ("governance", "stance", "initial", name), f"unknown country '{name}'"


def _listed(section: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = section.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
