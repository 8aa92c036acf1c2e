"""The `uprisings:` section: protest as news, its contagion abroad, and how regimes end a
crisis (concession, repression, fall).

Off by default: with `voice_rate` and `coverage` at 0 nobody posts protest news, and with
no `outcome` no regime answers its streets, so a scenario without this section runs as
before.
"""

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import Field

from cybergeo.scenario.spec import Identifier, Probability, Rate, Spec


class RegimeOutcomeSpec(Spec):
    """When protest opens a crisis, and how the regime answers: a democracy concedes; a
    hybrid or authoritarian regime represses, concedes if the crisis lasts, and falls if the
    streets stay full."""

    crisis_share: Probability = Field(0.01, description="protest share that opens a crisis")
    repression: Annotated[float, Field(ge=1.0, le=10.0)] = Field(
        2.0, description="police multiplier while a non-democracy represses a crisis"
    )
    backfire: Probability = Field(
        0.0, description="resentment each citizen gains per step of repression (backfire)"
    )
    concession_after: Annotated[int, Field(ge=1)] = Field(
        7, description="crisis steps before a non-democracy concedes"
    )
    concession_gain: Probability = Field(0.1, description="legitimacy a concession wins")
    fall_share: Probability = Field(0.03, description="protest share that, held, topples")
    fall_after: Annotated[int, Field(ge=1)] = Field(
        5, description="consecutive steps at or above fall_share before the regime falls"
    )
    new_legitimacy: Probability = Field(0.7, description="legitimacy of the government after")


class UprisingSpec(Spec):
    """Protest news online and abroad, emboldening, and regime outcomes."""

    voice_rate: Rate = Field(0.0, description="chance per step a protester posts protest news")
    news_impact: Probability = Field(
        0.1, description="how far protest news emboldens the citizens it reaches"
    )
    memory: Probability = Field(0.9, description="share of emboldening kept per step")
    newsworthy: Probability = Field(
        0.01, description="protest share from which foreign media cover a country's protest"
    )
    coverage: Rate = Field(
        0.0, description="chance per step each foreign media outlet covers newsworthy protest"
    )
    fall_impact: Probability = Field(
        0.5, description="how far news of a regime's fall emboldens those it reaches"
    )
    languages: dict[Identifier, Identifier] = Field(
        {}, description="country -> language; unlisted countries speak their own"
    )
    foreign_language_weight: Probability = Field(
        0.2, description="weight of protest news from a country speaking another language"
    )
    outcome: RegimeOutcomeSpec | None = None

    def configured(self) -> bool:
        """Whether any rule of this section is switched on."""
        return bool(self.voice_rate or self.coverage or self.outcome is not None)


def uprising_references(
    raw: dict[str, Any], countries: set[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each country named in `uprisings.languages` that the scenario does not have."""
    section = raw.get("uprisings")
    languages = section.get("languages") if isinstance(section, dict) else None
    for country in languages if isinstance(languages, dict) else {}:
        if country not in countries:
            yield ("uprisings", "languages", country), f"unknown country '{country}'"
