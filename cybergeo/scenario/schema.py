"""The scenario schema: what a YAML scenario may say, with a sensible default for everything.

Pydantic models at the boundary only; the model reads them once to build its arrays and
agents. Every model forbids unknown keys so a misspelling is an error, never silently ignored.
"""

from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import Discriminator, Field, Tag, model_validator

from cybergeo.scenario.crises import CrisesSpec
from cybergeo.scenario.experiment import ExperimentSpec
from cybergeo.scenario.facts import Facts
from cybergeo.scenario.governance import GovernanceSpec
from cybergeo.scenario.influence import InfluenceSpec
from cybergeo.scenario.publishing import PublishingSpec
from cybergeo.scenario.spec import MAX_STEPS, Identifier, Probability, Rate, Seed, Spec, Steps
from cybergeo.scenario.supply_chain import SupplyChainSpec
from cybergeo.scenario.uprisings import UprisingSpec


class Regime(StrEnum):
    DEMOCRACY = "democracy"
    HYBRID = "hybrid"
    AUTHORITARIAN = "authoritarian"


class Capabilities(Spec):
    """A state's cyber capabilities, each in [0, 1]."""

    offence: Probability = 0.5
    defence: Probability = 0.5
    forensics: Probability = 0.5
    surveillance: Probability = Field(0.3, description="domestic: watching its own citizens")
    intelligence: Probability = Field(0.3, description="foreign: signals intelligence abroad")
    censorship: Probability = 0.1
    influence: Probability = 0.3


class Doctrine(Spec):
    """How a state attributes incidents and answers them."""

    attribution_threshold: Annotated[float, Field(gt=0.0, le=1.0)] = 0.8
    attribution_delay: Annotated[
        int, Field(ge=0, le=MAX_STEPS, description="steps to wait once confident")
    ] = 0
    joint_with_allies: bool = Field(False, description="attribute together with allies")
    response: Literal["restraint", "proportional", "punishment"] = "proportional"
    evidence_model: Literal["naive", "aware"] = "aware"


class Country(Spec):
    """A state, its society and its doctrine."""

    id: Identifier
    name: str | None = None
    regime: Annotated[Regime, Field(strict=False)] = Regime.DEMOCRACY
    legitimacy: Probability = 0.7
    citizens: Annotated[int, Field(ge=1, le=10_000_000)] = 300
    capabilities: Capabilities = Capabilities()
    doctrine: Doctrine = Doctrine()
    allies: list[Identifier] = []
    rivals: list[Identifier] = []
    zero_days: Annotated[int, Field(ge=0, le=1000)] = Field(
        2, description="zero-days held at the start, in rivals' systems first"
    )
    exploit_stealth: Probability = Field(
        0.7, description="chance a zero-day stays secret once used (Axelrod-Iliev stealth)"
    )
    exploit_persistence: Probability = Field(
        0.97, description="chance an unused zero-day survives a step (Axelrod-Iliev persistence)"
    )
    operations_rate: Rate = Field(
        0.05, description="chance per step and rival of launching an operation"
    )
    mass_surveillance: bool = False
    repeat_protest_is_crime: bool = Field(
        False,
        description="repeated protest arrests become a criminal case (Russia's art. 212.1)",
    )
    governance: Literal["multistakeholder", "sovereign"] = Field(
        "multistakeholder",
        description="sovereign: data localisation, so foreign firms answer it like their home",
    )


class FirmKind(StrEnum):
    PLATFORM = "platform"
    ISP = "isp"
    SECURITY_VENDOR = "security_vendor"
    HOSTING = "hosting"
    PAYMENT = "payment"
    SOFTWARE = "software"


class Firm(Spec):
    """A platform, ISP, security vendor, hosting, payment or software firm with a home
    jurisdiction (a software firm's products are listed in `supply_chain`)."""

    id: Identifier
    kind: Annotated[FirmKind, Field(strict=False)] = FirmKind.PLATFORM
    home: Identifier
    markets: list[Identifier] = Field(default=[], description="countries served; empty means all")
    security_investment: Probability = 0.5
    compliance: Probability = Field(0.5, description="willingness to comply with state requests")


