"""Firms: platforms, ISPs and security vendors that patch, comply or resist, and report;
platforms answer exposure with transparency and encryption, and localisation laws by
relocating data or leaving the market."""

import mesa
import numpy as np

from cybergeo.actors.firm_decisions import collection_yield, restored_reputation
from cybergeo.scenario.governance import PlatformSpec
from cybergeo.scenario.schema import Country, Firm
from cybergeo.world.world import World

FOREIGN_REQUEST_DISCOUNT = 0.5
"""A request from a foreign state is complied with half as often as one from home, unless
that state imposes data localisation on the firms serving its market."""
OUTAGE_CHURN = 0.02
"""Share of its users a firm loses in a country for each step its service is unavailable there."""
FOREIGN_LOSS = 0.5
"""Share of its foreign users a complicit firm loses per unit of a leak's impact (a leak of
impact 0.3 costs 15 % of the foreign market: ITIF's 10-20 %)."""
HOME_LOSS = 0.1
"""Share of its home users it loses per unit of impact: a fifth of the foreign loss."""
USER_RETURN = 0.01
"""Share of the lost users who come back each step, scaled by the firm's reputation."""


class FirmAgent(mesa.Agent):
    """A firm with a home jurisdiction, a security investment, a reputation, and a share of
    each country's users (starting from its market)."""

    def __init__(
        self, model: mesa.Model, spec: Firm, countries: list[Country], world: World
    ) -> None:
        super().__init__(model)
        self.spec = spec
        self.reputation = 1.0
        self.complicit_with: set[str] = set()
        self.exposures = 0
        """Leaks that revealed its complicity so far."""
        self.encryption = 0.0
        """Share of collection and of a leak's exposure its encryption denies (0: none)."""
        self.reports = 0
        """Transparency reports published."""
        self.localised_in: set[str] = {
            c.id for c in countries if c.governance == "sovereign" and self.serves(c.id)
        }
        """Foreign states whose localisation law it complies with: their requests are as home's."""
        self.systems = np.array(
            [i for i, owner in enumerate(world.systems.owner) if owner == spec.id], dtype=np.int64
        )
        served = [self.serves(country.id) for country in countries]
        self.market: np.ndarray | None = (
            np.array(served, dtype=float) if len(self.systems) else None
        )
        """Share of each country's users served at the start; None for a firm with no service."""
        self.user_share = np.zeros(len(countries)) if self.market is None else self.market.copy()

    @property
    def name(self) -> str:
        return self.spec.id

    def exposed(self, impact: float) -> None:
        """Its complicity revealed: reputation falls, and users leave, foreign users far more
        than those at home, who are not the programme's targets (after Snowden, 56 % of
        non-US firms surveyed by the CSA were less likely to use US cloud providers; ITIF
        estimated 10-20 % of the foreign market lost, the domestic share kept). Encryption
        shields part of what the leak shows."""
        impact *= 1.0 - self.encryption
        self.exposures += 1
        self.reputation *= 1.0 - impact
        home = np.array([c == self.spec.home for c in self.model.countries])
        self.user_share *= 1.0 - impact * np.where(home, HOME_LOSS, FOREIGN_LOSS)

    def respond(self, platforms: PlatformSpec) -> list[str]:
        """An exposed platform's answers this step: it may publish a transparency report
        (winning back part of its lost reputation) and, once, encrypt (the more likely the
        more it invests in security). Draws only for the answers a scenario enables."""
        actions: list[str] = []
        if not self.exposures:
            return actions
        if platforms.transparency_rate > 0 and self.rng.random() < platforms.transparency_rate:
            self.reputation = restored_reputation(self.reputation, platforms.transparency_gain)
            self.reports += 1
            actions.append("transparency_report")
        encryption_chance = platforms.encryption_rate * self.spec.security_investment
        if not self.encryption and encryption_chance > 0 and self.rng.random() < encryption_chance:
            self.encryption = platforms.encryption_shield
            actions.append("encryption")
        return actions

    def answer_localisation(self, state: str, country: int) -> bool:
        """A localisation law in a market it serves from abroad (`country` is the state's
        index): relocate the data there, with its compliance as chance, and answer that
        state as home; or leave the market."""
        if self.rng.random() < self.spec.compliance:
            self.localised_in.add(state)
            return True
        if self.market is not None:
            self.market[country] = 0.0
            self.user_share[country] = 0.0
        return False

    def collection(self, state: str, country: int) -> float:
        """What complicity with a state (index `country`) yields it: the firm's foreign
        users, less encryption."""
        if state not in self.complicit_with:
            return 0.0
        return collection_yield(self.user_share, country, self.encryption)

    def serve(self, world: World) -> None:
        """A step of service: users churn where the firm's services are down or blocked, and
        some of those lost come back, the more so the better its reputation."""
        if self.market is None:
            return
        down = ~world.systems.up[self.systems]
        blocked = world.blocked[self.systems]
        unavailable = (down[:, None] | blocked).any(axis=0) & (self.market > 0)
        self.user_share[unavailable] *= 1.0 - OUTAGE_CHURN
        lost = self.market - self.user_share
        self.user_share += USER_RETURN * self.reputation * np.where(unavailable, 0.0, lost)

    def patch_rate(self, base: float) -> float:
        """Chance per step a public flaw in the firm's systems is patched."""
        return min(1.0, base * (0.5 + self.spec.security_investment))

    def comply_probability(self, state: str) -> float:
        """How likely the firm is to grant a state's surveillance or takedown request."""
        discount = 1.0 if self.answers_as_home(state) else FOREIGN_REQUEST_DISCOUNT
        return self.spec.compliance * discount

    def answers_as_home(self, state: str) -> bool:
        """Whether the firm treats the state's requests as its home's: its home, or a state
        in its market whose localisation law it complies with (data kept there, under its
        law): from the start, every `sovereign` state it serves."""
        return state == self.spec.home or state in self.localised_in

    def serves(self, country: str) -> bool:
        """Whether the country is in the firm's market (no markets listed: everywhere)."""
        return not self.spec.markets or country in self.spec.markets

    def answer_request(self, state: str) -> bool:
        """Decide on a request; complying makes the firm complicit in that state's programme."""
        complies = bool(self.rng.random() < self.comply_probability(state))
        if complies:
            self.complicit_with.add(state)
        return complies
