"""Citizens as one vectorised population: each an individual, all stored as arrays.

Index i is citizen i, and also account i of the semantic stratum. Beliefs are in [0, 1].
"""

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from scipy import sparse

from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.dynamics.opinions import contact_matching, encounter
from cybergeo.scenario.schema import SocietySpec

POLICE_VISIBILITY = 10.0
"""Police a citizen sees per unit of police density, for itself and each of its contacts."""
TRUST_REBUILDING = 0.2
"""Trust above legitimacy is lost at the full recovery rate, trust below rebuilt at this share."""
CENSORSHIP_MEMORY = 0.99
"""Share of resentment of censorship kept from one step to the next."""
CIRCUMVENTION_ADOPTION = 0.05
"""Chance per step that a citizen under censorship takes up circumvention tools, times their
privacy awareness."""


class Activity(IntEnum):
    QUIET = 0
    PROTESTING = 1
    JAILED = 2


@dataclass
class CitizenPopulation:
    """Structure of arrays over citizens: trust, attitudes, grievance and activity."""

    country: np.ndarray
    trust_government: np.ndarray
    trust_platforms: np.ndarray
    attitude: np.ndarray
    privacy_awareness: np.ndarray
    hardship: np.ndarray
    risk_aversion: np.ndarray
    censorship_grievance: np.ndarray
    activity: np.ndarray
    emboldened: np.ndarray
    """How far news of protest has made each citizen discount the arrest risk they see."""

    def __len__(self) -> int:
        return len(self.country)

    @classmethod
    def generate(
        cls, country: np.ndarray, legitimacy: np.ndarray, rng: np.random.Generator
    ) -> "CitizenPopulation":
        """Citizens whose initial trust scatters around their state's legitimacy."""
        n, n_countries = len(country), len(legitimacy)
        attitude = np.clip(rng.normal(0.5, 0.1, (n, n_countries)), 0.0, 1.0)
        attitude[np.arange(n), country] = 1.0
        return cls(
            country=country,
            trust_government=np.clip(rng.normal(legitimacy[country], 0.1), 0.0, 1.0),
            trust_platforms=np.clip(rng.normal(0.6, 0.1, n), 0.0, 1.0),
            attitude=attitude,
            privacy_awareness=rng.uniform(0.0, 0.4, n),
            hardship=rng.uniform(0.0, 1.0, n),
            risk_aversion=rng.uniform(0.0, 1.0, n),
            censorship_grievance=np.zeros(n),
            activity=np.zeros(n, dtype=np.int8),
            emboldened=np.zeros(n),
        )

    def grievance(self) -> np.ndarray:
        """Epstein's grievance with trust as perceived legitimacy, plus resentment of censorship."""
        return np.clip(
            grievance(self.hardship, self.trust_government) + self.censorship_grievance, 0, 1
        )

    def live(
        self,
        contacts: sparse.csr_array,
        police: np.ndarray,
        legitimacy: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> int:
        """One step of society: mobilisation, trust drifting back toward legitimacy,
        resentment of censorship fading, conversations. Returns the number of arrests.

        `contacts` is the citizens' adjacency of open ties, `police` the police density each
        citizen lives under, `legitimacy` each state's.
        """
        cops_seen, actives_seen = self.what_citizens_see(contacts, police, rng)
        arrested, _ = self.mobilise(cops_seen, actives_seen, society, rng)
        self.recover_trust(legitimacy, society.trust_recovery)
        self.censorship_grievance *= CENSORSHIP_MEMORY
        speakers, listeners = contact_matching(contacts.indptr, contacts.indices, rng)
        encounter(self.attitude, speakers, listeners, society.confidence_bound, society.convergence)
        return arrested

    def what_citizens_see(
        self, contacts: sparse.csr_array, police: np.ndarray, rng: np.random.Generator
    ) -> tuple[np.ndarray, np.ndarray]:
        """Epstein's vision over the semantic stratum: the police patrolling around a citizen
        and its contacts (a Poisson number, as patrols wander), and the protesters among them
        (counting the citizen itself)."""
        degree = np.diff(contacts.indptr)
        protesting = (self.activity == Activity.PROTESTING).astype(float)
        actives_seen = 1.0 + contacts @ protesting
        cops_seen = rng.poisson(police * (1.0 + degree) * POLICE_VISIBILITY).astype(float)
        return cops_seen, actives_seen

    def mobilise(
        self,
        cops_seen: np.ndarray,
        actives_seen: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> tuple[int, int]:
        """Epstein's civil violence rule for everyone free; arrests and releases.

        A free citizen protests when grievance exceeds net risk (risk aversion times the
        arrest probability they perceive, discounted by how emboldened they are) by the
        activation threshold. Each police patrol in
        sight arrests one of the protesters it sees with the arrest rate, so a protester is
        taken with probability min(1, rate·C/A); a prisoner is released at the release rate.
        Returns how many were arrested and released.
        """
        jailed = self.activity == Activity.JAILED
        perceived = arrest_probability(cops_seen, actives_seen, society.arrest_constant)
        risk = self.risk_aversion * perceived * (1.0 - self.emboldened)
        active = activation(self.grievance(), risk, society.activation_threshold) & ~jailed
        caught = np.minimum(1.0, society.arrest_rate * cops_seen / actives_seen)
        arrested = active & (rng.random(len(self)) < caught)
        released = jailed & (rng.random(len(self)) < society.jail_release_rate)
        self.activity = np.where(active, Activity.PROTESTING, Activity.QUIET).astype(np.int8)
        self.activity[(jailed & ~released) | arrested] = Activity.JAILED
        return int(arrested.sum()), int(released.sum())

    def recover_trust(self, legitimacy: np.ndarray, rate: float) -> None:
        """Trust drifts toward the state's legitimacy: quickly down, slowly back up."""
        drift = rate * (legitimacy[self.country] - self.trust_government)
        self.trust_government += np.minimum(drift, 0.0) + TRUST_REBUILDING * np.maximum(drift, 0.0)

    def adopt_circumvention(
        self, circumvents: np.ndarray, censored: np.ndarray, rng: np.random.Generator
    ) -> int:
        """Under censorship (`censored` per country), privacy-aware citizens take up
        circumvention tools; `circumvents` (per account, citizens first) is updated in
        place. Returns how many did."""
        n = len(self)
        candidates = censored[self.country] & ~circumvents[:n]
        adopt = candidates & (rng.random(n) < CIRCUMVENTION_ADOPTION * self.privacy_awareness)
        circumvents[:n] |= adopt
        return int(adopt.sum())

    def share(self, mask: np.ndarray, n_countries: int) -> np.ndarray:
        """Per country, the share of citizens for which `mask` holds."""
        total = np.bincount(self.country, minlength=n_countries)
        hits = np.bincount(self.country, weights=mask.astype(float), minlength=n_countries)
        return np.divide(hits, total, out=np.zeros(n_countries), where=total > 0)

    def mean_by_country(self, values: np.ndarray, n_countries: int) -> np.ndarray:
        total = np.bincount(self.country, minlength=n_countries)
        sums = np.bincount(self.country, weights=values, minlength=n_countries)
        return np.divide(sums, total, out=np.zeros(n_countries), where=total > 0)