class Ideology(StrEnum):
    ANTI_SURVEILLANCE = "anti_surveillance"
    ANTI_CENSORSHIP = "anti_censorship"
    PATRIOTIC = "patriotic"


class Group(Spec):
    """A hacktivist or criminal group; with a sponsor it can act as a state's proxy."""

    id: Identifier
    ideology: Annotated[Ideology, Field(strict=False)] = Ideology.ANTI_CENSORSHIP
    home: Identifier
    size: Annotated[int, Field(ge=1, le=1_000_000)] = 20
    skill: Probability = 0.3
    sponsor: Identifier | None = None
    outrage_threshold: Annotated[float, Field(gt=0.0, le=1e6)] = 1.0


class Insider(Spec):
    """A potential whistleblower inside a state agency or a firm."""

    id: Identifier
    employer: Identifier = Field(description="a country (its agencies) or a firm")
    conscience: Probability = 0.5
    protection: Probability = Field(0.3, description="legal protection of whistleblowers")
    asylum_options: Probability = 0.3


class NodeSpec(Spec):
    """A named infrastructure node, added to its country's generated ones."""

    id: Identifier
    kind: Literal["ixp", "backbone_router", "data_centre", "landing_station", "control_node"]
    country: Identifier
    owner: Identifier | None = Field(None, description="a firm or the state (default)")
    capacity: Annotated[float, Field(gt=0.0, le=1e6)] = 1.0


class CableSpec(Spec):
    """A cross-border cable between landing stations of two countries (or named nodes)."""

    id: Identifier | None = None
    ends: Annotated[list[Identifier], Field(min_length=2, max_length=2)]


class HardwareSpec(Spec):
    """Generator of the hardware stratum: infrastructure nodes per country and cables.

    `nodes` and `cables` list named infrastructure for historical scenarios; with
    `generate_cables: false` the listed cables are the only ones.
    """

    ixps: Annotated[int, Field(ge=1, le=1000)] = 1
    backbone_routers: Annotated[int, Field(ge=1, le=10_000)] = 3
    data_centres: Annotated[int, Field(ge=1, le=10_000)] = 2
    landing_stations: Annotated[int, Field(ge=1, le=1000)] = 2
    control_nodes: Annotated[int, Field(ge=0, le=10_000)] = 2
    cables_per_country: Annotated[int, Field(ge=1, le=100)] = 2
    generate_cables: bool = True
    nodes: Annotated[list[NodeSpec], Field(max_length=10_000)] = []
    cables: Annotated[list[CableSpec], Field(max_length=10_000)] = []
    repair_rate: Rate = 0.2
    outage_rate: Rate = 0.001


class SoftwareSpec(Spec):
    """Generator of the software stratum and the life cycle of its vulnerabilities."""

    vulnerabilities_per_system: Annotated[int, Field(ge=0, le=100)] = 3
    discovery_rate: Rate = Field(0.02, description="chance per step a vulnerability is found")
    disclosure_rate: Rate = Field(0.01, description="chance per step a zero-day goes public")
    patch_rate: Rate = Field(
        0.1, description="chance per step a public flaw is patched, x investment"
    )
    new_vulnerability_rate: Rate = 0.01


class SemanticSpec(Spec):
    """Generator of the semantic stratum: follow ties between accounts over platforms."""

    mean_degree: Annotated[float, Field(gt=0.0, le=1000.0)] = 8.0
    homophily: Probability = 0.85
    degree_exponent: Annotated[float, Field(gt=2.0, le=5.0)] = 2.5
    circumvention: Probability = Field(
        0.1, description="share of citizens with circumvention tools"
    )


class WorldSpec(Spec):
    hardware: HardwareSpec = HardwareSpec()
    software: SoftwareSpec = SoftwareSpec()
    semantic: SemanticSpec = SemanticSpec()


class InformationSpec(Spec):
    """How messages travel on the semantic stratum and move beliefs."""

    transmissibility: Probability = 0.15
    leak_impact: Probability = 0.3
    disinformation_impact: Probability = 0.1
    diplomacy_impact: Probability = 0.05
    news_impact: Probability = Field(
        0.05, description="how far news of a public attribution lowers foreign views of the blamed"
    )
    diplomacy_rate: Rate = 0.1


