"""Firms: platforms, ISPs and security vendors that patch, comply or resist, and report."""

from typing import TYPE_CHECKING

import mesa

from cybergeo.scenario.schema import Firm

if TYPE_CHECKING:
    from cybergeo.model import CyberspaceModel

FOREIGN_REQUEST_DISCOUNT = 0.5
"""A request from a foreign state is complied with half as often as one from home, unless
that state imposes data localisation on the firms serving its market."""


class FirmAgent(mesa.Agent):
    """A firm with a home jurisdiction, a security investment and a reputation."""

    model: "CyberspaceModel"

    def __init__(self, model: "CyberspaceModel", spec: Firm) -> None:
        super().__init__(model)
        self.spec = spec
        self.reputation = 1.0
        self.complicit_with: set[str] = set()

    @property
    def name(self) -> str:
        return self.spec.id

    def patch_rate(self, base: float) -> float:
        """Chance per step a public flaw in the firm's systems is patched."""
        return min(1.0, base * (0.5 + self.spec.security_investment))

    def comply_probability(self, state: str) -> float:
        """How likely the firm is to grant a state's surveillance or takedown request."""
        discount = 1.0 if self.answers_as_home(state) else FOREIGN_REQUEST_DISCOUNT
        return self.spec.compliance * discount

    def answers_as_home(self, state: str) -> bool:
        """Whether the firm treats the state's requests as its home's: its home, or a
        sovereign-governance state in its market (data kept there, under its law)."""
        if state == self.spec.home:
            return True
        country = next(c for c in self.model.spec.countries if c.id == state)
        serves = not self.spec.markets or state in self.spec.markets
        return country.governance == "sovereign" and serves

    def answer_request(self, state: str) -> bool:
        """Decide on a request; complying makes the firm complicit in that state's programme."""
        complies = bool(self.model.rng.random() < self.comply_probability(state))
        if complies:
            self.complicit_with.add(state)
        return complies
