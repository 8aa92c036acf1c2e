"""States: spy, attack, censor, surveil, court foreign publics, and answer incidents."""

from typing import TYPE_CHECKING

import mesa
import numpy as np

from cybergeo.actors.zero_days import use_zero_day
from cybergeo.dynamics.operations import STAKES, OperationKind
from cybergeo.scenario.schema import Country, Regime
from cybergeo.world.strata import SoftwareKind, VulnerabilityStatus

if TYPE_CHECKING:
    from cybergeo.model import CyberspaceModel

DISCOUNT = 0.98
"""How much a state values the next step against this one."""

TARGETS = {
    OperationKind.ESPIONAGE: SoftwareKind.GOVERNMENT_NETWORK,
    OperationKind.SABOTAGE: SoftwareKind.INDUSTRIAL_CONTROL,
    OperationKind.DDOS: SoftwareKind.GOVERNMENT_NETWORK,
    OperationKind.INFLUENCE: SoftwareKind.SOCIAL_PLATFORM,
    OperationKind.HACK_AND_LEAK: SoftwareKind.GOVERNMENT_NETWORK,
}
"""The kind of system each kind of state operation goes after."""

REGIME_PREFERENCES = {
    Regime.DEMOCRACY: [0.6, 0.1, 0.05, 0.15, 0.1],
    Regime.HYBRID: [0.4, 0.1, 0.2, 0.2, 0.1],
    Regime.AUTHORITARIAN: [0.35, 0.15, 0.15, 0.2, 0.15],
}
"""Weights of espionage, sabotage, DDoS, influence, hack-and-leak by regime type."""


class StateAgent(mesa.Agent):
    """A state with capabilities, a doctrine and domestic controls."""

    model: "CyberspaceModel"

    def __init__(self, model: "CyberspaceModel", spec: Country, index: int) -> None:
        super().__init__(model)
        self.spec = spec
        self.index = index
        self.legitimacy = spec.legitimacy
        self.surveillance = spec.capabilities.surveillance * (
            1.0 if spec.mass_surveillance else 0.3
        )
        self.censorship = spec.capabilities.censorship
        self.censorship_capacity = spec.capabilities.censorship
        """Censorship capability, raised when national blocking infrastructure is built."""
        self.stakes_multiplier = 1.0

    @property
    def name(self) -> str:
        return self.spec.id

    def zero_days(self) -> np.ndarray:
        """Indices of the zero-days this state holds."""
        systems = self.model.world.systems
        held = systems.status_is(VulnerabilityStatus.ZERO_DAY) & (systems.vuln_holder == self.index)
        return np.flatnonzero(held)

    def choose_operations(self) -> list[tuple[OperationKind, int, int | None]]:
        """Operations to launch this step: (kind, target system, zero-day or None).

        Against each rival, an operation is launched with a chance that grows with the
        tension between them; its kind follows the regime's preferences; a zero-day in the
        target is used only when the stakes pass the Axelrod-Iliev threshold.
        """
        model = self.model
        rng = model.rng
        plans: list[tuple[OperationKind, int, int | None]] = []
        kinds = list(TARGETS)
        for rival in model.rivals_of(self.index):
            tension = model.relations.tension[self.index, rival]
            if rng.random() >= self.spec.operations_rate * (0.5 + tension):
                continue
            kind = kinds[int(rng.choice(len(kinds), p=REGIME_PREFERENCES[self.spec.regime]))]
            target = model.system_of(rival, TARGETS[kind])
            if target is None:
                continue
            stakes = min(
                1.0, STAKES[kind] * (0.5 + tension) * self.stakes_multiplier * rng.random()
            )
            usable = [z for z in self.zero_days() if model.world.systems.vuln_system[z] == target]
            spend = usable and self.spends_zero_day(stakes)
            plans.append((kind, target, int(usable[0]) if spend else None))
        return plans

    def spends_zero_day(self, stakes: float) -> bool:
        """Axelrod & Iliev's timing rule with this state's exploits' stealth and persistence."""
        spec = self.spec
        return use_zero_day(stakes, spec.exploit_stealth, spec.exploit_persistence, DISCOUNT)

    def set_domestic_controls(self, protest_share: float) -> None:
        """Surveillance and censorship follow capability, regime and unrest."""
        capabilities = self.spec.capabilities
        unrest = 1.0 + 2.0 * protest_share
        base = 1.0 if self.spec.mass_surveillance else 0.3
        self.surveillance = min(1.0, capabilities.surveillance * base * unrest)
        if self.spec.regime != Regime.DEMOCRACY:
            self.censorship = min(1.0, self.censorship_capacity * unrest)
        else:
            self.censorship = self.censorship_capacity

    def build_blocking(self, gain: float) -> None:
        """National blocking infrastructure in force: censorship capacity rises by `gain`."""
        self.censorship_capacity = min(1.0, self.censorship_capacity + gain)
