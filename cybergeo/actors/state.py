"""States: spy, attack, censor, surveil, court foreign publics, and answer incidents."""

from collections.abc import Iterable

import mesa
import numpy as np

from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.zero_days import use_zero_day
from cybergeo.dynamics.operations import STAKES, OperationKind
from cybergeo.scenario.schema import Country, Ideology, Regime
from cybergeo.world.software import Systems
from cybergeo.world.strata import SoftwareKind, VulnerabilityStatus

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
CO_OPTION_TENSION = 0.6
"""Tension with a rival above which a state looks for a deniable proxy among its patriots."""
CO_OPTION_RATE = 0.05
"""Chance per step that such a state co-opts an unsponsored patriotic group at home."""
CENSORSHIP_LEVEL = 0.5
"""Censorship level above which a state may block foreign platforms on its own initiative."""
BLOCKING_RATE = 0.05
"""Chance per step of such a block, times the censorship level."""


DOMESTIC_REACH = {Regime.DEMOCRACY: 0.3, Regime.HYBRID: 0.6, Regime.AUTHORITARIAN: 1.0}
"""Share of its surveillance capability a state can turn on its own citizens."""
WITHOUT_PROGRAMME = 0.3
"""Share of its foreign intelligence capability a state has without a mass-collection
programme."""


class StateAgent(mesa.Agent):
    """A state with capabilities, a doctrine and domestic controls."""

    def __init__(self, model: mesa.Model, spec: Country, index: int, rivals: list[int]) -> None:
        super().__init__(model)
        self.spec = spec
        self.index = index
        self.rivals = rivals
        """Indices of the states it counts as rivals (`countries[].rivals`)."""
        self.legitimacy = spec.legitimacy
        self.surveillance = spec.capabilities.surveillance * DOMESTIC_REACH[spec.regime]
        self.censorship = spec.capabilities.censorship
        self.censorship_capacity = spec.capabilities.censorship
        """Censorship capability, raised when national blocking infrastructure is built."""
        self.stakes_multiplier = 1.0

    @property
    def name(self) -> str:
        return self.spec.id

    @property
    def intelligence(self) -> float:
        """Foreign signals intelligence: the capability, at full strength while a
        mass-collection programme with the platforms' help runs (PRISM targeted foreigners),
        at `WITHOUT_PROGRAMME` of it otherwise."""
        programme = self.name in self.model.surveillance_programmes
        return self.spec.capabilities.intelligence * (1.0 if programme else WITHOUT_PROGRAMME)

    def zero_days(self, systems: Systems) -> np.ndarray:
        """Indices of the zero-days this state holds."""
        held = systems.status_is(VulnerabilityStatus.ZERO_DAY) & (systems.vuln_holder == self.index)
        return np.flatnonzero(held)

    def choose_operations(
        self, tension: np.ndarray, systems: Systems
    ) -> list[tuple[OperationKind, int, int | None]]:
        """Operations to launch this step: (kind, target system, zero-day or None).

        Against each rival, an operation is launched with a chance that grows with the
        tension between them; its kind follows the regime's preferences; a zero-day in the
        target is used only when the stakes pass the Axelrod-Iliev threshold. `tension` is
        this state's row of the tension matrix.
        """
        rng = self.rng
        plans: list[tuple[OperationKind, int, int | None]] = []
        kinds = list(TARGETS)
        for rival in self.rivals:
            strain = tension[rival]
            if rng.random() >= self.spec.operations_rate * (0.5 + strain):
                continue
            kind = kinds[int(rng.choice(len(kinds), p=REGIME_PREFERENCES[self.spec.regime]))]
            target = systems.first_of(rival, TARGETS[kind])
            if target is None:
                continue
            stakes = min(1.0, STAKES[kind] * (0.5 + strain) * self.stakes_multiplier * rng.random())
            usable = [z for z in self.zero_days(systems) if systems.vuln_system[z] == target]
            spend = usable and self.spends_zero_day(stakes)
            plans.append((kind, target, int(usable[0]) if spend else None))
        return plans

    def spends_zero_day(self, stakes: float) -> bool:
        """Axelrod & Iliev's timing rule with this state's exploits' stealth and persistence."""
        spec = self.spec
        return use_zero_day(stakes, spec.exploit_stealth, spec.exploit_persistence, DISCOUNT)

    def set_domestic_controls(self, protest_share: float) -> None:
        """Domestic surveillance and censorship follow capability, regime and unrest: the
        law lets a democracy turn a third of its capability on its own citizens, a hybrid
        regime two thirds, an authoritarian one all of it."""
        capabilities = self.spec.capabilities
        unrest = 1.0 + 2.0 * protest_share
        reach = DOMESTIC_REACH[self.spec.regime]
        self.surveillance = min(1.0, capabilities.surveillance * reach * unrest)
        if self.spec.regime != Regime.DEMOCRACY:
            self.censorship = min(1.0, self.censorship_capacity * unrest)
        else:
            self.censorship = self.censorship_capacity

    def build_blocking(self, gain: float) -> None:
        """National blocking infrastructure in force: censorship capacity rises by `gain`."""
        self.censorship_capacity = min(1.0, self.censorship_capacity + gain)

    def decides_to_block(self) -> bool:
        """Whether a heavily censoring state blocks foreign platforms this step."""
        return self.censorship > CENSORSHIP_LEVEL and bool(
            self.rng.random() < self.censorship * BLOCKING_RATE
        )

    def posts_diplomacy(self, rate: float) -> bool:
        """Whether its channel courts foreign publics this step (`information.diplomacy_rate`
        times its influence)."""
        return bool(self.rng.random() < rate * self.spec.capabilities.influence)

    def co_opt_proxies(
        self, groups: Iterable[HacktivistGroup], tension: np.ndarray
    ) -> list[HacktivistGroup]:
        """Under high tension with a rival, co-opt unsponsored patriotic groups at home, which
        from then on carry out some of its operations (a secret: only the truth log knows).
        Returns the groups co-opted this step."""
        if not self.rivals or tension[self.rivals].max() <= CO_OPTION_TENSION:
            return []
        co_opted = []
        for group in groups:
            patriots_at_home = (
                group.spec.ideology == Ideology.PATRIOTIC and group.spec.home == self.name
            )
            if patriots_at_home and group.sponsor is None and self.rng.random() < CO_OPTION_RATE:
                group.sponsor = self.name
                co_opted.append(group)
        return co_opted
