"""Citizens as one vectorised population: each an individual, all stored as arrays.

Index i is citizen i, and also account i of the semantic stratum. Beliefs are in [0, 1],
stored as float32 (a million citizens' state fits in a few tens of megabytes).
"""

from dataclasses import dataclass, field
from enum import IntEnum
from itertools import pairwise

import numpy as np

from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.dynamics.opinions import encounter
from cybergeo.scenario.schema import SocietySpec
from cybergeo.world.adjacency import OpenAdjacency

CITIZENS_IN_VISION = 104
"""Citizens within a citizen's vision in Epstein's Model I at NetLogo's defaults: 149 cells
within radius 7, 70 % of them occupied. The police it sees are drawn over as many people,
whatever its online contacts."""
TRUST_REBUILDING = 0.2
"""Trust above legitimacy is lost at the full recovery rate, trust below rebuilt at this share."""
CENSORSHIP_MEMORY = 0.99
"""Share of resentment of censorship kept from one step to the next."""
NEVER_ARRESTED = 1 << 30
"""Steps since an arrest that never happened: older than any window."""
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
    jail_term: np.ndarray
    """Steps each prisoner has still to serve."""
    arrest_ages: np.ndarray
    """Steps since each citizen's most recent arrests, most recent first (citizens × the
    arrests the repeat-offence rule remembers)."""
    criminalises_repeat: np.ndarray
    """Per country, whether repeated protest arrests become a criminal case (7.26)."""
    regime: np.ndarray
    """Per country, its regime's position in `Regime`: how its police treat protest."""
    _spans: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.country)

    @classmethod
    def generate(
        cls,
        country: np.ndarray,
        legitimacy: np.ndarray,
        rng: np.random.Generator,
        criminalises_repeat: np.ndarray | None = None,
        remembered_arrests: int = SocietySpec().repeat_offence_after + 1,
        regime: np.ndarray | None = None,
    ) -> "CitizenPopulation":
        """Citizens who start out trusting their state as much as it is legitimate (Epstein:
        legitimacy is the same for all; trust then moves with what each citizen learns),
        never arrested. `criminalises_repeat` says per country whether repeated protest
        becomes a criminal case (nowhere unless given); `remembered_arrests` is
        `society.repeat_offence_after` + 1; `regime` gives each country's position in
        `Regime` (democracies unless given)."""
        n, n_countries = len(country), len(legitimacy)
        if criminalises_repeat is None:
            criminalises_repeat = np.zeros(n_countries, dtype=bool)
        if regime is None:
            regime = np.zeros(n_countries, dtype=np.int8)
        attitude = _belief(rng.normal(0.5, 0.1, (n, n_countries)))
        attitude[np.arange(n), country] = 1.0
        return cls(
            country=country,
            trust_government=_belief(legitimacy[country]),
            trust_platforms=_belief(rng.normal(0.6, 0.1, n)),
            attitude=attitude,
            privacy_awareness=rng.uniform(0.0, 0.4, n).astype(np.float32),
            hardship=rng.uniform(0.0, 1.0, n).astype(np.float32),
            risk_aversion=rng.uniform(0.0, 1.0, n).astype(np.float32),
            censorship_grievance=np.zeros(n, dtype=np.float32),
            activity=np.zeros(n, dtype=np.int8),
            emboldened=np.zeros(n, dtype=np.float32),
            jail_term=np.zeros(n, dtype=np.int32),
            arrest_ages=np.full((n, remembered_arrests), NEVER_ARRESTED, dtype=np.int32),
            criminalises_repeat=criminalises_repeat,
            regime=regime,
        )

    def grievance(self) -> np.ndarray:
        """Epstein's grievance with trust as perceived legitimacy, plus resentment of censorship."""
        return np.clip(
            grievance(self.hardship, self.trust_government) + self.censorship_grievance, 0, 1
        )

    def live(
        self,
        contacts: OpenAdjacency,
        police: np.ndarray,
        legitimacy: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> int:
        """One step of society: mobilisation, trust drifting back toward legitimacy,
        resentment of censorship fading, conversations. Returns the number of arrests.

        `contacts` is the adjacency of open ties (citizens' rows first), `police` the police
        density each citizen lives under, `legitimacy` each state's.
        """
        grievance = self.grievance()
        free = self.activity != Activity.JAILED
        may_act = np.flatnonzero(free & (grievance > society.activation_threshold))
        cops_seen, actives_seen = self.what_citizens_see(contacts, police, may_act, rng)
        arrested, _ = self.mobilise(
            may_act, grievance[may_act], cops_seen, actives_seen, society, rng
        )
        self.recover_trust(legitimacy, society.trust_recovery)
        self.censorship_grievance *= CENSORSHIP_MEMORY
        speakers, listeners = contacts.contact_pairs(rng)
        encounter(self.attitude, speakers, listeners, society.confidence_bound, society.convergence)
        return arrested

    def what_citizens_see(
        self,
        contacts: OpenAdjacency,
        police: np.ndarray,
        who: np.ndarray,
        rng: np.random.Generator,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Epstein's vision in the full model, for the citizens `who`. The police a citizen
        sees patrol its street: a Poisson number over `CITIZENS_IN_VISION` people at its
        country's police density, whatever its online contacts. The protesters it sees are
        NetLogo's 1 + the actives in vision (itself included when it protests): its contacts
        who protest, as online ties are how it learns who is out; without them it sees only
        itself."""
        protesting = self.activity == Activity.PROTESTING
        actives_seen = 1 + protesting[who] + contacts.count_among_contacts(protesting)[who]
        cops_seen = rng.poisson(police[who] * CITIZENS_IN_VISION).astype(np.float32)
        return cops_seen, actives_seen

    def mobilise(
        self,
        who: np.ndarray,
        grievance: np.ndarray,
        cops_seen: np.ndarray,
        actives_seen: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> tuple[int, int]:
        """Epstein's civil violence rule; arrests and releases. `who` are the free citizens
        whose grievance passes the threshold (nobody else can protest, whatever the risk);
        `grievance`, `cops_seen` and `actives_seen` are theirs.

        Such a citizen protests when grievance exceeds net risk (risk aversion times the
        arrest probability they perceive times the term at stake, discounted by how
        emboldened they are) by the activation threshold. Each police patrol in sight
        arrests one of the protesters it sees with its regime's arrest rate, so a protester
        is taken with probability min(1, rate·C/A). As in NetLogo's Rebellion, the arrested get
        a term drawn from 0 to `max_jail_term` − 1 steps (none with a term of 0), and a
        prisoner is released once it has served it. Where repeated protest is a crime
        (Russia's art. 212.1), an arrest after more than `repeat_offence_after` within
        `repeat_offence_window` steps is a criminal case instead: a term drawn from
        `repeat_offence_min_term` to `repeat_offence_max_term` steps. Returns how many were
        arrested and released.
        """
        if self.arrest_ages.shape[1] != society.repeat_offence_after + 1:
            raise ValueError("citizens remember a different number of arrests than the rule counts")
        self.arrest_ages += 1
        jailed = np.flatnonzero(self.activity == Activity.JAILED)
        self.jail_term[jailed] -= 1
        released = jailed[self.jail_term[jailed] <= 0]
        perceived = arrest_probability(cops_seen, actives_seen, society.arrest_constant)
        undaunted = 1 - self.emboldened[who]
        risk = self.risk_aversion[who] * perceived * self.term_at_stake(who, society) * undaunted
        acts = activation(grievance, risk, society.activation_threshold)
        active = who[acts]
        arrested = self.arrest(active, cops_seen[acts], actives_seen[acts], society, rng)
        self.activity = np.zeros(len(self), dtype=np.int8)
        self.activity[active] = Activity.PROTESTING
        self.activity[jailed] = Activity.JAILED
        self.activity[released] = Activity.QUIET
        self.activity[arrested] = np.where(
            self.jail_term[arrested] > 0, Activity.JAILED, Activity.QUIET
        )
        return len(arrested), len(released)

    def arrest(
        self,
        active: np.ndarray,
        cops_seen: np.ndarray,
        actives_seen: np.ndarray,
        society: SocietySpec,
        rng: np.random.Generator,
    ) -> np.ndarray:
        """The protesters `active` the police take (each with its regime's arrest rate times
        the cops it sees over the protesters it sees), each given a term. Returns them."""
        if len(active) == 0:
            return active
        rate = np.asarray(society.arrest_rate.by_regime())[self.regime[self.country[active]]]
        caught = np.minimum(1.0, rate * cops_seen / actives_seen)
        arrested = active[rng.random(len(active)) < caught]
        self.jail_term[arrested] = rng.integers(society.max_jail_term, size=len(arrested))
        self.convict_repeat_offenders(arrested, society, rng)
        return arrested

    def convict_repeat_offenders(
        self, arrested: np.ndarray, society: SocietySpec, rng: np.random.Generator
    ) -> None:
        """The `arrested` whose oldest remembered arrest is within the window, in a country
        that makes repeated protest a crime, get a criminal term; every arrest is remembered."""
        ages = self.arrest_ages[arrested]
        convicted = arrested[self.faces_criminal_case(arrested, society)]
        self.jail_term[convicted] = rng.integers(
            society.repeat_offence_min_term, society.repeat_offence_max_term + 1, len(convicted)
        )
        self.arrest_ages[arrested, 1:] = ages[:, :-1]
        self.arrest_ages[arrested, 0] = 0

    def faces_criminal_case(self, who: np.ndarray, society: SocietySpec) -> np.ndarray:
        """Whether another arrest would be a criminal case for each citizen in `who`: its
        country makes repeated protest a crime and its oldest remembered arrest is within
        `repeat_offence_window`."""
        oldest = self.arrest_ages[who, -1]
        return self.criminalises_repeat[self.country[who]] & (
            oldest <= society.repeat_offence_window
        )

    def term_at_stake(self, who: np.ndarray, society: SocietySpec) -> np.ndarray:
        """For each citizen in `who`, what an arrest now would cost it in steps out of
        circulation, in units of an ordinary arrest's: 1, or the mean criminal term's weight
        for those facing a criminal case (Becker 1968: expected punishment is probability
        times severity). It is why few of those Russia's art. 212.1 threatens ever meet it."""
        if not self.criminalises_repeat.any():
            return np.ones(len(who), dtype=np.float32)
        weight = criminal_term_weight(society)
        return np.where(self.faces_criminal_case(who, society), weight, 1.0).astype(np.float32)

    def recover_trust(self, legitimacy: np.ndarray, rate: float) -> None:
        """Trust drifts toward the state's legitimacy: quickly down, slowly back up."""
        target = legitimacy.astype(np.float32)[self.country]
        drift = np.float32(rate) * (target - self.trust_government)
        self.trust_government += np.minimum(drift, 0) + np.float32(TRUST_REBUILDING) * np.maximum(
            drift, 0
        )

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
        return self.mean_by_country(mask, n_countries)

    def mean_by_country(self, values: np.ndarray, n_countries: int) -> np.ndarray:
        """Per country, the mean of `values` over its citizens (0 where it has none)."""
        spans = self._country_spans(n_countries)
        if spans is None:
            total = np.bincount(self.country, minlength=n_countries)
            sums = np.bincount(self.country, weights=values, minlength=n_countries)
            return np.divide(sums, total, out=np.zeros(n_countries), where=total > 0)
        return np.array(
            [values[a:b].sum(dtype=np.float64) / (b - a) if b > a else 0.0 for a, b in spans]
        )

    def mean_abroad(self, n_countries: int) -> np.ndarray:
        """Each state's standing abroad: the mean attitude toward it of foreign citizens."""
        spans = self._country_spans(n_countries)
        if spans is None:
            everyone = self.attitude.sum(axis=0, dtype=np.float64)
            own = self.attitude[np.arange(len(self)), self.country]
            home = np.bincount(self.country, weights=own, minlength=n_countries)
            total = np.bincount(self.country, minlength=n_countries)
        else:
            # one column of one country at a time: a 1-D sum, pairwise and fast, where a
            # sum down the rows of the (citizens, countries) array adds row after row
            by_country = np.array(
                [
                    [self.attitude[a:b, c].sum(dtype=np.float64) for c in range(n_countries)]
                    for a, b in spans
                ]
            )
            everyone, home = by_country.sum(axis=0), np.diag(by_country)
            total = np.array([b - a for a, b in spans])
        return (everyone - home) / np.maximum(len(self) - total, 1)

    def _country_spans(self, n_countries: int) -> list[tuple[int, int]] | None:
        """Where each country's citizens start and end, when citizens are sorted by country
        (as the model makes them); None otherwise."""
        if self._spans is None:
            sorted_by_country = bool(np.all(self.country[1:] >= self.country[:-1]))
            bounds = np.searchsorted(self.country, np.arange(n_countries + 1))
            self._spans = list(pairwise(bounds.tolist())) if sorted_by_country else []
        return self._spans if len(self._spans) == n_countries else None


def _belief(values: np.ndarray) -> np.ndarray:
    """Draws clipped to [0, 1], stored as float32."""
    return np.clip(values, 0.0, 1.0).astype(np.float32)


def criminal_term_weight(society: SocietySpec) -> float:
    """Steps a criminal case costs (the arrest and a mean term) over those an ordinary arrest
    costs (the arrest and NetLogo's mean term)."""
    criminal = 1 + (society.repeat_offence_min_term + society.repeat_offence_max_term) / 2
    return criminal / (1 + (society.max_jail_term - 1) / 2)
