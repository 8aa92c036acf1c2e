"""Citizens as one vectorised population: each an individual, all stored as arrays.

Index i is citizen i, and also account i of the semantic stratum. Beliefs are in [0, 1].
"""

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.scenario.schema import SocietySpec


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
        )

    def grievance(self) -> np.ndarray:
        """Epstein's grievance with trust as perceived legitimacy, plus resentment of censorship."""
        return np.clip(
            grievance(self.hardship, self.trust_government) + self.censorship_grievance, 0, 1
        )

    def mobilise(
        self,
        cops_seen: np.ndarray,
        actives_seen: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> tuple[int, int]:
        """Epstein's civil violence rule for everyone free; arrests and releases.

        A free citizen protests when grievance exceeds net risk (risk aversion times the
        arrest probability they perceive) by the activation threshold; a protester is
        arrested with that probability times the police's arrest rate, and a prisoner is
        released at the release rate. Returns how many were arrested and released.
        """
        jailed = self.activity == Activity.JAILED
        perceived = arrest_probability(cops_seen, actives_seen, society.arrest_constant)
        risk = self.risk_aversion * perceived
        active = activation(self.grievance(), risk, society.activation_threshold) & ~jailed
        arrested = active & (rng.random(len(self)) < perceived * society.arrest_rate)
        released = jailed & (rng.random(len(self)) < society.jail_release_rate)
        self.activity = np.where(active, Activity.PROTESTING, Activity.QUIET).astype(np.int8)
        self.activity[(jailed & ~released) | arrested] = Activity.JAILED
        return int(arrested.sum()), int(released.sum())

    def share(self, mask: np.ndarray, n_countries: int) -> np.ndarray:
        """Per country, the share of citizens for which `mask` holds."""
        total = np.bincount(self.country, minlength=n_countries)
        hits = np.bincount(self.country, weights=mask.astype(float), minlength=n_countries)
        return np.divide(hits, total, out=np.zeros(n_countries), where=total > 0)

    def mean_by_country(self, values: np.ndarray, n_countries: int) -> np.ndarray:
        total = np.bincount(self.country, minlength=n_countries)
        sums = np.bincount(self.country, weights=values, minlength=n_countries)
        return np.divide(sums, total, out=np.zeros(n_countries), where=total > 0)
