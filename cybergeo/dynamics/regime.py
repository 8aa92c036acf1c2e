"""Regime outcomes: how a state answers a crisis in its streets (concession, repression)
and when it falls.

A crisis opens when the protest share passes a threshold. A democracy concedes at once and
does not fall (its streets are answered by concessions and elections). A hybrid or
authoritarian regime represses (more police), concedes if the crisis lasts, and falls if
the streets stay full for long enough: the '3.5 % rule' of Chenoweth & Stephan
(2011), read as a threshold held over days. The rules, with their reasons, are in
docs/ODD.md (7.45).
"""

from enum import IntEnum

import numpy as np

from cybergeo.actors.citizens import NEVER_ARRESTED, Activity
from cybergeo.scenario.schema import Regime
from cybergeo.scenario.uprisings import RegimeOutcomeSpec
from cybergeo.view import ModelView

CRISIS_HYSTERESIS = 0.5
"""A crisis closes only when protest falls below this share of the share that opened it,
so that it does not flicker open and shut at the threshold."""


class RegimeStatus(IntEnum):
    STABLE = 0
    CRISIS = 1
    FALLEN = 2


def crisis_step(
    status: RegimeStatus, protest: float, held: int, spec: RegimeOutcomeSpec
) -> tuple[RegimeStatus, int]:
    """The next status of a regime and the steps its streets have been full, given this
    step's protest share.

    Examples
    --------
    >>> spec = RegimeOutcomeSpec(crisis_share=0.01, fall_share=0.03, fall_after=2)
    >>> crisis_step(RegimeStatus.STABLE, 0.02, 0, spec)
    (<RegimeStatus.CRISIS: 1>, 0)
    >>> crisis_step(RegimeStatus.CRISIS, 0.05, 1, spec)
    (<RegimeStatus.FALLEN: 2>, 2)
    >>> crisis_step(RegimeStatus.CRISIS, 0.008, 1, spec)
    (<RegimeStatus.CRISIS: 1>, 0)
    >>> crisis_step(RegimeStatus.CRISIS, 0.0, 1, spec)
    (<RegimeStatus.STABLE: 0>, 0)
    """
    if status == RegimeStatus.FALLEN:
        return status, held
    opening = spec.crisis_share * (CRISIS_HYSTERESIS if status == RegimeStatus.CRISIS else 1.0)
    if protest < opening:
        return RegimeStatus.STABLE, 0
    held = held + 1 if protest >= spec.fall_share else 0
    return (RegimeStatus.FALLEN if held >= spec.fall_after else RegimeStatus.CRISIS), held


class RegimeWatch:
    """Each state's regime status in one run, and its answers to crises."""

    def __init__(self, model: ModelView, spec: RegimeOutcomeSpec) -> None:
        self.model = model
        self.spec = spec
        n = len(model.countries)
        self.status = np.full(n, RegimeStatus.STABLE, dtype=np.int8)
        self.held = np.zeros(n, dtype=np.int64)
        self.crisis_steps = np.zeros(n, dtype=np.int64)
        self.conceded = np.zeros(n, dtype=bool)

    def answer(self, protest: np.ndarray) -> list[int]:
        """Phase 2, after domestic controls: each state's status moves with last step's
        protest share; it represses, concedes or falls. Returns the states that fell."""
        model, spec = self.model, self.spec
        fallen: list[int] = []
        for state in model.states:
            i = state.index
            democracy = state.spec.regime == Regime.DEMOCRACY
            before = RegimeStatus(self.status[i])
            after, self.held[i] = crisis_step(before, float(protest[i]), int(self.held[i]), spec)
            if democracy and after == RegimeStatus.FALLEN:
                after = RegimeStatus.CRISIS
            self.status[i] = after
            if after == RegimeStatus.FALLEN and before != RegimeStatus.FALLEN:
                self._fall(i)
                fallen.append(i)
                continue
            if after != RegimeStatus.CRISIS:
                self.crisis_steps[i] = 0
                continue
            self.crisis_steps[i] += 1
            if before == RegimeStatus.STABLE:
                model.emit("regime_crisis", state.name, None, detail=f"protest {protest[i]:.3f}")
            if democracy or self.crisis_steps[i] == spec.concession_after:
                self._concede(i)
            if not democracy:
                state.surveillance = min(1.0, state.surveillance * spec.repression)
                own = model.citizens.country == i
                model.citizens.censorship_grievance[own] += spec.backfire
                if self.crisis_steps[i] == 1:
                    model.emit("repression", state.name, None)
        return fallen

    def _concede(self, i: int) -> None:
        if self.conceded[i]:
            return
        state = self.model.states[i]
        self.conceded[i] = True
        state.legitimacy = min(1.0, state.legitimacy + self.spec.concession_gain)
        self.model.emit("concession", state.name, None, detail=f"legitimacy {state.legitimacy:.2f}")

    def _fall(self, i: int) -> None:
        """The regime falls: a new government with fresh legitimacy, prisoners freed and
        their records wiped, the streets go home trusting it at least as much."""
        model, citizens = self.model, self.model.citizens
        state = model.states[i]
        state.legitimacy = self.spec.new_legitimacy
        own = citizens.country == i
        citizens.trust_government[own] = np.maximum(
            citizens.trust_government[own], self.spec.new_legitimacy
        )
        citizens.censorship_grievance[own] = 0.0
        citizens.activity[own & (citizens.activity == Activity.JAILED)] = Activity.QUIET
        citizens.arrest_ages[own] = NEVER_ARRESTED
        model.emit("regime_fall", state.name, None)
        model.count("regime_falls")

    def metrics(self) -> dict[str, float]:
        """Each state's status (0 stable, 1 crisis, 2 fallen) and the falls this step."""
        model = self.model
        values = {"regime_falls": float(model.counted("regime_falls"))}
        for i, country in enumerate(model.countries):
            values[f"regime_status.{country}"] = float(self.status[i])
        return values
