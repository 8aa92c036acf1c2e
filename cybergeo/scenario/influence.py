"""The `influence:` section: who speaks to which public, and who answers back.

Influence at two levels (Nye's soft power abroad, propaganda at home): embassies and
ambassadors with accounts in a host country's public, a state's own media courting its
citizens, non-governmental organisations campaigning or checking facts, and the answers
of counter-influence (debunking, platform labels, regime counter-messaging). Every list is
empty and every rate zero by default, so a scenario without this section runs as before.
"""

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field

from cybergeo.scenario.spec import Identifier, Probability, Rate, Spec


class Embassy(Spec):
    """An embassy or ambassador's account in the host's public (McFaul in Moscow)."""

    id: Identifier
    sender: Identifier = Field(description="the state the ambassador speaks for")
    host: Identifier = Field(description="the country whose public the account lives in")
    reach: Probability = Field(0.02, description="share of host citizens following the account")
    post_rate: Rate = Field(0.3, description="chance per step the account posts")
    impact: Probability = Field(0.05, description="pull of a post on attitudes to the sender")


class Propaganda(Spec):
    """A state's own media courting its citizens' trust."""

    state: Identifier
    post_rate: Rate = Field(0.2, description="chance per step its media post propaganda")
    impact: Probability = Field(0.02, description="pull of a post on trust in the government")


class Ngo(Spec):
    """A non-governmental organisation: a campaigner for civil liberties, or a fact-checker
    that carries the corrections of disinformation in its home country."""

    id: Identifier
    home: Identifier
    campaign: Literal["liberties", "factcheck"] = "liberties"
    target: Identifier | None = Field(None, description="state a campaign is about (home)")
    reach: Probability = Field(0.05, description="share of home citizens following it")
    post_rate: Rate = Field(0.1, description="chance per step a campaign posts")
    impact: Probability = Field(0.03, description="pull of a post on trust and awareness")


class InfluenceSpec(Spec):
    """Influence and counter-influence on the semantic stratum."""

    embassies: list[Embassy] = []
    propaganda: list[Propaganda] = []
    ngos: list[Ngo] = []
    host_reaction: Annotated[float, Field(ge=0.0, le=10.0)] = Field(
        0.5,
        description="tension per embassy post: x share of host citizens reached x host censorship",
    )
    counter_messaging: Probability = Field(
        0.0, description="chance the host's media answer an embassy post with propaganda"
    )
    circumventer_discount: Probability = Field(
        1.0, description="share of propaganda's pull lost on citizens who circumvent"
    )
    debunking: Probability = Field(
        0.0, description="share of disinformation's effect a correction undoes where it reaches"
    )
    labels: dict[Identifier, Probability] = Field(
        {}, description="platform firm -> share of state media's pull its labels remove"
    )

    def configured(self) -> bool:
        """Whether any influence rule is switched on (otherwise nothing runs, nothing is
        recorded, and runs are as without this section)."""
        return bool(self.embassies or self.propaganda or self.ngos or self.debunking or self.labels)


def influence_references(
    raw: dict[str, Any], countries: set[str], firms: set[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each name in `influence:` that points at no country (or, for labels, no firm)."""
    section = raw.get("influence")
    if not isinstance(section, dict):
        return
    wanted = {
        "embassies": ("sender", "host"),
        "propaganda": ("state",),
        "ngos": ("home", "target"),
    }
    for key, fields in wanted.items():
        items = section.get(key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            for name in fields:
                value = item.get(name) if isinstance(item, dict) else None
                if isinstance(value, str) and value not in countries:
                    yield ("influence", key, index, name), f"unknown country '{value}'"
    labels = section.get("labels")
    for firm in labels if isinstance(labels, dict) else {}:
        if firm not in firms:
            yield ("influence", "labels", firm), f"unknown platform firm '{firm}'"