class ArrestRates(Spec):
    """The chance a police patrol arrests a protester it sees, by regime. Where peaceful
    protest is lawful the police arrest only the few who break the law: about 0.1 % of
    participants in the US protests of 2020 against 3-4 % per protest day in Moscow in
    January 2021, and 0.2 % in Turkey's Gezi protests of 2013 (ODD 7.26). A single number
    sets every regime alike, as in Epstein's model."""

    democracy: Rate = 0.0025
    hybrid: Rate = 0.005
    authoritarian: Rate = 0.1

    @model_validator(mode="before")
    @classmethod
    def _one_rate_for_all(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {regime.value: value for regime in Regime}
        return value

    def by_regime(self) -> list[float]:
        """The rates in the order of `Regime`, for indexing by a regime's position."""
        return [getattr(self, regime.value) for regime in Regime]


class SocietySpec(Spec):
    """Citizens' grievance and mobilisation (Epstein's civil violence rule) and how they
    talk with their contacts (Deffuant's bounded confidence)."""

    activation_threshold: Probability = 0.1
    arrest_constant: Annotated[float, Field(gt=0.0, le=1e3)] = 2.3
    arrest_rate: ArrestRates = Field(
        ArrestRates(), description="chance a patrol arrests a protester it sees, by regime"
    )
    police_per_citizen: Probability = Field(0.04, description="police at full surveillance")
    max_jail_term: Annotated[int, Field(ge=1, le=100_000)] = Field(
        30, description="a prisoner serves a term drawn from 0 to this minus 1 steps (NetLogo)"
    )
    repeat_offence_after: Annotated[int, Field(ge=1, le=10)] = Field(
        2,
        description="where repeated protest is a crime, an arrest after more than this many "
        "within the window is a criminal case (Russia, art. 212.1: more than two)",
    )
    repeat_offence_window: Annotated[int, Field(ge=1, le=100_000)] = Field(
        180, description="steps within which prior arrests count toward a criminal case (212.1)"
    )
    repeat_offence_min_term: Annotated[int, Field(ge=1, le=100_000)] = Field(
        548, description="shortest criminal term, steps (Kotov's 1.5 years on appeal)"
    )
    repeat_offence_max_term: Annotated[int, Field(ge=1, le=100_000)] = Field(
        1095, description="longest criminal term, steps (Dadin's 3 years)"
    )
    trust_recovery: Rate = 0.01
    confidence_bound: Probability = Field(
        0.2, description="attitudes closer than this move together in conversation (Deffuant d)"
    )
    convergence: Annotated[float, Field(gt=0.0, le=0.5)] = Field(
        0.1, description="share of the gap closed in a conversation (Deffuant mu)"
    )

    @model_validator(mode="after")
    def _terms_in_order(self) -> Self:
        if self.repeat_offence_min_term > self.repeat_offence_max_term:
            raise ValueError("repeat_offence_min_term exceeds repeat_offence_max_term")
        return self


class DiplomacySpec(Spec):
    """How tension between states moves and decays."""

    decay: Rate = 0.02
    attribution_shock: Probability = 0.2
    espionage_shock: Probability = 0.25
    asylum_shock: Probability = 0.1
    agreement_relief: Probability = Field(
        0.1, description="fall in tension, and in its baseline, when two states agree a norm"
    )


class AttributionSpec(Spec):
    """How evidence about anonymous operations is generated, and how long victims look."""

    indicator_noise: Probability = Field(0.3, description="share of clues pointing at random")
    flag_strength: Probability = Field(0.7, description="share of a false flag's clues that frame")
    laundering_rate: Probability = Field(
        0.3, description="chance traffic is routed via a third country"
    )
    proxy_rate: Probability = Field(0.5, description="chance a state with a proxy uses it")
    assumed_false_flag_rate: Probability = Field(
        0.2, description="share of operations an aware investigator expects to be false flags"
    )
    assumed_proxy_rate: Probability = Field(
        0.5,
        description="chance an aware investigator gives that a patriotic group acts for its state",
    )
    give_up_after: Steps = 90


class EventKind(StrEnum):
    LEAK = "leak"
    PLATFORM_SHUTDOWN = "platform_shutdown"
    CABLE_CUT = "cable_cut"
    ZERO_DAY_DISCLOSURE = "zero_day_disclosure"
    FALSE_FLAG_CAMPAIGN = "false_flag_campaign"
    CENSORSHIP = "censorship"
    AGREEMENT = "agreement"


class ScheduledEvent(Spec):
    """Something that happens on a given step, whatever the actors decide."""

    step: Annotated[int, Field(ge=1, le=MAX_STEPS, description="steps count from 1")]
    kind: Annotated[EventKind, Field(strict=False)]
    actor: Identifier | None = Field(None, description="who does it (a country, firm or insider)")
    target: Identifier | None = Field(None, description="whom or what it concerns")
    duration: Steps = 1


Text = Annotated[str, Field(max_length=10_000)]


class Descriptions(Spec):
    """A scenario's description in each language of the interface."""

    en: Text = ""
    fr: Text = ""


ONE_TEXT, PER_LANGUAGE = "one text", "one text per language"
"""The description's two forms; they name no key, so errors leave them out of paths."""


def _description_form(value: object) -> str:
    """A mapping (as read) or `Descriptions` (as dumped) is per language; anything else is
    checked as one text."""
    return PER_LANGUAGE if isinstance(value, dict | Descriptions) else ONE_TEXT


Description = Annotated[
    Annotated[Text, Tag(ONE_TEXT)] | Annotated[Descriptions, Tag(PER_LANGUAGE)],
    Discriminator(_description_form),
]
"""One text, or one text per language: errors speak of the form the scenario used."""


class Scenario(Spec):
    """A whole scenario: the world, its actors, the rules' parameters and the run length."""

    name: Identifier = "scenario"
    description: Description = Field(
        "", description="free text for readers: one text, or one per language"
    )
    extends: str | None = Field(None, description="resolved by the loader; None once loaded")
    steps: Steps = 180
    seed: Seed = 0
    step_days: Annotated[int, Field(ge=1, le=366)] = 1
    countries: Annotated[list[Country], Field(min_length=2, max_length=100)] = [
        Country(id="Northland", regime=Regime.DEMOCRACY, legitimacy=0.8, rivals=["Eastmark"]),
        Country(
            id="Eastmark",
            regime=Regime.AUTHORITARIAN,
            legitimacy=0.4,
            rivals=["Northland"],
            capabilities=Capabilities(offence=0.7, censorship=0.6, surveillance=0.7),
        ),
        Country(id="Southport", regime=Regime.HYBRID, legitimacy=0.55),
    ]
    firms: Annotated[list[Firm], Field(max_length=1000)] = []
    groups: Annotated[list[Group], Field(max_length=1000)] = []
    insiders: Annotated[list[Insider], Field(max_length=1000)] = []
    world: WorldSpec = WorldSpec()
    information: InformationSpec = InformationSpec()
    society: SocietySpec = SocietySpec()
    diplomacy: DiplomacySpec = DiplomacySpec()
    attribution: AttributionSpec = AttributionSpec()
    influence: InfluenceSpec = InfluenceSpec()
    uprisings: UprisingSpec = UprisingSpec()
    events: Annotated[list[ScheduledEvent], Field(max_length=10_000)] = []
    governance: GovernanceSpec = GovernanceSpec()
    publishing: PublishingSpec = PublishingSpec()
    supply_chain: SupplyChainSpec = SupplyChainSpec()
    crises: CrisesSpec = CrisesSpec()
    experiment: ExperimentSpec | None = None
    facts: Facts = Field([], description="stylised facts its runs must show (`cybergeo facts`)")

    def country_ids(self) -> list[str]:
        return [c.id for c in self.countries]

    def description_in(self, language: str) -> str:
        """The description in `language`, else in English, else in the first language given.

        >>> Scenario(description={"en": "A quarrel.", "fr": "Une querelle."}).description_in("fr")
        'Une querelle.'
        >>> Scenario(description="A quarrel.").description_in("fr")
        'A quarrel.'
        """
        if isinstance(self.description, str):
            return self.description
        texts = self.description.model_dump()
        return texts.get(language) or texts["en"] or next(filter(None, texts.values()), "")
