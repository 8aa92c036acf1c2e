"""Relations between states: tension that moves with events and decays, and an escalation ladder."""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.dynamics.kinds import Escalation
from cybergeo.scenario.schema import Scenario

ALLY_BASELINE = 0.1
RIVAL_BASELINE = 0.5
NEUTRAL_BASELINE = 0.25


@dataclass
class Relations:
    """Symmetric tension in [0, 1] per pair of states, around a baseline set by alliances
    and rivalries, with the highest rung of escalation each pair has reached."""

    baseline: np.ndarray
    allied: np.ndarray
    tension: np.ndarray = field(init=False)
    escalation: np.ndarray = field(init=False)
    _pairs: tuple[np.ndarray, np.ndarray] = field(init=False, repr=False)
    """Each pair of states once: the matrices' upper triangle."""

    def __post_init__(self) -> None:
        self.tension = self.baseline.copy()
        self.escalation = np.zeros_like(self.baseline, dtype=np.int8)
        self._pairs = np.triu_indices_from(self.tension, k=1)

    def shock(self, a: int, b: int, amount: float) -> None:
        """Raise (or, negative, lower) the tension between two states, staying in [0, 1]."""
        if a == b:
            return
        value = float(np.clip(self.tension[a, b] + amount, 0.0, 1.0))
        self.tension[a, b] = self.tension[b, a] = value

    def escalate(self, a: int, b: int, level: Escalation) -> None:
        if a != b and level > self.escalation[a, b]:
            self.escalation[a, b] = self.escalation[b, a] = level

    def agree(self, a: int, b: int, relief: float) -> None:
        """A norm or agreement between two states: tension, and the level it returns to,
        fall by `relief`."""
        if a == b:
            return
        lowered = max(0.0, self.baseline[a, b] - relief)
        self.baseline[a, b] = self.baseline[b, a] = lowered
        self.shock(a, b, -relief)

    def decay(self, rate: float) -> None:
        """Tension relaxes back towards its baseline at `rate` per step."""
        self.tension += rate * (self.baseline - self.tension)

    def mean_tension(self) -> float:
        return float(self.tension[self._pairs].mean()) if len(self._pairs[0]) else 0.0


def initial_relations(scenario: Scenario) -> Relations:
    """Baseline tension: low between allies, high between rivals, in between otherwise."""
    index = {c.id: i for i, c in enumerate(scenario.countries)}
    n = len(index)
    baseline = np.full((n, n), NEUTRAL_BASELINE)
    allied = np.zeros((n, n), dtype=bool)
    for country in scenario.countries:
        i = index[country.id]
        for other in country.allies:
            allied[i, index[other]] = allied[index[other], i] = True
        for other in country.rivals:
            baseline[i, index[other]] = baseline[index[other], i] = RIVAL_BASELINE
    baseline[allied] = ALLY_BASELINE
    np.fill_diagonal(baseline, 0.0)
    return Relations(baseline=baseline, allied=allied)
