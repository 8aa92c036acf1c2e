"""The citizens' rules once more, one Mesa agent per citizen: the reference implementation.

`CitizenPopulation` runs society on arrays, fast enough for millions. This module runs the
same rules agent by agent, as they read in the model description, so the two can be checked
against each other (same distributions; the same decisions where the rules draw nothing at
random) and the vectorised version trusted. It is meant for small populations.
"""

import mesa
import numpy as np

from cybergeo.actors.citizens import (
    CENSORSHIP_MEMORY,
    CITIZENS_IN_VISION,
    TRUST_REBUILDING,
    Activity,
    CitizenPopulation,
    criminal_term_weight,
)
from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.scenario.schema import SocietySpec
from cybergeo.world.adjacency import OpenAdjacency


class CitizenAgent(mesa.Agent):
    """One citizen: its beliefs, its activity and the contacts it can see."""

    model: "ReferenceSociety"

    def __init__(self, model: "ReferenceSociety", population: CitizenPopulation, i: int) -> None:
        super().__init__(model)
        self.country = int(population.country[i])
        self.trust_government = float(population.trust_government[i])
        self.attitude = population.attitude[i].astype(float)
        self.hardship = float(population.hardship[i])
        self.risk_aversion = float(population.risk_aversion[i])
        self.censorship_grievance = float(population.censorship_grievance[i])
        self.emboldened = float(population.emboldened[i])
        self.jail_term = int(population.jail_term[i])
        self.arrest_ages = [int(age) for age in population.arrest_ages[i]]
        self.criminalises_repeat = bool(population.criminalises_repeat[self.country])
        self.regime = int(population.regime[self.country])
        self.activity = Activity(int(population.activity[i]))
        self.contacts: list[CitizenAgent] = []
        self.police = 0.0
        self.next_activity = self.activity
        self.arrested = False

    def grievance(self) -> float:
        own = float(grievance(self.hardship, self.trust_government))
        return min(1.0, max(0.0, own + self.censorship_grievance))

    def decide(self) -> None:
        """Epstein's rule, from what the citizen sees before anyone moves this step; a
        repeat offender where repeated protest is a crime gets a criminal term."""
        society = self.model.society
        rng = self.model.rng
        self.arrested = False
        self.arrest_ages = [age + 1 for age in self.arrest_ages]
        protesting = sum(c.activity == Activity.PROTESTING for c in self.contacts)
        actives = 1 + int(self.activity == Activity.PROTESTING) + protesting
        cops = float(rng.poisson(self.police * CITIZENS_IN_VISION))
        perceived = float(arrest_probability(cops, actives, society.arrest_constant))
        criminal_case = (
            self.criminalises_repeat and self.arrest_ages[-1] <= society.repeat_offence_window
        )
        at_stake = criminal_term_weight(society) if criminal_case else 1.0
        risk = self.risk_aversion * perceived * at_stake * (1.0 - self.emboldened)
        if self.activity == Activity.JAILED:
            self.jail_term -= 1
            self.next_activity = Activity.QUIET if self.jail_term <= 0 else Activity.JAILED
            return
        if not activation(self.grievance(), risk, society.activation_threshold):
            self.next_activity = Activity.QUIET
            return
        rate = society.arrest_rate.by_regime()[self.regime]
        self.arrested = bool(rng.random() < min(1.0, rate * cops / actives))
        if not self.arrested:
            self.next_activity = Activity.PROTESTING
            return
        self.jail_term = int(rng.integers(society.max_jail_term))
        if criminal_case:
            self.jail_term = int(
                rng.integers(society.repeat_offence_min_term, society.repeat_offence_max_term + 1)
            )
        self.arrest_ages = [0, *self.arrest_ages[:-1]]
        self.next_activity = Activity.JAILED if self.jail_term > 0 else Activity.QUIET

    def act(self) -> None:
        """Take up the decided activity; trust drifts; resentment of censorship fades."""
        self.activity = self.next_activity
        legitimacy = self.model.legitimacy[self.country]
        drift = self.model.society.trust_recovery * (legitimacy - self.trust_government)
        self.trust_government += drift if drift < 0 else TRUST_REBUILDING * drift
        self.censorship_grievance *= CENSORSHIP_MEMORY

    def talk(self, other: "CitizenAgent") -> None:
        """Deffuant: on each subject on which they are close enough, both move together."""
        society = self.model.society
        gap = other.attitude - self.attitude
        move = np.where(np.abs(gap) < society.confidence_bound, society.convergence * gap, 0.0)
        self.attitude = self.attitude + move
        other.attitude = other.attitude - move


class ReferenceSociety(mesa.Model):
    """Society alone, agent by agent, from a population and its contacts.

    Examples
    --------
    >>> import numpy as np
    >>> from cybergeo.scenario.schema import SocietySpec
    >>> rng = np.random.default_rng(0)
    >>> people = CitizenPopulation.generate(np.zeros(50, dtype=int), np.array([0.3]), rng)
    >>> ties = np.arange(49)
    >>> contacts = OpenAdjacency.build(50, 50, ties, ties + 1, np.zeros(49, dtype=int))
    >>> society = ReferenceSociety(
    ...     people, contacts, np.full(50, 0.01), np.array([0.3]), SocietySpec(), rng=1)
    >>> society.step()
    >>> len(society.citizens)
    50
    """

    def __init__(
        self,
        population: CitizenPopulation,
        contacts: OpenAdjacency,
        police: np.ndarray,
        legitimacy: np.ndarray,
        society: SocietySpec,
        rng: int | np.random.Generator | None = None,
    ) -> None:
        super().__init__(rng=rng)
        self.society = society
        self.legitimacy = legitimacy
        self.citizens = [CitizenAgent(self, population, i) for i in range(len(population))]
        for i, citizen in enumerate(self.citizens):
            citizen.contacts = [self.citizens[j] for j in contacts.contacts_of(i)]
            citizen.police = float(police[i])

    def step(self) -> None:
        """Everyone decides on what they saw, then acts; then, in random order, each citizen
        turns to a random contact and they talk unless either has been named already."""
        self.agents.do("decide")
        self.agents.do("act")
        talked: set[int] = set()
        for speaker in self.agents.shuffle():
            if not speaker.contacts:
                continue
            listener = speaker.contacts[int(self.rng.integers(len(speaker.contacts)))]
            free = speaker.unique_id not in talked and listener.unique_id not in talked
            if free and listener is not speaker:
                speaker.talk(listener)
            talked.update((speaker.unique_id, listener.unique_id))

    def population(self) -> dict[str, np.ndarray]:
        """The agents' state as arrays, to compare with a `CitizenPopulation`."""
        return {
            "trust_government": np.array([c.trust_government for c in self.citizens]),
            "attitude": np.array([c.attitude for c in self.citizens]),
            "censorship_grievance": np.array([c.censorship_grievance for c in self.citizens]),
            "activity": np.array([int(c.activity) for c in self.citizens]),
        }
